/**
 * The plan: an overview of every step (what, for whom, by when), then each step folded into a disclosure
 * (details/summary) with its deadline, where, who, what to bring, what comes first, and its sources. The first
 * thing to do is first. Printed, every step is open and what only matters on screen ("open now", buttons, links to
 * change answers) is left out; the deadlines, documents, addresses and opening hours stay. A calendar file carries
 * every person's deadlines.
 */
import type { LocalDate } from '../../../../kernel/dates/local-date.js';
import { formatDate, formatLongDate } from '../../../../kernel/i18n/format.js';
import type { Plan, PlanOffice, PlanStep } from '../../app/read-model.js';
import type { AnswerRow } from '../answer-summary.js';
import { withQuery } from '../flow-query.js';
import { AnswersList } from './check-page.js';
import { CheckAlert } from './check-alert.js';
import { Icon } from '../../../../platform/views/icon.js';
import { Layout } from '../../../../platform/views/layout.js';
import { href, html, type View } from '../../../../platform/views/view.js';

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
  /** For a Danish citizen: whether they fill in the health insurance country form (they moved from the EU/EEA, Switzerland or the UK). */
  danishForm?: boolean;
}

export function planPage(props: PlanPageProps): string {
  if (props.plan.outcome === 'not-for-ics') return html(<DanishPage {...props} />);
  return html(<PlanPage {...props} />);
}

function PlanPage({ view, plan, rows, query, bookHref }: PlanPageProps) {
  const { t } = view;
  const short = plan.outcome === 'short-stay';
  const title = t(short ? 'plan.title.short' : 'plan.title');
  const bookings = plan.steps.map((step) => bookHref?.(step) ?? null);
  const family = plan.people.length > 1;
  const titles = new Map(plan.steps.map((s) => [s.key, s.title]));
  return (
    <Layout view={view} title={title}>
      <h1 safe>{title}</h1>
      <p class="font-lead" safe>{t(short ? 'plan.lead.short' : family ? 'plan.lead.family' : 'plan.lead')}</p>
      <p class="plan-meta small-text" safe>{`${t('plan.group', { group: t(`group.${plan.group}`) })} ${t('plan.madeOn', { date: plan.asOf })}`}</p>
      {plan.steps.length > 0 ? <Overview view={view} steps={plan.steps} family={family} /> : ''}
      <Actions view={view} query={query} calendar={plan.steps.some((s) => s.deadline !== null && s.status === 'todo')} />
      <h2 safe>{t('plan.steps.title')}</h2>
      {plan.steps.length === 0
        ? <p safe>{t('plan.empty')}</p>
        : (
          <ol class="plan-steps">
            {plan.steps.map((step, i) => <StepItem view={view} titles={titles} step={step} n={i + 1} family={family} booking={bookings[i] ?? null} />)}
          </ol>
        )}
      <h2 safe>{t('plan.answers.title')}</h2>
      <AnswersList view={view} rows={rows} changeLinks />
      <p class="d-print-none"><a href={view.lang === 'en' ? '/' : '/?lang=da'} safe>{t('plan.restart')}</a></p>
    </Layout>
  );
}

