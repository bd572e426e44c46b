/**
 * The booking pages, for a new booking: service → office → people → day → time (held) → details → booked.
 * Everything works without JavaScript; forms that change something carry a CSRF token and are rate limited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  availability, bookableOffice, bookableOffices, clientKeyOf, holdFor, placeHold, recordAttempt, requestBooking, windowOf,
} from '../app/bookings.js';
import { type OfficeFit, officeFit } from '../app/office-fit.js';
import { resolvePlace, serviceName } from '../../offices/index.js';
import { addressLine } from '../../plan/index.js';
import type { Lang } from '../../plan/index.js';
import type { FieldError } from '../../plan/index.js';
import { BOOKABLE_SERVICES, type BookableService, isBookableService } from '../app/read-model.js';
import { parsePeople } from '../app/read-model.js';
import { compareDates, parseLocalDate } from '../../../kernel/dates/local-date.js';
import { formatLongDate } from '../../../kernel/i18n/format.js';
import { findService } from '../../offices/index.js';
import type { Office } from '../../offices/index.js';
import { hhmm, localMoment } from '../../../kernel/time/copenhagen-clock.js';
import {
  type Flow, type FlowKey, appointmentRows, bringFor, deadlineOf, deadlineRule, flowHref, flowPairs, readFlow, readText,
} from './booking-flow.js';
import { type BookingDeps } from '../deps.js';
import { makeView, today } from '../../../platform/deps.js';
import { href } from '../../../platform/views/view.js';
import { type Query, readLang } from '../../plan/index.js';
import {
  DaysPage, type DeadlineInfo, NotYoursPage, OfficeChoicePage, type OfficeOption, type OtherOffice, PeoplePage, ServicePage, TimesPage,
} from './views/choose-pages.js';
import { DetailsPage, HoldGonePage, SentPage } from './views/details-page.js';
import { MessagePage, ReceiptPage } from './views/manage-pages.js';
import { fullTime } from './views/parts.js';
import type { ShownError } from '../../../platform/views/form.js';
import { registerManagePages } from './manage-pages.js';
import { askedDay, contactText, dayGroups, sendHtml } from './booking-shared.js';

const AnyQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
const AnyBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
type Body = Record<string, string | string[]>;

const SERVICE_KEYS: FlowKey[] = ['postcode', 'people', 'deadline', 'step'];
const OFFICE_KEYS: FlowKey[] = ['service', 'postcode', 'people', 'deadline', 'step'];
const PEOPLE_KEYS: FlowKey[] = ['service', 'office', 'postcode', 'deadline', 'step'];
const TIME_KEYS: FlowKey[] = ['service', 'office', 'people', 'postcode', 'deadline', 'step'];

export function registerBookingPages(app: FastifyInstance, deps: BookingDeps): void {
  const ports = deps.booking;
  const { offices: directory, texts } = deps;
  const max = deps.bookingConfig.maxPeople;
  const limited = { rateLimit: { max: deps.config.bookingRateLimitMax, timeWindow: '1 minute' } };
  const viewFor = (lang: Lang, path: string, flow: Flow, keys: readonly FlowKey[]) =>
    makeView(deps, lang, (other) => flowHref(path, flow, keys, other as Lang));
  const message = (lang: Lang, e: FieldError) => texts.message(lang, e);
  const shown = (lang: Lang, href: string, e: FieldError): ShownError => ({ href, message: message(lang, e) });
  const services = (lang: Lang) => BOOKABLE_SERVICES.map((id) => ({ value: id, label: serviceName(directory, id, lang) }));

  // 1. What do you need to book?
  const servicePage = (reply: FastifyReply, lang: Lang, flow: Flow, error: FieldError | null, path: string) => {
    const view = viewFor(lang, path, flow, ['service', ...SERVICE_KEYS]);
    return sendHtml(reply, error ? 400 : 200, ServicePage({
      view, backHref: lang === 'en' ? '/' : `/?lang=${lang}`, hidden: flowPairs(flow, SERVICE_KEYS, lang),
      errors: error ? [shown(lang, '#service', error)] : [], services: services(lang), value: flow.service,
    }));
  };
  app.get<{ Querystring: Query }>('/book', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    return servicePage(reply, readLang(request.query), readFlow(request.query), null, '/book');
  });

  // 2. Which office?
  const officePage = (reply: FastifyReply, lang: Lang, flow: Flow, service: BookableService, officeError: FieldError | null) => {
    const view = viewFor(lang, '/book/office', flow, ['service', 'office', ...SERVICE_KEYS]);
    const name = serviceName(directory, service, lang);
    const bookable = bookableOffices(ports, service);
    const errors: ShownError[] = [];
    let postcodeError: string | undefined;
    let elsewhere: OtherOffice | null = null;
    let recommended: string | null = null;
    let point: { latitude: number; longitude: number } | null = null;
    let notYours: OtherOffice[] = [];
    let bookableHere = bookable;
    if (flow.postcode) {
      const place = resolvePlace(directory, { postalCode: flow.postcode });
      if ('error' in place) {
        const code = place.error === 'unknown-postal-code' ? 'unknown-postal-code' : 'postal-code-format';
        postcodeError = message(lang, { field: 'postalCode', code });
        errors.push({ href: '#postcode', message: postcodeError });
      } else {
        point = place.point;
        const where = { municipality: place.municipality.code, point: place.point };
        // An office that does not give this service to people who live here is not offered, and it says why.
        const excluded = bookable.filter((o) => officeFit(directory, o, service, where).kind === 'not-yours');
        bookableHere = bookable.filter((o) => !excluded.includes(o));
        notYours = excluded.map((o) => ({
          name: o.name[lang], reason: view.t('book.office.notyours', { office: o.name[lang], service: name, municipality: place.municipality.name }),
          contact: contactText(view, o), website: o.contact.website,
        }));
        const match = findService(directory, where, service);
        if (match && bookable.includes(match.office)) recommended = match.office.id;
        else if (match) {
          elsewhere = {
            name: match.office.name[lang],
            reason: view.t(match.office.kind === 'citizen-service' ? 'book.office.elsewhere.citizen' : 'book.office.elsewhere.other', { office: match.office.name[lang], service: name, municipality: place.municipality.name }),
            contact: contactText(view, match.office),
            website: match.office.contact.website,
          };
        }
      }
    }
    if (officeError) errors.unshift(shown(lang, '#office', officeError));
    const distance = (o: Office) => (point ? Math.hypot(o.location.latitude - point.latitude, (o.location.longitude - point.longitude) * 0.56) : 0);
    const ordered = [...bookableHere].sort((a, b) => (a.id === recommended ? -1 : b.id === recommended ? 1 : distance(a) - distance(b)));
    const options: OfficeOption[] = ordered.map((o) => ({
      id: o.id, name: o.name[lang], address: addressLine(o) ?? '',
      detail: o.id === recommended ? view.t('book.office.serves') : '',
    }));
    const others: OtherOffice[] = directory.offices
      .filter((o) => o.kind !== 'citizen-service' && o.services.some((s) => s.service === service) && !bookable.includes(o))
      .map((o) => ({ name: o.name[lang], reason: view.t('book.office.nohours'), contact: contactText(view, o), website: o.contact.website }));
    const status = officeError ? 400 : postcodeError ? 400 : 200;
    return sendHtml(reply, status, OfficeChoicePage({
      view, backHref: flowHref('/book', flow, ['service', ...SERVICE_KEYS], lang), hidden: flowPairs(flow, OFFICE_KEYS, lang), errors,
      serviceName: name, options, value: flow.office ?? recommended ?? undefined, postcode: flow.postcode ?? '', postcodeError, elsewhere, others, notYours,
      postcodeHidden: flowPairs(flow, ['service', 'people', 'deadline', 'step'], lang),
    }));
  };
  app.get<{ Querystring: Query }>('/book/office', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    const lang = readLang(request.query);
    const flow = readFlow(request.query);
    if (!flow.service) return servicePage(reply, lang, flow, { field: 'service', code: 'required' }, '/book/office');
    if (!isBookableService(flow.service)) return servicePage(reply, lang, flow, { field: 'service', code: 'not-a-choice' }, '/book/office');
    return officePage(reply, lang, flow, flow.service, null);
  });

  /** The service and office of a flow, or the page that says what is wrong with them. */
  const officeOf = (reply: FastifyReply, lang: Lang, flow: Flow): { office: Office; service: BookableService } | null => {
    if (!flow.service || !isBookableService(flow.service)) {
      void servicePage(reply, lang, flow, { field: 'service', code: flow.service ? 'not-a-choice' : 'required' }, '/book');
      return null;
    }
    if (!flow.office) {
      void officePage(reply, lang, flow, flow.service, { field: 'office', code: 'required' });
      return null;
    }
    const found = bookableOffice(ports, flow.office, flow.service);
    if ('error' in found) {
      const code = found.error === 'unknown-office' ? 'not-a-choice' : found.error;
      const rest = { ...flow };
      delete rest.office;
      void officePage(reply, lang, rest, flow.service, { field: 'office', code });
      return null;
    }
    return found;
  };

  // 3. How many people?
  const peoplePage = (reply: FastifyReply, lang: Lang, flow: Flow, error: FieldError | null) => {
    const view = viewFor(lang, '/book/people', flow, [...PEOPLE_KEYS, 'people']);
    return sendHtml(reply, error ? 400 : 200, PeoplePage({
      view, backHref: flowHref('/book/office', flow, ['service', 'office', 'postcode', 'people', 'deadline', 'step'], lang),
      hidden: flowPairs(flow, PEOPLE_KEYS, lang), errors: error ? [shown(lang, '#people', error)] : [], value: flow.people ?? '1', max,
    }));
  };
  app.get<{ Querystring: Query }>('/book/people', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    const lang = readLang(request.query);
    const flow = readFlow(request.query);
    if (!officeOf(reply, lang, flow)) return reply;
    return peoplePage(reply, lang, flow, null);
  });

  const peopleError = (value: string | undefined): FieldError | null => {
    if (!value) return { field: 'people', code: 'required', params: { max } };
    if (!/^\d{1,3}$/.test(value)) return { field: 'people', code: 'not-a-number', params: { max } };
    return parsePeople(value, max) === null ? { field: 'people', code: Number(value) > max ? 'too-many' : 'not-a-number', params: { max } } : null;
  };

  // 4 and 5. Which day, which time?
  const timePage = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, flow: Flow, startError: FieldError | null, status = 200) => {
    const found = officeOf(reply, lang, flow);
    if (!found) return reply;
    const pError = peopleError(flow.people);
    if (pError) return peoplePage(reply, lang, flow, pError);
    const people = parsePeople(flow.people, max)!;
    const fit = fitFor(found.office, found.service, flow);
    if (fit?.kind === 'not-yours') return notYoursPage(reply, lang, flow, found.office, found.service, fit);
    const now = deps.clock.now();
    const result = await availability(ports, { officeId: found.office.id, service: found.service, people, now });
    const slots = result.ok ? result.slots : [];
    const deadline = deadlineOf(flow);
    const asked = askedDay(flow.date, windowOf(ports, now, found.office.id));
    const date = asked.date;
    if (date) {
      const view = viewFor(lang, '/book/time', flow, [...TIME_KEYS, 'date']);
      const times = slots.filter((s) => s.date === date);
      const dayMs = Date.parse(`${date}T12:00:00Z`);
      return sendHtml(reply, status, TimesPage({
        view, backHref: flowHref('/book/time', flow, TIME_KEYS, lang),
        hidden: [['_csrf', reply.generateCsrf()], ...flowPairs(flow, [...TIME_KEYS, 'date'], lang)],
        errors: startError ? [shown(lang, '#start', startError)] : [], dayMs, action: '/book/hold',
        times: times.map((s) => ({ startIso: s.startIso, startMs: s.startMs, placesLeft: s.placesLeft })),
        value: undefined, late: deadline !== null && compareDates(date, deadline) > 0, submitLabel: view.t('book.times.submit'),
      }));
    }
    const view = viewFor(lang, '/book/time', flow, TIME_KEYS);
    let deadlineInfo: DeadlineInfo | null = null;
    if (deadline) {
      const first = slots[0];
      deadlineInfo = {
        date: deadline, dateText: formatLongDate(deadline, lang), rule: deadlineRule(deps.rules, flow.step, lang, today(deps), view.t),
        earliestText: first ? fullTime(view, first.startMs) : null, inTime: first !== undefined && compareDates(first.date, deadline) <= 0,
      };
    }
    return sendHtml(reply, asked.error && status === 200 ? 400 : status, DaysPage({
      view, backHref: flowHref('/book/people', flow, [...PEOPLE_KEYS, 'people'], lang), hidden: [],
      errors: startError ? [shown(lang, '#main-content', startError)] : asked.error ? [shown(lang, '#days', asked.error)] : [],
      title: view.t('book.days.title'),
      lead: view.t('book.days.lead', { service: serviceName(directory, found.service, lang), office: found.office.name[lang], people }),
      weeks: dayGroups(view, slots, deadline, (d) => flowHref('/book/time', { ...flow, date: d }, [...TIME_KEYS, 'date'], lang)),
      deadline: deadlineInfo,
      nearer: fit?.kind === 'anyone' ? view.t('book.office.yours', { office: fit.yours.name[lang], service: serviceName(directory, found.service, lang) }) : null,
      receipt: deadlineInfo && !deadlineInfo.inTime ? { action: '/book/attempt', hidden: [['_csrf', reply.generateCsrf()], ...flowPairs(flow, TIME_KEYS, lang)] } : null,
      contact: contactText(view, found.office),
    }));
  };
  /** How the office fits the person's postal code (given in the flow, or from the plan); null without one. */
  const fitFor = (office: Office, service: BookableService, flow: Flow): OfficeFit | null => {
    if (!flow.postcode) return null;
    const place = resolvePlace(directory, { postalCode: flow.postcode });
    if ('error' in place) return null;
    return officeFit(directory, office, service, { municipality: place.municipality.code, point: place.point });
  };
  const notYoursPage = (reply: FastifyReply, lang: Lang, flow: Flow, office: Office, service: BookableService, fit: { yours: Office | null }) => {
    const view = viewFor(lang, '/book/time', flow, TIME_KEYS);
    const place = resolvePlace(directory, { postalCode: flow.postcode ?? '' });
    const municipality = 'error' in place ? '' : place.municipality.name;
    const name = serviceName(directory, service, lang);
    const yours = fit.yours;
    const bookableYours = yours && !('error' in bookableOffice(ports, yours.id, service));
    return sendHtml(reply, 200, NotYoursPage({
      view,
      title: view.t('book.notyours.title', { office: office.name[lang], service: name }),
      text: view.t('book.office.notyours', { office: office.name[lang], service: name, municipality }),
      yours: yours ? {
        name: yours.name[lang],
        text: view.t('book.notyours.yours', { office: yours.name[lang], service: name, municipality }),
        bookHref: bookableYours ? flowHref('/book/people', { ...flow, office: yours.id }, PEOPLE_KEYS, lang) : null,
        contact: bookableYours ? '' : contactText(view, yours),
        website: yours.contact.website,
        page: href(view, `/offices/${yours.id}`),
      } : null,
      otherHref: flowHref('/book/office', flow, OFFICE_KEYS, lang),
    }));
  };

  app.get<{ Querystring: Query }>('/book/time', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) =>
    timePage(request, reply, readLang(request.query), readFlow(request.query), null));

  app.post<{ Body: Body }>('/book/hold', { schema: { hide: true, body: AnyBody }, config: limited, preHandler: app.csrfProtection }, async (request, reply) => {
    const lang = readLang(request.body);
    const flow = readFlow(request.body);
    const start = readText(request.body, 'start', 40);
    const found = officeOf(reply, lang, flow);
    if (!found) return reply;
    const pError = peopleError(flow.people);
    if (pError) return peoplePage(reply, lang, flow, pError);
    if (!start) return timePage(request, reply, lang, flow, { field: 'start', code: 'required' }, 400);
    const startMs = Date.parse(start);
    const result = await placeHold(ports, {
      officeId: found.office.id, service: found.service, startMs: Number.isNaN(startMs) ? -1 : startMs, people: parsePeople(flow.people, max)!,
      clientKey: clientKeyOf(request.ip), now: deps.clock.now(), maxHoldsPerClient: deps.config.maxHoldsPerClient,
    });
    if (result.ok) return reply.code(303).header('location', `/book/details/${result.hold.id}${lang === 'en' ? '' : `?lang=${lang}`}`).send();
    switch (result.error) {
      case 'full': return timePage(request, reply, lang, flow, { field: 'start', code: 'taken' }, 409);
      case 'too-many-holds': return timePage(request, reply, lang, flow, { field: 'start', code: 'too-many-holds', params: { max: result.max } }, 429);
      case 'too-many-people': return peoplePage(reply, lang, flow, { field: 'people', code: 'too-many', params: { max } });
      default: return timePage(request, reply, lang, flow, { field: 'start', code: 'not-a-slot' }, 400);
    }
  });

  // 6. Your details, while the time is held.
  const HoldParams = Type.Object({ holdId: Type.String({ maxLength: 64 }) });
  const detailsPage = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, holdId: string, values: Record<string, string>, errors: FieldError[], status: number) => {
    const view = makeView(deps, lang, (other) => `/book/details/${holdId}${other === 'en' ? '' : `?lang=${other}`}`);
    const found = await holdFor(ports, holdId, deps.clock.now());
    if (!found) return sendHtml(reply, 404, MessagePage({ view, title: view.t('book.nohold.title'), text: view.t('book.nohold.text'), linkHref: lang === 'en' ? '/book' : `/book?lang=${lang}`, linkText: view.t('book.gone.again') }));
    const again = flowHref('/book/time', { service: found.hold.service, office: found.hold.officeId, people: String(found.hold.people) }, TIME_KEYS, lang);
    if (found.state !== 'active') return sendHtml(reply, found.state === 'used' ? 409 : 410, HoldGonePage({ view, againHref: again, used: found.state === 'used' }));
    const { hold } = found;
    const byField: Record<string, string> = {};
    for (const e of errors) byField[e.field] ??= message(lang, e);
    const held = localMoment(new Date(hold.expiresMs));
    return sendHtml(reply, status, DetailsPage({
      view, backHref: flowHref('/book/time', { service: hold.service, office: hold.officeId, people: String(hold.people), date: localMoment(new Date(hold.startMs)).date }, [...TIME_KEYS, 'date'], lang),
      action: `/book/details/${hold.id}`, hidden: [['_csrf', reply.generateCsrf()], ...(lang === 'en' ? [] : [['lang', lang] as [string, string]])],
      summary: appointmentRows(view, directory, hold), heldUntil: hhmm(held.minutes), eraseDays: deps.bookingConfig.eraseAfterDays,
      values: { name: values.name ?? '', email: values.email ?? '', phone: values.phone ?? '', language: values.language ?? lang },
      errors: errors.map((e) => ({ href: `#${e.field}`, message: message(lang, e) })), fieldErrors: byField,
    }));
  };
  app.get<{ Params: { holdId: string }; Querystring: Query }>('/book/details/:holdId', { schema: { hide: true, params: HoldParams, querystring: AnyQuery } }, async (request, reply) =>
    detailsPage(request, reply, readLang(request.query), request.params.holdId, {}, [], 200));

  app.post<{ Params: { holdId: string }; Body: Body }>('/book/details/:holdId', {
    schema: { hide: true, params: HoldParams, body: AnyBody }, config: limited, preHandler: app.csrfProtection,
  }, async (request, reply) => {
    const lang = readLang(request.body);
    const values = { name: readText(request.body, 'name'), email: readText(request.body, 'email'), phone: readText(request.body, 'phone'), language: readText(request.body, 'language', 5) };
    const result = await requestBooking(ports, { holdId: request.params.holdId, details: values, now: deps.clock.now() });
    if (result.ok) {
      // Shown in answer to the form (no redirect: the page echoes the address the person typed, which goes in no URL).
      const r = result.requested;
      const view = makeView(deps, lang, (other) => `/book/details/${request.params.holdId}${other === 'en' ? '' : `?lang=${other}`}`);
      const office = directory.byId.get(r.officeId);
      return sendHtml(reply, 200, SentPage({
        view, summary: appointmentRows(view, directory, r), email: r.email, bring: bringFor(deps.rules, r.service, lang, r.startMs),
        contact: office ? [office.contact.phone, office.contact.email].filter(Boolean).join(', ') || null : null,
      }));
    }
    if (result.error === 'invalid') return detailsPage(request, reply, lang, request.params.holdId, values, result.errors, 400);
    return detailsPage(request, reply, lang, request.params.holdId, values, [], 200);
  });

  // The receipt of an attempt to book before a deadline.
  app.post<{ Body: Body }>('/book/attempt', { schema: { hide: true, body: AnyBody }, config: limited, preHandler: app.csrfProtection }, async (request, reply) => {
    const lang = readLang(request.body);
    const flow = readFlow(request.body);
    const found = officeOf(reply, lang, flow);
    if (!found) return reply;
    const pError = peopleError(flow.people);
    if (pError) return peoplePage(reply, lang, flow, pError);
    const deadline = deadlineOf(flow);
    if (!deadline) return timePage(request, reply, lang, flow, null);
    const result = await recordAttempt(ports, { officeId: found.office.id, service: found.service, people: parsePeople(flow.people, max)!, deadline, now: deps.clock.now() });
    if (!result.ok) return timePage(request, reply, lang, flow, null);
    const q = new URLSearchParams();
    if (flow.step) q.set('step', flow.step);
    if (lang !== 'en') q.set('lang', lang);
    return reply.code(303).header('location', `/book/attempt/${result.reference}${q.size ? `?${q}` : ''}`).send();
  });

  app.get<{ Params: { reference: string }; Querystring: Query }>('/book/attempt/:reference', {
    schema: { hide: true, params: Type.Object({ reference: Type.String({ maxLength: 20 }) }), querystring: AnyQuery },
  }, async (request, reply) => {
    const lang = readLang(request.query);
    const flow = readFlow(request.query);
    const view = makeView(deps, lang, (other) => flowHref(`/book/attempt/${request.params.reference}`, flow, ['step'], other as Lang));
    const attempt = /^T-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(request.params.reference) ? await ports.store.attempt(request.params.reference) : undefined;
    if (!attempt) return sendHtml(reply, 404, MessagePage({ view, title: view.t('receipt.notfound.title'), text: view.t('receipt.notfound.text') }));
    const office = directory.byId.get(attempt.officeId);
    const tried = localMoment(new Date(attempt.triedMs));
    const deadline = parseLocalDate(attempt.deadline);
    const rows = [
      { key: view.t('receipt.tried'), value: view.t('booking.at', { date: formatLongDate(tried.date, lang), time: hhmm(tried.minutes) }) },
      { key: view.t('booking.field.service'), value: serviceName(directory, attempt.service, lang) },
      { key: view.t('booking.field.where'), value: office ? [office.name[lang], addressLine(office)].filter(Boolean).join(', ') : attempt.officeId },
      { key: view.t('booking.field.people'), value: String(attempt.people) },
      { key: view.t('receipt.deadline'), value: `${deadline ? formatLongDate(deadline, lang) : attempt.deadline} (${deadlineRule(deps.rules, flow.step, lang, today(deps), view.t)})` },
      { key: view.t('receipt.earliest'), value: attempt.earliestStartMs ? fullTime(view, attempt.earliestStartMs) : view.t('receipt.earliest.none') },
    ];
    return sendHtml(reply, 200, ReceiptPage({ view, reference: attempt.reference, rows }));
  });

  registerManagePages(app, deps);
}

