/**
 * The questionnaire as data: its questions in order, when each is relevant, and a pure `nextQuestion`.
 * Answers live in the page address (the query string), so nothing personal is kept on the server.
 * The next question is always the first relevant one not yet answered; when none is left, "check".
 */
import type { Group, RawAnswers } from '../answers/answers.js';

export interface FlowAnswers {
  citizenship: string[];
  purpose?: string;
  stay?: string;
  permit?: string;
  permitDate?: string;
  arrival?: string;
  moveIn?: string;
  postcode?: string;
  partner?: string;
  children?: string;
  age: string[];
}

export const QUESTION_IDS = [
  'citizenship', 'purpose', 'stay', 'permit', 'permit-date', 'arrival', 'move-in', 'postcode', 'partner',
  'children', 'children-ages',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];
export type FlowTarget = QuestionId | 'check' | 'result';

export const ARRIVAL_UNKNOWN = 'unknown';
export const NO_HOME_YET = 'not-yet';
export const POSTCODE_UNKNOWN = 'none';

export interface FlowContext {
  groupOf: (citizenships: readonly string[]) => Group;
}

interface Question {
  /** The answer fields this question sets (query keys). */
  keys: (keyof FlowAnswers)[];
  /** The fields of the plan's answers whose problems belong on this question's page. */
  answerFields: (keyof RawAnswers)[];
  relevant: (a: FlowAnswers, ctx: FlowContext) => boolean;
  answered: (a: FlowAnswers) => boolean;
}

const notDanish = (a: FlowAnswers, ctx: FlowContext) => a.citizenship.length > 0 && ctx.groupOf(a.citizenship) !== 'danish';
const staysLong = (a: FlowAnswers, ctx: FlowContext) => notDanish(a, ctx) && a.stay !== undefined && a.stay !== 'under-3-months';
const needsPermitQuestion = (a: FlowAnswers, ctx: FlowContext) => staysLong(a, ctx) && ctx.groupOf(a.citizenship) === 'other';
const has = (key: keyof FlowAnswers) => (a: FlowAnswers) => {
  const value = a[key];
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
};

export const QUESTIONS: Readonly<Record<QuestionId, Question>> = {
  citizenship: { keys: ['citizenship'], answerFields: ['citizenships'], relevant: () => true, answered: has('citizenship') },
  purpose: { keys: ['purpose'], answerFields: ['purpose'], relevant: notDanish, answered: has('purpose') },
  stay: { keys: ['stay'], answerFields: ['stay'], relevant: notDanish, answered: has('stay') },
  permit: { keys: ['permit'], answerFields: ['hasResidencePermit'], relevant: needsPermitQuestion, answered: has('permit') },
  'permit-date': {
    keys: ['permitDate'],
    answerFields: ['residencePermitDate'],
    relevant: (a, ctx) => needsPermitQuestion(a, ctx) && a.permit === 'yes',
    answered: has('permitDate'),
  },
  arrival: { keys: ['arrival'], answerFields: ['arrivalDate'], relevant: staysLong, answered: has('arrival') },
  'move-in': { keys: ['moveIn'], answerFields: ['moveInDate'], relevant: staysLong, answered: has('moveIn') },
  postcode: { keys: ['postcode'], answerFields: ['postalCode'], relevant: staysLong, answered: has('postcode') },
  partner: { keys: ['partner'], answerFields: ['partner'], relevant: staysLong, answered: has('partner') },
  children: { keys: ['children'], answerFields: [], relevant: staysLong, answered: has('children') },
  'children-ages': {
    keys: ['age'],
    answerFields: ['childrenAges'],
    relevant: (a, ctx) => staysLong(a, ctx) && a.children === 'yes',
    answered: has('age'),
  },
};

export function isQuestionId(value: string): value is QuestionId {
  return (QUESTION_IDS as readonly string[]).includes(value);
}

export function nextQuestion(a: FlowAnswers, ctx: FlowContext): FlowTarget {
  for (const id of QUESTION_IDS) {
    const q = QUESTIONS[id];
    if (q.relevant(a, ctx) && !q.answered(a)) return id;
  }
  return a.citizenship.length > 0 && ctx.groupOf(a.citizenship) === 'danish' ? 'result' : 'check';
}

/** The relevant question before this one, for the back link; null on the first. */
export function previousQuestion(id: QuestionId, a: FlowAnswers, ctx: FlowContext): QuestionId | null {
  const index = QUESTION_IDS.indexOf(id);
  for (let i = index - 1; i >= 0; i--) {
    const prev = QUESTION_IDS[i];
    if (prev && QUESTIONS[prev].relevant(a, ctx)) return prev;
  }
  return null;
}

/** The questions that apply to these answers, in order: the rows of "check your answers". */
export function relevantQuestions(a: FlowAnswers, ctx: FlowContext): QuestionId[] {
  return QUESTION_IDS.filter((id) => QUESTIONS[id].relevant(a, ctx));
}

/** Keeps only the answers to relevant questions: a changed answer can make later ones irrelevant. */
export function pruneAnswers(a: FlowAnswers, ctx: FlowContext): FlowAnswers {
  const kept: FlowAnswers = { citizenship: [], age: [] };
  for (const id of QUESTION_IDS) {
    if (!QUESTIONS[id].relevant(a, ctx)) continue;
    for (const key of QUESTIONS[id].keys) copyAnswer(a, kept, key);
  }
  return kept;
}

function copyAnswer(from: FlowAnswers, to: FlowAnswers, key: keyof FlowAnswers): void {
  if (key === 'citizenship' || key === 'age') to[key] = [...from[key]];
  else if (from[key] !== undefined) to[key] = from[key];
}

/** The answers in the form the plan takes (the same as the API's request body). */
export function toRawAnswers(a: FlowAnswers, ctx: FlowContext): RawAnswers {
  const p = pruneAnswers(a, ctx);
  // A Danish citizen is not asked why or for how long: any answer gives the same outcome.
  const danish = p.citizenship.length > 0 && ctx.groupOf(p.citizenship) === 'danish';
  const raw: RawAnswers = { citizenships: p.citizenship, purpose: danish ? 'other' : p.purpose, stay: danish ? 'not-sure' : p.stay };
  if (p.permit !== undefined) raw.hasResidencePermit = yesNo(p.permit);
  if (p.permitDate !== undefined) raw.residencePermitDate = p.permitDate;
  if (p.arrival !== undefined && p.arrival !== ARRIVAL_UNKNOWN) raw.arrivalDate = p.arrival;
  if (p.moveIn !== undefined && p.moveIn !== NO_HOME_YET) raw.moveInDate = p.moveIn;
  if (p.postcode !== undefined && p.postcode !== POSTCODE_UNKNOWN) raw.postalCode = p.postcode;
  if (p.partner !== undefined) raw.partner = yesNo(p.partner);
  raw.childrenAges = p.children === 'yes' ? p.age.map((age) => (/^\d{1,3}$/.test(age.trim()) ? Number(age) : age)) : [];
  return raw;
}

function yesNo(value: string): boolean | string {
  return value === 'yes' ? true : value === 'no' ? false : value;
}
