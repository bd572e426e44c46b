/**
 * The questionnaire as data: its questions in order, when each is relevant, and a pure `nextQuestion`.
 * Answers live in the page address (the query string), so nothing personal is kept on the server.
 * The next question is always the first relevant one not yet answered; when none is left, "check".
 */
import type { Group, RawAnswers } from './answers.js';

export interface FlowAnswers {
  citizenship: string[];
  movingFrom?: string;
  purpose?: string;
  leftUkraine?: string;
  scheme?: string;
  profession?: string;
  pdu2?: string;
  pdu2Date?: string;
  stay?: string;
  permit?: string;
  permitDate?: string;
  arrival?: string;
  moveIn?: string;
  postcode?: string;
  partner?: string;
  partnerCitizenship: string[];
  children?: string;
  age: string[];
}

export const QUESTION_IDS = [
  'citizenship', 'moving-from', 'purpose', 'left-ukraine', 'scheme', 'profession', 'pdu2', 'pdu2-date', 'stay',
  'permit', 'permit-date', 'arrival', 'move-in', 'postcode', 'partner', 'partner-citizenship', 'children',
  'children-ages',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];
export type FlowTarget = QuestionId | 'check' | 'result';

export const ARRIVAL_UNKNOWN = 'unknown';
export const DATE_UNKNOWN = 'unknown';
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
const isOther = (a: FlowAnswers, ctx: FlowContext) => notDanish(a, ctx) && ctx.groupOf(a.citizenship) === 'other';
const needsPermitQuestion = (a: FlowAnswers, ctx: FlowContext) => staysLong(a, ctx) && isOther(a, ctx);
const purposeIn = (...purposes: string[]) => (a: FlowAnswers, ctx: FlowContext) => notDanish(a, ctx) && a.purpose !== undefined && purposes.includes(a.purpose);
/** A family member who comes to join someone is asked about their own children, not about a partner who moves too. */
const bringsPartner = (a: FlowAnswers, ctx: FlowContext) => staysLong(a, ctx) && !purposeIn('accompanying-family', 'family-reunification')(a, ctx);
const has = (key: keyof FlowAnswers) => (a: FlowAnswers) => {
  const value = a[key];
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
};

