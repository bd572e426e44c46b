import type { AnswerRow } from '../answer-summary.js';
import { ErrorSummary, type ShownError } from './components/form.js';
import { Icon } from './components/icon.js';
import { Layout } from './layout.js';
import type { View } from './view.js';

export function AnswersList({ view, rows, changeLinks }: { view: View; rows: AnswerRow[]; changeLinks: boolean }) {
  return (
    <table class="table structured-list answers-list">
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row" safe>{row.question}</th>
            <td safe>{row.answer}</td>
            {changeLinks
              ? <td class="d-print-none"><a href={row.changeHref}><span safe>{view.t('check.change')}</span><span class="sr-only" safe>{`: ${row.question}`}</span></a></td>
              : ''}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface CheckPageProps {
  view: View;
  rows: AnswerRow[];
  backHref: string;
  resultHref: string;
  errors: ShownError[];
}

export function CheckPage({ view, rows, backHref, resultHref, errors }: CheckPageProps) {
  const { t } = view;
  return (
    <Layout view={view} title={t('check.title')} hasErrors={errors.length > 0}>
      <div class="row">
        <div class="col-12 col-lg-9">
          <div class="d-print-none"><a href={backHref} class="back-link"><Icon name="chevron-left" /><span safe>{t('back')}</span></a></div>
          <ErrorSummary view={view} errors={errors} />
          <h1 safe>{t('check.title')}</h1>
          <p class="font-lead" safe>{t('check.lead')}</p>
          <AnswersList view={view} rows={rows} changeLinks />
          {errors.length === 0 ? <p><a class="button button-primary" href={resultHref} safe>{t('check.submit')}</a></p> : ''}
        </div>
      </div>
    </Layout>
  );
}
