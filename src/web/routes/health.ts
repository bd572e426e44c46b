import type { FastifyInstance } from 'fastify';
import Type from 'typebox';

/** Answers 200 once the app is built: the rules and reference data are loaded and checked before that. */
export function registerHealth(app: FastifyInstance): void {
  app.get('/healthz', {
    schema: { summary: 'Readiness', tags: ['ops'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    config: { rateLimit: false },
  }, async () => ({ status: 'ok' as const }));
}
