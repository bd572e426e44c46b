/**
 * Checks a person's answers. Every problem becomes a field error with a message code; the web and the API turn
 * the code into words in the person's language. Nothing here trusts the input's types.
 */
import {
  type LocalDate, addYears, parseLocalDate,
} from '../../../kernel/dates/local-date.js';
import {
  type AnswerField, LEFT_UKRAINE, MAX_CHILD_AGE, MAX_CITIZENSHIPS, MAX_HOUSEHOLD, type PlanAnswers, PROFESSIONS,
  PURPOSES, type RawAnswers, SCHEMES, STAYS, isOneOf,
} from './answers.js';

import type { FieldError } from '../../../kernel/i18n/field-error.js';

export type { FieldError };

export interface AnswerContext {
  asOf: LocalDate;
  isCountry: (code: string) => boolean;
  isPostalCode: (code: string) => boolean;
}

export type Validation = { ok: true; answers: PlanAnswers } | { ok: false; errors: FieldError[] };

/** How far from today a date may lie: wide enough for a real move, narrow enough to catch typing errors. */
export const DATE_WINDOW = {
  arrivalYearsBack: 1,
  arrivalYearsAhead: 2,
  permitYearsBack: 10,
} as const;

let lastLimits: { asOf: LocalDate; limits: ReturnType<typeof computeLimits> } | undefined;

/** The window for each date, on a day (kept for the last day asked: every answer that day has the same). */
export function dateLimits(asOf: LocalDate) {
  if (lastLimits?.asOf !== asOf) lastLimits = { asOf, limits: Object.freeze(computeLimits(asOf)) };
  return lastLimits.limits;
}

function computeLimits(asOf: LocalDate) {
  return {
    arrivalMin: addYears(asOf, -DATE_WINDOW.arrivalYearsBack),
    arrivalMax: addYears(asOf, DATE_WINDOW.arrivalYearsAhead),
    permitMin: addYears(asOf, -DATE_WINDOW.permitYearsBack),
    permitMax: asOf,
  };
}

export function validateAnswers(raw: RawAnswers, ctx: AnswerContext): Validation {
  const errors: FieldError[] = [];
  const limits = dateLimits(ctx.asOf);

  const citizenships = checkCitizenships('citizenships', raw.citizenships, ctx, errors);
  const movingFrom = checkMovingFrom(raw.movingFrom, ctx, errors);
  const purpose = isOneOf(PURPOSES, raw.purpose) ? raw.purpose : undefined;
  if (purpose === undefined) errors.push(choiceError('purpose', raw.purpose));
  const scheme = optionalChoice('scheme', SCHEMES, raw.scheme, errors);
  const profession = optionalChoice('profession', PROFESSIONS, raw.profession, errors);
  const leftUkraine = optionalChoice('leftUkraine', LEFT_UKRAINE, raw.leftUkraine, errors);
  const pdu2 = optionalBoolean('pdu2', raw.pdu2, errors);
  const pdu2Date = pdu2 === true
    ? optionalDate('pdu2Date', raw.pdu2Date, limits.arrivalMin, limits.arrivalMax, errors)
    : undefined;
  const stay = isOneOf(STAYS, raw.stay) ? raw.stay : undefined;
  if (stay === undefined) errors.push(choiceError('stay', raw.stay));

  const hasResidencePermit = optionalBoolean('hasResidencePermit', raw.hasResidencePermit, errors);
  const residencePermitDate = hasResidencePermit === true
    ? optionalDate('residencePermitDate', raw.residencePermitDate, limits.permitMin, limits.permitMax, errors)
    : undefined;
  const arrivalDate = optionalDate('arrivalDate', raw.arrivalDate, limits.arrivalMin, limits.arrivalMax, errors);
  const moveInDate = optionalDate('moveInDate', raw.moveInDate, limits.arrivalMin, limits.arrivalMax, errors);
  if (arrivalDate && moveInDate && moveInDate < arrivalDate) {
    errors.push({ field: 'moveInDate', code: 'move-in-before-arrival', params: { arrival: arrivalDate } });
  }
  const postalCode = checkPostalCode(raw.postalCode, ctx, errors);
  const partner = optionalBoolean('partner', raw.partner, errors);
  // A person who comes to join a family member is asked about the children who come with them, not about a partner
  // who moves too: the partner they join is the family member (or lives here already).
  if (partner === true && (raw.purpose === 'accompanying-family' || raw.purpose === 'family-reunification')) {
    errors.push({ field: 'partner', code: 'partner-with-family-purpose' });
  }
  const partnerCitizenships = partner === true && raw.partnerCitizenships !== undefined && raw.partnerCitizenships !== null
    ? checkCitizenships('partnerCitizenships', raw.partnerCitizenships, ctx, errors)
    : undefined;
  const childrenAges = checkChildrenAges(raw.childrenAges, MAX_HOUSEHOLD - 1 - (partner === true ? 1 : 0), errors);

  if (errors.length > 0 || citizenships === undefined || purpose === undefined || stay === undefined) {
    return { ok: false, errors };
  }
  const answers: PlanAnswers = { citizenships, purpose, stay, childrenAges };
  if (movingFrom) answers.movingFrom = movingFrom;
  if (scheme) answers.scheme = scheme;
  if (profession) answers.profession = profession;
  if (leftUkraine) answers.leftUkraine = leftUkraine;
  if (pdu2 !== undefined) answers.pdu2 = pdu2;
  if (pdu2Date) answers.pdu2Date = pdu2Date;
  if (partnerCitizenships) answers.partnerCitizenships = partnerCitizenships;
  if (hasResidencePermit !== undefined) answers.hasResidencePermit = hasResidencePermit;
  if (residencePermitDate) answers.residencePermitDate = residencePermitDate;
  if (arrivalDate) answers.arrivalDate = arrivalDate;
  if (moveInDate) answers.moveInDate = moveInDate;
  if (postalCode) answers.postalCode = postalCode;
  if (partner !== undefined) answers.partner = partner;
  return { ok: true, answers };
}

