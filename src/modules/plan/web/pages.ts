/**
 * The front page and the step guides.
 */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { stepGuide } from '../app/read-model.js';
import { type PlanDeps } from '../deps.js';
import { makeView, today } from '../../../platform/deps.js';
import { type Query, readLang } from './flow-query.js';
import { StepGuidePage, StepsIndexPage } from './views/guide-pages.js';
import { HomePage } from './views/home-page.js';
import { html } from '../../../platform/views/view.js';

const LangQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])) });
const langAddress = (path: string) => (lang: string) => (lang === 'en' ? path : `${path}?lang=${lang}`);

export function registerPages(app: FastifyInstance, deps: PlanDeps): void {
  app.get<{ Querystring: Query }>('/', { schema: { hide: true, querystring: LangQuery } }, async (request, reply) => {
    const view = makeView(deps, readLang(request.query), langAddress('/'));
    return reply.type('text/html; charset=utf-8').send(html(HomePage({ view })));
  });

  app.get<{ Querystring: Query }>('/steps', { schema: { hide: true, querystring: LangQuery } }, async (request, reply) => {
    const lang = readLang(request.query);
    const view = makeView(deps, lang, langAddress('/steps'));
    const date = today(deps);
    const guides = deps.rules.steps.flatMap((s) => stepGuide(deps.rules, s.id, lang, date) ?? []);
    return reply.type('text/html; charset=utf-8').send(html(StepsIndexPage({ view, guides })));
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/steps/:id', {
    schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 60 }) }), querystring: LangQuery },
  }, async (request, reply) => {
    const lang = readLang(request.query);
    const guide = stepGuide(deps.rules, request.params.id, lang, today(deps));
    if (!guide) return reply.callNotFound();
    const view = makeView(deps, lang, langAddress(`/steps/${guide.id}`));
    return reply.type('text/html; charset=utf-8').send(html(StepGuidePage({ view, guide })));
  });
}
