/** What the plan's web layer reads of the domain: the answers, the questionnaire, the plan and the guides it renders. */
export { GROUPS, LANGS, LEFT_UKRAINE, MAX_CHILDREN, OUTCOMES, PROFESSIONS, PURPOSES, SCHEMES, STAYS, isOneOf } from '../domain/answers.js';
export type { Lang } from '../domain/answers.js';
export type { Plan, PlanOffice, PlanStep } from '../domain/plan.js';
export { ARRIVAL_UNKNOWN, DATE_UNKNOWN, NO_HOME_YET, POSTCODE_UNKNOWN, QUESTIONS, QUESTION_IDS, invalidQuestions, isQuestionId, nextQuestion, previousQuestion, pruneAnswers, relevantQuestions, toRawAnswers } from '../domain/questionnaire.js';
export type { FlowAnswers, FlowContext, FlowTarget, QuestionId } from '../domain/questionnaire.js';
export { stepGuide } from '../domain/step-guide.js';
export type { StepGuide } from '../domain/step-guide.js';
export { validateAnswers } from '../domain/validate-answers.js';
export type { FieldError } from '../domain/validate-answers.js';