function choiceError(field: AnswerField, value: unknown): FieldError {
  return value === undefined || value === null || value === ''
    ? { field, code: 'required' }
    : { field, code: 'not-a-choice' };
}

function optionalChoice<T extends string>(field: AnswerField, list: readonly T[], value: unknown, errors: FieldError[]): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isOneOf(list, value)) return value;
  errors.push({ field, code: 'not-a-choice' });
  return undefined;
}

/** The country a person moves from: any country but Denmark (a person who lives here already names the one before). */
function checkMovingFrom(value: unknown, ctx: AnswerContext, errors: FieldError[]): string | undefined {
  const field = 'movingFrom';
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ field, code: typeof value === 'string' ? 'required' : 'not-a-country' });
    return undefined;
  }
  const code = value.trim().toUpperCase();
  if (!ctx.isCountry(code)) {
    errors.push({ field, code: 'unknown-country', params: { value: value.slice(0, 20) } });
    return undefined;
  }
  if (code === 'DK') {
    errors.push({ field, code: 'moving-from-denmark' });
    return undefined;
  }
  return code;
}

function checkCitizenships(field: AnswerField, value: unknown, ctx: AnswerContext, errors: FieldError[]): string[] | undefined {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    errors.push({ field, code: 'required' });
    return undefined;
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    errors.push({ field, code: 'not-a-country-list' });
    return undefined;
  }
  if (value.length > MAX_CITIZENSHIPS) {
    errors.push({ field, code: 'too-many-citizenships', params: { max: MAX_CITIZENSHIPS } });
    return undefined;
  }
  const codes: string[] = [];
  for (const item of value as string[]) {
    const code = item.trim().toUpperCase();
    if (!ctx.isCountry(code)) {
      errors.push({ field, code: 'unknown-country', params: { value: item.slice(0, 20) } });
      return undefined;
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

function optionalBoolean(field: AnswerField, value: unknown, errors: FieldError[]): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  errors.push({ field, code: 'not-yes-or-no' });
  return undefined;
}

function optionalDate(
  field: AnswerField, value: unknown, min: LocalDate, max: LocalDate, errors: FieldError[],
): LocalDate | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = typeof value === 'string' ? parseLocalDate(value) : null;
  if (!date) {
    errors.push({ field, code: 'invalid-date' });
    return undefined;
  }
  if (date < min) {
    errors.push({ field, code: 'date-too-early', params: { min } });
    return undefined;
  }
  if (date > max) {
    errors.push({ field, code: field === 'residencePermitDate' ? 'permit-date-in-future' : 'date-too-late', params: { max } });
    return undefined;
  }
  return date;
}

function checkPostalCode(value: unknown, ctx: AnswerContext, errors: FieldError[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const field = 'postalCode';
  const code = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
  if (code === null || !/^\d{4}$/.test(code)) {
    errors.push({ field, code: 'postal-code-format' });
    return undefined;
  }
  if (!ctx.isPostalCode(code)) {
    errors.push({ field, code: 'unknown-postal-code', params: { value: code } });
    return undefined;
  }
  return code;
}

function checkChildrenAges(value: unknown, max: number, errors: FieldError[]): number[] {
  if (value === undefined || value === null) return [];
  const field = 'childrenAges';
  if (!Array.isArray(value)) {
    errors.push({ field, code: 'not-an-age-list' });
    return [];
  }
  if (value.length > max) {
    errors.push({ field, code: 'too-many-children', params: { max, household: MAX_HOUSEHOLD } });
    return [];
  }
  for (const age of value) {
    if (typeof age !== 'number' || !Number.isInteger(age) || age < 0) {
      errors.push({ field, code: 'child-age-not-whole' });
      return [];
    }
    if (age > MAX_CHILD_AGE) {
      errors.push({ field, code: 'child-age-adult', params: { max: MAX_CHILD_AGE } });
      return [];
    }
  }
  return [...(value as number[])].sort((a, b) => a - b);
}
