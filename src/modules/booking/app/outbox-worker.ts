/**
 * Delivers the outbox. Messages are claimed for a while before sending (a crashed sender's claim runs out and
 * another takes it), worded from the booking as it was at the event (messages.ts), sent with a Message-ID fixed
 * when the message was written, and marked sent after the mail server accepted them. Just before the mail server
 * can have a message, its hand-over is recorded: a sender killed after that point has sent it, and it is never sent
 * again; one killed before it has not (the server drops a message cut off before its end), and it is sent again
 * (ADR 10). A failed send is tried again later, waiting longer each time, and given up after
 * `maxAttempts` (the message stays in the table as failed, for staff to see).
 */
import type { BookingStore } from '../ports/booking-store.js';
import type { Clock } from '../../../platform/clock/clock.js';
import type { Mailer } from '../../../platform/mail/mailer-port.js';
import { type MessageContext, composeOutgoing } from './messages.js';

export interface OutboxOptions {
  leaseMs: number;
  batch: number;
  maxAttempts: number;
  /** The domain in Message-IDs. */
  domain: string;
  /** Told of what an operator should know: a message handed over with no answer after it (counted as sent). */
  warn?: (message: string) => void;
}

export const DEFAULT_OUTBOX: OutboxOptions = { leaseMs: 60_000, batch: 20, maxAttempts: 10, domain: 'ics.localhost' };

/** 30 s, 1 min, 2 min, ... up to an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export async function deliverDue(
  store: BookingStore, mailer: Mailer, clock: Clock, messages: MessageContext, options: OutboxOptions = DEFAULT_OUTBOX,
): Promise<{ sent: number; failed: number }> {
  const claimed = await store.claimMessages(clock.now().getTime(), options.leaseMs, options.batch);
  let sent = 0;
  let failed = 0;
  await Promise.all(claimed.map(async (m) => {
    let handedOver: Promise<boolean> | null = null;
    try {
      // Worded now, from the booking as it was at the event (the same words on every try).
      const { subject, text, ics } = composeOutgoing(messages, m);
      await mailer.send({
        messageId: `<${m.id}@${options.domain}>`, to: m.to, subject, text, ics,
        icsMethod: m.kind === 'cancelled' ? 'CANCEL' : 'PUBLISH',
      }, {
        // Just before the mail server can have the message: recorded, so that it is never sent twice (ADR 10). With
        // less than a third of the claim left, another sender may soon take the message: this one lets it go.
        beforeEnd: async () => {
          const nowMs = clock.now().getTime();
          if (nowMs > m.claimedUntilMs - options.leaseMs / 3) throw new Error('the claim on the message ran low before it was handed over');
          const { done } = await store.handOver(m.id, m.claimedUntilMs, nowMs);
          handedOver = done.catch(() => false);
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Handed over and then no answer (the connection broke, or timed out): the server may have it. It is not sent
      // again: once at most, rather than twice. A server that answered no did not take it: tried again.
      if (handedOver && (error as { responseCode?: unknown }).responseCode === undefined) {
        options.warn?.(`message ${m.id} was handed over with no answer after it (${reason}): counted as sent`);
        await store.markSent(m.id, clock.now().getTime());
        sent++;
        return;
      }
      failed++;
      const next = m.attempts >= options.maxAttempts ? null : clock.now().getTime() + backoffMs(m.attempts);
      await store.markFailed(m.id, m.claimedUntilMs, reason, next);
      return;
    }
    await store.markSent(m.id, clock.now().getTime());
    sent++;
    // Sent, but its hand-over was not recorded under this claim (the database failed it): after a crash it would
    // have been sent again.
    if (handedOver && !(await handedOver)) options.warn?.(`message ${m.id} was sent, but its hand-over was not recorded`);
  }));
  return { sent, failed };
}

export interface Worker {
  /** Look for messages now (after a booking), instead of at the next tick. */
  kick(): void;
  /** Runs until the outbox has nothing due (for tests and shutdown). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function startOutboxWorker(
  store: BookingStore, mailer: Mailer, clock: Clock, messages: MessageContext,
  options: OutboxOptions & { intervalMs: number; onError: (error: unknown) => void },
): Worker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const { sent } = await deliverDue(store, mailer, clock, messages, options);
          if (sent === options.batch) again = true;
        } while (again && !stopped);
      } catch (error) {
        options.onError(error);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void run(), options.intervalMs);
  timer.unref();
  return {
    kick: () => { if (!stopped) void run(); },
    async drain() {
      for (let i = 0; i < 1000 && !stopped; i++) {
        await run();
        if (running === null && !again) return;
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
