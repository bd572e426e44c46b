/**
 * POST /api/v1/plan: the answers in, the plan out. GET /api/v1/steps: the catalogue.
 * Thin: parse (the schema), call the use case, answer.
 */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { makePlan } from '../app/make-plan.js';
import { type Lang, LANGS, isOneOf } from '../app/read-model.js';
import { stepGuide } from '../app/read-model.js';
import { type PlanDeps } from '../deps.js';
import { today } from '../../../platform/deps.js';
import { apiError } from '../../../platform/http/errors.js';
import { CatalogueResponse, ErrorResponse, PlanRequest, PlanResponse } from './plan-schemas.js';

export function registerPlanApi(app: FastifyInstance, deps: PlanDeps): void {
  app.post<{ Body: Type.Static<typeof PlanRequest> }>('/api/v1/plan', {
    schema: {
      summary: 'Make a personal plan from a person\'s answers',
      tags: ['plan'],
      body: PlanRequest,
      response: { 200: PlanResponse, 400: ErrorResponse },
    },
  }, async (request, reply) => {
    // The body is the answers (the language is one more field, which the check does not read).
    const lang: Lang = request.body.lang ?? 'en';
    const result = makePlan(deps, request.body, today(deps), lang);
    if (!result.ok) {
      const errors = result.errors.map((e) => ({ field: e.field, message: `${e.field}: ${deps.texts.message(lang, e)}` }));
      return apiError(reply, 400, errors.map((e) => e.message).join('; '), errors);
    }
    return reply.type('application/json; charset=utf-8').send(result.plan);
  });

  app.get<{ Querystring: { lang?: string } }>('/api/v1/steps', {
    schema: {
      summary: 'The step catalogue: every step a plan can hold',
      tags: ['plan'],
      querystring: Type.Object({ lang: Type.Optional(Type.Enum([...LANGS])) }),
      response: { 200: CatalogueResponse, 400: ErrorResponse },
    },
  }, async (request) => {
    const lang: Lang = isOneOf(LANGS, request.query.lang) ? request.query.lang : 'en';
    const date = today(deps);
    const steps = deps.rules.steps.map((step) => {
      const guide = stepGuide(deps.rules, step.id, lang, date);
      return {
        id: step.id,
        title: guide?.title ?? step.id,
        summary: guide?.summary ?? '',
        deadlineRule: guide?.deadlineRule ?? '',
        for: step.for ?? ['self'],
        appliesWhen: step.appliesWhen,
        dependsOn: step.dependsOn,
        authority: guide?.authority ?? { name: '', url: '' },
        where: guide?.where ?? '',
        guide: `/steps/${step.id}`,
        sources: step.sources.map((s) => ({ title: s.title, url: s.url, checked: s.checked })),
      };
    });
    return { lang, steps };
  });
}
