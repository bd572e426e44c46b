/**
 * How many PostgreSQL connections a process opens (DATABASE_POOL_SIZE): statements beyond it wait in the process
 * for a connection, not in the database. ADR 7, "Connections".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.js';
import { TEST_DATABASE, TEST_DATABASE_URL, type TestRuntime, testDeps, testRuntime } from '../helpers.js';

describe('the database connections of a process', () => {
  it('reads DATABASE_POOL_SIZE: 4 unless set, from 1 to 100', () => {
    assert.equal(loadConfig({}).databasePoolSize, 4);
    assert.equal(loadConfig({ DATABASE_POOL_SIZE: '12' }).databasePoolSize, 12);
    for (const bad of ['0', '101', 'many', '2.5']) assert.throws(() => loadConfig({ DATABASE_POOL_SIZE: bad }), /DATABASE_POOL_SIZE/, bad);
  });
});

describe('on PostgreSQL, at most DATABASE_POOL_SIZE connections', { skip: TEST_DATABASE === 'sqlite' ? 'PostgreSQL only: SQLite has one connection in the process' : false }, () => {
  let rt: TestRuntime;
  const errors: unknown[] = [];
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  before(async () => {
    const base = testDeps();
    rt = await testRuntime({ ...base, config: { ...base.config, databasePoolSize: 2 } }, { onError: (e) => errors.push(e) });
    await admin.connect();
  });
  after(async () => {
    await rt?.close();
    await admin.end();
  });

  it('runs six statements two at a time, the others waiting in the process', async () => {
    const marker = `pool_${Date.now().toString(36)}`;
    const running = Array.from({ length: 6 }, () => sql`select pg_sleep(0.4) as ${sql.ref(marker)}`.execute(rt.database.db));
    const active = async () => {
      const r = await admin.query<{ n: string; names: string[] }>(
        `select count(*) as n, array_agg(distinct application_name) as names from pg_stat_activity where state = 'active' and query like $1`, [`%as "${marker}"%`]);
      return { n: Number(r.rows[0]!.n), names: r.rows[0]!.names };
    };
    let done = false;
    const all = Promise.all(running).finally(() => { done = true; });
    let most = 0;
    const names = new Set<string>();
    while (!done) {
      const seen = await active();
      most = Math.max(most, seen.n);
      for (const name of seen.names ?? []) names.add(name);
      await new Promise((r) => setTimeout(r, 20));
    }
    await all;
    assert.equal(most, 2, 'at most two statements ran in the database at once, and two did');
    assert.deepEqual([...names], ['ics'], 'the connections say whose they are');
  });

  it('lives through its idle connections being ended (a restart of the database), and connects again', async () => {
    await Promise.all([1, 2].map(() => sql`select pg_sleep(0.05)`.execute(rt.database.db)));
    const ended = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'ics' and pid <> pg_backend_pid()`);
    assert.ok((ended.rowCount ?? 0) >= 2, 'the runtime had connections open');
    // The pool hears each connection end; unheard, that error would have ended this process.
    for (let i = 0; i < 50 && errors.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(errors.length >= 2, `told of the ended connections: ${errors.length}`);
    assert.ok(errors.every((e) => (e as { code?: string }).code === '57P01'));
    const slots = await rt.ports.store.placesTaken('ics-copenhagen', 'cpr-registration', 0, Number.MAX_SAFE_INTEGER, Date.now());
    assert.ok(slots instanceof Map, 'the next read works on new connections');
  });
});
