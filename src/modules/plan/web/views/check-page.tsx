import { escapeHtml } from '@kitajs/html';
import type { AnswerRow } from '../answer-summary.js';
import { ErrorSummary, type ShownError } from '../../../../platform/views/form.js';
import { Icon } from '../../../../platform/views/icon.js';
import { Layout } from '../../../../platform/views/layout.js';
import type { View } from '../../../../platform/views/view.js';

/** The answers as a DKFDS structured list. Written as a template: it is on every plan page. */
export function AnswersList({ view, rows, changeLinks }: { view: View; rows: AnswerRow[]; changeLinks: boolean }): JSX.Element {
  const change = escapeHtml(view.t('check.change'));
  let body = '';
  for (const row of rows) {
    const question = escapeHtml(row.question);
    body += `<tr><th scope="row">${question}</th><td>${escapeHtml(row.answer)}</td>`;
    // A change link is our own address: a path and a URL-encoded query, where only "&" needs escaping.
    if (changeLinks) body += `<td class="d-print-none"><a href="${row.changeHref.replaceAll('&', '&amp;')}"><span>${change}</span><span class="sr-only">: ${question}</span></a></td>`;
    body += '</tr>';
  }
  return `<table class="table structured-list answers-list"><tbody>${body}</tbody></table>`;
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
