import type { LocalDate } from '../../../../kernel/dates/local-date.js';
import { formatDate } from '../../../../kernel/i18n/format.js';
import type { StepGuide } from '../../app/read-model.js';
import { CheckAlert } from './check-alert.js';
import { Icon } from '../../../../platform/views/icon.js';
import { Layout } from '../../../../platform/views/layout.js';
import { href, type View } from '../../../../platform/views/view.js';

export function StepsIndexPage({ view, guides }: { view: View; guides: StepGuide[] }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('steps.title')}>
      <h1 safe>{t('steps.title')}</h1>
      <p class="font-lead" safe>{t('steps.lead')}</p>
      <ul class="nobullet-list guide-list">
        {guides.map((g) => (
          <li>
            <h2 class="h4"><a href={href(view, `/steps/${g.id}`)} safe>{g.title}</a></h2>
            <p safe>{g.summary}</p>
          </li>
        ))}
      </ul>
      <p><a class="button button-primary" href={href(view, '/plan/citizenship')} safe>{t('guide.plan')}</a></p>
    </Layout>
  );
}

export function StepGuidePage({ view, guide }: { view: View; guide: StepGuide }) {
  const { t, lang } = view;
  return (
    <Layout view={view} title={guide.title}>
      <div class="d-print-none"><a href={href(view, '/steps')} class="back-link"><Icon name="chevron-left" /><span safe>{t('guide.all')}</span></a></div>
      <h1 safe>{guide.title}</h1>
      <p class="font-lead" safe>{guide.intro}</p>
      <p safe>{guide.summary}</p>
      <h2 safe>{t('guide.deadline')}</h2>
      <p safe>{guide.deadlineRule}</p>
      {guide.how ? <><h2 safe>{t('guide.how')}</h2><p safe>{guide.how}</p></> : ''}
      <dl class="step-facts">
        <dt safe>{t('plan.where')}</dt><dd safe>{guide.where}</dd>
        <dt safe>{t('plan.authority')}</dt><dd><a href={guide.authority.url} rel="noreferrer" safe>{guide.authority.name}</a></dd>
      </dl>
      <h2 safe>{t('guide.who')}</h2>
      {guide.groups.map((g) => <><h3 safe>{t(`group.heading.${g.group}`)}</h3><p safe>{g.text}</p></>)}
      {guide.documents.length > 0 ? (
        <>
          <h2 safe>{t('guide.documents')}</h2>
          <p class="form-hint" safe>{t('guide.documents.hint')}</p>
          <ul>{guide.documents.map((d) => <li safe>{d}</li>)}</ul>
        </>
      ) : ''}
      {guide.check ? <CheckAlert view={view} check={guide.check} /> : ''}
      <h2 safe>{t('plan.sources')}</h2>
      <ul>
        {guide.sources.map((s) => <li><a href={s.url} rel="noreferrer" lang={view.lang === 'en' ? undefined : 'en'} safe>{s.title}</a> <span safe>{`(${t('plan.checked', { date: formatDate(s.checked as LocalDate, lang) })})`}</span></li>)}
      </ul>
      <p><a class="button button-primary" href={href(view, '/plan/citizenship')} safe>{t('guide.plan')}</a></p>
    </Layout>
  );
}
