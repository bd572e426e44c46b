/**
 * Only with BENCH_ROUTES=true: twins of the plan API and the plan page that send the very same bytes, prepared
 * once (on the twin's first request, from the real route). `npm run bench` compares each route with its twin in
 * the same run, so the figure shows what computing and rendering the plan costs on top of HTTP itself.
 *
 * The twin of booking is `POST /bench/insert`: one single-row insert transaction per request into the same
 * database the bookings go to, so the figure shows what holding and booking cost on top of a plain write.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { SAMPLE_AVAILABILITY_PATH, SAMPLE_PLAN_QUERY, SAMPLE_PLAN_REQUEST } from '../../../bench/samples.js';
import { orderedId } from '../../domain/booking/ids.js';
import type { AppDeps } from '../deps.js';

export function registerBenchRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'booking' | 'clock'>): void {
  let plan: Promise<Buffer> | undefined;
  let page: Promise<Buffer> | undefined;
  let finder: Promise<Buffer> | undefined;
  // The bytes themselves, as the route sent them (not a string that would be encoded anew on every request).
  const prepare = async (request: InjectOptions): Promise<Buffer> => {
    const res = await app.inject(request);
    if (res.statusCode !== 200) throw new Error(`The bench sample ${request.url} answers ${res.statusCode}`);
    return res.rawPayload;
  };
  app.post('/bench/prepared/plan', { schema: { hide: true } }, async (_request, reply) => {
    plan ??= prepare({ method: 'POST', url: '/api/v1/plan', payload: JSON.stringify(SAMPLE_PLAN_REQUEST), headers: { 'content-type': 'application/json' } });
    return reply.type('application/json; charset=utf-8').send(await plan);
  });
  app.get('/bench/prepared/finder', { schema: { hide: true } }, async (_request, reply) => {
    finder ??= prepare({ method: 'GET', url: '/api/v1/finder?postalCode=8000' });
    return reply.type('application/json; charset=utf-8').send(await finder);
  });
  app.get('/bench/prepared/plan-page', { schema: { hide: true } }, async (_request, reply) => {
    page ??= prepare({ method: 'GET', url: `/plan/result?${SAMPLE_PLAN_QUERY}` });
    return reply.type('text/html; charset=utf-8').send(await page);
  });
  // The free times of the sample office, prepared once: the floor that HTTP itself sets for the availability's latency.
  let availability: Promise<Buffer> | undefined;
  app.get('/bench/prepared/availability', { schema: { hide: true } }, async (_request, reply) => {
    availability ??= prepare({ method: 'GET', url: SAMPLE_AVAILABILITY_PATH });
    return reply.type('application/json; charset=utf-8').send(await availability);
  });
  // The same kind of id as a booking's rows (ordered by time), so that the comparison is of the work, not the keys.
  app.post('/bench/insert', { schema: { hide: true } }, async (_request, reply) => {
    const nowMs = deps.clock.now().getTime();
    const id = orderedId(nowMs, randomBytes);
    await deps.booking.store.benchInsert(id, nowMs);
    return reply.code(201).send({ id });
  });
}
