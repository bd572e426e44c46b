/**
 * The e-mails a booking sends, in the language the person chose: the confirmation (with the documents to bring
 * and the appointment as a calendar file), the reminder the day before, the notice of a new time or of a
 * cancellation, and a fresh link. The outbox keeps the booking as it was at the event; the words are written here
 * when the message is sent (composeOutgoing), so a booking's request does not wait for them.
 */
import type { Lang } from '../../plan/index.js';
import { formatLongDate } from '../../../kernel/i18n/format.js';
import type { OfficeDirectory } from '../../offices/index.js';
import type { Office } from '../../offices/index.js';
import { documentName, staticContext } from '../../plan/index.js';
import type { Rules } from '../../plan/index.js';
import { hhmm, localMoment } from '../../../kernel/time/copenhagen-clock.js';
import type { MessageBooking, MessageKind, OutgoingMessage } from '../ports/booking-store.js';
import { serviceName } from '../../offices/index.js';
import { addressLine } from '../../plan/index.js';
import { appointmentCalendar } from './appointment-calendar.js';

export type Translate = (lang: Lang, key: string, params?: Record<string, string | number>) => string;

export interface MessageContext {
  t: Translate;
  directory: OfficeDirectory;
  rules: Rules;
  publicUrl: string;
  eraseAfterDays: number;
}

export interface Composed {
  subject: string;
  text: string;
  ics: string | null;
}

/** "Monday 30 November 2026, 09:15 to 09:30" in Danish time. */
export function whenText(lang: Lang, startMs: number, endMs: number, t: Translate): string {
  const start = localMoment(new Date(startMs));
  const end = localMoment(new Date(endMs));
  return t(lang, 'booking.when', { date: formatLongDate(start.date, lang), start: hhmm(start.minutes), end: hhmm(end.minutes) });
}

export function manageUrl(publicUrl: string, reference: string, token: string, lang: Lang): string {
  return `${publicUrl}/booking/${reference}?token=${token}${lang === 'en' ? '' : `&lang=${lang}`}`;
}

/**
 * Where a calendar file sends a person: the page that asks for the reference and e-mail (and sends the private link
 * to that e-mail), never the private link itself. A calendar is often shared; the power to cancel should not be.
 */
export function findUrl(publicUrl: string, reference: string, lang: Lang): string {
  return `${publicUrl}/booking/find?reference=${reference}${lang === 'en' ? '' : `&lang=${lang}`}`;
}

export function officeWhere(office: Office | undefined, lang: Lang): string {
  if (!office) return '';
  const address = addressLine(office);
  return address ? `${office.name[lang]}, ${address}` : office.name[lang];
}

/** What to bring for a service: the documents of the plan step done at the office, those for some people marked. */
export function documentsFor(rules: Rules, service: string, lang: Lang, onDate: string): { always: string[]; some: string[] } {
  const step = rules.stepsById.get(service);
  if (!step) return { always: [], some: [] };
  const context = staticContext(rules, lang, onDate as never, undefined);
  const always: string[] = [];
  const some: string[] = [];
  for (const ref of step.documents) (ref.when ? some : always).push(documentName(rules, context, ref.id).name);
  return { always, some };
}

/** The words of an outbox message: written now from the booking at the event, or as kept (older rows). */
export function composeOutgoing(ctx: MessageContext, m: OutgoingMessage): Composed {
  if (m.event) return composeMessage(ctx, m.kind, m.event.booking, { nowMs: m.event.atMs, ...(m.event.token ? { token: m.event.token } : {}) });
  return m.stored ?? { subject: '', text: '', ics: null };
}

export function composeMessage(
  ctx: MessageContext, kind: MessageKind, booking: MessageBooking, options: { token?: string; nowMs: number },
): Composed {
  const { t, directory, rules, publicUrl } = ctx;
  const lang = booking.language;
  const office = directory.byId.get(booking.officeId);
  const service = serviceName(directory, booking.service, lang);
  const when = whenText(lang, booking.startMs, booking.endMs, t);
  const where = officeWhere(office, lang);
  const date = formatLongDate(localMoment(new Date(booking.startMs)).date, lang);
  const time = hhmm(localMoment(new Date(booking.startMs)).minutes);
  const link = options.token ? manageUrl(publicUrl, booking.reference, options.token, lang) : null;
  const subject = t(lang, `mail.${kind}.subject`, { service, office: office?.name[lang] ?? '', date, time, reference: booking.reference });

  const lines: string[] = [];
  lines.push(booking.name ? t(lang, 'mail.greeting', { name: booking.name }) : t(lang, 'mail.greeting.plain'), '');
  lines.push(t(lang, `mail.${kind}.lead`), '');
  if (kind === 'already-booked') lines.push(t(lang, 'mail.already-booked.why'), '');
  lines.push(`${t(lang, 'booking.field.service')}: ${service}`);
  lines.push(`${t(lang, 'booking.field.when')}: ${when}`);
  lines.push(`${t(lang, 'booking.field.where')}: ${where}`);
  lines.push(`${t(lang, 'booking.field.people')}: ${booking.people}`);
  lines.push(`${t(lang, 'booking.field.reference')}: ${booking.reference}`, '');

  if (kind !== 'cancelled') {
    const docs = documentsFor(rules, booking.service, lang, localMoment(new Date(booking.startMs)).date);
    if (docs.always.length + docs.some.length > 0) {
      lines.push(t(lang, 'booking.bring'));
      for (const d of docs.always) lines.push(`- ${d}`);
      if (docs.some.length > 0) {
        lines.push(t(lang, 'booking.bring.some'));
        for (const d of docs.some) lines.push(`- ${d}`);
      }
      lines.push('');
    }
    lines.push(t(lang, 'mail.per-person', { people: booking.people }), '');
  }
  if (link) {
    lines.push(t(lang, 'mail.manage'), link, '', t(lang, 'mail.private'), '');
  }
  if (kind === 'cancelled') lines.push(t(lang, 'mail.book-again'), `${publicUrl}/book${lang === 'en' ? '' : `?lang=${lang}`}`, '');
  if (kind === 'confirmation' || kind === 'rescheduled') lines.push(t(lang, 'mail.calendar'), '');
  lines.push(t(lang, 'mail.signature'));
  if (office?.contact.phone || office?.contact.email) {
    lines.push([office.name[lang], office.contact.phone, office.contact.email].filter(Boolean).join(' · '));
  }
  lines.push('', t(lang, 'mail.erasure', { days: ctx.eraseAfterDays }));

  const withCalendar = kind === 'confirmation' || kind === 'rescheduled' || kind === 'cancelled';
  const ics = withCalendar ? appointmentCalendar({
    bookingId: booking.id,
    sequence: booking.version,
    startMs: booking.startMs,
    endMs: booking.endMs,
    summary: `${service}: ${office?.name[lang] ?? ''} (${booking.reference})`,
    description: `${t(lang, 'booking.field.reference')}: ${booking.reference}${kind === 'cancelled' ? '' : `\n${t(lang, 'ics.manage', { url: findUrl(publicUrl, booking.reference, lang) })}`}`,
    location: where,
    url: kind === 'cancelled' ? `${publicUrl}/book${lang === 'en' ? '' : `?lang=${lang}`}` : findUrl(publicUrl, booking.reference, lang),
    cancelled: kind === 'cancelled',
    stampMs: options.nowMs,
    lang,
  }) : null;
  return { subject, text: `${lines.join('\n')}\n`, ics };
}
