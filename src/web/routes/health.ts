import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { AppDeps } from '../deps.js';

/**
 * Readiness: 200 once the app is built (the rules and reference data are loaded and checked before that) and while
 * its database answers; 503 when the database does not answer within two seconds, so a load balancer sends people
 * elsewhere instead of to forms that cannot be saved.
 */
export function registerHealth(app: FastifyInstance, deps: Pick<AppDeps, 'booking'>): void {
  // Browsers ask for /favicon.ico on every site; we have none, and say so without an error.
  app.get('/favicon.ico', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) =>
    reply.code(204).header('cache-control', 'public, max-age=86400').send());
  app.get('/healthz', {
    schema: {
      summary: 'Readiness', tags: ['ops'],
      response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.String() }) },
    },
    config: { rateLimit: false },
  }, async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('the database did not answer within 2 s')), 2_000); });
    try {
      await Promise.race([deps.booking.store.ping(), timeout]);
      return { status: 'ok' as const };
    } catch (error) {
      reply.log.error({ err: error }, 'health check: database');
      return reply.code(503).send({ status: 'unavailable' as const, reason: 'database' });
    } finally {
      clearTimeout(timer);
    }
  });
}
