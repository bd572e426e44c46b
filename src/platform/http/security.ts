/**
 * Security headers (a strict Content Security Policy: nothing but our own origin), no Referer (the page address
 * holds a person's answers, which must not leak to the sites we link to), and a rate limit per client address.
 */
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

export interface SecurityOptions {
  rateLimitMax: number;
}

const UNLIMITED_PREFIXES = ['/dkfds/', '/assets/', '/healthz'];

export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  // helmet's middleware, made once: @fastify/helmet builds a new one (and parses the policy again) on every request.
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    // No page of ours is ever framed (the policy's frame-ancestors says the same to newer browsers).
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, () => done()));
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitMax,
    timeWindow: '1 minute',
    allowList: (request) => UNLIMITED_PREFIXES.some((p) => request.url.startsWith(p)),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `Too many requests from your address. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control') && !request.url.startsWith('/dkfds/') && !request.url.startsWith('/assets/')) {
      reply.header('cache-control', 'no-store');
    }
    reply.header('permissions-policy', 'geolocation=(self), camera=(), microphone=(), payment=()');
    return payload;
  });
}
