/** Which database errors mean "not now" (503 with Retry-After) rather than a fault of ours (500). ADR 9. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseNotOpen, isRetryable, isUnavailable, withRetry } from '../../src/platform/db/errors.js';

const coded = (code: string) => Object.assign(new Error(code), { code });

describe('isUnavailable', () => {
  it('maps PostgreSQL by SQLSTATE class: 08, 28, 3D, 53, 55, 57', () => {
    for (const code of ['08000', '08001', '08006', '08P01', '28000', '28P01', '3D000', '53100', '53200', '53300', '55000', '55006', '55P03', '57000', '57014', '57P01', '57P02', '57P03', '57P04']) {
      assert.equal(isUnavailable(coded(code)), true, code);
    }
  });
  it('leaves our own faults and the client\'s to the others', () => {
    for (const code of ['23505', '23514', '42P01', '42601', '22P02', '40P01', '40001', 'XX000', 'P0001', 'ENOENT', 'SQLITE_ERROR', 'SQLITE_CONSTRAINT_UNIQUE', 'FST_ERR_VALIDATION']) {
      assert.equal(isUnavailable(coded(code)), false, code);
    }
    assert.equal(isUnavailable(new Error('boom')), false);
    assert.equal(isUnavailable(undefined), false);
  });
  it('keeps SQLite\'s busy, full, I/O, cannot-open and read-only, and the network\'s errors', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']) {
      assert.equal(isUnavailable(coded(code)), true, code);
    }
    assert.equal(isUnavailable(new Error('Connection terminated unexpectedly')), true);
    assert.equal(isUnavailable(new DatabaseNotOpen()), true);
  });
});

describe('withRetry', () => {
  it('tries a deadlock again, but not a SQLite busy that already waited out its timeout', async () => {
    let tries = 0;
    assert.equal(await withRetry(async () => { if (++tries < 3) throw coded('40P01'); return 'done'; }), 'done');
    assert.equal(tries, 3);
    tries = 0;
    await assert.rejects(withRetry(async () => { tries++; await new Promise((r) => setTimeout(r, 250)); throw coded('SQLITE_BUSY'); }), /SQLITE_BUSY/);
    assert.equal(tries, 1, 'a busy after the wait is answered, not waited for again');
    tries = 0;
    assert.equal(await withRetry(async () => { if (++tries < 2) throw coded('SQLITE_BUSY'); return 'done'; }), 'done', 'a busy at once is tried again');
    assert.equal(isRetryable(coded('57014')), false);
  });
});
