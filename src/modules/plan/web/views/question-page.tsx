/**
 * One question per page (the GOV.UK question-page pattern) in DKFDS form markup. The form is sent with GET:
 * the answers so far travel as hidden fields, so the address always holds every answer and nothing is stored.
 */
import { LEFT_UKRAINE, PROFESSIONS, PURPOSES, SCHEMES, STAYS } from '../../app/read-model.js';
import type { QuestionId } from '../../app/read-model.js';
import { Icon } from '../../../../platform/views/icon.js';
import { Buttons, type DateParts, DateInput, ErrorSummary, FieldError, Radios, type ShownError, TextInput } from '../../../../platform/views/form.js';
import { Layout } from '../../../../platform/views/layout.js';
import type { View } from '../../../../platform/views/view.js';

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
  /** For the questions about countries: every country, sorted by its name in the page's language. */
  countries?: { code: string; name: string }[];
}

const TITLE_KEYS: Record<QuestionId, string> = {
  citizenship: 'q.citizenship.title', 'moving-from': 'q.movingFrom.title', purpose: 'q.purpose.title',
  'left-ukraine': 'q.leftUkraine.title', scheme: 'q.scheme.title', profession: 'q.profession.title', pdu2: 'q.pdu2.title',
  'pdu2-date': 'q.pdu2Date.title', stay: 'q.stay.title', permit: 'q.permit.title', 'partner-citizenship': 'q.partnerCitizenship.title',
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
  const choices = (values: readonly string[], prefix: string, hint = true) => (
    <>
      <Radios view={view} id={model.id} name={model.id === 'left-ukraine' ? 'leftUkraine' : model.id} legend={t(`${prefix}.title`)}
        hint={hint ? t(`${prefix}.hint`) : undefined} error={model.fieldError} value={model.choice}
        options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))} />
      <Buttons>{continueButton}</Buttons>
    </>
  );
  switch (model.id) {
    case 'citizenship':
      return <CountryFields view={view} model={model} name="citizenship" text="q.citizenship" several />;
    case 'partner-citizenship':
      return <CountryFields view={view} model={model} name="partnerCitizenship" text="q.partnerCitizenship" several />;
    case 'moving-from':
      return <CountryFields view={view} model={model} name="movingFrom" text="q.movingFrom" several={false} />;
    case 'left-ukraine':
      return choices(LEFT_UKRAINE, 'q.leftUkraine');
    case 'scheme':
      return choices(SCHEMES, 'q.scheme');
    case 'profession':
      return choices(PROFESSIONS, 'q.profession');
    case 'pdu2':
      return yesNo('q.pdu2.title', 'q.pdu2.hint');
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
    case 'pdu2-date':
    case 'arrival':
    case 'move-in': {
      const key = { 'permit-date': 'permitDate', 'pdu2-date': 'pdu2Date', arrival: 'arrival', 'move-in': 'moveIn' }[model.id];
      const unknownKey = model.id === 'permit-date' ? null : `q.${key}.unknown`;
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

/**
 * A question about countries: the person's citizenships, their partner's (several, with "add" and "remove"), or the
 * country they move from (one). Each field is a select that the enhancement turns into a type-to-filter box.
 */
function CountryFields({ view, model, name, text, several }: { view: View; model: QuestionModel; name: string; text: string; several: boolean }) {
  const { t } = view;
  const id = model.id;
  const slots = several && model.list && model.list.length > 0 ? model.list : [several ? '' : model.text ?? ''];
  const countries = model.countries ?? [];
  return (
    <div class={model.fieldError ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={model.fieldError ? `${id}-hint ${id}-error` : `${id}-hint`}>
        <legend class="form-label"><h1 class="question-heading" safe>{t(`${text}.title`)}</h1></legend>
        <span class="form-hint" id={`${id}-hint`} safe>{t(`${text}.hint`)}</span>
        <FieldError view={view} id={id} message={model.fieldError} />
        {slots.map((value, i) => (
          <div class="form-group citizenship-slot" data-module="country-picker"
            data-filter-label={t('q.citizenship.filter')} data-none={t('q.citizenship.noresults')} data-count={t('q.citizenship.results')}>
            <label class="form-label" for={i === 0 ? id : `${id}-${i + 1}`}
              safe>{slots.length > 1 ? t(`${text}.label.n`, { n: i + 1 }) : t(`${text}.label`)}</label>
            <div class="citizenship-row">
              <select class="form-select" id={i === 0 ? id : `${id}-${i + 1}`} name={name} autocomplete={name === 'movingFrom' ? 'country' : 'off'}>
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
        {several ? <button class="button button-secondary" type="submit" name="add" value="1" safe>{t(`${text}.add`)}</button> : ''}
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
