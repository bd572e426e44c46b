/**
 * While the booking runtime has not opened its database yet (it keeps trying in the background, ADR 9), the booking
 * routes answer 503 with Retry-After at once, as a page in the person's language or as JSON; the plan, the guides
 * and the offices need no database and serve as always. And every 503, whoever sends it, says when to try again.
 */
import type { FastifyInstance } from 'fastify';
import { DatabaseNotOpen } from '../db/errors.js';

/** Seconds a 503 tells the person (and any client) to wait before trying again. */
export const RETRY_AFTER_SECONDS = 60;

const BOOKING_PATH = /^\/(?:book|booking|api\/v1\/holds|api\/v1\/bookings|api\/v1\/offices\/[^/?]+\/availability)(?:[/?]|$)/;

/** The pages and API routes of booking: what cannot work without the database. */
export function isBookingPath(url: string): boolean {
  return BOOKING_PATH.test(url);
}

export function registerDatabaseGate(app: FastifyInstance, ports: { databaseOpen?: () => boolean }): void {
  // preValidation: after the body is parsed (a form's language is in it), before anything reads the database.
  app.addHook('preValidation', async (request) => {
    if (ports.databaseOpen && !ports.databaseOpen() && isBookingPath(request.url)) throw new DatabaseNotOpen();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return payload;
  });
  // Fastify answers requests that come while it closes with a 503 of its own, before any hook; the header is set on
  // the raw response first.
  app.addHook('preClose', async () => {
    app.server.prependListener('request', (_req, res) => {
      if (!res.headersSent) res.setHeader('retry-after', '5');
    });
  });
}