/** The steps at a glance: what (and for whom), and by when. Two columns, so it fits a phone in both languages. */
function Overview({ view, steps, family }: { view: View; steps: PlanStep[]; family: boolean }) {
  const { t } = view;
  const heading = t('plan.overview.title');
  return (
    <>
      <h2 safe>{heading}</h2>
      <table class="table table--compact plan-overview">
        <caption class="sr-only" safe>{heading}</caption>
        <thead><tr><th scope="col" safe>{t('plan.overview.step')}</th><th scope="col" safe>{t('plan.overview.when')}</th></tr></thead>
        <tbody>
          {steps.map((step, i) => (
            <tr class={step.status === 'done' ? 'plan-row-done' : undefined}>
              <td>
                <a href={`#step-${step.key}`} safe>{`${i + 1}. ${step.title}`}</a>
                {family ? <span class="plan-person" safe>{t('plan.for', { person: step.person.label })}</span> : ''}
                <Badge view={view} step={step} />
              </td>
              <td><When view={view} step={step} long={false} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The deadline as a date, or what it hangs on; "done" for a step already done. */
function When({ view, step, long }: { view: View; step: PlanStep; long: boolean }) {
  if (step.status === 'done') return <span safe>{view.t('plan.done.when')}</span>;
  if (!step.deadline) {
    const earliest = step.earliest ? ` (${view.t('plan.earliest', { date: formatDate(step.earliest, view.lang) })})` : '';
    return <span class="plan-due" safe>{step.due + earliest}</span>;
  }
  const text = long ? formatLongDate(step.deadline, view.lang) : formatDate(step.deadline, view.lang);
  return (
    <>
      <time datetime={step.deadline} safe>{text}</time>
      {step.overdue ? <span class="badge badge-error plan-overdue" safe>{view.t('plan.overdue.short')}</span> : ''}
    </>
  );
}

function Badge({ view, step }: { view: View; step: PlanStep }) {
  const { t } = view;
  if (step.status === 'done') return <span class="badge badge-success" safe>{t('plan.done')}</span>;
  return step.required
    ? <span class="badge badge-warning" safe>{t('plan.required')}</span>
    : <span class="badge badge-info" safe>{t('plan.advised')}</span>;
}

function Actions({ view, query, calendar }: { view: View; query: string; calendar: boolean }) {
  const { t } = view;
  return (
    <div class="plan-actions d-print-none">
      <h2 class="h4" safe>{t('plan.actions')}</h2>
      <ul class="nobullet-list">
        {calendar
          ? (
            <li>
              <a href={withQuery('/plan/calendar.ics', query)} download="ics-plan.ics"><Icon name="calendar-month" /><span safe>{t('plan.calendar')}</span></a>
              {' '}<span class="form-hint" safe>{`(${t('plan.calendar.hint')})`}</span>
            </li>
          )
          : ''}
        <li><Icon name="print" /><span safe>{t('plan.print')}</span></li>
        <li><Icon name="bookmark" /><span safe>{t('plan.bookmark')}</span></li>
        <li><a href={withQuery('/plan/check', query)}><Icon name="edit" /><span safe>{t('plan.change')}</span></a></li>
      </ul>
    </div>
  );
}

interface StepItemProps {
  view: View;
  /** Every step's title by its key, for the links to what comes first. */
  titles: Map<string, string>;
  step: PlanStep;
  n: number;
  family: boolean;
  booking: PlanBookingLink | null;
}

function StepItem({ view, titles, step, n, family, booking }: StepItemProps) {
  const { t } = view;
  const done = step.status === 'done';
  const whose = family ? ` (${step.person.label})` : '';
  return (
    <li class={done ? 'plan-step plan-step-done' : 'plan-step'} id={`step-${step.key}`}>
      <h3 class="plan-step-title">
        <span class="plan-step-number" safe>{t('plan.step.number', { n })}</span> <span safe>{step.title}</span>
      </h3>
      <p class="plan-step-meta">
        {family ? <span class="plan-person" safe>{t('plan.for', { person: step.person.label })}</span> : ''}
        <Badge view={view} step={step} />
        <span class="plan-step-when"><strong safe>{`${t('plan.deadline')}: `}</strong><When view={view} step={step} long /></span>
      </p>
      <details class="details plan-step-details">
        <summary class="details-summary d-print-none">
          <span class="details-summary-text" safe>{t(done ? 'plan.step.more.done' : 'plan.step.more')}</span>
          <span class="sr-only" safe>{`: ${step.title}${whose}`}</span>
        </summary>
        <div class="details-text">
          {done ? '' : <StepBody view={view} step={step} titles={titles} booking={booking} />}
          <p class="d-print-none"><a href={href(view, step.guide)} safe>{t('plan.guide')}</a></p>
        </div>
      </details>
    </li>
  );
}

function StepBody({ view, step, titles, booking }: { view: View; step: PlanStep; titles: Map<string, string>; booking: PlanBookingLink | null }) {
  const { t } = view;
  return (
    <>
      {step.overdue ? <p><span class="badge badge-error" safe>{t('plan.overdue')}</span></p> : ''}
      <p class="step-rule"><strong safe>{`${t('plan.deadline.rule')}: `}</strong><span safe>{step.deadlineRule}</span></p>
      <p safe>{step.summary}</p>
      {step.how ? <p safe>{step.how}</p> : ''}
      <dl class="step-facts">
        <dt safe>{t('plan.where')}</dt><dd safe>{step.where.description}</dd>
        {step.where.office ? <><dt safe>{t('plan.office')}</dt><dd><OfficeFact view={view} office={step.where.office} /></dd></> : ''}
        <dt safe>{t('plan.authority')}</dt><dd><a href={step.authority.url} rel="noreferrer" safe>{step.authority.name}</a></dd>
        {step.documents.length > 0
          ? <><dt safe>{t('plan.documents')}</dt><dd><ul>{step.documents.map((d) => <li safe>{d.name}</li>)}</ul></dd></>
          : ''}
        {step.dependsOn.length > 0
          ? (
            <>
              <dt safe>{t('plan.dependsOn')}</dt>
              <dd>{step.dependsOn.map((key, i) => <>{i > 0 ? ', ' : ''}<a href={`#step-${key}`} safe>{titles.get(key) ?? key}</a></>)}</dd>
            </>
          )
          : ''}
        {booking
          ? (
            <>
              <dt class="d-print-none" safe>{t('plan.book.label')}</dt>
              <dd class="d-print-none"><a href={booking.href} safe>{booking.office ? t('plan.book.at', { office: booking.office }) : t('plan.book')}</a></dd>
            </>
          )
          : ''}
      </dl>
      {step.check ? <CheckAlert view={view} check={step.check} /> : ''}
      <p class="step-sources small-text">
        <span safe>{`${t('plan.sources')}: `}</span>
        {step.sources.map((s, i) => <>{i > 0 ? '; ' : ''}<a href={s.url} rel="noreferrer" lang={view.lang === 'en' ? undefined : 'en'} safe>{s.title}</a> <span safe>{`(${t('plan.checked', { date: formatDate(s.checked as LocalDate, view.lang) })})`}</span></>)}
      </p>
    </>
  );
}

/** "Your office": which office, where, its usual hours (these stay when printed), and whether it is open now (screen only). */
function OfficeFact({ view, office }: { view: View; office: PlanOffice }) {
  const { t, lang } = view;
  let now: string;
  if (office.openNow === 'open' && office.closesAt) now = t('office.openNow', { time: office.closesAt.slice(11, 16) });
  else if (office.nextOpening) now = t('office.opens', { day: formatLongDate(office.nextOpening.slice(0, 10) as LocalDate, lang), time: office.nextOpening.slice(11, 16) });
  else now = t('office.hoursUnknown');
  const hours = office.hours.map((d) => `${t(`weekday.${d.weekday}`)} ${d.ranges.map((r) => r.replace('-', '–')).join(', ')}`).join('; ');
  return (
    <>
      <a href={href(view, office.page)} safe>{office.name}</a>{office.address ? <span safe>{`, ${office.address}`}</span> : ''}.
      {hours ? <> <span class="office-week" safe>{`${t('office.usualHours')}: ${hours}.`}</span></> : ''}
      {' '}<span class="office-now d-print-none" safe>{`${now}.`}</span>
      {office.checkOfficialPage ? <> <span safe>{t('office.checkPage')}</span></> : ''}
    </>
  );
}

function DanishPage({ view, rows, query, danishForm }: PlanPageProps) {
  const { t } = view;
  return (
    <Layout view={view} title={t('plan.title.danish')}>
      <h1 safe>{t('plan.title.danish')}</h1>
      <p class="font-lead" safe>{t('plan.danish.text')}</p>
      {danishForm
        ? <p><span safe>{t('plan.danish.form')}</span> <a href="https://lifeindenmark.borger.dk/healthcare/health-insurance/information-about-health-insurance-country" rel="noreferrer" safe>{t('plan.danish.form.link')}</a></p>
        : ''}
      <p><a href="https://www.cpr.dk/borgere/flytning/fra-udlandet" rel="noreferrer" safe>{t('plan.danish.link')}</a></p>
      <AnswersList view={view} rows={rows} changeLinks={false} />
      <p><a href={withQuery('/plan/check', query)} safe>{t('plan.change')}</a></p>
    </Layout>
  );
}
