/** The plan module's public face: what the composition root and the other modules may use. */
export { loadRules } from './adapters/load-rules.js';
export { addressLine } from './app/plan-offices.js';
export { LANGS, isOneOf } from './domain/answers.js';
export type { Lang } from './domain/answers.js';
export type { Rules } from './domain/rules/rules.js';
export { SourcesSchema } from './domain/rules/schema.js';
export { documentName, staticContext, stepStatic } from './domain/step-static.js';
export { dateLimits } from './domain/validate-answers.js';
export type { FieldError } from './domain/validate-answers.js';
export { registerPlanApi } from './web/api-plan.js';
export { readLang } from './web/flow-query.js';
export type { Query } from './web/flow-query.js';
export { registerPages } from './web/pages.js';
export { registerPlanPages } from './web/plan-pages.js';
export { ErrorResponse } from './web/plan-schemas.js';
export { registerQuestionnaire } from './web/questionnaire.js';
export type { PlanDeps } from './deps.js';
