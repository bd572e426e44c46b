/**
 * The end of the questionnaire: "check your answers", the plan itself, and the plan's calendar file.
 * All three read the answers from the address; none stores anything.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { bookableOffice } from '../../booking/index.js';
import { makePlan } from '../app/make-plan.js';
import { isBookableService } from '../../booking/index.js';
import type { PlanStep } from '../app/read-model.js';
import { type Flow, flowHref } from '../../booking/index.js';
import type { Lang } from '../app/read-model.js';
import { type FlowAnswers, QUESTIONS, type QuestionId, QUESTION_IDS, nextQuestion, pruneAnswers, relevantQuestions, toRawAnswers } from '../app/read-model.js';
import { answerRows } from './answer-summary.js';
import { planCalendar } from './calendar.js';
import { type PlanDeps, flowContext } from '../deps.js';
import { makeView, today } from '../../../platform/deps.js';
import { type Query, answersQuery, queryInLang, readAnswers, readLang, withQuery } from './flow-query.js';
import { CheckPage } from './views/check-page.js';
import type { ShownError } from '../../../platform/views/form.js';
import { type PlanBookingLink, planPage } from './views/plan-page.js';
import { html } from '../../../platform/views/view.js';
import { answerProblems, targetUrl } from './questionnaire.js';

const AnyQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));

/** The question whose page shows a problem with this field of the answers. */
function questionFor(field: string): QuestionId {
  return QUESTION_IDS.find((id) => (QUESTIONS[id].answerFields as string[]).includes(field)) ?? 'citizenship';
}

/**
 * The links from the steps done at an office to booking a time there: straight to the free days when the plan named
 * an office that can be booked here (with the party and the step's deadline), to the choice of office when the plan
 * could not name one, and none when the person's office books its own times (a Citizen Service). Several steps are
 * done at one appointment (address, CPR number, doctor): the plan offers the booking once, at the first.
 */
export function planBookingLinks(deps: PlanDeps, answers: FlowAnswers, lang: Lang): (step: PlanStep) => PlanBookingLink | null {
  const people = String(Math.min(deps.bookingConfig.maxPeople, 1 + (answers.partner === 'yes' ? 1 : 0) + (answers.children === 'yes' ? answers.age.length : 0)));
  const seen = new Set<string>();
  return (step) => {
    const service = deps.rules.stepsById.get(step.id)?.office;
    if (!service || !isBookableService(service) || seen.has(service)) return null;
    const flow: Flow = { service, people, step: step.id };
    if (step.deadline) flow.deadline = step.deadline;
    if (answers.postcode) flow.postcode = answers.postcode;
    const office = step.where.office;
    let link: PlanBookingLink | null = null;
    if (!office) link = { service, href: flowHref('/book/office', flow, ['service', 'postcode', 'people', 'deadline', 'step'], lang), office: null };
    else if (!('error' in bookableOffice(deps.booking, office.id, service))) {
      flow.office = office.id;
      link = { service, href: flowHref('/book/time', flow, ['service', 'office', 'people', 'postcode', 'deadline', 'step'], lang), office: office.name };
    }
    if (link) seen.add(service);
    return link;
  };
}

export function registerPlanPages(app: FastifyInstance, deps: PlanDeps): void {
  const prepare = (query: Query) => {
    const lang = readLang(query);
    const asOf = today(deps);
    const ctx = flowContext(deps, asOf);
    const answers = pruneAnswers(readAnswers(query), ctx);
    return { lang, asOf, ctx, answers, next: nextQuestion(answers, ctx, answerProblems(deps, answers, ctx, asOf).invalid) };
  };
  const unfinished = (reply: FastifyReply, next: ReturnType<typeof nextQuestion>, answers: FlowAnswers, lang: Lang) =>
    reply.redirect(targetUrl(next, answers, lang), 303);

  app.get<{ Querystring: Query }>('/plan/check', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    const { lang, asOf, ctx, answers, next } = prepare(request.query);
    if (next !== 'check') return unfinished(reply, next, answers, lang);
    const view = makeView(deps, lang, (l) => withQuery('/plan/check', answersQuery(answers, l)));
    const result = makePlan(deps, toRawAnswers(answers, ctx), asOf, lang);
    const errors: ShownError[] = result.ok ? [] : result.errors.map((e) => ({
      href: targetUrl(questionFor(e.field), answers, lang),
      message: deps.texts.message(lang, e),
    }));
    const last = relevantQuestions(answers, ctx).at(-1) ?? 'citizenship';
    return reply.code(result.ok ? 200 : 400).type('text/html; charset=utf-8').send(html(CheckPage({
      view,
      rows: answerRows(deps, view, answers, ctx),
      backHref: targetUrl(last, answers, lang),
      resultHref: targetUrl('result', answers, lang),
      errors,
    })));
  });

  app.get<{ Querystring: Query }>('/plan/result', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    const { lang, asOf, ctx, answers, next } = prepare(request.query);
    if (next !== 'check' && next !== 'result') return unfinished(reply, next, answers, lang);
    const result = makePlan(deps, toRawAnswers(answers, ctx), asOf, lang);
    if (!result.ok) return reply.redirect(targetUrl('check', answers, lang), 303);
    const english = answersQuery(answers, 'en');
    const query = queryInLang(english, lang);
    const view = makeView(deps, lang, (l) => withQuery('/plan/result', queryInLang(english, l)));
    const from = result.profile.from;
    return reply.type('text/html; charset=utf-8').send(planPage({
      view,
      plan: result.plan,
      rows: answerRows(deps, view, answers, ctx, query),
      query,
      bookHref: planBookingLinks(deps, answers, lang),
      danishForm: from !== undefined && (from.euEeaSwiss || from.uk),
    }));
  });

  app.get<{ Querystring: Query }>('/plan/calendar.ics', { schema: { hide: true, querystring: AnyQuery } }, async (request, reply) => {
    const { lang, asOf, ctx, answers, next } = prepare(request.query);
    const result = next === 'check' ? makePlan(deps, toRawAnswers(answers, ctx), asOf, lang) : null;
    if (!result?.ok) return reply.redirect(targetUrl(next === 'check' ? 'check' : next, answers, lang), 303);
    const planUrl = `${deps.config.publicUrl}${withQuery('/plan/result', answersQuery(answers, lang))}`;
    const body = planCalendar(result.plan, { texts: deps.texts, planUrl, now: deps.clock.now() });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="ics-plan.ics"')
      .send(body);
  });
}
