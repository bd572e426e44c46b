/**
 * The questionnaire's answers travel in the page address. This reads them from a parsed query string and
 * writes them back, always in the same order, so an address is stable and can be bookmarked or shared.
 */
import type { Lang } from '../app/read-model.js';
import type { FlowAnswers } from '../app/read-model.js';

import { readLang } from '../../../platform/i18n/read-lang.js';

export type Query = Record<string, string | string[] | undefined>;

const SINGLE_KEYS = [
  'movingFrom', 'purpose', 'leftUkraine', 'scheme', 'profession', 'pdu2', 'pdu2Date', 'stay', 'permit', 'permitDate', 'arrival',
  'moveIn', 'postcode', 'partner', 'children',
] as const;
const MAX_LIST = 20;
const MAX_VALUE = 40;

function list(value: string | string[] | undefined): string[] {
  const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return items.slice(0, MAX_LIST).map((v) => v.slice(0, MAX_VALUE));
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === '') return undefined;
  return first.slice(0, MAX_VALUE);
}

export function readAnswers(query: Query): FlowAnswers {
  const answers: FlowAnswers = {
    citizenship: list(query.citizenship).filter((c) => c !== ''),
    partnerCitizenship: list(query.partnerCitizenship).filter((c) => c !== ''),
    age: list(query.age),
  };
  for (const key of SINGLE_KEYS) {
    const value = single(query[key]);
    if (value !== undefined) answers[key] = value;
  }
  return answers;
}

export { readLang };

/** Pairs in a fixed order; the language goes last. */
export function answerPairs(a: FlowAnswers): [string, string][] {
  const pairs: [string, string][] = a.citizenship.map((c) => ['citizenship', c]);
  for (const key of SINGLE_KEYS) {
    const value = a[key];
    if (key === 'children') {
      if (value !== undefined) pairs.push([key, value]);
      for (const age of a.age) pairs.push(['age', age]);
      continue;
    }
    if (key === 'partner') {
      if (value !== undefined) pairs.push([key, value]);
      for (const c of a.partnerCitizenship) pairs.push(['partnerCitizenship', c]);
      continue;
    }
    if (value !== undefined) pairs.push([key, value]);
  }
  return pairs;
}

export function answersQuery(a: FlowAnswers, lang: Lang): string {
  return queryInLang(new URLSearchParams(answerPairs(a)).toString(), lang);
}

/** The answers' query (in English, as answersQuery gives it) in a language: the language goes last. */
export function queryInLang(englishQuery: string, lang: Lang): string {
  if (lang === 'en') return englishQuery;
  return englishQuery ? `${englishQuery}&lang=${lang}` : `lang=${lang}`;
}

export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}
