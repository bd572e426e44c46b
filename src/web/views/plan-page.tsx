/**
 * The plan: the person's steps in order, each with its deadline, where, who, what to bring, what comes first,
 * and its sources. Printable (see the print styles in app.css), with a calendar file of every deadline.
 */
import type { Plan, PlanStep } from '../../domain/plan/plan.js';
import { formatDate, formatLongDate } from '../../domain/i18n/format.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { AnswerRow } from '../answer-summary.js';
import { AnswersList } from './check-page.js';
import { Icon } from './components/icon.js';
import { Layout } from './layout.js';
import { href, type View } from './view.js';

interface PlanPageProps {
  view: View;
  plan: Plan;
  rows: AnswerRow[];
  checkHref: string;
  calendarHref: string;
}

export function PlanPage({ view, plan, rows, checkHref, calendarHref }: PlanPageProps) {
  const { t } = view;
  if (plan.outcome === 'not-for-ics') return <DanishPage view={view} rows={rows} checkHref={checkHref} />;
  const short = plan.outcome === 'short-stay';
  const title = t(short ? 'plan.title.short' : 'plan.title');
  const titles = new Map(plan.steps.map((s) => [s.id, s.title]));
  const hasDeadlines = plan.steps.some((s) => s.deadline !== null);
  return (
    <Layout view={view} title={title}>
      <h1 safe>{title}</h1>
      <p class="font-lead" safe>{t(short ? 'plan.lead.short' : 'plan.lead')}</p>
      <p safe>{`${t('plan.group', { group: t(`group.${plan.group}`) })} ${t('plan.madeOn', { date: plan.asOf })}`}</p>
      <div class="plan-actions d-print-none">
        <h2 class="h4" safe>{t('plan.actions')}</h2>
        <ul class="nobullet-list">
          {hasDeadlines ? <li><a href={calendarHref} download="ics-plan.ics"><Icon name="calendar-month" /><span safe>{t('plan.calendar')}</span></a> <span class="form-hint" safe>{`(${t('plan.calendar.hint')})`}</span></li> : ''}
          <li><Icon name="print" /><span safe>{t('plan.print')}</span></li>
          <li><Icon name="bookmark" /><span safe>{t('plan.bookmark')}</span></li>
          <li><a href={checkHref}><Icon name="edit" /><span safe>{t('plan.change')}</span></a></li>
        </ul>
      </div>
      {plan.steps.length > 0 ? <Overview view={view} steps={plan.steps} /> : ''}
      <h2 safe>{t('plan.steps.title')}</h2>
      {plan.steps.length === 0 ? <p safe>{t('plan.empty')}</p> : (
        <ol class="plan-steps">
          {plan.steps.map((step, i) => <StepItem view={view} step={step} n={i + 1} titles={titles} />)}
        </ol>
      )}
      <h2 safe>{t('plan.answers.title')}</h2>
      <AnswersList view={view} rows={rows} changeLinks />
      <p class="d-print-none"><a href={href(view, '/')} safe>{t('plan.restart')}</a></p>
    </Layout>
  );
}

function StatusBadge({ view, step }: { view: View; step: PlanStep }) {
  const { t } = view;
  if (step.status === 'done') return <span class="badge badge-success" safe>{t('plan.done')}</span>;
  return <span class={step.required ? 'badge badge-warning' : 'badge badge-info'} safe>{t(step.required ? 'plan.required' : 'plan.advised')}</span>;
}

function Overview({ view, steps }: { view: View; steps: PlanStep[] }) {
  const { t, lang } = view;
  return (
    <>
      <h2 safe>{t('plan.overview.title')}</h2>
      <div class="table--responsive-scroll" tabindex="0" role="region" aria-label={t('plan.overview.title')}>
        <table class="table table--compact plan-overview">
          <thead><tr><th scope="col" safe>{t('plan.overview.step')}</th><th scope="col" safe>{t('plan.deadline')}</th><th scope="col" safe>{t('plan.overview.status')}</th></tr></thead>
          <tbody>
            {steps.map((step, i) => (
              <tr>
                <td><a href={`#step-${step.id}`} safe>{`${i + 1}. ${step.title}`}</a></td>
                <td>{step.deadline && step.status === 'todo'
                  ? <time datetime={step.deadline} safe>{formatDate(step.deadline, lang)}</time>
                  : <span safe>{step.status === 'done' ? '' : t('plan.nodate')}</span>}</td>
                <td><StatusBadge view={view} step={step} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Deadline({ view, step }: { view: View; step: PlanStep }) {
  const { t, lang } = view;
  if (step.status === 'done') return <></>;
  return (
    <div class="step-when">
      {step.deadline
        ? <p class="step-deadline"><strong safe>{`${t('plan.deadline')}: `}</strong><time datetime={step.deadline} safe>{formatLongDate(step.deadline, lang)}</time></p>
        : ''}
      {step.overdue ? <p><span class="badge badge-error" safe>{t('plan.overdue')}</span></p> : ''}
      <p class="step-rule"><strong safe>{`${t(step.deadline ? 'plan.deadline.rule' : 'plan.deadline')}: `}</strong><span safe>{step.deadlineRule}</span></p>
    </div>
  );
}

function StepItem({ view, step, n, titles }: { view: View; step: PlanStep; n: number; titles: Map<string, string> }) {
  const { t, lang } = view;
  const heading = (
    <h3 class="plan-step-title"><span class="plan-step-number" safe>{t('plan.step.number', { n })}</span> <span safe>{step.title}</span></h3>
  );
  if (step.status === 'done') {
    return (
      <li class="plan-step plan-step-done" id={`step-${step.id}`}>
        {heading}
        <p><StatusBadge view={view} step={step} /></p>
        <p class="d-print-none"><a href={href(view, step.guide)} safe>{t('plan.guide')}</a></p>
      </li>
    );
  }
  return (
    <li class="plan-step" id={`step-${step.id}`}>
      {heading}
      <p><StatusBadge view={view} step={step} /></p>
      <Deadline view={view} step={step} />
      <p safe>{step.summary}</p>
      {step.how ? <p safe>{step.how}</p> : ''}
      <dl class="step-facts">
        {step.dependsOn.length > 0 ? <><dt safe>{t('plan.dependsOn')}</dt><dd>{step.dependsOn.map((id, i) => <>{i > 0 ? ', ' : ''}<a href={`#step-${id}`} safe>{titles.get(id) ?? id}</a></>)}</dd></> : ''}
        <dt safe>{t('plan.where')}</dt><dd safe>{step.where.description}</dd>
        <dt safe>{t('plan.authority')}</dt><dd><a href={step.authority.url} rel="noreferrer" safe>{step.authority.name}</a></dd>
        {step.documents.length > 0 ? <><dt safe>{t('plan.documents')}</dt><dd><ul>{step.documents.map((d) => <li safe>{d.name}</li>)}</ul></dd></> : ''}
      </dl>
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
    </li>
  );
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
