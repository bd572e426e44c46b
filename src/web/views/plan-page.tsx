/**
 * The plan: the person's steps in order, each with its deadline, where, who, what to bring, what comes first,
 * and its sources. Printable (see the print styles in app.css), with a calendar file of every deadline.
 *
 * Written as bytes from parts (see byte-parts.ts): what is the same for everyone (the page frame, each step's
 * texts, sources and check) is rendered with JSX once and kept; what is personal (the order, the deadlines,
 * the answers) is written per request as short escaped strings.
 */
import { escapeHtml } from '@kitajs/html';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { formatDate, formatLongDate } from '../../domain/i18n/format.js';
import { type Plan, type PlanOffice, type PlanStep, STEP_STATIC, type StepStatic } from '../../domain/plan/plan.js';
import type { AnswerRow } from '../answer-summary.js';
import { type Part, partsWriter } from '../byte-parts.js';

const writeBody = partsWriter();
import { AnswersList } from './check-page.js';
import { withQuery } from '../flow-query.js';
import { Icon } from './components/icon.js';
import { Layout } from './layout.js';
import { href, html, type View } from './view.js';

interface PlanPageProps {
  view: View;
  plan: Plan;
  rows: AnswerRow[];
  /** The answers as the query of an address (URL-encoded), for the links to change them, the calendar and the check. */
  query: string;
  /** Where to book a time for a step done at an office, when it can be booked here. */
  bookHref?: (step: PlanStep) => { href: string; office: string | null } | null;
}

const esc = (text: string) => escapeHtml(text) as string;

/** Interface words, escaped once per language: they are the same on every plan page. */
const labels = { en: new Map<string, string>(), da: new Map<string, string>() };
const numbered = { en: new Map<string, string[]>(), da: new Map<string, string[]>() };
function label(view: View, key: string, n?: number): string {
  if (n !== undefined) {
    let list = numbered[view.lang].get(key);
    if (!list) numbered[view.lang].set(key, list = []);
    return list[n] ??= esc(view.t(key, { n }));
  }
  const map = labels[view.lang];
  let found = map.get(key);
  if (found === undefined) map.set(key, found = esc(view.t(key)));
  return found;
}

/** The page frame with two holes: the other language's address and the main content. */
interface Frame { start: Buffer; middle: Buffer; end: Buffer }
const frames = new Map<string, Frame>();
const HREF_HOLE = '\u0001';
const BODY_HOLE = '\u0002';

function frame(view: View, title: string): Frame {
  const key = `${view.lang}|${title}`;
  let found = frames.get(key);
  if (!found) {
    const page = html(Layout({ view: { ...view, otherLangHref: HREF_HOLE }, title, children: BODY_HOLE }));
    const [start = '', rest = ''] = page.split(HREF_HOLE);
    const [middle = '', end = ''] = rest.split(BODY_HOLE);
    found = { start: Buffer.from(start), middle: Buffer.from(middle), end: Buffer.from(end) };
    if (frames.size > 100) frames.clear();
    frames.set(key, found);
  }
  return found;
}

export function planPage({ view, plan, rows, query, bookHref }: PlanPageProps): Buffer {
  const { t } = view;
  if (plan.outcome === 'not-for-ics') return Buffer.from(html(DanishPage({ view, rows, checkHref: withQuery('/plan/check', query) })));
  const short = plan.outcome === 'short-stay';
  const title = t(short ? 'plan.title.short' : 'plan.title');
  const page = frame(view, title);
  // The answers' query goes into several of our own addresses: a URL-encoded query, where only "&" needs escaping.
  const queryAttr = Buffer.from(query ? `?${query.replaceAll('&', '&amp;')}` : '');
  const parts: Part[] = [page.start, esc(view.otherLangHref), page.middle, intro(view, plan, title, short)];
  actions(parts, view, plan, queryAttr);
  if (plan.steps.length > 0) overview(parts, view, plan.steps);
  parts.push(cachedBytes(fixedParts[view.lang], `steps|${plan.steps.length === 0}`, () =>
    `<h2>${label(view, 'plan.steps.title')}</h2>${plan.steps.length === 0 ? `<p>${label(view, 'plan.empty')}</p>` : '<ol class="plan-steps">'}`));
  if (plan.steps.length > 0) {
    let titles: Map<string, string> | undefined;
    const titlesOf = () => (titles ??= new Map(plan.steps.map((s) => [s.id, s.title])));
    plan.steps.forEach((step, i) => stepItem(parts, view, step, i + 1, titlesOf, bookHref));
  }
  parts.push(cachedBytes(fixedParts[view.lang], `answers|${plan.steps.length === 0}`, () =>
    `${plan.steps.length === 0 ? '' : '</ol>'}<h2>${label(view, 'plan.answers.title')}</h2><table class="table structured-list answers-list"><tbody>`));
  answersTable(parts, view, rows, queryAttr);
  parts.push(cachedBytes(fixedParts[view.lang], 'end', () =>
    `</tbody></table><p class="d-print-none"><a href="${view.lang === 'en' ? '/' : '/?lang=da'}">${label(view, 'plan.restart')}</a></p>`), page.end);
  return writeBody(parts);
}

