/**
 * Shutting down without cutting work short: `close()` waits until every route handler that has begun has ended,
 * before the database and the mailer are closed (the `onClose` hooks). The server alone waits only for requests
 * whose clients are still there; a handler whose client has left (or an `inject`) would otherwise go on running
 * and reach a closed database. New requests get 503 meanwhile (`return503OnClosing`), so the number can only fall.
 */
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

/** Most time `close()` waits for handlers, so a handler that never ends cannot hold the process. */
export const HANDLER_WAIT_MS = 10_000;

export function waitForHandlersOnClose(app: FastifyInstance, waitMs = HANDLER_WAIT_MS): void {
  let running = 0;
  let idle: (() => void) | null = null;
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function tracked(this: FastifyInstance, request, reply) {
      running++;
      try {
        return await handler.call(this, request, reply);
      } finally {
        running--;
        if (running === 0) idle?.();
      }
    } as RouteHandlerMethod;
  });
  app.addHook('preClose', async () => {
    if (running === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      timer.unref();
      idle = () => { clearTimeout(timer); resolve(); };
    });
  });
}
