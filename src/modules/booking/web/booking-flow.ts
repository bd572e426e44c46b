/**
 * What the booking pages carry from page to page (service, office, party, postal code, the plan's deadline),
 * read from a query or a form body, and the rows that describe an appointment.
 */
import { documentsFor } from '../app/messages.js';
import { serviceName } from '../../offices/index.js';
import { addressLine } from '../../plan/index.js';
import type { Lang } from '../../plan/index.js';
import { type LocalDate, parseLocalDate } from '../../../kernel/dates/local-date.js';
import { formatLongDate } from '../../../kernel/i18n/format.js';
import type { OfficeDirectory } from '../../offices/index.js';
import { staticContext, stepStatic } from '../../plan/index.js';
import type { Rules } from '../../plan/index.js';
import { hhmm, localMoment } from '../../../kernel/time/copenhagen-clock.js';
import type { SummaryRow } from './views/parts.js';
import type { View } from '../../../platform/views/view.js';

export const FLOW_KEYS = ['service', 'office', 'people', 'postcode', 'deadline', 'step', 'date'] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];
export type Flow = Partial<Record<FlowKey, string>>;

type Input = Record<string, unknown> | undefined;

function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return undefined;
  const trimmed = first.trim().slice(0, 60);
  return trimmed === '' ? undefined : trimmed;
}

export function readFlow(input: Input): Flow {
  const flow: Flow = {};
  for (const key of FLOW_KEYS) {
    const value = single(input?.[key]);
    if (value !== undefined) flow[key] = value;
  }
  return flow;
}

export function readText(input: Input, key: string, max = 600): string {
  const value = input?.[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.slice(0, max) : '';
}

/** The fields to carry, in a fixed order, with the language last (English is left out). */
export function flowPairs(flow: Flow, keys: readonly FlowKey[], lang: Lang): [string, string][] {
  const pairs: [string, string][] = [];
  for (const key of keys) {
    const value = flow[key];
    if (value !== undefined) pairs.push([key, value]);
  }
  if (lang !== 'en') pairs.push(['lang', lang]);
  return pairs;
}

/** Values that URLSearchParams writes as they are: ids, numbers, dates, postal codes. */
const PLAIN = /^[\w.*-]*$/;

export function flowHref(path: string, flow: Flow, keys: readonly FlowKey[], lang: Lang): string {
  // The plan links to booking for several steps on every plan page; most values are plain and need no encoding.
  let query = '';
  for (const key of keys) {
    const value = flow[key];
    if (value === undefined) continue;
    if (!PLAIN.test(value)) return encodedFlowHref(path, flow, keys, lang);
    query += `${query ? '&' : ''}${key}=${value}`;
  }
  if (lang !== 'en') query += `${query ? '&' : ''}lang=${lang}`;
  return query ? `${path}?${query}` : path;
}

function encodedFlowHref(path: string, flow: Flow, keys: readonly FlowKey[], lang: Lang): string {
  const query = new URLSearchParams(flowPairs(flow, keys, lang)).toString();
  return query ? `${path}?${query}` : path;
}

/** The plan's deadline for the step, when it came with the link and is a real date. */
export function deadlineOf(flow: Flow): LocalDate | null {
  return flow.deadline ? parseLocalDate(flow.deadline) : null;
}

/** The deadline rule of a plan step, in words, or a plain phrase when the step is not known. */
export function deadlineRule(rules: Rules, stepId: string | undefined, lang: Lang, today: LocalDate, t: View['t']): string {
  const step = stepId ? rules.stepsById.get(stepId) : undefined;
  if (!step) return t('book.deadline.rule.plain');
  const stat = stepStatic(rules, staticContext(rules, lang, today, undefined), step, undefined);
  return `${stat.title}: ${stat.deadlineRule}`;
}

export interface AppointmentFacts {
  officeId: string;
  service: string;
  startMs: number;
  endMs: number;
  people: number;
}

export function appointmentRows(view: View, directory: OfficeDirectory, a: AppointmentFacts): SummaryRow[] {
  const office = directory.byId.get(a.officeId);
  const start = localMoment(new Date(a.startMs));
  const end = localMoment(new Date(a.endMs));
  const where = office ? [office.name[view.lang], addressLine(office)].filter(Boolean).join(', ') : a.officeId;
  return [
    { key: view.t('booking.field.service'), value: serviceName(directory, a.service, view.lang) },
    { key: view.t('booking.field.when'), value: view.t('booking.when', { date: formatLongDate(start.date, view.lang), start: hhmm(start.minutes), end: hhmm(end.minutes) }) },
    { key: view.t('booking.field.where'), value: where },
    { key: view.t('booking.field.people'), value: String(a.people) },
  ];
}

export function bringFor(rules: Rules, service: string, lang: Lang, startMs: number) {
  return documentsFor(rules, service, lang, localMoment(new Date(startMs)).date);
}