/** Parts of the page that are the same on every plan page in a language. */
const fixedParts = { en: new Map<string, Buffer>(), da: new Map<string, Buffer>() };

/** The heading, the lead, and whose rules apply: the same for everyone of a group on a day. */
const intros = new Map<string, Buffer>();
function intro(view: View, plan: Plan, title: string, short: boolean): Buffer {
  const { t } = view;
  const key = `${view.lang}|${plan.outcome}|${plan.group}|${plan.asOf}`;
  let found = intros.get(key);
  if (!found) {
    if (intros.size > 200) intros.clear();
    found = Buffer.from(`<h1>${esc(title)}</h1><p class="font-lead">${esc(t(short ? 'plan.lead.short' : 'plan.lead'))}</p>`
      + `<p>${esc(`${t('plan.group', { group: t(`group.${plan.group}`) })} ${t('plan.madeOn', { date: plan.asOf })}`)}</p>`);
    intros.set(key, found);
  }
  return found;
}

/**
 * The answers with a link to change each (the same table as on "check your answers", check-page.tsx): the
 * question and the link's words are kept per language, the answer and the address are the person's.
 */
function answersTable(parts: Part[], view: View, rows: AnswerRow[], queryAttr: Buffer): void {
  const kept = fixedParts[view.lang];
  for (const row of rows) {
    const question = () => esc(row.question);
    parts.push(
      cachedBytes(kept, `q|${row.id}`, () => `<tr><th scope="row">${question()}</th><td>`),
      esc(row.answer),
      cachedBytes(kept, `a|${row.id}`, () => `</td><td class="d-print-none"><a href="/plan/${row.id}`),
      queryAttr,
      cachedBytes(kept, `c|${row.id}`, () => `"><span>${label(view, 'check.change')}</span><span class="sr-only">: ${question()}</span></a></td></tr>`),
    );
  }
}

const icons = new Map<string, string>();
function icon(name: string): string {
  let found = icons.get(name);
  if (found === undefined) icons.set(name, found = html(Icon({ name })));
  return found;
}

function actions(parts: Part[], view: View, plan: Plan, queryAttr: Buffer): void {
  const calendar = plan.steps.some((s) => s.deadline !== null);
  const kept = fixedParts[view.lang];
  parts.push(cachedBytes(kept, `actions|${calendar}`, () =>
    `<div class="plan-actions d-print-none"><h2 class="h4">${label(view, 'plan.actions')}</h2><ul class="nobullet-list">`
    + (calendar ? '<li><a href="/plan/calendar.ics' : '')));
  if (calendar) {
    parts.push(queryAttr, cachedBytes(kept, 'actions|calendar', () =>
      `" download="ics-plan.ics">${icon('calendar-month')}<span>${label(view, 'plan.calendar')}</span></a> <span class="form-hint">(${label(view, 'plan.calendar.hint')})</span></li>`));
  }
  parts.push(cachedBytes(kept, 'actions|rest', () =>
    `<li>${icon('print')}<span>${label(view, 'plan.print')}</span></li>`
    + `<li>${icon('bookmark')}<span>${label(view, 'plan.bookmark')}</span></li>`
    + '<li><a href="/plan/check'), queryAttr, cachedBytes(kept, 'actions|end', () =>
    `">${icon('edit')}<span>${label(view, 'plan.change')}</span></a></li></ul></div>`));
}

