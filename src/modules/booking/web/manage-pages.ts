/**
 * A booking's own pages, opened with the private link from the e-mail: see it, add it to a calendar, move it,
 * cancel it (on a confirmation page: a link scanner that follows links cancels nothing), have the link sent again,
 * or find it with the reference and e-mail. A link that is no longer current says what happened.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import {
  type BookingPorts, type GoneBooking, availability, cancelBooking, openBooking, rescheduleBooking, sendLink, windowOf,
} from '../app/bookings.js';
import { composeMessage } from '../app/messages.js';
import type { Lang } from '../../plan/index.js';
import type { FieldError } from '../../plan/index.js';
import { validateDetails } from '../app/read-model.js';
import { normaliseReference } from '../app/read-model.js';
import { appointmentRows, bringFor, readText } from './booking-flow.js';
import { type BookingDeps } from '../deps.js';
import { makeView } from '../../../platform/deps.js';
import { type Query, readLang } from '../../plan/index.js';
import { DaysPage, TimesPage } from './views/choose-pages.js';
import { CancelPage, DeadLinkPage, FindBookingPage, ManagePage, MessagePage } from './views/manage-pages.js';
import { fullTime } from './views/parts.js';
import type { View } from '../../../platform/views/view.js';
import { askedDay, contactText, dayGroups, sendHtml } from './booking-shared.js';

const AnyQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
const AnyBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
const RefParams = Type.Object({ reference: Type.String({ maxLength: 20 }) });
type Body = Record<string, string | string[]>;

const langPair = (lang: Lang): [string, string][] => (lang === 'en' ? [] : [['lang', lang]]);

export function registerManagePages(app: FastifyInstance, deps: BookingDeps): void {
  const ports: BookingPorts = deps.booking;
  const { offices: directory, texts } = deps;
  const limited = { rateLimit: { max: deps.config.bookingRateLimitMax, timeWindow: '1 minute' } };
  const manageHref = (ref: string, token: string, lang: Lang, extra: Record<string, string> = {}) =>
    `/booking/${ref}?${new URLSearchParams({ token, ...extra, ...(lang === 'en' ? {} : { lang: lang }) })}`;
  const viewAt = (lang: Lang, path: (other: Lang) => string): View => makeView(deps, lang, (other) => path(other as Lang));

  const notFound = (reply: FastifyReply, lang: Lang) => {
    const view = viewAt(lang, (other) => (other === 'en' ? '/booking/find' : `/booking/find?lang=${other}`));
    return sendHtml(reply, 404, MessagePage({
      view, title: view.t('manage.notfound.title'), text: view.t('manage.notfound.text'),
      linkHref: lang === 'en' ? '/booking/find' : `/booking/find?lang=${lang}`, linkText: view.t('book.find.link'),
    }));
  };

  const deadPage = (reply: FastifyReply, lang: Lang, state: 'rescheduled' | 'cancelled' | 'past', booking: GoneBooking, token: string, cancelledDone = false) => {
    const view = viewAt(lang, (other) => manageHref(booking.reference, token, other));
    return sendHtml(reply, 200, DeadLinkPage({
      view, state, reference: booking.reference, whenText: fullTime(view, booking.startMs),
      linkAction: `/booking/${booking.reference}/link`, hidden: [['_csrf', reply.generateCsrf()], ...langPair(lang)], cancelledDone,
    }));
  };

  app.get<{ Params: { reference: string }; Querystring: Query }>('/booking/:reference', { schema: { hide: true, params: RefParams, querystring: AnyQuery } }, async (request, reply) => {
    const lang = readLang(request.query);
    const token = readText(request.query, 'token', 60);
    const done = readText(request.query, 'done', 20);
    const opened = await openBooking(ports, request.params.reference, token, deps.clock.now(), 'link');
    if (!opened) return notFound(reply, lang);
    if (opened.state !== 'current') return deadPage(reply, lang, opened.state, opened.gone, token, done === 'cancelled');
    const { booking } = opened;
    const view = viewAt(lang, (other) => manageHref(booking.reference, token, other));
    const step = deps.rules.stepsById.get(booking.service);
    const office = directory.byId.get(booking.officeId);
    return sendHtml(reply, 200, ManagePage({
      view, reference: booking.reference, summary: appointmentRows(view, directory, booking),
      bring: bringFor(deps.rules, booking.service, lang, booking.startMs),
      done: done === 'moved' ? 'moved' : null, email: booking.email ?? '',
      calendarHref: `/booking/${booking.reference}/calendar.ics?token=${token}`,
      rescheduleHref: `/booking/${booking.reference}/reschedule?${new URLSearchParams({ token, ...(lang === 'en' ? {} : { lang }) })}`,
      cancelHref: `/booking/${booking.reference}/cancel?${new URLSearchParams({ token, ...(lang === 'en' ? {} : { lang }) })}`,
      check: step?.check ? { text: step.check[lang], url: step.check.url } : office?.check ? { text: office.check[lang], url: office.check.url } : null,
      eraseDays: deps.bookingConfig.eraseAfterDays,
    }));
  });

  app.get<{ Params: { reference: string }; Querystring: Query }>('/booking/:reference/calendar.ics', { schema: { hide: true, params: RefParams, querystring: AnyQuery } }, async (request, reply) => {
    const lang = readLang(request.query);
    const token = readText(request.query, 'token', 60);
    const now = deps.clock.now();
    const opened = await openBooking(ports, request.params.reference, token, now, 'link');
    if (!opened || opened.state !== 'current') return notFound(reply, lang);
    const { ics } = composeMessage(ports.messages, 'confirmation', opened.booking, { token, nowMs: now.getTime() });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="ics-${opened.booking.reference}.ics"`).send(ics);
  });

  app.get<{ Params: { reference: string }; Querystring: Query }>('/booking/:reference/cancel', { schema: { hide: true, params: RefParams, querystring: AnyQuery } }, async (request, reply) => {
    const lang = readLang(request.query);
    const token = readText(request.query, 'token', 60);
    const opened = await openBooking(ports, request.params.reference, token, deps.clock.now(), 'link');
    if (!opened) return notFound(reply, lang);
    if (opened.state !== 'current') return deadPage(reply, lang, opened.state, opened.gone, token);
    const { booking } = opened;
    const view = viewAt(lang, (other) => `/booking/${booking.reference}/cancel?${new URLSearchParams({ token, ...(other === 'en' ? {} : { lang: other }) })}`);
    return sendHtml(reply, 200, CancelPage({
      view, reference: booking.reference, summary: appointmentRows(view, directory, booking), action: `/booking/${booking.reference}/cancel`,
      hidden: [['_csrf', reply.generateCsrf()], ['token', token], ...langPair(lang)], backHref: manageHref(booking.reference, token, lang),
    }));
  });

  app.post<{ Params: { reference: string }; Body: Body }>('/booking/:reference/cancel', {
    schema: { hide: true, params: RefParams, body: AnyBody }, config: limited, preHandler: app.csrfProtection,
  }, async (request, reply) => {
    const lang = readLang(request.body);
    const token = readText(request.body, 'token', 60);
    const result = await cancelBooking(ports, request.params.reference, token, deps.clock.now(), 'link');
    if (!result.ok && result.error === 'not-found') return notFound(reply, lang);
    if (!result.ok && result.error === 'started') {
      const view = viewAt(lang, (other) => manageHref(request.params.reference, token, other));
      return sendHtml(reply, 409, MessagePage({ view, title: view.t('cancel.started.title'), text: view.t('cancel.started.text') }));
    }
    const ref = normaliseReference(request.params.reference) ?? request.params.reference;
    return reply.code(303).header('location', manageHref(ref, token, lang, result.ok ? { done: 'cancelled' } : {})).send();
  });

  // Moving a booking: the same day and time pages as booking, for the same office, service and party.
  const reschedulePage = async (reply: FastifyReply, lang: Lang, reference: string, token: string, dateText: string, error: FieldError | null, status: number) => {
    const now = deps.clock.now();
    const opened = await openBooking(ports, reference, token, now, 'link');
    if (!opened) return notFound(reply, lang);
    if (opened.state !== 'current') return deadPage(reply, lang, opened.state, opened.gone, token);
    const { booking } = opened;
    const office = directory.byId.get(booking.officeId)!;
    const base = `/booking/${booking.reference}/reschedule`;
    const hrefFor = (other: Lang, date?: string) => `${base}?${new URLSearchParams({ token, ...(date ? { date } : {}), ...(other === 'en' ? {} : { lang: other }) })}`;
    const result = await availability(ports, { officeId: booking.officeId, service: booking.service, people: booking.people, now });
    const slots = (result.ok ? result.slots : []).filter((s) => s.startMs !== booking.startMs);
    const asked = askedDay(dateText, windowOf(ports, now, booking.officeId));
    const date = asked.date;
    const shownError = error ? [{ href: '#start', message: texts.message(lang, error) }]
      : asked.error ? [{ href: '#days', message: texts.message(lang, asked.error) }] : [];
    if (date) {
      const view = viewAt(lang, (other) => hrefFor(other, date));
      return sendHtml(reply, status, TimesPage({
        view, backHref: hrefFor(lang), hidden: [['_csrf', reply.generateCsrf()], ['token', token], ['date', date], ...langPair(lang)],
        errors: shownError, dayMs: Date.parse(`${date}T12:00:00Z`), action: base,
        times: slots.filter((s) => s.date === date).map((s) => ({ startIso: s.startIso, startMs: s.startMs, placesLeft: s.placesLeft })),
        value: undefined, late: false, submitLabel: view.t('reschedule.submit'),
      }));
    }
    const view = viewAt(lang, (other) => hrefFor(other));
    return sendHtml(reply, asked.error && status === 200 ? 400 : status, DaysPage({
      view, backHref: manageHref(booking.reference, token, lang), hidden: [], errors: shownError,
      title: view.t('reschedule.title'), lead: view.t('reschedule.lead', { when: fullTime(view, booking.startMs) }),
      weeks: dayGroups(view, slots, null, (d) => hrefFor(lang, d)), deadline: null, receipt: null, contact: contactText(view, office),
    }));
  };

  app.get<{ Params: { reference: string }; Querystring: Query }>('/booking/:reference/reschedule', { schema: { hide: true, params: RefParams, querystring: AnyQuery } }, async (request, reply) =>
    reschedulePage(reply, readLang(request.query), request.params.reference, readText(request.query, 'token', 60), readText(request.query, 'date', 10), null, 200));

  app.post<{ Params: { reference: string }; Body: Body }>('/booking/:reference/reschedule', {
    schema: { hide: true, params: RefParams, body: AnyBody }, config: limited, preHandler: app.csrfProtection,
  }, async (request, reply) => {
    const lang = readLang(request.body);
    const token = readText(request.body, 'token', 60);
    const date = readText(request.body, 'date', 10);
    const start = readText(request.body, 'start', 40);
    if (!start) return reschedulePage(reply, lang, request.params.reference, token, date, { field: 'start', code: 'required' }, 400);
    const startMs = Date.parse(start);
    const result = await rescheduleBooking(ports, request.params.reference, token, Number.isNaN(startMs) ? -1 : startMs, deps.clock.now(), 'link');
    if (result.ok) return reply.code(303).header('location', manageHref(result.booking.reference, result.token, lang, { done: 'moved' })).send();
    switch (result.error) {
      case 'full': return reschedulePage(reply, lang, request.params.reference, token, date, { field: 'start', code: 'taken' }, 409);
      case 'same-time': return reschedulePage(reply, lang, request.params.reference, token, date, { field: 'start', code: 'same-time' }, 400);
      case 'no-such-slot': return reschedulePage(reply, lang, request.params.reference, token, date, { field: 'start', code: 'not-a-slot' }, 400);
      default: return reschedulePage(reply, lang, request.params.reference, token, '', null, 200);
    }
  });

  const linkSent = (reply: FastifyReply, lang: Lang) => {
    const view = viewAt(lang, (other) => (other === 'en' ? '/booking/find' : `/booking/find?lang=${other}`));
    return sendHtml(reply, 200, MessagePage({ view, title: view.t('link.sent.title'), text: view.t('link.sent.text') }));
  };

  app.post<{ Params: { reference: string }; Body: Body }>('/booking/:reference/link', {
    schema: { hide: true, params: RefParams, body: AnyBody }, config: limited, preHandler: app.csrfProtection,
  }, async (request, reply) => {
    // After the answer: it says the same, as fast, whether or not the booking exists.
    const now = deps.clock.now();
    ports.later(() => sendLink(ports, request.params.reference, now));
    return linkSent(reply, readLang(request.body));
  });

  app.get<{ Querystring: Query }>('/booking/find', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    const lang = readLang(request.query);
    const view = viewAt(lang, (other) => (other === 'en' ? '/booking/find' : `/booking/find?lang=${other}`));
    // A calendar file links here with its booking's reference filled in.
    const reference = normaliseReference(readText(request.query, 'reference', 40)) ?? '';
    return sendHtml(reply, 200, FindBookingPage({ view, hidden: [['_csrf', reply.generateCsrf()], ...langPair(lang)], values: { reference, email: '' }, errors: [], fieldErrors: {} }));
  });

  app.post<{ Body: Body }>('/booking/find', { schema: { hide: true, body: AnyBody }, config: limited, preHandler: app.csrfProtection }, async (request, reply) => {
    const lang = readLang(request.body);
    const values = { reference: readText(request.body, 'reference', 40), email: readText(request.body, 'email', 300) };
    const errors: FieldError[] = [];
    const reference = normaliseReference(values.reference);
    if (!values.reference.trim()) errors.push({ field: 'reference', code: 'required' });
    else if (!reference) errors.push({ field: 'reference', code: 'not-a-reference' });
    const checked = validateDetails({ name: 'x', email: values.email, language: 'en' });
    if (!checked.ok) errors.push(...checked.errors.filter((e) => e.field === 'email'));
    if (errors.length > 0 || !reference || !checked.ok) {
      const view = viewAt(lang, (other) => (other === 'en' ? '/booking/find' : `/booking/find?lang=${other}`));
      const fieldErrors: Record<string, string> = {};
      for (const e of errors) fieldErrors[e.field] ??= texts.message(lang, e);
      return sendHtml(reply, 400, FindBookingPage({
        view, hidden: [['_csrf', reply.generateCsrf()], ...langPair(lang)], values,
        errors: errors.map((e) => ({ href: `#${e.field}`, message: texts.message(lang, e) })), fieldErrors,
      }));
    }
    // After the answer: it says the same, as fast, whether or not a booking has this reference and e-mail.
    const now = deps.clock.now();
    ports.later(async () => {
      const booking = await ports.store.bookingByReference(reference);
      if (booking && booking.email && booking.email.toLowerCase() === checked.details.emailKey) await sendLink(ports, reference, now);
    });
    return linkSent(reply, lang);
  });
}
