/**
 * DKFDS form pieces: error summary, radio group, date input, text input. Each field shows its own message
 * above the input, as DKFDS does, and the summary links to the field.
 */
import type { Children } from '@kitajs/html';
import { Icon } from './icon.js';
import type { View } from './view.js';

export interface ShownError {
  /** Where the summary link goes: "#id" of the input on this page, or the page where it can be changed. */
  href: string;
  message: string;
}

export function ErrorSummary({ view, errors }: { view: View; errors: ShownError[] }) {
  if (errors.length === 0) return <></>;
  return (
    <div class="alert alert-error" role="alert" data-module="error-summary" tabindex="-1">
      <Icon name="error" label={view.t('error.prefix')} />
      <div class="alert-body">
        <h2 class="alert-heading" safe>{view.t('error.summary.title')}</h2>
        <ul class="alert-text nobullet-list">
          {errors.map((e) => <li><a href={e.href} class="function-link" safe>{e.message}</a></li>)}
        </ul>
      </div>
    </div>
  );
}

export function FieldError({ view, id, message }: { view: View; id: string; message: string | undefined }) {
  if (!message) return <></>;
  return (
    <span class="form-error-message" id={`${id}-error`}>
      <span class="sr-only" safe>{view.t('error.prefix')} </span><span safe>{message}</span>
    </span>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

interface RadiosProps {
  view: View;
  id: string;
  name: string;
  legend: string;
  hint?: string | undefined;
  error: string | undefined;
  value: string | undefined;
  options: { value: string; label: string }[];
}

/** A radio group whose legend is the page's heading (one question per page). */
export function Radios({ view, id, name, legend, hint, error, value, options }: RadiosProps) {
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend class="form-label"><h1 class="question-heading" safe>{legend}</h1></legend>
        {hint ? <span class="form-hint" id={`${id}-hint`} safe>{hint}</span> : ''}
        <FieldError view={view} id={id} message={error} />
        {options.map((o, i) => (
          <div class="form-group-radio">
            <input type="radio" id={i === 0 ? id : `${id}-${i + 1}`} name={name} class="form-radio" value={o.value} checked={o.value === value} />
            <label class="form-label" for={i === 0 ? id : `${id}-${i + 1}`} safe>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

interface DateInputProps {
  view: View;
  id: string;
  legend: string;
  hint: string;
  error: string | undefined;
  value: DateParts;
}

export function DateInput({ view, id, legend, hint, error, value }: DateInputProps) {
  const part = (key: keyof DateParts, label: string, cls: string, size: number) => (
    <div class={`form-group ${cls}`}>
      <label class="form-label" for={`${id}-${key}`} safe>{label}</label>
      <input class="form-input" id={`${id}-${key}`} name={`${id}-${key}`} type="text" inputmode="numeric"
        maxlength={String(size)} value={value[key]} aria-invalid={error ? 'true' : undefined} />
    </div>
  );
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend class="form-label"><h1 class="question-heading" safe>{legend}</h1></legend>
        <span class="form-hint" id={`${id}-hint`} safe>{hint}</span>
        <FieldError view={view} id={id} message={error} />
        <div class="date-group mt-3">
          {part('day', view.t('date.day'), 'form-group-day', 2)}
          {part('month', view.t('date.month'), 'form-group-month', 2)}
          {part('year', view.t('date.year'), 'form-group-year', 4)}
        </div>
      </fieldset>
    </div>
  );
}

interface TextInputProps {
  view: View;
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  value: string | undefined;
  inputmode?: 'numeric' | 'text';
  autocomplete?: string;
  width?: string;
  asHeading?: boolean;
  suffix?: string;
}

export function TextInput(props: TextInputProps) {
  const { view, id, name, label, hint, error, value } = props;
  const input = (
    <input class={`form-input ${props.width ?? ''}`} id={id} name={name} type="text" value={value ?? ''}
      inputmode={props.inputmode} autocomplete={props.autocomplete} aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(id, hint, error)} />
  );
  const labelEl = <label class="form-label" for={id} safe>{label}</label>;
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      {props.asHeading ? <h1 class="question-heading">{labelEl}</h1> : labelEl}
      {hint ? <span class="form-hint" id={`${id}-hint`} safe>{hint}</span> : ''}
      <FieldError view={view} id={id} message={error} />
      {props.suffix
        ? <div class="form-input-wrapper form-input-wrapper--suffix">{input}<div class="form-input-suffix" aria-hidden="true" safe>{props.suffix}</div></div>
        : input}
    </div>
  );
}

export function Buttons({ children }: { children?: Children }) {
  return <div class="form-actions button-row">{children}</div>;
}