/** Done, required or advised: the badge of a step. */
type BadgeKind = 0 | 1 | 2;
const badgeKind = (step: PlanStep): BadgeKind => (step.status === 'done' ? 0 : step.required ? 1 : 2);

function badgeOf(view: View, kind: BadgeKind): string {
  if (kind === 0) return `<span class="badge badge-success">${label(view, 'plan.done')}</span>`;
  return kind === 1
    ? `<span class="badge badge-warning">${label(view, 'plan.required')}</span>`
    : `<span class="badge badge-info">${label(view, 'plan.advised')}</span>`;
}

function overview(parts: Part[], view: View, steps: PlanStep[]): void {
  const { lang } = view;
  let before: BadgeKind | -1 = -1;
  steps.forEach((step, i) => {
    const f = fragments(view, step);
    // The row's opening holds the end of the row before it (or the table's opening), so a row is two parts.
    const slot = (i + 1) * 4 + before + 1;
    parts.push(f.rows[slot] ??= Buffer.from((before === -1 ? overviewStart(view) : badgeEnd(view, before)) + `<tr><td><a href="#step-${step.id}">${i + 1}. ${esc(step.title)}</a></td><td>`));
    parts.push(step.deadline && step.status === 'todo'
      ? dateBytes(shortDates[lang], step.deadline, () => `<time datetime="${step.deadline}">${esc(formatDate(step.deadline!, lang))}</time>`)
      : cachedBytes(fixedParts[lang], step.status === 'done' ? 'no-date-done' : 'no-date', () => `<span>${step.status === 'done' ? '' : label(view, 'plan.nodate')}</span>`));
    before = badgeKind(step);
  });
  const last = before;
  if (last !== -1) parts.push(cachedBytes(fixedParts[lang], `overview-end|${last}`, () => `${badgeEnd(view, last)}</tbody></table></div>`));
}

function overviewStart(view: View): string {
  const heading = label(view, 'plan.overview.title');
  return `<h2>${heading}</h2><div class="table--responsive-scroll" tabindex="0" role="region" aria-label="${heading}">`
    + `<table class="table table--compact plan-overview"><thead><tr><th scope="col">${label(view, 'plan.overview.step')}</th>`
    + `<th scope="col">${label(view, 'plan.deadline')}</th><th scope="col">${label(view, 'plan.overview.status')}</th></tr></thead><tbody>`;
}

const badgeEnd = (view: View, kind: BadgeKind) => `</td><td>${badgeOf(view, kind)}</td></tr>`;

/** Bytes kept under a small key, made on first use. */
function cachedBytes(map: Map<string, Buffer>, key: string, make: () => string): Buffer {
  let found = map.get(key);
  if (!found) map.set(key, found = Buffer.from(make()));
  return found;
}

/** A date as it is shown, kept as bytes per language: a plan shows the same few hundred dates to everyone. */
function dateBytes(map: Map<string, Buffer>, key: string, make: () => string): Buffer {
  let found = map.get(key);
  if (!found) {
    if (map.size > 5_000) map.clear();
    map.set(key, found = Buffer.from(make()));
  }
  return found;
}
const shortDates = { en: new Map<string, Buffer>(), da: new Map<string, Buffer>() };
const longDates = { en: new Map<string, Buffer>(), da: new Map<string, Buffer>() };


/** The parts of a step's HTML that are the same for everyone who shares its static part, rendered once. */
interface StepFragments {
  /** Where and who. */
  facts: Buffer;
  /** The end of the facts list, the check, the sources, the guide link and the end of the item. */
  outro: Buffer;
  /** The guide link and the end of the item, for a step already done. */
  guide: Buffer;
  /** "What to bring", by the documents that apply (few combinations per step). */
  documents: Map<string, Buffer>;
  /** The opening, the badge and the start of "when" (up to the deadline's date), by number, badge and deadline or not. */
  heads: Buffer[];
  /**
   * The deadline rule in words, labelled "When" (a date is shown above it) or "Deadline" (no date), then the
   * summary, how, and the opening of the facts list.
   */
  ruleIntroDated: Buffer;
  ruleIntroUndated: Buffer;
  /** The step's row in the overview up to the deadline, with the end of the row before: by number and that row's badge. */
  rows: Buffer[];
  /** Where, who, what to bring, the check, the sources and the end of the item, by the documents that apply. */
  tails: Map<string, Buffer>;
}
const fragmentCache = new WeakMap<StepStatic, StepFragments>();

