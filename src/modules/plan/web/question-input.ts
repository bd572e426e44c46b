/**
 * Reads what a person sent on one question's page. Returns the updated answers, or the problem to show, plus
 * what to show again in the fields. Format problems (an empty choice, a date with a missing part) are found here;
 * what the answers mean (a real country, a date in range) is checked by the same code as the API.
 */
import { LEFT_UKRAINE, PROFESSIONS, PURPOSES, SCHEMES, STAYS, isOneOf } from '../app/read-model.js';
import type { FieldError } from '../app/read-model.js';
import { fromParts } from '../../../kernel/dates/local-date.js';
import {
  ARRIVAL_UNKNOWN, DATE_UNKNOWN, type FlowAnswers, NO_HOME_YET, POSTCODE_UNKNOWN, type QuestionId,
} from '../app/read-model.js';
import type { Query } from './flow-query.js';
import type { DateParts } from '../../../platform/views/form.js';

export interface QuestionInput {
  answers: FlowAnswers;
  error?: FieldError;
  /** Only re-show the page (a slot was added or removed): no error, no redirect. */
  redisplay?: boolean;
  date?: DateParts;
  text?: string;
  list?: string[];
}

const MAX_SLOTS = 12;

function values(query: Query, key: string): string[] {
  const v = query[key];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).slice(0, MAX_SLOTS).map((s) => s.slice(0, 40).trim());
}

function first(query: Query, key: string): string {
  return values(query, key)[0] ?? '';
}

export function readQuestionInput(id: QuestionId, query: Query, answers: FlowAnswers): QuestionInput {
  const next: FlowAnswers = { ...answers, citizenship: [...answers.citizenship], partnerCitizenship: [...answers.partnerCitizenship], age: [...answers.age] };
  switch (id) {
    case 'citizenship':
      return readList(query, next, 'citizenship', 'citizenships');
    case 'partner-citizenship':
      return readList(query, next, 'partnerCitizenship', 'partnerCitizenships');
    case 'moving-from': {
      const value = first(query, 'movingFrom');
      if (value === '') return { answers: next, error: { field: 'movingFrom', code: 'required' }, text: value };
      return { answers: { ...next, movingFrom: value }, text: value };
    }
    case 'left-ukraine':
      return readChoice(query, next, 'leftUkraine', 'leftUkraine', LEFT_UKRAINE);
    case 'scheme':
      return readChoice(query, next, 'scheme', 'scheme', SCHEMES);
    case 'profession':
      return readChoice(query, next, 'profession', 'profession', PROFESSIONS);
    case 'pdu2':
      return readChoice(query, next, 'pdu2', 'pdu2', ['yes', 'no']);
    case 'pdu2-date':
      return readDate(query, next, id, 'pdu2Date', 'pdu2Date', DATE_UNKNOWN);
    case 'children-ages':
      return readList(query, next, 'age', 'childrenAges');
    case 'purpose':
      return readChoice(query, next, 'purpose', 'purpose', PURPOSES);
    case 'stay':
      return readChoice(query, next, 'stay', 'stay', STAYS);
    case 'permit':
      return readChoice(query, next, 'permit', 'hasResidencePermit', ['yes', 'no']);
    case 'partner':
      return readChoice(query, next, 'partner', 'partner', ['yes', 'no']);
    case 'children':
      return readChoice(query, next, 'children', 'children', ['yes', 'no']);
    case 'permit-date':
      return readDate(query, next, id, 'permitDate', 'residencePermitDate', null);
    case 'arrival':
      return readDate(query, next, id, 'arrival', 'arrivalDate', ARRIVAL_UNKNOWN);
    case 'move-in':
      return readDate(query, next, id, 'moveIn', 'moveInDate', NO_HOME_YET);
    case 'postcode': {
      if (first(query, 'unknown') === '1') return { answers: { ...next, postcode: POSTCODE_UNKNOWN } };
      const text = first(query, 'postcode').replace(/\s+/g, '');
      if (text === '') return { answers: next, error: { field: 'postalCode', code: 'required' }, text };
      return { answers: { ...next, postcode: text }, text };
    }
  }
}

type ChoiceKey = 'purpose' | 'stay' | 'permit' | 'partner' | 'children' | 'leftUkraine' | 'scheme' | 'profession' | 'pdu2';

function readChoice(query: Query, next: FlowAnswers, key: ChoiceKey, field: string, options: readonly string[]): QuestionInput {
  const value = first(query, key);
  if (value === '') return { answers: next, error: { field, code: 'required' } };
  if (!isOneOf(options, value)) return { answers: next, error: { field, code: 'not-a-choice' } };
  next[key] = value;
  return { answers: next };
}

function readList(query: Query, next: FlowAnswers, key: 'citizenship' | 'partnerCitizenship' | 'age', field: string): QuestionInput {
  const list = values(query, key);
  const remove = first(query, 'remove');
  if (first(query, 'add') === '1') {
    return { answers: next, redisplay: true, list: list.length < MAX_SLOTS ? [...list, ''] : list };
  }
  if (/^\d+$/.test(remove)) {
    const kept = list.filter((_, i) => i !== Number(remove));
    return { answers: next, redisplay: true, list: kept.length > 0 ? kept : [''] };
  }
  const filled = list.filter((v) => v !== '');
  if (filled.length === 0) return { answers: next, error: { field, code: 'required' }, list };
  next[key] = filled;
  return { answers: next, list: filled };
}

type DateKey = 'permitDate' | 'pdu2Date' | 'arrival' | 'moveIn';

function readDate(query: Query, next: FlowAnswers, id: string, key: DateKey, field: string, unknownValue: string | null): QuestionInput {
  if (unknownValue && first(query, 'unknown') === '1') {
    next[key] = unknownValue;
    return { answers: next };
  }
  const date: DateParts = { day: first(query, `${id}-day`), month: first(query, `${id}-month`), year: first(query, `${id}-year`) };
  const parts = [date.day, date.month, date.year];
  if (parts.every((p) => p === '')) return { answers: next, error: { field, code: 'required' }, date };
  if (parts.some((p) => p === '')) return { answers: next, error: { field, code: 'date-incomplete' }, date };
  const valid = /^\d{1,2}$/.test(date.day) && /^\d{1,2}$/.test(date.month) && /^\d{4}$/.test(date.year)
    ? fromParts(Number(date.year), Number(date.month), Number(date.day))
    : null;
  if (!valid) return { answers: next, error: { field, code: 'date-not-real' }, date };
  next[key] = valid;
  return { answers: next, date };
}
