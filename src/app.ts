/**
 * The composition root: builds the Fastify app from its dependencies, registering every plugin and route
 * explicitly (no autoload), so that reading this file shows the whole edge.
 */
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDeps } from './deps.js';
import { registerDatabaseGate } from './platform/http/database-gate.js';
import { registerErrorHandling } from './platform/http/errors.js';
import { registerSecurity } from './platform/http/security.js';
import { registerStaticAssets } from './platform/http/static-assets.js';
import { registerForms } from './platform/http/forms.js';
import { waitForHandlersOnClose } from './platform/http/in-flight.js';
import { registerBookingApi } from './modules/booking/index.js';
import { registerOfficesApi } from './modules/offices/index.js';
import { registerBookingPages } from './modules/booking/index.js';
import { registerPlanApi } from './modules/plan/index.js';
import { registerHealth } from './platform/http/health.js';
import { registerOfficePages } from './modules/offices/index.js';
import { registerPages } from './modules/plan/index.js';
import { registerPlanPages } from './modules/plan/index.js';
import { registerQuestionnaire } from './modules/plan/index.js';
import { registerValidators } from './platform/http/validators.js';

export const BODY_LIMIT_BYTES = 16 * 1024;

/** Logs carry the path but never the query string: a plan's address holds a person's answers. */
export const loggerOptions = (level: string): FastifyServerOptions['logger'] => ({
  level,
  serializers: {
    req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
  },
});

export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    routerOptions: { maxParamLength: 100 },
    return503OnClosing: true,
  });
  // First: its preClose hook (Retry-After on the 503s of a closing server) must run before the wait for handlers.
  registerDatabaseGate(app, deps.booking);
  waitForHandlersOnClose(app);
  registerValidators(app);
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app, deps.texts);
  await registerSecurity(app, { rateLimitMax: deps.config.rateLimitMax });
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    // Our answers (up to about 60 KB) are compressed in one call, not streamed through libuv's threadpool (the
    // plugin's default above 8 KB on two cores). Measured on the 2-core machine, 2026-12-01 (docs/benchmarks.md):
    // the free times with brotli went from p50 1.5 / p99 19 ms to 0.8 / 3 ms one at a time, and from 1,420 to
    // 1,680 a second under load, at 620 instead of 1,060 µs of CPU each; the plan page likewise.
    syncThreshold: 128 * 1024,
  });
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ICS platform API',
        version: '1.0.0',
        description: 'A personal plan for people moving to Denmark (the answers in, the ordered steps out, in English or Danish), the offices that serve them, and appointments there.',
      },
      tags: [
        { name: 'plan', description: 'The newcomer\'s plan and its step catalogue' },
        { name: 'offices', description: 'ICS centres, SIRI offices and Citizen Services: who serves whom, hours, the nearest office' },
        { name: 'booking', description: 'Free times, holds and bookings at an office; a booking is read, moved or cancelled with its private token' },
      ],
      components: { securitySchemes: { bookingToken: { type: 'http', scheme: 'bearer', description: 'The token given when booking (and in the e-mailed link)' } } },
    },
  });
  await registerStaticAssets(app);
  await registerForms(app, { secret: deps.cookieSecret, secure: deps.config.publicUrl.startsWith('https://') });

  registerHealth(app, deps);
  registerPages(app, deps);
  registerQuestionnaire(app, deps);
  registerPlanPages(app, deps);
  registerOfficePages(app, deps);
  registerPlanApi(app, deps);
  registerOfficesApi(app, deps);
  registerBookingApi(app, deps);
  registerBookingPages(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