function fragments(view: View, step: PlanStep): StepFragments {
  const fixed = step[STEP_STATIC];
  const cached = fixed ? fragmentCache.get(fixed) : undefined;
  if (cached) return cached;
  const { t, lang } = view;
  const ruleDated = `<p class="step-rule"><strong>${label(view, 'plan.deadline.rule')}: </strong><span>${esc(step.deadlineRule)}</span></p></div>`;
  const ruleUndated = `<p class="step-rule"><strong>${label(view, 'plan.deadline')}: </strong><span>${esc(step.deadlineRule)}</span></p></div>`;
  const intro = `${html(<><p safe>{step.summary}</p>{step.how ? <p safe>{step.how}</p> : ''}</>)}<dl class="step-facts">`;
  const made: StepFragments = {
    ruleIntroDated: Buffer.from(ruleDated + intro),
    ruleIntroUndated: Buffer.from(ruleUndated + intro),
    rows: [],
    documents: new Map(),
    heads: [],
    tails: new Map(),
    guide: Buffer.from(`${html(<p class="d-print-none"><a href={href(view, step.guide)} safe>{t('plan.guide')}</a></p>)}</li>`),
    facts: Buffer.from(html(
      <>
        <dt safe>{t('plan.where')}</dt><dd safe>{step.where.description}</dd>
        <dt safe>{t('plan.authority')}</dt><dd><a href={step.authority.url} rel="noreferrer" safe>{step.authority.name}</a></dd>
      </>,
    )),
    outro: Buffer.from('</dl>' + html(
      <>
        {step.check ? (
          <div class="alert alert-warning alert--paragraph">
            <Icon name="warning" label={t('plan.check')} />
            <div class="alert-body">
              <p class="alert-heading" safe>{t('plan.check')}</p>
              <p class="alert-text"><span safe>{step.check.text}</span> <a href={step.check.url} rel="noreferrer" safe>{t('plan.check.link')}</a></p>
            </div>
          </div>
        ) : ''}
        <p class="step-sources small-text">
          <span safe>{`${t('plan.sources')}: `}</span>
          {step.sources.map((s, i) => <>{i > 0 ? '; ' : ''}<a href={s.url} rel="noreferrer" safe>{s.title}</a> <span safe>{`(${t('plan.checked', { date: formatDate(s.checked as LocalDate, lang) })})`}</span></>)}
        </p>
        <p class="d-print-none"><a href={href(view, step.guide)} safe>{t('plan.guide')}</a></p>
      </>,
    ) + '</li>'),
  };
  if (fixed) fragmentCache.set(fixed, made);
  return made;
}

/** "Your office": which office, where, and when it is open next (in Danish time). */
const officeFacts = new WeakMap<PlanOffice, Buffer>();
function officeFact(view: View, office: PlanOffice): Buffer {
  let found = officeFacts.get(office);
  if (!found) officeFacts.set(office, found = Buffer.from(`<dt>${label(view, 'plan.office')}</dt><dd>${officeSummary(view, office)}</dd>`));
  return found;
}

export function officeSummary(view: View, office: PlanOffice): string {
  const { t, lang } = view;
  let when: string;
  if (office.openNow === 'open' && office.closesAt) when = t('office.openNow', { time: office.closesAt.slice(11, 16) });
  else if (office.nextOpening) when = t('office.opens', { day: formatLongDate(office.nextOpening.slice(0, 10) as LocalDate, lang), time: office.nextOpening.slice(11, 16) });
  else when = t('office.hoursUnknown');
  const link = `<a href="${esc(href(view, office.page))}">${esc(office.name)}</a>`;
  const address = office.address ? `, ${esc(office.address)}` : '';
  const check = office.checkOfficialPage ? ` ${esc(t('office.checkPage'))}` : '';
  return `${link}${address}. ${esc(when)}.${check}`;
}

