/**
 * Booking a time, one question per page: the service, the office, how many people, the day, the time. The
 * first four are GET forms (the choices travel in the address); taking the time is a POST that holds it.
 */
import { Buttons, ErrorSummary, FieldError, Radios, type ShownError, TextInput } from '../../../../platform/views/form.js';
import { Layout } from '../../../../platform/views/layout.js';
import { href, type View } from '../../../../platform/views/view.js';
import { Alert, BackLink, HiddenFields, dayText, fullTime, timeText } from './parts.js';

export interface ChoiceCommon {
  view: View;
  backHref: string;
  /** Hidden fields that carry the earlier answers. */
  hidden: [string, string][];
  errors: ShownError[];
}

function Continue({ view }: { view: View }) {
  return <Buttons><button class="button button-primary" type="submit" safe>{view.t('continue')}</button></Buttons>;
}

export function ServicePage(props: ChoiceCommon & { services: { value: string; label: string }[]; value: string | undefined }) {
  const { view } = props;
  const title = view.t('book.service.title');
  return (
    <Layout view={view} title={title} hasErrors={props.errors.length > 0}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <BackLink view={view} href={props.backHref} />
        <ErrorSummary view={view} errors={props.errors} />
        <form method="get" action="/book/office" novalidate>
          <HiddenFields fields={props.hidden} />
          <Radios view={view} id="service" name="service" legend={title} hint={view.t('book.service.hint')}
            error={props.errors[0]?.message} value={props.value} options={props.services} />
          <Continue view={view} />
        </form>
        <p><a href={href(view, '/booking/find')} safe>{view.t('book.find.link')}</a></p>
      </div></div>
    </Layout>
  );
}

export interface OfficeOption {
  id: string;
  name: string;
  address: string;
  /** Why this office is suggested, or what to know about it. */
  detail: string;
}

export interface OtherOffice {
  name: string;
  reason: string;
  contact: string;
  website: string | null;
}

function WebsiteLink({ view, office }: { view: View; office: OtherOffice }) {
  return <a href={office.website ?? ''} rel="noreferrer" safe>{view.t('book.office.elsewhere.link', { office: office.name })}</a>;
}

export function OfficeChoicePage(props: ChoiceCommon & {
  serviceName: string;
  options: OfficeOption[];
  value: string | undefined;
  postcode: string;
  postcodeError: string | undefined;
  /** When the person's address is served by an office that is not booked here (a Citizen Service). */
  elsewhere: OtherOffice | null;
  others: OtherOffice[];
  /** Offices that can be booked here but do not give the service to people who live at the person's address. */
  notYours: OtherOffice[];
  postcodeHidden: [string, string][];
}) {
  const { view } = props;
  const title = view.t('book.office.title', { service: props.serviceName });
  const error = props.errors.find((e) => e.href === '#office')?.message;
  return (
    <Layout view={view} title={title} hasErrors={props.errors.length > 0}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <BackLink view={view} href={props.backHref} />
        <ErrorSummary view={view} errors={props.errors} />
        {props.elsewhere ? (
          <Alert kind="info" heading={view.t('book.office.elsewhere.title', { office: props.elsewhere.name })} label={view.t('book.info')}>
            <p safe>{props.elsewhere.reason}</p>
            <p safe>{props.elsewhere.contact}</p>
            {props.elsewhere.website ? <p><WebsiteLink view={view} office={props.elsewhere} /></p> : ''}
          </Alert>
        ) : ''}
        <form method="get" action="/book/people" novalidate>
          <HiddenFields fields={props.hidden} />
          <div class={error ? 'form-group form-error' : 'form-group'}>
            <fieldset aria-describedby={['office-hint', error ? 'office-error' : ''].filter(Boolean).join(' ')}>
              <legend class="form-label"><h1 class="question-heading" safe>{title}</h1></legend>
              <span class="form-hint" id="office-hint" safe>{view.t('book.office.hint')}</span>
              <FieldError view={view} id="office" message={error} />
              {props.options.map((o, i) => {
                const id = i === 0 ? 'office' : `office-${i + 1}`;
                return (
                  <div class="form-group-radio">
                    <input type="radio" id={id} name="office" class="form-radio" value={o.id} checked={o.id === props.value} aria-describedby={`${id}-detail`} />
                    <label class="form-label" for={id} safe>{o.name}</label>
                    <span class="form-hint office-choice-detail" id={`${id}-detail`} safe>{[o.address, o.detail].filter(Boolean).join(' · ')}</span>
                  </div>
                );
              })}
            </fieldset>
          </div>
          <Continue view={view} />
        </form>
        <form method="get" action="/book/office" class="mt-7" novalidate>
          <HiddenFields fields={props.postcodeHidden} />
          <h2 class="h3" safe>{view.t('book.office.postcode.title')}</h2>
          <TextInput view={view} id="postcode" name="postcode" label={view.t('book.office.postcode.label')} hint={view.t('book.office.postcode.hint')}
            error={props.postcodeError} value={props.postcode} inputmode="numeric" autocomplete="postal-code" width="input-width-xs" />
          <button class="button button-secondary" type="submit" safe>{view.t('book.office.postcode.button')}</button>
        </form>
        <OtherOffices view={view} title={view.t('book.office.notyours.title')} offices={props.notYours} />
        <OtherOffices view={view} title={view.t('book.office.others.title')} offices={props.others} />
      </div></div>
    </Layout>
  );
}

