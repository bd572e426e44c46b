/**
 * Compression of answers (app.ts: brotli or gzip, in one call up to 128 KB): what the browser asks for is what it
 * gets, and the bytes open to exactly the page or the JSON sent uncompressed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { SAMPLE_PLAN_QUERY } from '../../bench/samples.js';
import { testApp } from '../helpers.js';

let app: FastifyInstance;
before(async () => { app = await testApp(); });
after(async () => { await app.close(); });

const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('compressed answers', () => {
  for (const url of [`/plan/result?${SAMPLE_PLAN_QUERY}`, '/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&people=1', '/api/v1/finder?postalCode=8000']) {
    it(`sends ${url.slice(0, 40)}… as brotli or gzip, as asked, with the same content`, async () => {
      const plain = await get(url);
      assert.equal(plain.statusCode, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.rawPayload.length > 1024, 'large enough to be compressed');

      const br = await get(url, 'gzip, deflate, br');
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(String(br.headers.vary), /accept-encoding/i);
      assert.ok(br.rawPayload.length < plain.rawPayload.length / 2, `${br.rawPayload.length} bytes of ${plain.rawPayload.length}`);
      assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);

      const gzip = await get(url, 'gzip');
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzip.rawPayload).toString('utf8'), plain.body);
    });
  }

  it('leaves small answers as they are', async () => {
    const res = await get('/healthz', 'br');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], undefined);
  });
});
