/**
 * Helpers the booking and manage pages share: sending a page, an office's contact line, days grouped by week.
 */
import type { FastifyReply } from 'fastify';
import type { FreeSlot } from '../app/bookings.js';
import type { FieldError } from '../../plan/index.js';
import { type LocalDate, compareDates, parseLocalDate } from '../../../kernel/dates/local-date.js';
import { formatLongDate } from '../../../kernel/i18n/format.js';
import type { Office } from '../../offices/index.js';
import type { DayChoice } from './views/choose-pages.js';
import { html, type View } from '../../../platform/views/view.js';

export function sendHtml(reply: FastifyReply, status: number, page: JSX.Element) {
  return reply.code(status).type('text/html; charset=utf-8').send(html(page));
}

/**
 * The day asked for in a link (?date=), if it is one that can be booked: a real date within the booking window.
 * A day from an old bookmark, a day typed by hand beyond the window or a date that is not one gives the error
 * that sends the person back to the list of days.
 */
export function askedDay(text: string | undefined, window: { first: LocalDate; last: LocalDate }): { date: LocalDate | null; error: FieldError | null } {
  if (!text) return { date: null, error: null };
  const date = parseLocalDate(text);
  if (!date || compareDates(date, window.first) < 0 || compareDates(date, window.last) > 0) return { date: null, error: { field: 'date', code: 'not-a-date' } };
  return { date, error: null };
}

/** Contact details of an office, in a sentence. */
export function contactText(view: View, office: Office): string {
  const parts = [office.contact.phone, office.contact.email].filter(Boolean).join(', ');
  return parts ? view.t('book.contact', { contact: parts }) : '';
}

/** Days with free times, grouped by the week they fall in. */
export function dayGroups(view: View, slots: FreeSlot[], deadline: string | null, hrefFor: (date: string) => string): { heading: string; days: DayChoice[] }[] {
  const byDay = new Map<string, FreeSlot[]>();
  for (const s of slots) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);
  const weeks: { heading: string; days: DayChoice[] }[] = [];
  let current: { key: string; heading: string; days: DayChoice[] } | undefined;
  for (const [date, list] of byDay) {
    const monday = new Date(Date.parse(`${date}T12:00:00Z`) - ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    if (!current || current.key !== monday) {
      current = { key: monday, heading: view.t('book.days.week', { date: formatLongDate(monday as never, view.lang) }), days: [] };
      weeks.push(current);
    }
    current.days.push({ date, href: hrefFor(date), label: formatLongDate(date as never, view.lang), count: list.length, late: deadline !== null && date > deadline });
  }
  return weeks.map(({ heading, days }) => ({ heading, days }));
}

