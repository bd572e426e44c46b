import type { FastifyInstance } from 'fastify';
import Type from 'typebox';

/**
 * Liveness and readiness: 200 once the app is built (the rules and reference data are loaded and checked before
 * that), with or without its database: the plan, the guides and the offices need none, and booking answers 503 with
 * Retry-After while the database cannot be used (ADR 9). The body says whether the database answered within two
 * seconds: `{"status":"ok","database":"ok"}` or `{"status":"ok","database":"unavailable"}`, for monitoring.
 */
export function registerHealth(app: FastifyInstance, deps: { booking: { databaseOpen?: () => boolean; store: { ping(): Promise<void> } } }): void {
  // Browsers ask for /favicon.ico on every site; we have none, and say so without an error.
  app.get('/favicon.ico', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) =>
    reply.code(204).header('cache-control', 'public, max-age=86400').send());
  app.get('/healthz', {
    schema: {
      summary: 'Liveness and readiness, and whether the database answers', tags: ['ops'],
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]) }) },
    },
    config: { rateLimit: false },
  }, async (request) => {
    if (deps.booking.databaseOpen && !deps.booking.databaseOpen()) return { status: 'ok' as const, database: 'unavailable' as const };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('the database did not answer within 2 s')), 2_000); });
    try {
      await Promise.race([deps.booking.store.ping(), timeout]);
      return { status: 'ok' as const, database: 'ok' as const };
    } catch (error) {
      request.log.warn({ err: error }, 'health check: database unavailable');
      return { status: 'ok' as const, database: 'unavailable' as const };
    } finally {
      clearTimeout(timer);
    }
  });
}