function documentsPart(view: View, f: StepFragments, step: PlanStep): Buffer {
  const key = step.documents.map((d) => d.id).join('|');
  let found = f.documents.get(key);
  if (!found) {
    found = Buffer.from(`<dt>${label(view, 'plan.documents')}</dt><dd><ul>${step.documents.map((d) => `<li>${esc(d.name)}</li>`).join('')}</ul></dd>`);
    f.documents.set(key, found);
  }
  return found;
}

/** "Do first": links to the prerequisites in this plan. One shared array per shape, so kept by that array. */
const prerequisiteLinks = new WeakMap<object, Buffer>();
function dependsOnPart(view: View, step: PlanStep, titles: () => Map<string, string>): Buffer {
  let found = prerequisiteLinks.get(step.dependsOn);
  if (!found) {
    const names = titles();
    const links = step.dependsOn.map((id) => `<a href="#step-${id}">${esc(names.get(id) ?? id)}</a>`).join(', ');
    found = Buffer.from(`<dt>${label(view, 'plan.dependsOn')}</dt><dd>${links}</dd>`);
    if (Object.isFrozen(step.dependsOn)) prerequisiteLinks.set(step.dependsOn, found);
  }
  return found;
}

function opening(view: View, step: PlanStep, n: number): string {
  return `<li class="plan-step${step.status === 'done' ? ' plan-step-done' : ''}" id="step-${step.id}"><h3 class="plan-step-title">`
    + `<span class="plan-step-number">${label(view, 'plan.step.number', n)}</span> ${esc(step.title)}`;
}

/** The item's opening, its badge, and the start of "when" up to where the deadline's date goes. */
function head(view: View, f: StepFragments, step: PlanStep, n: number): Buffer {
  const dated = step.deadline !== null && step.status === 'todo';
  const kind = badgeKind(step);
  return f.heads[n * 6 + kind * 2 + (dated ? 1 : 0)] ??= Buffer.from((() => {
    const start = opening(view, step, n) + `</h3><p>${badgeOf(view, kind)}</p>`;
    if (step.status === 'done') return start + f.guide.toString();
    return `${start}<div class="step-when">${dated ? `<p class="step-deadline"><strong>${label(view, 'plan.deadline')}: </strong><time datetime="` : ''}`;
  })());
}

/** Where, who, what to bring, the check and the sources: the same list of documents is one shared array per shape. */
const tailsByList = new WeakMap<object, Buffer>();
function tail(view: View, f: StepFragments, step: PlanStep): Buffer {
  const byList = tailsByList.get(step.documents);
  if (byList) return byList;
  const key = step.documents.map((d) => d.id).join('|');
  let found = f.tails.get(key);
  if (!found) {
    const documents = step.documents.length > 0 ? documentsPart(view, f, step) : Buffer.alloc(0);
    f.tails.set(key, found = Buffer.concat([f.facts, documents, f.outro]));
  }
  if (Object.isFrozen(step.documents)) tailsByList.set(step.documents, found);
  return found;
}

function stepItem(parts: Part[], view: View, step: PlanStep, n: number, titles: () => Map<string, string>, bookHref: PlanPageProps['bookHref']): void {
  const f = fragments(view, step);
  parts.push(head(view, f, step, n));
  if (step.status === 'done') return;
  const { deadline } = step;
  if (deadline) {
    parts.push(dateBytes(longDates[view.lang], step.overdue ? `${deadline}!` : deadline, () =>
      `${deadline}">${esc(formatLongDate(deadline, view.lang))}</time></p>${step.overdue ? `<p><span class="badge badge-error">${label(view, 'plan.overdue')}</span></p>` : ''}`));
  }
  parts.push(deadline ? f.ruleIntroDated : f.ruleIntroUndated);
  if (step.dependsOn.length > 0) parts.push(dependsOnPart(view, step, titles));
  if (step.where.office) parts.push(officeFact(view, step.where.office));
  const booking = bookHref?.(step);
  if (booking) {
    const text = booking.office ? view.t('plan.book.at', { office: booking.office }) : view.t('plan.book');
    parts.push(`<dt>${label(view, 'plan.book.label')}</dt><dd><a href="${esc(booking.href)}">${esc(text)}</a></dd>`);
  }
  parts.push(tail(view, f, step));
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
