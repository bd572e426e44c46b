/**
 * One question per page (the GOV.UK question-page pattern) in DKFDS form markup. The form is sent with GET:
 * the answers so far travel as hidden fields, so the address always holds every answer and nothing is stored.
 */
import { PURPOSES, STAYS } from '../../domain/answers/answers.js';
import type { QuestionId } from '../../domain/flow/questionnaire.js';
import { Icon } from './components/icon.js';
import { Buttons, type DateParts, DateInput, ErrorSummary, FieldError, Radios, type ShownError, TextInput } from './components/form.js';
import { Layout } from './layout.js';
import type { View } from './view.js';

export interface QuestionModel {
  id: QuestionId;
  backHref: string;
  hidden: [string, string][];
  errors: ShownError[];
  fieldError: string | undefined;
  choice?: string;
  date?: DateParts;
  text?: string;
  list?: string[];
  /** For the citizenship question: every country, sorted by its name in the page's language. */
  countries?: { code: string; name: string }[];
}

const TITLE_KEYS: Record<QuestionId, string> = {
  citizenship: 'q.citizenship.title', purpose: 'q.purpose.title', stay: 'q.stay.title', permit: 'q.permit.title',
  'permit-date': 'q.permitDate.title', arrival: 'q.arrival.title', 'move-in': 'q.moveIn.title',
  postcode: 'q.postcode.title', partner: 'q.partner.title', children: 'q.children.title',
  'children-ages': 'q.childrenAges.title',
};

export function questionTitle(view: View, id: QuestionId): string {
  return view.t(TITLE_KEYS[id]);
}

export function QuestionPage({ view, model }: { view: View; model: QuestionModel }) {
  const title = questionTitle(view, model.id);
  return (
    <Layout view={view} title={title} hasErrors={model.errors.length > 0}>
      <div class="row">
        <div class="col-12 col-md-10 col-lg-8">
          <div class="d-print-none"><a href={model.backHref} class="back-link"><Icon name="chevron-left" /><span safe>{view.t('back')}</span></a></div>
          <ErrorSummary view={view} errors={model.errors} />
          <form method="get" action={`/plan/${model.id}`} novalidate>
            {model.hidden.map(([name, value]) => <input type="hidden" name={name} value={value} />)}
            <input type="hidden" name="answer" value={model.id} />
            <QuestionFields view={view} model={model} />
          </form>
        </div>
      </div>
    </Layout>
  );
}

function QuestionFields({ view, model }: { view: View; model: QuestionModel }) {
  const { t } = view;
  const continueButton = <button class="button button-primary" type="submit" safe>{t('continue')}</button>;
  const yesNo = (legendKey: string, hintKey?: string, labels = { yes: t('yes'), no: t('no') }) => (
    <>
      <Radios view={view} id={model.id} name={model.id} legend={t(legendKey)}
        hint={hintKey ? t(hintKey) : undefined} error={model.fieldError} value={model.choice}
        options={[{ value: 'yes', label: labels.yes }, { value: 'no', label: labels.no }]} />
      <Buttons>{continueButton}</Buttons>
    </>
  );
  switch (model.id) {
    case 'citizenship':
      return <CitizenshipFields view={view} model={model} />;
    case 'purpose':
      return (
        <>
          <Radios view={view} id="purpose" name="purpose" legend={t('q.purpose.title')} hint={t('q.purpose.hint')}
            error={model.fieldError} value={model.choice} options={PURPOSES.map((p) => ({ value: p, label: t(`q.purpose.${p}`) }))} />
          <Buttons>{continueButton}</Buttons>
        </>
      );
    case 'stay':
      return (
        <>
          <Radios view={view} id="stay" name="stay" legend={t('q.stay.title')} hint={t('q.stay.hint')}
            error={model.fieldError} value={model.choice} options={STAYS.map((s) => ({ value: s, label: t(`q.stay.${s}`) }))} />
          <Buttons>{continueButton}</Buttons>
        </>
      );
    case 'permit':
      return yesNo('q.permit.title', 'q.permit.hint', { yes: t('q.permit.yes'), no: t('q.permit.no') });
    case 'partner':
      return yesNo('q.partner.title');
    case 'children':
      return yesNo('q.children.title');
    case 'permit-date':
    case 'arrival':
    case 'move-in': {
      const key = model.id === 'permit-date' ? 'permitDate' : model.id === 'arrival' ? 'arrival' : 'moveIn';
      const unknownKey = model.id === 'arrival' ? 'q.arrival.unknown' : model.id === 'move-in' ? 'q.moveIn.unknown' : null;
      return (
        <>
          <DateInput view={view} id={model.id} legend={t(`q.${key}.title`)} hint={t(`q.${key}.hint`)}
            error={model.fieldError} value={model.date ?? { day: '', month: '', year: '' }} />
          <Buttons>
            {continueButton}
            {unknownKey ? <button class="button button-secondary" type="submit" name="unknown" value="1" safe>{t(unknownKey)}</button> : ''}
          </Buttons>
        </>
      );
    }
    case 'postcode':
      return (
        <>
          <TextInput view={view} id="postcode" name="postcode" label={t('q.postcode.title')} hint={t('q.postcode.hint')}
            error={model.fieldError} value={model.text} inputmode="numeric" autocomplete="postal-code" width="input-width-xs" asHeading />
          <Buttons>
            {continueButton}
            <button class="button button-secondary" type="submit" name="unknown" value="1" safe>{t('q.postcode.unknown')}</button>
          </Buttons>
        </>
      );
    case 'children-ages':
      return <AgesFields view={view} model={model} />;
  }
}

