/**
 * The details page: the chosen time is held while the person gives their name, e-mail, phone (optional) and the
 * language for messages. And the pages for a hold that is gone and for a request that has been sent.
 */
import { LANGS } from '../../../../kernel/i18n/locales.js';
import { Buttons, ErrorSummary, FieldError, type ShownError, TextInput } from '../../../../platform/views/form.js';
import { Layout } from '../../../../platform/views/layout.js';
import { href, type View } from '../../../../platform/views/view.js';
import { Alert, BackLink, HiddenFields, SummaryList, type SummaryRow, WhatToBring } from './parts.js';

export interface DetailsModel {
  view: View;
  backHref: string;
  action: string;
  hidden: [string, string][];
  summary: SummaryRow[];
  heldUntil: string;
  /** Days after the appointment when the details are erased (the booking configuration). */
  eraseDays: number;
  values: { name: string; email: string; phone: string; language: string };
  errors: ShownError[];
  fieldErrors: Record<string, string>;
}

export function DetailsPage(m: DetailsModel) {
  const { view } = m;
  const title = view.t('book.details.title');
  const langError = m.fieldErrors.language;
  return (
    <Layout view={view} title={title} hasErrors={m.errors.length > 0}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <BackLink view={view} href={m.backHref} />
        <ErrorSummary view={view} errors={m.errors} />
        <h1 safe>{title}</h1>
        <Alert kind="info" heading={view.t('book.details.held', { time: m.heldUntil })} label={view.t('book.info')}>
          <p safe>{view.t('book.details.held.text')}</p>
        </Alert>
        <SummaryList rows={m.summary} />
        <form method="post" action={m.action} novalidate>
          <HiddenFields fields={m.hidden} />
          <TextInput view={view} id="name" name="name" label={view.t('book.details.name')} hint={view.t('book.details.name.hint')}
            error={m.fieldErrors.name} value={m.values.name} autocomplete="name" width="input-width-xl" />
          <TextInput view={view} id="email" name="email" label={view.t('book.details.email')} hint={view.t('book.details.email.hint')}
            error={m.fieldErrors.email} value={m.values.email} autocomplete="email" width="input-width-xl" />
          <TextInput view={view} id="phone" name="phone" label={`${view.t('book.details.phone')} ${view.t('optional')}`} hint={view.t('book.details.phone.hint')}
            error={m.fieldErrors.phone} value={m.values.phone} autocomplete="tel" width="input-width-l" />
          <div class={langError ? 'form-group form-error' : 'form-group'}>
            <fieldset aria-describedby={langError ? 'language-error' : undefined}>
              <legend class="form-label" safe>{view.t('book.details.language')}</legend>
              <FieldError view={view} id="language" message={langError} />
              {LANGS.map((l, i) => (
                <div class="form-group-radio">
                  <input type="radio" id={i === 0 ? 'language' : `language-${i + 1}`} name="language" class="form-radio" value={l} checked={m.values.language === l} />
                  <label class="form-label" for={i === 0 ? 'language' : `language-${i + 1}`} lang={l} safe>{view.t(`lang.name.${l}`)}</label>
                </div>
              ))}
            </fieldset>
          </div>
          <p safe>{view.t('book.details.privacy', { days: m.eraseDays })}</p>
          <Buttons><button class="button button-primary" type="submit" safe>{view.t('book.details.submit')}</button></Buttons>
        </form>
      </div></div>
    </Layout>
  );
}

export function HoldGonePage({ view, againHref, used }: { view: View; againHref: string; used: boolean }) {
  const title = view.t(used ? 'book.gone.used.title' : 'book.gone.title');
  return (
    <Layout view={view} title={title}>
      <h1 safe>{title}</h1>
      <p class="font-lead" safe>{view.t(used ? 'book.gone.used.text' : 'book.gone.text')}</p>
      <p><a class="button button-primary" href={againHref} safe>{view.t('book.gone.again')}</a></p>
    </Layout>
  );
}

export interface SentModel {
  view: View;
  summary: SummaryRow[];
  email: string;
  bring: { always: string[]; some: string[] };
  /** How to reach the office, for an address given wrongly. */
  contact: string | null;
}

/**
 * After a request to book: the appointment asked for, and that the confirmation is on its way by e-mail. The same
 * page whether the request made a booking or the address already had one (then its message tells about that one).
 */
export function SentPage(m: SentModel) {
  const { view } = m;
  const title = view.t('book.sent.title');
  return (
    <Layout view={view} title={title}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <Alert kind="success" heading={title} label={view.t('book.done')}>
          <p safe>{view.t('book.sent.text', { email: m.email })}</p>
        </Alert>
        <h1 class="h2" safe>{view.t('book.sent.heading')}</h1>
        <SummaryList rows={m.summary} />
        <WhatToBring view={view} bring={m.bring} />
        <h2 class="h3" safe>{view.t('book.sent.next.title')}</h2>
        <ul>
          <li safe>{view.t('book.sent.next.link')}</li>
          <li safe>{view.t('book.sent.next.one')}</li>
          <li safe>{view.t('book.sent.next.missing')}</li>
          {m.contact ? <li safe>{view.t('book.sent.next.wrong', { contact: m.contact })}</li> : ''}
        </ul>
        <p class="mt-5"><a href={href(view, '/')} safe>{view.t('home.link')}</a></p>
      </div></div>
    </Layout>
  );
}
