/**
 * Texts in the rules may name a parameter in braces: "{address-registration-days}" gives its value on the day
 * the plan is about, "{pay-limit-dkk:from}" the date that value took effect. "{municipality}" is the person's
 * municipality. Templates are split once and cached, so filling one is a short join.
 */
import type { Lang } from '../answers.js';
import type { LocalDate } from '../../../../kernel/dates/local-date.js';
import { formatDate, formatDkk, formatNumber } from '../../../../kernel/i18n/format.js';
import { type ParameterBook, parameterEntry } from './parameters.js';

type Part = { literal: string } | { parameter: string; field: 'value' | 'from' } | { municipality: true };

const PLACEHOLDER = /\{([a-z0-9-]+)(?::(from))?\}/g;
const cache = new Map<string, Part[]>();

export function templateParts(text: string): Part[] {
  let parts = cache.get(text);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ literal: text.slice(last, index) });
    const name = match[1] ?? '';
    parts.push(name === 'municipality' ? { municipality: true } : { parameter: name, field: match[2] === 'from' ? 'from' : 'value' });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  cache.set(text, parts);
  return parts;
}

/** The parameter ids a text names, for the start-up check. */
export function parametersIn(text: string): string[] {
  return templateParts(text).flatMap((p) => ('parameter' in p ? [p.parameter] : []));
}

export interface FillContext {
  lang: Lang;
  onDate: LocalDate;
  parameters: ParameterBook;
  municipality?: { en: string; da: string };
}

export function fillText(text: string, ctx: FillContext): string {
  const parts = templateParts(text);
  if (parts.length === 1 && 'literal' in parts[0]!) return parts[0].literal;
  let out = '';
  for (const part of parts) {
    if ('literal' in part) out += part.literal;
    else if ('municipality' in part) out += ctx.municipality?.[ctx.lang] ?? '';
    else out += formatParameter(part.parameter, part.field, ctx);
  }
  return out;
}

function formatParameter(id: string, field: 'value' | 'from', ctx: FillContext): string {
  const entry = parameterEntry(ctx.parameters, id, ctx.onDate);
  if (field === 'from') return formatDate(entry.from as LocalDate, ctx.lang);
  const parameter = ctx.parameters.get(id);
  const value = typeof entry.value === 'string'
    ? formatDate(entry.value as LocalDate, ctx.lang)
    : parameter?.unit === 'dkk' ? formatDkk(entry.value, ctx.lang) : formatNumber(entry.value, ctx.lang);
  // A value set anew every 1 January, in a year whose value we do not have yet: never shown as the current one.
  const year = entry.from.slice(0, 4);
  if (parameter?.renews === 'yearly' && parameter.stale && ctx.onDate.slice(0, 4) > year) {
    return `${value} ${parameter.stale[ctx.lang].replaceAll('{year}', year)}`;
  }
  return value;
}