function CitizenshipFields({ view, model }: { view: View; model: QuestionModel }) {
  const { t } = view;
  const slots = model.list && model.list.length > 0 ? model.list : [''];
  const countries = model.countries ?? [];
  return (
    <div class={model.fieldError ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={model.fieldError ? 'citizenship-hint citizenship-error' : 'citizenship-hint'}>
        <legend class="form-label"><h1 class="question-heading" safe>{t('q.citizenship.title')}</h1></legend>
        <span class="form-hint" id="citizenship-hint" safe>{t('q.citizenship.hint')}</span>
        <FieldError view={view} id="citizenship" message={model.fieldError} />
        {slots.map((value, i) => (
          <div class="form-group citizenship-slot" data-module="country-picker"
            data-filter-label={t('q.citizenship.filter')} data-none={t('q.citizenship.noresults')} data-count={t('q.citizenship.results')}>
            <label class="form-label" for={i === 0 ? 'citizenship' : `citizenship-${i + 1}`}
              safe>{slots.length > 1 ? t('q.citizenship.label.n', { n: i + 1 }) : t('q.citizenship.label')}</label>
            <div class="citizenship-row">
              <select class="form-select" id={i === 0 ? 'citizenship' : `citizenship-${i + 1}`} name="citizenship" autocomplete="country">
                <option value="" safe>{t('q.citizenship.choose')}</option>
                {countries.map((c) => <option value={c.code} selected={c.code === value} safe>{c.name}</option>)}
              </select>
              {slots.length > 1
                ? <button class="button button-tertiary" type="submit" name="remove" value={String(i)} safe>{`${t('q.citizenship.remove')}`}</button>
                : ''}
            </div>
          </div>
        ))}
      </fieldset>
      <Buttons>
        <button class="button button-primary" type="submit" safe>{t('continue')}</button>
        <button class="button button-secondary" type="submit" name="add" value="1" safe>{t('q.citizenship.add')}</button>
      </Buttons>
    </div>
  );
}

function AgesFields({ view, model }: { view: View; model: QuestionModel }) {
  const { t } = view;
  const slots = model.list && model.list.length > 0 ? model.list : [''];
  return (
    <div class={model.fieldError ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={model.fieldError ? 'children-ages-hint children-ages-error' : 'children-ages-hint'}>
        <legend class="form-label"><h1 class="question-heading" safe>{t('q.childrenAges.title')}</h1></legend>
        <span class="form-hint" id="children-ages-hint" safe>{t('q.childrenAges.hint')}</span>
        <FieldError view={view} id="children-ages" message={model.fieldError} />
        {slots.map((value, i) => (
          <div class="form-group">
            <label class="form-label" for={i === 0 ? 'children-ages' : `children-ages-${i + 1}`} safe>{t('q.childrenAges.label', { n: i + 1 })}</label>
            <div class="citizenship-row">
              <div class="form-input-wrapper form-input-wrapper--suffix">
                <input class="form-input input-width-xxs" type="text" inputmode="numeric" maxlength="2" name="age"
                  id={i === 0 ? 'children-ages' : `children-ages-${i + 1}`} value={value} />
                <div class="form-input-suffix" aria-hidden="true" safe>{t('q.childrenAges.unit')}</div>
              </div>
              {slots.length > 1
                ? <button class="button button-tertiary" type="submit" name="remove" value={String(i)} safe>{t('q.childrenAges.remove')}</button>
                : ''}
            </div>
          </div>
        ))}
      </fieldset>
      <Buttons>
        <button class="button button-primary" type="submit" safe>{t('continue')}</button>
        <button class="button button-secondary" type="submit" name="add" value="1" safe>{t('q.childrenAges.add')}</button>
      </Buttons>
    </div>
  );
}