export function PeoplePage(props: ChoiceCommon & { value: string; max: number }) {
  const { view } = props;
  return (
    <Layout view={view} title={view.t('book.people.title')} hasErrors={props.errors.length > 0}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <BackLink view={view} href={props.backHref} />
        <ErrorSummary view={view} errors={props.errors} />
        <form method="get" action="/book/time" novalidate>
          <HiddenFields fields={props.hidden} />
          <TextInput view={view} id="people" name="people" label={view.t('book.people.title')} hint={view.t('book.people.hint', { max: props.max })}
            error={props.errors[0]?.message} value={props.value} inputmode="numeric" width="input-width-xs" asHeading />
          <Continue view={view} />
        </form>
      </div></div>
    </Layout>
  );
}

function OtherOffices({ view, title, offices }: { view: View; title: string; offices: OtherOffice[] }) {
  if (offices.length === 0) return '';
  return (
    <>
      <h2 class="h3 mt-7" safe>{title}</h2>
      <ul>
        {offices.map((o) => (
          <li>
            <strong safe>{o.name}</strong>: <span safe>{o.reason}</span>{o.contact ? <> <span safe>{o.contact}</span></> : ''}
            {o.website ? <> <WebsiteLink view={view} office={o} /></> : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export interface DayChoice {
  date: string;
  href: string;
  label: string;
  count: number;
  /** After the person's deadline. */
  late: boolean;
}

export interface DeadlineInfo {
  date: string;
  dateText: string;
  /** The rule, in words: "register your address within 5 days of moving in". */
  rule: string;
  earliestText: string | null;
  inTime: boolean;
}

export function DaysPage(props: ChoiceCommon & {
  title: string;
  lead: string;
  weeks: { heading: string; days: DayChoice[] }[];
  deadline: DeadlineInfo | null;
  /** The office serves anyone, but another is the person's own: said, and they may go on here. */
  nearer?: string | null;
  /** When nothing is free in time: the form that records the attempt and gives a receipt. */
  receipt: { action: string; hidden: [string, string][] } | null;
  contact: string;
}) {
  const { view, deadline } = props;
  const empty = props.weeks.length === 0;
  return (
    <Layout view={view} title={props.title} hasErrors={props.errors.length > 0}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <BackLink view={view} href={props.backHref} />
        <ErrorSummary view={view} errors={props.errors} />
        <h1 safe>{props.title}</h1>
        <p class="font-lead" safe>{props.lead}</p>
        {props.nearer ? (
          <Alert kind="info" heading={view.t('book.office.yours.title')} label={view.t('book.info')}><p safe>{props.nearer}</p></Alert>
        ) : ''}
        {deadline && deadline.inTime ? (
          <Alert kind="info" heading={view.t('book.deadline.title', { date: deadline.dateText })} label={view.t('book.info')}>
            <p safe>{view.t('book.deadline.intime', { rule: deadline.rule, date: deadline.dateText })}</p>
          </Alert>
        ) : ''}
        {deadline && !deadline.inTime ? (
          <Alert kind="warning" heading={view.t('book.deadline.late.title', { date: deadline.dateText })} label={view.t('book.warning')}>
            <p safe>{deadline.earliestText
              ? view.t('book.deadline.late', { rule: deadline.rule, date: deadline.dateText, earliest: deadline.earliestText })
              : view.t('book.deadline.none', { rule: deadline.rule, date: deadline.dateText })}</p>
            {props.receipt ? (
              <form method="post" action={props.receipt.action}>
                <HiddenFields fields={props.receipt.hidden} />
                <p safe>{view.t('book.receipt.explain')}</p>
                <button class="button button-secondary" type="submit" safe>{view.t('book.receipt.button')}</button>
              </form>
            ) : ''}
          </Alert>
        ) : ''}
        <div id="days" tabindex="-1">
          {empty ? <p safe>{view.t('book.days.none', { contact: props.contact })}</p> : ''}
          {props.weeks.map((week) => (
            <>
              <h2 class="h3" safe>{week.heading}</h2>
              <ul class="day-list unstyled-list">
                {week.days.map((d) => (
                  <li class={d.late ? 'day-late' : undefined}>
                    <a href={d.href} safe>{d.label}</a>
                    <span safe>{view.t(d.count === 1 ? 'book.days.one' : 'book.days.count', { count: d.count })}</span>
                    {d.late ? <strong safe>{view.t('book.days.late')}</strong> : ''}
                  </li>
                ))}
              </ul>
            </>
          ))}
        </div>
      </div></div>
    </Layout>
  );
}

export interface TimeChoice {
  startIso: string;
  startMs: number;
  placesLeft: number;
}

export function TimesPage(props: ChoiceCommon & {
  dayMs: number;
  action: string;
  times: TimeChoice[];
  value: string | undefined;
  late: boolean;
  submitLabel: string;
  /** Other free times, when the chosen one was just taken. */
}) {
  const { view } = props;
  const title = view.t('book.times.title', { date: dayText(view, props.dayMs) });
  const error = props.errors[0]?.message;
  return (
    <Layout view={view} title={title} hasErrors={props.errors.length > 0}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <BackLink view={view} href={props.backHref} />
        <ErrorSummary view={view} errors={props.errors} />
        {props.late ? (
          <Alert kind="warning" heading={view.t('book.times.late')} label={view.t('book.warning')}><p safe>{view.t('book.times.late.text')}</p></Alert>
        ) : ''}
        <form method="post" action={props.action} novalidate>
          <HiddenFields fields={props.hidden} />
          <div class={error ? 'form-group form-error' : 'form-group'}>
            <fieldset aria-describedby={['start-hint', error ? 'start-error' : ''].filter(Boolean).join(' ')}>
              <legend class="form-label"><h1 class="question-heading" safe>{title}</h1></legend>
              <span class="form-hint" id="start-hint" safe>{view.t('book.times.hint')}</span>
              <FieldError view={view} id="start" message={error} />
              {props.times.length === 0 ? <p safe>{view.t('book.times.none')}</p> : ''}
              <div class="time-grid">
                {props.times.map((s, i) => {
                  const id = i === 0 ? 'start' : `start-${i + 1}`;
                  return (
                    <div class="form-group-radio">
                      <input type="radio" id={id} name="start" class="form-radio" value={s.startIso} checked={s.startIso === props.value} />
                      <label class="form-label" for={id}>
                        <span class="sr-only" safe>{`${fullTime(view, s.startMs)}, `}</span>
                        <span aria-hidden="true" safe>{timeText(s.startMs)}</span>
                        <span class="time-places" safe>{view.t(s.placesLeft === 1 ? 'book.times.place' : 'book.times.places', { count: s.placesLeft })}</span>
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          {props.times.length > 0 ? <Buttons><button class="button button-primary" type="submit" safe>{props.submitLabel}</button></Buttons> : ''}
        </form>
      </div></div>
    </Layout>
  );
}

/** The office chosen does not give the service to people who live where the person lives: says so, and names theirs. */
export function NotYoursPage({ view, title, text, yours, otherHref }: {
  view: View;
  title: string;
  text: string;
  yours: { name: string; text: string; bookHref: string | null; contact: string; website: string | null; page: string } | null;
  otherHref: string;
}) {
  return (
    <Layout view={view} title={title}>
      <div class="row"><div class="col-12 col-md-10 col-lg-8">
        <h1 safe>{title}</h1>
        <Alert kind="warning" heading={text} label={view.t('book.warning')}>
          {yours ? <p safe>{yours.text}</p> : <p safe>{view.t('book.notyours.none')}</p>}
        </Alert>
        {yours?.bookHref ? <p><a class="button button-primary" href={yours.bookHref} safe>{view.t('book.notyours.book', { office: yours.name })}</a></p> : ''}
        {yours && !yours.bookHref ? (
          <>
            {yours.contact ? <p safe>{yours.contact}</p> : ''}
            {yours.website ? <p><a href={yours.website} rel="noreferrer" safe>{view.t('book.office.elsewhere.link', { office: yours.name })}</a></p> : ''}
          </>
        ) : ''}
        {yours ? <p><a href={yours.page} safe>{view.t('book.notyours.page', { office: yours.name })}</a></p> : ''}
        <p><a href={otherHref} safe>{view.t('book.notyours.other')}</a></p>
      </div></div>
    </Layout>
  );
}