export const QUESTIONS: Readonly<Record<QuestionId, Question>> = {
  citizenship: { keys: ['citizenship'], answerFields: ['citizenships'], relevant: () => true, answered: has('citizenship') },
  'moving-from': { keys: ['movingFrom'], answerFields: ['movingFrom'], relevant: (a) => a.citizenship.length > 0, answered: has('movingFrom') },
  purpose: { keys: ['purpose'], answerFields: ['purpose'], relevant: notDanish, answered: has('purpose') },
  'left-ukraine': { keys: ['leftUkraine'], answerFields: ['leftUkraine'], relevant: purposeIn('ukraine-special-act'), answered: has('leftUkraine') },
  scheme: {
    keys: ['scheme'], answerFields: ['scheme'], relevant: (a, ctx) => isOther(a, ctx) && purposeIn('work', 'research')(a, ctx), answered: has('scheme'),
  },
  profession: {
    keys: ['profession'], answerFields: ['profession'], relevant: purposeIn('work', 'self-employed', 'research', 'job-seeking'), answered: has('profession'),
  },
  pdu2: {
    keys: ['pdu2'], answerFields: ['pdu2'], relevant: (a, ctx) => !isOther(a, ctx) && purposeIn('job-seeking')(a, ctx), answered: has('pdu2'),
  },
  'pdu2-date': {
    keys: ['pdu2Date'], answerFields: ['pdu2Date'], relevant: (a, ctx) => QUESTIONS.pdu2.relevant(a, ctx) && a.pdu2 === 'yes', answered: has('pdu2Date'),
  },
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
  partner: { keys: ['partner'], answerFields: ['partner'], relevant: bringsPartner, answered: has('partner') },
  'partner-citizenship': {
    keys: ['partnerCitizenship'], answerFields: ['partnerCitizenships'], relevant: (a, ctx) => bringsPartner(a, ctx) && a.partner === 'yes', answered: has('partnerCitizenship'),
  },
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

/**
 * The first relevant question not yet answered, or answered with something that cannot be used (an edited address:
 * country XX, purpose "banana", 13th month): the person sees that question again, with its problem.
 */
export function nextQuestion(a: FlowAnswers, ctx: FlowContext, invalid: ReadonlySet<QuestionId> = new Set()): FlowTarget {
  for (const id of QUESTION_IDS) {
    const q = QUESTIONS[id];
    if (q.relevant(a, ctx) && (!q.answered(a) || invalid.has(id))) return id;
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
  const kept: FlowAnswers = { citizenship: [], partnerCitizenship: [], age: [] };
  for (const id of QUESTION_IDS) {
    if (!QUESTIONS[id].relevant(a, ctx)) continue;
    for (const key of QUESTIONS[id].keys) copyAnswer(a, kept, key);
  }
  return kept;
}

function copyAnswer(from: FlowAnswers, to: FlowAnswers, key: keyof FlowAnswers): void {
  if (key === 'citizenship' || key === 'age' || key === 'partnerCitizenship') to[key] = [...from[key]];
  else if (from[key] !== undefined) to[key] = from[key];
}

/** The answers in the form the plan takes (the same as the API's request body). */
export function toRawAnswers(a: FlowAnswers, ctx: FlowContext): RawAnswers {
  const p = pruneAnswers(a, ctx);
  // A Danish citizen is not asked why or for how long: any answer gives the same outcome.
  const danish = p.citizenship.length > 0 && ctx.groupOf(p.citizenship) === 'danish';
  const raw: RawAnswers = { citizenships: p.citizenship, purpose: danish ? 'other' : p.purpose, stay: danish ? 'not-sure' : p.stay };
  if (p.movingFrom !== undefined) raw.movingFrom = p.movingFrom;
  if (p.leftUkraine !== undefined) raw.leftUkraine = p.leftUkraine;
  if (p.scheme !== undefined) raw.scheme = p.scheme;
  if (p.profession !== undefined) raw.profession = p.profession;
  if (p.pdu2 !== undefined) raw.pdu2 = yesNo(p.pdu2);
  if (p.pdu2Date !== undefined && p.pdu2Date !== DATE_UNKNOWN) raw.pdu2Date = p.pdu2Date;
  if (p.permit !== undefined) raw.hasResidencePermit = yesNo(p.permit);
  if (p.permitDate !== undefined) raw.residencePermitDate = p.permitDate;
  if (p.arrival !== undefined && p.arrival !== ARRIVAL_UNKNOWN) raw.arrivalDate = p.arrival;
  if (p.moveIn !== undefined && p.moveIn !== NO_HOME_YET) raw.moveInDate = p.moveIn;
  if (p.postcode !== undefined && p.postcode !== POSTCODE_UNKNOWN) raw.postalCode = p.postcode;
  if (p.partner !== undefined) raw.partner = yesNo(p.partner);
  if (p.partnerCitizenship.length > 0) raw.partnerCitizenships = p.partnerCitizenship;
  raw.childrenAges = p.children === 'yes' ? p.age.map((age) => (/^\d{1,3}$/.test(age.trim()) ? Number(age) : age)) : [];
  return raw;
}

/**
 * The questions whose answers cannot be used, from the problems the answers' check found (and the yes-or-no of
 * "children", which only the questionnaire asks).
 */
export function invalidQuestions(a: FlowAnswers, fields: readonly string[]): Set<QuestionId> {
  const invalid = new Set<QuestionId>();
  for (const id of QUESTION_IDS) {
    if ((QUESTIONS[id].answerFields as string[]).some((f) => fields.includes(f))) invalid.add(id);
  }
  if (a.children !== undefined && a.children !== 'yes' && a.children !== 'no') invalid.add('children');
  return invalid;
}

function yesNo(value: string): boolean | string {
  return value === 'yes' ? true : value === 'no' ? false : value;
}
