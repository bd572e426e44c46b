/**
 * Texts in the rules are ICU MessageFormat and may name a parameter: "{address_registration_days}" gives its value
 * on the day the plan is about (a parameter's id with "_" for "-"), "{pay_limit_dkk__from}" the date that value took
 * effect, "{municipality}" the person's municipality. A parameter that chooses a plural form
 * ("{x, plural, one {# day} other {# days}}") is given as a number; elsewhere as written in the language (amounts
 * in kroner, dates, numbers with the language's decimal mark).
 */
import type { LocalDate } from '../../../../kernel/dates/local-date.js';
import { formatDate, formatDkk, formatNumber } from '../../../../kernel/i18n/format.js';
import type { Lang, Localized } from '../../../../kernel/i18n/locales.js';
import { SOURCE_LANG } from '../../../../kernel/i18n/locales.js';
import { type MessageValues, formatMessage, messageArguments } from '../../../../kernel/i18n/message.js';
import { type ParameterBook, parameterEntry } from './parameters.js';

const FROM = '__from';

/** The parameter an argument names, and whether it asks for the date the value took effect. */
function parameterOf(argument: string): { id: string; field: 'value' | 'from' } | null {
  if (argument === 'municipality') return null;
  const from = argument.endsWith(FROM);
  return { id: (from ? argument.slice(0, -FROM.length) : argument).replaceAll('_', '-'), field: from ? 'from' : 'value' };
}

/** The parameter ids a text names, for the start-up check. */
export function parametersIn(text: string): string[] {
  return [...messageArguments(text, SOURCE_LANG).names].flatMap((name) => {
    const parameter = parameterOf(name);
    return parameter ? [parameter.id] : [];
  });
}

export interface FillContext {
  lang: Lang;
  onDate: LocalDate;
  parameters: ParameterBook;
  municipality?: Localized;
}

export function fillText(text: string, ctx: FillContext): string {
  if (!text.includes('{')) return text;
  const { names, counted } = messageArguments(text, ctx.lang);
  const values: MessageValues = {};
  for (const name of names) {
    const parameter = parameterOf(name);
    if (!parameter) values[name] = ctx.municipality?.[ctx.lang] ?? '';
    else values[name] = formatParameter(parameter.id, parameter.field, ctx, counted.has(name));
  }
  return formatMessage(text, ctx.lang, values);
}

function formatParameter(id: string, field: 'value' | 'from', ctx: FillContext, asNumber: boolean): string | number {
  const entry = parameterEntry(ctx.parameters, id, ctx.onDate);
  if (field === 'from') return formatDate(entry.from as LocalDate, ctx.lang);
  const parameter = ctx.parameters.get(id);
  // A value set anew every 1 January, in a year whose value we do not have yet: never shown as the current one.
  const year = entry.from.slice(0, 4);
  const stale = parameter?.renews === 'yearly' && parameter.stale && ctx.onDate.slice(0, 4) > year;
  if (asNumber && typeof entry.value === 'number' && !stale) return entry.value;
  const value = typeof entry.value === 'string'
    ? formatDate(entry.value as LocalDate, ctx.lang)
    : parameter?.unit === 'dkk' ? formatDkk(entry.value, ctx.lang) : formatNumber(entry.value, ctx.lang);
  return stale ? `${value} ${formatMessage(parameter.stale![ctx.lang], ctx.lang, { year })}` : value;
}
