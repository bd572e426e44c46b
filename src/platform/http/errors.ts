/**
 * Turns every failure into a clear answer: JSON that names the field for the API, a DKFDS page for people.
 * Client mistakes keep their 4xx status; a database that cannot be reached gets 503 with Retry-After; anything else
 * is logged and answered without details.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseNotOpen, isUnavailable } from '../db/errors.js';
import { readLang } from '../i18n/read-lang.js';
import { RETRY_AFTER_SECONDS, isBookingPath } from './database-gate.js';
import type { Texts } from '../i18n/texts.js';
import { ErrorPage } from '../views/error-page.js';
import { html, langLinks, type View } from '../views/view.js';

export interface ApiFieldError {
  field: string;
  message: string;
}

export function apiError(reply: FastifyReply, status: number, message: string, errors: ApiFieldError[] = []) {
  const names: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 503: 'Service Unavailable' };
  return reply.code(status).type('application/json; charset=utf-8').send({
    statusCode: status,
    error: names[status] ?? 'Error',
    message,
    errors,
  });
}

/** Schema failures become field errors: "/arrivalDate" → arrivalDate, a missing property → its name. */
export function schemaFieldErrors(error: FastifyError): ApiFieldError[] {
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing = typeof params.missingProperty === 'string' ? params.missingProperty : undefined;
    const extra = typeof params.additionalProperty === 'string' ? params.additionalProperty : undefined;
    const named = missing ?? extra;
    const field = named ? (path ? `${path}.${named}` : named) : path || 'body';
    let message = v.message ?? 'is not valid';
    if (missing) message = 'is required';
    else if (extra) message = 'is not a field of this request';
    else if (v.keyword === 'format' && params.format === 'date') message = 'must be a real date written YYYY-MM-DD, for example 2027-01-15';
    else if (v.keyword === 'enum' && Array.isArray(params.allowedValues)) message = `must be one of: ${params.allowedValues.join(', ')}`;
    else if (v.keyword === 'type') message = `must be of type ${String(params.type)}`;
    return { field, message: `${field} ${message}` };
  });
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export function registerErrorHandling(app: FastifyInstance, texts: Texts): void {
  const viewFor = (request: FastifyRequest): View => {
    const body = request.body && typeof request.body === 'object' ? request.body as Record<string, string> : {};
    const lang = readLang({ ...body, ...(request.query ?? {}) as Record<string, string> });
    return { lang, t: (k, p) => texts.t(lang, k, p), langLinks: langLinks(lang, (other) => (other === 'en' ? '/' : `/?lang=${other}`)) };
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isUnavailable(error)) {
      // The database is down, restarting or full: nothing happened, and trying again later is the answer.
      // While the runtime has not opened the database yet, the runtime logs that once; each request only at debug.
      if (error instanceof DatabaseNotOpen) request.log.debug('database not open yet');
      else request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      if (isApi(request)) return apiError(reply, 503, 'The service cannot reach its database just now, so the request may not have been carried out. Try again in a few minutes: a booking that went through after all is confirmed by e-mail, and asking again does not book twice.');
      const view = viewFor(request);
      const key = isBookingPath(request.url) ? 'unavailable.booking' : 'unavailable';
      return reply.code(503).type('text/html; charset=utf-8').send(html(ErrorPage({ view, title: view.t(`${key}.title`), text: view.t(`${key}.text`) })));
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    if (status === 429 && !isApi(request)) {
      // A page, in the person's language, saying when to try again (the rate limit set Retry-After in seconds).
      const view = viewFor(request);
      const seconds = Math.max(1, Number(reply.getHeader('retry-after')) || 60);
      const text = seconds <= 90 ? view.t('toomany.text', { seconds }) : view.t('toomany.text.minutes', { minutes: Math.ceil(seconds / 60) });
      return reply.code(429).type('text/html; charset=utf-8').send(html(ErrorPage({ view, title: view.t('toomany.title'), text })));
    }
    if (isApi(request)) {
      if (error.validation) {
        const errors = schemaFieldErrors(error);
        return apiError(reply, 400, errors.map((e) => e.message).join('; '), errors);
      }
      if (status === 500) return apiError(reply, 500, 'Something went wrong on our side. Please try again.');
      const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request body is too large'
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send the body as application/json'
        : error.message;
      return apiError(reply, status, message, [{ field: 'body', message }]);
    }
    const view = viewFor(request);
    if (typeof error.code === 'string' && error.code.startsWith('FST_CSRF')) {
      return reply.code(403).type('text/html; charset=utf-8').send(html(ErrorPage({ view, title: view.t('csrf.title'), text: view.t('csrf.text') })));
    }
    const notFound = status === 404;
    return reply.code(status).type('text/html; charset=utf-8').send(html(
      ErrorPage({ view, title: view.t(notFound ? 'notfound.title' : 'error.title'), text: view.t(notFound ? 'notfound.text' : 'error.text') }),
    ));
  });

  app.setNotFoundHandler((request, reply) => {
    if (isApi(request)) return apiError(reply, 404, `There is no ${request.method} ${request.url.split('?')[0]} in this API`);
    const view = viewFor(request);
    return reply.code(404).type('text/html; charset=utf-8').send(html(
      ErrorPage({ view, title: view.t('notfound.title'), text: view.t('notfound.text') }),
    ));
  });
}
