import type { FastifyInstance } from 'fastify';
import Type from 'typebox';

/** Answers 200 once the app is built: the rules and reference data are loaded and checked before that. */
export function registerHealth(app: FastifyInstance): void {
  // Browsers ask for /favicon.ico on every site; we have none, and say so without an error.
  app.get('/favicon.ico', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) =>
    reply.code(204).header('cache-control', 'public, max-age=86400').send());
  app.get('/healthz', {
    schema: { summary: 'Readiness', tags: ['ops'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    config: { rateLimit: false },
  }, async () => ({ status: 'ok' as const }));
}
