/**
 * PostgreSQL: the record that a message is being handed to the mail server, on a connection of its own (ADR 10).
 *
 * The sender writes it just before it sends the message's last line (the "." that makes the mail server take
 * it), so that a sender killed after that point never sends the message again. The window in which a kill leaves a
 * message recorded but not sent must be as short as can be: so the statement goes out on a connection that is
 * idle (it is written to the socket when `record` resolves, not queued behind the requests' statements in the
 * pool), and the sender sends the last line at once, without waiting for the answer. The kernel delivers both
 * even if the process dies the next moment. `done` tells afterwards whether the row was still this sender's claim.
 */
import pg from 'pg';

const STATEMENT = `update outbox set handed_ms = $1
  where id = $2 and status = 'sending' and claimed_until_ms = $3 and handed_ms is null`;

export interface HandOvers {
  record(id: string, claimedUntilMs: number, nowMs: number): Promise<{ done: Promise<boolean> }>;
  close(): Promise<void>;
}

export function postgresHandOvers(config: pg.ClientConfig, onError: (error: Error) => void): HandOvers {
  let client: Promise<pg.Client> | null = null;
  // One statement at a time: a statement given to a busy client waits in its queue, and would go out too late.
  let turn: Promise<void> = Promise.resolve();
  const connected = (): Promise<pg.Client> => {
    client ??= (async () => {
      const c = new pg.Client({ ...config, application_name: 'ics-hand-over' });
      c.on('error', (error) => { client = null; onError(error); });
      try {
        await c.connect();
      } catch (error) {
        client = null;
        throw error;
      }
      return c;
    })();
    return client;
  };
  return {
    async record(id, claimedUntilMs, nowMs) {
      const previous = turn;
      let release!: () => void;
      turn = new Promise<void>((resolve) => { release = resolve; });
      await previous;
      try {
        const c = await connected();
        const done = c.query(STATEMENT, [nowMs, id, claimedUntilMs]).then((r) => r.rowCount === 1);
        done.then(release, release);
        return { done };
      } catch (error) {
        release();
        throw error;
      }
    },
    async close() {
      const c = await client?.catch(() => null);
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
