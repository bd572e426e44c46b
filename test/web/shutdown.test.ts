/**
 * Closing the app waits for the handlers that have begun (plugins/in-flight.ts), so the database is closed only
 * after them, also for a request whose client has already left (the server alone would not wait for it); new
 * requests get 503 meanwhile.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testApp, testRuntime } from '../helpers.js';

describe('shutting down', () => {
  it('lets a request whose client has left finish its reads before the database closes', async () => {
    const rt = await testRuntime();
    const store = rt.ports.store;
    const placesTaken = store.placesTaken.bind(store);
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => { entered = resolve; });
    let read: Promise<'read' | Error> = Promise.resolve(new Error('never read'));
    // The free times' read waits a moment, as a slow database would, then reads the real database.
    store.placesTaken = (...args) => {
      entered();
      const result = new Promise((resolve) => setTimeout(resolve, 300)).then(() => placesTaken(...args));
      read = result.then(() => 'read' as const, (error: Error) => error);
      return result;
    };
    let databaseClosed = false;
    const app = await testApp({}, { runtime: rt });
    app.addHook('onClose', async () => { databaseClosed = true; await rt.close(); });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&people=1`;

    const leaving = new AbortController();
    const gone = fetch(url, { signal: leaving.signal }).catch((error: Error) => error);
    await inHandler;
    leaving.abort();
    await gone;
    const closed = app.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(databaseClosed, false, 'the database stays open while a handler runs');
    const late = await fetch(url);
    assert.equal(late.status, 503, 'new requests are turned away');
    assert.equal(late.headers.get('retry-after'), '5', 'and told when to try again (ADR 9)');
    await closed;
    assert.equal(await read, 'read', 'the handler read the database before it closed');
    assert.equal(databaseClosed, true);
  });
});
