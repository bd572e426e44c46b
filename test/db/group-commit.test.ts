/**
 * Group commit on SQLite (src/modules/booking/adapters/db/group-commit.ts): transactions that arrive together share one commit, yet
 * each is all or nothing on its own, and nobody is answered before the commit. SQLite only: PostgreSQL does not use
 * it, so on the PostgreSQL run of the suite this file says so and does nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { type OpenDatabase, openDatabase } from '../../src/modules/booking/adapters/db/database.js';
import { type Transact, groupCommit } from '../../src/modules/booking/adapters/db/group-commit.js';
import { TEST_DATABASE } from '../helpers.js';

describe('group commit on SQLite', { skip: TEST_DATABASE === 'postgres' ? 'SQLite only: PostgreSQL does not group commits this way' : false }, () => {
  let dir: string;
  let database: OpenDatabase;
  let transact: Transact;
  // A table of the test's own: the product's tables have constraints that are not what this test is about.
  type Rows = Kysely<{ commit_test: { id: string; at_ms: number } }>;
  const rows = (db: OpenDatabase['db']) => db as unknown as Rows;
  const ids = async () => (await rows(database.db).selectFrom('commit_test').select('id').orderBy('id').execute()).map((r) => r.id);
  const insert = (id: string) => (trx: OpenDatabase['db']) => rows(trx).insertInto('commit_test').values({ id, at_ms: 1 }).execute();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ics-group-commit-'));
    database = await openDatabase({ databaseUrl: null, dataDir: dir });
    await sql`create table commit_test (id text primary key, at_ms bigint not null)`.execute(database.db);
    transact = groupCommit(database.db);
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits transactions that arrive together, and one that fails takes nothing of the others with it', async () => {
    const results = await Promise.allSettled([
      transact(async (trx) => { await insert('a1')(trx); await insert('a2')(trx); return 'first'; }),
      transact(async (trx) => { await insert('b1')(trx); await insert('a1')(trx); return 'never'; }), // a1 twice: unique violation
      transact(async (trx) => { await insert('c1')(trx); throw new Error('changed its mind'); }),
      transact(async (trx) => { await insert('d1')(trx); return 'last'; }),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    assert.equal((results[0] as PromiseFulfilledResult<string>).value, 'first');
    assert.match(String((results[1] as PromiseRejectedResult).reason), /UNIQUE/);
    assert.equal(((results[2] as PromiseRejectedResult).reason as Error).message, 'changed its mind');
    assert.deepEqual(await ids(), ['a1', 'a2', 'd1'], 'b1 and c1 went with their transactions; a1, a2 and d1 stayed');
  });

  it('answers only after the commit: the moment a caller is answered, another connection sees its row', async () => {
    // A second connection to the same file sees only what is committed (WAL); it is asked synchronously as each answer
    // arrives, before anything else can run.
    const other = new SqliteDatabase(join(dir, 'ics.sqlite'), { readonly: true });
    try {
      const seen = other.prepare('select count(*) as n from commit_test where id = ?');
      const answers = Array.from({ length: 50 }, (_, i) => {
        const id = `m${String(i).padStart(2, '0')}`;
        return transact(insert(id)).then(() => (seen.get(id) as { n: number }).n);
      });
      assert.deepEqual(await Promise.all(answers), new Array(50).fill(1));
    } finally {
      other.close();
    }
  });

  it('groups: fifty transactions that arrive together share a few commits; with groups of one, fifty commits', async () => {
    for (const [maxGroup, most] of [[64, 2], [1, 50]] as const) {
      const commits: number[] = [];
      const grouped = groupCommit(database.db, { maxGroup, onCommit: (n) => commits.push(n) });
      await Promise.all(Array.from({ length: 50 }, (_, i) => grouped(insert(`g${maxGroup}-${i}`))));
      assert.equal(commits.reduce((a, b) => a + b, 0), 50, 'every transaction committed once');
      assert.ok(commits.length <= most && commits.length >= (maxGroup === 1 ? 50 : 1), `groups of at most ${maxGroup}: ${commits.length} commits (${commits.join(', ')})`);
    }
    assert.equal((await ids()).filter((id) => id.startsWith('g')).length, 100);
  });
});
