/**
 * The plan: the person's steps in order, each with its deadline, where, who, what to bring, what comes first,
 * and its sources. Printable (see the print styles in app.css), with a calendar file of every deadline.
 *
 * Written as bytes (see byte-parts.ts) from parts kept in plan-page-parts.tsx. The page is the same for everyone
 * with the same plan shape, order and kinds of step except for a few holes: the address in the other language,
 * the answers' query in links, the deadlines' dates, the offices (which change with the time of day), the links
 * to book, and the answers in words. So the page of a shape is kept as a template (part-templates.ts) once it is asked
 * for twice, and each request fills its holes.
 */
import type { Plan, PlanStep } from '../../domain/plan/plan.js';
import { PLAN_SHAPE } from '../../domain/plan/plan.js';
import type { PlanSkeleton } from '../../domain/plan/plan-skeleton.js';
import { formatDate, formatLongDate } from '../../domain/i18n/format.js';
import type { AnswerRow } from '../answer-summary.js';
import { type Part, keptBytes, partsWriter } from '../byte-parts.js';
import { withQuery } from '../flow-query.js';
import { type Template, TemplateCache, compileTemplate } from '../part-templates.js';
import { AnswersList } from './check-page.js';
import { Layout } from './layout.js';
import {
  actions, badgeEnd, badgeKind, type BadgeKind, dateBytes, dependsOnPart, esc, fixedParts, fragments, frame,
  head, intro, label, longDates, officeFact, overviewStart, shortDates, tail,
} from './plan-page-parts.js';
import { html, type View } from './view.js';

const writeBody = partsWriter();

export interface PlanBookingLink {
  service: string;
  href: string;
  /** The office's name, when the link goes straight to its free times. */
  office: string | null;
}

interface PlanPageProps {
  view: View;
  plan: Plan;
  rows: AnswerRow[];
  /** The answers as the query of an address (URL-encoded), for the links to change them, the calendar and the check. */
  query: string;
  /** Where to book a time for a step done at an office, when it can be booked here (asked once per step, in order). */
  bookHref?: (step: PlanStep) => PlanBookingLink | null;
}

/** What is personal on the page: a hole in the template, filled per request. */
type Hole =
  | { kind: 'other-lang' | 'query' }
  | { kind: 'short-date' | 'long-date' | 'office' | 'booking' | 'answer'; at: number };

/** What a request fills the holes with. */
interface Personal {
  view: View;
  plan: Plan;
  rows: AnswerRow[];
  /** The answers' query as it goes into our own addresses (URL-encoded, so only "&" needs escaping). */
  queryAttr: Buffer;
  bookings: (PlanBookingLink | null)[];
}

/** Switched off only by the tests, which compare the pages written from templates with pages written directly. */
export const planPageTemplates = { enabled: true };
const templates = new TemplateCache<PlanSkeleton, Hole>(32 * 1024 * 1024);

export function planPage({ view, plan, rows, query, bookHref }: PlanPageProps): Buffer {
  if (plan.outcome === 'not-for-ics') return Buffer.from(html(DanishPage({ view, rows, checkHref: withQuery('/plan/check', query) })));
  const input: Personal = {
    view,
    plan,
    rows,
    queryAttr: Buffer.from(query ? `?${query.replaceAll('&', '&amp;')}` : ''),
    bookings: plan.steps.map((step) => bookHref?.(step) ?? null),
  };
  const shape = plan[PLAN_SHAPE];
  const template = shape && planPageTemplates.enabled
    ? templates.get(shape.skeleton, templateKey(input, shape.order), () => compileTemplate(pageParts(input, true)))
    : null;
  const parts: Part[] = [];
  if (template) fillTemplate(parts, template, input);
  else for (const piece of pageParts(input, false)) parts.push(piece as Part);
  return writeBody(parts);
}

/**
 * Everything the template's kept parts depend on, beyond the shape: the day, the order, per step its holes, and
 * which questions the answers answer.
 */
function templateKey({ plan, bookings, rows }: Personal, order: readonly number[]): string {
  let key: string = plan.asOf;
  plan.steps.forEach((step, i) => {
    key += `|${order[i]}${step.deadline !== null && step.status === 'todo' ? 'd' : ''}${step.where.office ? 'o' : ''}${bookings[i] ? 'b' : ''}`;
  });
  for (const row of rows) key += `|${row.id}`;
  return key;
}

function fillTemplate(parts: Part[], template: Template<Hole>, input: Personal): void {
  for (const piece of template) {
    if (Buffer.isBuffer(piece)) parts.push(piece);
    else fill(parts, piece, input);
  }
}

function fill(parts: Part[], hole: Hole, { view, plan, rows, queryAttr, bookings }: Personal): void {
  switch (hole.kind) {
    case 'other-lang': parts.push(esc(view.otherLangHref)); return;
    case 'query': parts.push(queryAttr); return;
    case 'answer': parts.push(esc(rows[hole.at]!.answer)); return;
    case 'short-date': {
      const deadline = plan.steps[hole.at]!.deadline!;
      parts.push(dateBytes(shortDates[view.lang], deadline, () => `<time datetime="${deadline}">${esc(formatDate(deadline, view.lang))}</time>`));
      return;
    }
    case 'long-date': {
      const step = plan.steps[hole.at]!;
      const deadline = step.deadline!;
      parts.push(dateBytes(longDates[view.lang], step.overdue ? `${deadline}!` : deadline, () =>
        `${deadline}">${esc(formatLongDate(deadline, view.lang))}</time></p>${step.overdue ? `<p><span class="badge badge-error">${label(view, 'plan.overdue')}</span></p>` : ''}`));
      return;
    }
    case 'office': parts.push(officeFact(view, plan.steps[hole.at]!.where.office!)); return;
    case 'booking': {
      const booking = bookings[hole.at]!;
      const text = booking.office ? view.t('plan.book.at', { office: booking.office }) : view.t('plan.book');
      parts.push(`<dt>${label(view, 'plan.book.label')}</dt><dd><a href="${esc(booking.href)}">${esc(text)}</a></dd>`);
    }
  }
}

