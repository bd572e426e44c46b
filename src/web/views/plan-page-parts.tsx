/**
 * What the plan page is written from (plan-page.tsx): the parts that are the same for everyone who shares them,
 * rendered once with JSX or templates and kept as bytes: the frame, the words of the interface, each step's texts,
 * sources and check, the dates as they are shown, the offices' facts. Each is kept under what it depends on.
 */
import { escapeHtml } from '@kitajs/html';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { formatDate, formatLongDate } from '../../domain/i18n/format.js';
import { type Plan, type PlanOffice, type PlanStep, STEP_STATIC, type StepStatic } from '../../domain/plan/plan.js';
import { keptBytes } from '../byte-parts.js';
import { CheckAlert } from './components/check-alert.js';
import { Icon } from './components/icon.js';
import { Layout } from './layout.js';
import { href, html, type View } from './view.js';

export const esc = (text: string) => escapeHtml(text) as string;

/** Interface words, escaped once per language: they are the same on every plan page. */
const labels = { en: new Map<string, string>(), da: new Map<string, string>() };
const numbered = { en: new Map<string, string[]>(), da: new Map<string, string[]>() };
export function label(view: View, key: string, n?: number): string {
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
export interface Frame { start: Buffer; middle: Buffer; end: Buffer }
const frames = new Map<string, Frame>();
const HREF_HOLE = '\u0001';
const BODY_HOLE = '\u0002';

export function frame(view: View, title: string): Frame {
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

/** Parts of the page that are the same on every plan page in a language. */
export const fixedParts = { en: new Map<string, Buffer>(), da: new Map<string, Buffer>() };

/** The heading, the lead, and whose rules apply: the same for everyone of a group on a day. */
const intros = new Map<string, Buffer>();
export function intro(view: View, plan: Plan, title: string, short: boolean): Buffer {
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

const icons = new Map<string, string>();
export function icon(name: string): string {
  let found = icons.get(name);
  if (found === undefined) icons.set(name, found = html(Icon({ name })));
  return found;
}

/** Done, required or advised: the badge of a step. */
export type BadgeKind = 0 | 1 | 2;
export const badgeKind = (step: PlanStep): BadgeKind => (step.status === 'done' ? 0 : step.required ? 1 : 2);

export function badgeOf(view: View, kind: BadgeKind): string {
  if (kind === 0) return `<span class="badge badge-success">${label(view, 'plan.done')}</span>`;
  return kind === 1
    ? `<span class="badge badge-warning">${label(view, 'plan.required')}</span>`
    : `<span class="badge badge-info">${label(view, 'plan.advised')}</span>`;
}

export function overviewStart(view: View): string {
  const heading = label(view, 'plan.overview.title');
  return `<h2>${heading}</h2><div class="table--responsive-scroll" tabindex="0" role="region" aria-label="${heading}">`
    + `<table class="table table--compact plan-overview"><thead><tr><th scope="col">${label(view, 'plan.overview.step')}</th>`
    + `<th scope="col">${label(view, 'plan.deadline')}</th><th scope="col">${label(view, 'plan.overview.status')}</th></tr></thead><tbody>`;
}

export const badgeEnd = (view: View, kind: BadgeKind) => `</td><td>${badgeOf(view, kind)}</td></tr>`;

/** A date as it is shown, kept as bytes per language: a plan shows the same few hundred dates to everyone. */
export const dateBytes = (map: Map<string, Buffer>, key: string, make: () => string) => keptBytes(map, key, make, 5_000);
export const shortDates = { en: new Map<string, Buffer>(), da: new Map<string, Buffer>() };
export const longDates = { en: new Map<string, Buffer>(), da: new Map<string, Buffer>() };

/** The parts of a step's HTML that are the same for everyone who shares its static part, rendered once. */
export interface StepFragments {
  /** Where and who. */
  facts: Buffer;
  /** The end of the facts list, the check, the sources, the guide link and the end of the item. */
  outro: Buffer;
  /** The guide link and the end of the item, for a step already done. */
  guide: Buffer;
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

export function fragments(view: View, step: PlanStep): StepFragments {
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
        {step.check ? <CheckAlert view={view} check={step.check} /> : ''}
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
export function officeFact(view: View, office: PlanOffice): Buffer {
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

function documentsPart(view: View, step: PlanStep): string {
  return `<dt>${label(view, 'plan.documents')}</dt><dd><ul>${step.documents.map((d) => `<li>${esc(d.name)}</li>`).join('')}</ul></dd>`;
}

/** "Do first": links to the prerequisites in this plan. One shared array per shape, so kept by that array. */
const prerequisiteLinks = new WeakMap<object, Buffer>();
export function dependsOnPart(view: View, step: PlanStep, titles: () => Map<string, string>): Buffer {
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
export function head(view: View, f: StepFragments, step: PlanStep, n: number): Buffer {
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
export function tail(view: View, f: StepFragments, step: PlanStep): Buffer {
  const byList = tailsByList.get(step.documents);
  if (byList) return byList;
  const key = step.documents.map((d) => d.id).join('|');
  let found = f.tails.get(key);
  if (!found) {
    const documents = step.documents.length > 0 ? Buffer.from(documentsPart(view, step)) : Buffer.alloc(0);
    f.tails.set(key, found = Buffer.concat([f.facts, documents, f.outro]));
  }
  if (Object.isFrozen(step.documents)) tailsByList.set(step.documents, found);
  return found;
}

const actionParts = { en: new Map<boolean, (Buffer | null)[]>(), da: new Map<boolean, (Buffer | null)[]>() };

/** The plan's actions (calendar, print, bookmark, change), with null where the answers' query goes in an address. */
export function actions(view: View, calendar: boolean): readonly (Buffer | null)[] {
  let found = actionParts[view.lang].get(calendar);
  if (found) return found;
  found = [Buffer.from(`<div class="plan-actions d-print-none"><h2 class="h4">${label(view, 'plan.actions')}</h2><ul class="nobullet-list">`
    + (calendar ? '<li><a href="/plan/calendar.ics' : ''))];
  if (calendar) {
    found.push(null, Buffer.from(`" download="ics-plan.ics">${icon('calendar-month')}<span>${label(view, 'plan.calendar')}</span></a> <span class="form-hint">(${label(view, 'plan.calendar.hint')})</span></li>`));
  }
  found.push(
    Buffer.from(`<li>${icon('print')}<span>${label(view, 'plan.print')}</span></li><li>${icon('bookmark')}<span>${label(view, 'plan.bookmark')}</span></li><li><a href="/plan/check`),
    null,
    Buffer.from(`">${icon('edit')}<span>${label(view, 'plan.change')}</span></a></li></ul></div>`),
  );
  actionParts[view.lang].set(calendar, found);
  return found;
}
