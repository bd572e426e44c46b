/**
 * Only with BENCH_ROUTES=true: twins of the plan API and the plan page that send the very same bytes, prepared
 * once when the server starts. `npm run bench` compares each route with its twin in the same run, so the
 * figure shows what computing and rendering the plan costs on top of HTTP itself.
 */
import type { FastifyInstance } from 'fastify';
import { SAMPLE_PLAN_QUERY, SAMPLE_PLAN_REQUEST } from '../../../bench/samples.js';
import type { AppDeps } from '../deps.js';

export function registerBenchRoutes(app: FastifyInstance, _deps: AppDeps): void {
  const prepared = { plan: '', page: '' };
  app.addHook('onReady', async () => {
    const api = await app.inject({ method: 'POST', url: '/api/v1/plan', payload: SAMPLE_PLAN_REQUEST });
    const page = await app.inject({ method: 'GET', url: `/plan/result?${SAMPLE_PLAN_QUERY}` });
    if (api.statusCode !== 200 || page.statusCode !== 200) throw new Error('The bench samples do not give a plan');
    prepared.plan = api.payload;
    prepared.page = page.payload;
  });
  app.post('/bench/prepared/plan', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(prepared.plan));
  app.get('/bench/prepared/plan-page', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(prepared.page));
}