/** The page in order, with the personal parts as holes (for a template) or filled (written directly). */
function pageParts(input: Personal, asTemplate: boolean): (Part | Hole)[] {
  const { view, plan } = input;
  const out: (Part | Hole)[] = [];
  const personal = (hole: Hole) => {
    if (asTemplate) out.push(hole);
    else fill(out as Part[], hole, input);
  };
  const short = plan.outcome === 'short-stay';
  const title = view.t(short ? 'plan.title.short' : 'plan.title');
  const page = frame(view, title);
  out.push(page.start);
  personal({ kind: 'other-lang' });
  out.push(page.middle, intro(view, plan, title, short));
  actions(view, plan.steps.some((s) => s.deadline !== null)).forEach((part) => (part === null ? personal({ kind: 'query' }) : out.push(part)));
  const empty = plan.steps.length === 0;
  if (!empty) overview(out, personal, view, plan.steps);
  out.push(keptBytes(fixedParts[view.lang], `steps|${empty}`, () =>
    `<h2>${label(view, 'plan.steps.title')}</h2>${empty ? `<p>${label(view, 'plan.empty')}</p>` : '<ol class="plan-steps">'}`));
  let titles: Map<string, string> | undefined;
  const titlesOf = () => (titles ??= new Map(plan.steps.map((s) => [s.id, s.title])));
  plan.steps.forEach((step, i) => stepItem(out, personal, view, step, i, titlesOf, input.bookings[i] !== null));
  out.push(keptBytes(fixedParts[view.lang], `answers|${empty}`, () =>
    `${empty ? '' : '</ol>'}<h2>${label(view, 'plan.answers.title')}</h2><table class="table structured-list answers-list"><tbody>`));
  answersTable(out, personal, view, input.rows);
  out.push(keptBytes(fixedParts[view.lang], 'end', () =>
    `</tbody></table><p class="d-print-none"><a href="${view.lang === 'en' ? '/' : '/?lang=da'}">${label(view, 'plan.restart')}</a></p>`), page.end);
  return out;
}

type Personalize = (hole: Hole) => void;

function overview(out: (Part | Hole)[], personal: Personalize, view: View, steps: PlanStep[]): void {
  const { lang } = view;
  let before: BadgeKind | -1 = -1;
  steps.forEach((step, i) => {
    const f = fragments(view, step);
    // The row's opening holds the end of the row before it (or the table's opening), so a row is two parts.
    const slot = (i + 1) * 4 + before + 1;
    out.push(f.rows[slot] ??= Buffer.from((before === -1 ? overviewStart(view) : badgeEnd(view, before)) + `<tr><td><a href="#step-${step.id}">${i + 1}. ${esc(step.title)}</a></td><td>`));
    if (step.deadline && step.status === 'todo') personal({ kind: 'short-date', at: i });
    else out.push(keptBytes(fixedParts[lang], step.status === 'done' ? 'no-date-done' : 'no-date', () => `<span>${step.status === 'done' ? '' : label(view, 'plan.nodate')}</span>`));
    before = badgeKind(step);
  });
  const last = before;
  if (last !== -1) out.push(keptBytes(fixedParts[lang], `overview-end|${last}`, () => `${badgeEnd(view, last)}</tbody></table></div>`));
}

function stepItem(out: (Part | Hole)[], personal: Personalize, view: View, step: PlanStep, at: number, titles: () => Map<string, string>, booked: boolean): void {
  const f = fragments(view, step);
  out.push(head(view, f, step, at + 1));
  if (step.status === 'done') return;
  if (step.deadline) personal({ kind: 'long-date', at });
  out.push(step.deadline ? f.ruleIntroDated : f.ruleIntroUndated);
  if (step.dependsOn.length > 0) out.push(dependsOnPart(view, step, titles));
  if (step.where.office) personal({ kind: 'office', at });
  if (booked) personal({ kind: 'booking', at });
  out.push(tail(view, f, step));
}

/**
 * The answers with a link to change each (the same table as on "check your answers", check-page.tsx): the
 * question and the link's words are kept per language, the answer and the address are the person's.
 */
function answersTable(out: (Part | Hole)[], personal: Personalize, view: View, rows: AnswerRow[]): void {
  const kept = fixedParts[view.lang];
  rows.forEach((row, at) => {
    const question = () => esc(row.question);
    out.push(keptBytes(kept, `q|${row.id}`, () => `<tr><th scope="row">${question()}</th><td>`));
    personal({ kind: 'answer', at });
    out.push(keptBytes(kept, `a|${row.id}`, () => `</td><td class="d-print-none"><a href="/plan/${row.id}`));
    personal({ kind: 'query' });
    out.push(keptBytes(kept, `c|${row.id}`, () => `"><span>${label(view, 'check.change')}</span><span class="sr-only">: ${question()}</span></a></td></tr>`));
  });
}

function DanishPage({ view, rows, checkHref }: { view: View; rows: AnswerRow[]; checkHref: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('plan.title.danish')}>
      <h1 safe>{t('plan.title.danish')}</h1>
      <p class="font-lead" safe>{t('plan.danish.text')}</p>
      <p><a href="https://www.cpr.dk/borgere/flytning/fra-udlandet" rel="noreferrer" safe>{t('plan.danish.link')}</a></p>
      <AnswersList view={view} rows={rows} changeLinks={false} />
      <p><a href={checkHref} safe>{t('plan.change')}</a></p>
    </Layout>
  );
}
