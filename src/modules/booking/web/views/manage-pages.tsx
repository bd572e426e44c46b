/**
 * A booking's own pages, opened with its private link: the booking (with what to bring and the calendar file),
 * the cancel confirmation (a form: following a link never cancels), the page an old link shows, "find my
 * booking", and the printable receipt of an attempt to book in time.
 */
import { Buttons, ErrorSummary, type ShownError, TextInput } from '../../../../platform/views/form.js';
import { Icon } from '../../../../platform/views/icon.js';
import { Layout } from '../../../../platform/views/layout.js';
import { href, type View } from '../../../../platform/views/view.js';
import { Alert, HiddenFields, SummaryList, type SummaryRow, WhatToBring } from './parts.js';

export interface ManageModel {
  view: View;
  reference: string;
  summary: SummaryRow[];
  bring: { always: string[]; some: string[] };
  /** Shown once, after booking or moving. */
  /** Just moved: a banner says so. */
  done: 'moved' | null;
  email: string;
  calendarHref: string;
  rescheduleHref: string;
  cancelHref: string;
  check: { text: string; url: string } | null;
  eraseDays: number;
}

export function ManagePage(m: ManageModel) {
  const { view } = m;
  const title = view.t('manage.title', { reference: m.reference });
  return (
    <Layout view={view} title={title}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        {m.done ? (
          <Alert kind="success" heading={view.t('manage.moved.title')} label={view.t('book.done')}>
            <p safe>{view.t('manage.moved.text', { email: m.email })}</p>
          </Alert>
        ) : ''}
        <h1 safe>{view.t('manage.heading')}</h1>
        <p>
          <span safe>{`${view.t('booking.field.reference')}: `}</span><span class="booking-reference" safe>{m.reference}</span>
        </p>
        <SummaryList rows={m.summary} />
        <WhatToBring view={view} bring={m.bring} />
        {m.check ? (
          <p class="small-text"><span safe>{m.check.text}</span> <a href={m.check.url} rel="noreferrer" safe>{view.t('plan.check.link')}</a></p>
        ) : ''}
        <h2 class="h3" safe>{view.t('manage.actions.title')}</h2>
        <ul class="nobullet-list booking-actions">
          <li><a href={m.calendarHref} download="appointment.ics"><Icon name="calendar-month" /> <span safe>{view.t('manage.calendar')}</span></a></li>
          <li><a href={m.rescheduleHref} safe>{view.t('manage.reschedule')}</a></li>
          <li><a href={m.cancelHref} safe>{view.t('manage.cancel')}</a></li>
        </ul>
        <p class="small-text" safe>{view.t('manage.private', { days: m.eraseDays })}</p>
      </div></div>
    </Layout>
  );
}

export function CancelPage({ view, reference, summary, action, hidden, backHref }: {
  view: View; reference: string; summary: SummaryRow[]; action: string; hidden: [string, string][]; backHref: string;
}) {
  const title = view.t('cancel.title', { reference });
  return (
    <Layout view={view} title={title}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <h1 safe>{title}</h1>
        <SummaryList rows={summary} />
        <p safe>{view.t('cancel.text')}</p>
        <form method="post" action={action}>
          <HiddenFields fields={hidden} />
          <Buttons>
            <button class="button button-primary" type="submit" safe>{view.t('cancel.confirm')}</button>
            <a href={backHref} safe>{view.t('cancel.keep')}</a>
          </Buttons>
        </form>
      </div></div>
    </Layout>
  );
}

/** What an old link shows: what happened to the booking, and the way to the current one. */
export function DeadLinkPage({ view, state, reference, whenText, linkAction, hidden, cancelledDone }: {
  view: View;
  state: 'rescheduled' | 'cancelled' | 'past';
  reference: string;
  whenText: string;
  linkAction: string;
  hidden: [string, string][];
  cancelledDone: boolean;
}) {
  const title = view.t(`dead.${state}.title`, { reference });
  return (
    <Layout view={view} title={title}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        {cancelledDone ? (
          <Alert kind="success" heading={view.t('cancel.done.title')} label={view.t('book.done')}><p safe>{view.t('cancel.done.text')}</p></Alert>
        ) : ''}
        <h1 safe>{title}</h1>
        <p class="font-lead" safe>{view.t(`dead.${state}.text`, { reference, when: whenText })}</p>
        {state === 'rescheduled' ? (
          <form method="post" action={linkAction}>
            <HiddenFields fields={hidden} />
            <p safe>{view.t('dead.rescheduled.link')}</p>
            <button class="button button-primary" type="submit" safe>{view.t('book.link.button')}</button>
          </form>
        ) : <p><a class="button button-primary" href={href(view, '/book')} safe>{view.t('dead.book')}</a></p>}
      </div></div>
    </Layout>
  );
}

export function MessagePage({ view, title, text, linkHref, linkText }: { view: View; title: string; text: string; linkHref?: string; linkText?: string }) {
  return (
    <Layout view={view} title={title}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <h1 safe>{title}</h1>
        <p class="font-lead" safe>{text}</p>
        {linkHref && linkText ? <p><a href={linkHref} safe>{linkText}</a></p> : ''}
      </div></div>
    </Layout>
  );
}

export function FindBookingPage({ view, hidden, values, errors, fieldErrors }: {
  view: View; hidden: [string, string][]; values: { reference: string; email: string }; errors: ShownError[]; fieldErrors: Record<string, string>;
}) {
  const title = view.t('find.title');
  return (
    <Layout view={view} title={title} hasErrors={errors.length > 0}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <ErrorSummary view={view} errors={errors} />
        <h1 safe>{title}</h1>
        <p class="font-lead" safe>{view.t('find.lead')}</p>
        <form method="post" action="/booking/find" novalidate>
          <HiddenFields fields={hidden} />
          <TextInput view={view} id="reference" name="reference" label={view.t('find.reference')} hint={view.t('find.reference.hint')}
            error={fieldErrors.reference} value={values.reference} width="input-width-m" autocomplete="off" />
          <TextInput view={view} id="email" name="email" label={view.t('book.details.email')} error={fieldErrors.email} value={values.email}
            autocomplete="email" width="input-width-xl" />
          <Buttons><button class="button button-primary" type="submit" safe>{view.t('find.submit')}</button></Buttons>
        </form>
      </div></div>
    </Layout>
  );
}

export function ReceiptPage({ view, reference, rows }: { view: View; reference: string; rows: SummaryRow[] }) {
  const title = view.t('receipt.title');
  return (
    <Layout view={view} title={title}>
      <div class="receipt">
        <h1 safe>{title}</h1>
        <p class="font-lead" safe>{view.t('receipt.lead')}</p>
        <p><span safe>{`${view.t('booking.field.reference')}: `}</span><span class="booking-reference" safe>{reference}</span></p>
        <SummaryList rows={rows} />
        <p safe>{view.t('receipt.use')}</p>
        <p class="small-text" safe>{view.t('receipt.verify', { reference })}</p>
      </div>
      <p class="d-print-none mt-5" safe>{view.t('receipt.print')}</p>
    </Layout>
  );
}
