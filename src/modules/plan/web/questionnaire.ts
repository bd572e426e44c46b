/**
 * GET /plan/:question shows a question; the same address with `answer=<question>` takes the answer and sends
 * the person on to the next question (303), or shows the page again with the problem.
 */
import type { Lang } from '../app/read-model.js';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { type FieldError, validateAnswers } from '../app/read-model.js';
import { type LocalDate, parseLocalDate } from '../../../kernel/dates/local-date.js';
import {
  type FlowAnswers, type FlowContext, type FlowTarget, QUESTIONS, type QuestionId, invalidQuestions, isQuestionId,
  nextQuestion, previousQuestion, pruneAnswers, toRawAnswers,
} from '../app/read-model.js';
import { type PlanDeps, flowContext, sortedCountries } from '../deps.js';
import { makeView, today } from '../../../platform/deps.js';
import { type Query, answerPairs, answersQuery, readAnswers, readLang, withQuery } from './flow-query.js';
import type { ShownError } from '../../../platform/views/form.js';
import { type QuestionModel, QuestionPage } from './views/question-page.js';
import { html } from '../../../platform/views/view.js';
import { readQuestionInput } from './question-input.js';

const QuestionQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));

export function targetUrl(target: FlowTarget, answers: FlowAnswers, lang: Lang): string {
  const path = target === 'check' ? '/plan/check' : target === 'result' ? '/plan/result' : `/plan/${target}`;
  return withQuery(path, answersQuery(answers, lang));
}

/** The input id a summary link jumps to for each question. */
function fieldTarget(id: QuestionId): string {
  return id === 'arrival' || id === 'move-in' || id === 'permit-date' || id === 'pdu2-date' ? `${id}-day` : id;
}

/** The answers' problems, as the check of the plan finds them, and the questions they belong to. */
export function answerProblems(deps: PlanDeps, answers: FlowAnswers, ctx: FlowContext, asOf: LocalDate): { errors: FieldError[]; invalid: Set<QuestionId> } {
  const checked = validateAnswers(toRawAnswers(answers, ctx), {
    asOf,
    isCountry: (code) => deps.rules.countries.byCode.has(code),
    isPostalCode: (code) => deps.offices.postalAreas.has(code),
  });
  const errors = checked.ok ? [] : checked.errors;
  return { errors, invalid: invalidQuestions(answers, errors.map((e) => e.field)) };
}

export function registerQuestionnaire(app: FastifyInstance, deps: PlanDeps): void {
  app.get<{ Params: { question: string }; Querystring: Query }>('/plan/:question', {
    schema: { hide: true, params: Type.Object({ question: Type.String({ maxLength: 40 }) }), querystring: QuestionQuery },
  }, async (request, reply) => {
    const { question } = request.params;
    if (question === 'check' || question === 'result' || !isQuestionId(question)) return reply.callNotFound();
    const query = request.query;
    const lang = readLang(query);
    const asOf = today(deps);
    const ctx = flowContext(deps, asOf);
    const answers = readAnswers(query);
    const problems = answerProblems(deps, pruneAnswers(answers, ctx), ctx, asOf);
    if (!QUESTIONS[question].relevant(answers, ctx)) return reply.redirect(targetUrl(nextQuestion(answers, ctx, problems.invalid), pruneAnswers(answers, ctx), lang), 303);

    const model: QuestionModel = { id: question, backHref: '', hidden: [], errors: [], fieldError: undefined };
    if (query.answer === question) {
      const input = readQuestionInput(question, query, answers);
      let error = input.error;
      if (!error && !input.redisplay) {
        const fields: string[] = QUESTIONS[question].answerFields;
        error = answerProblems(deps, input.answers, ctx, asOf).errors.find((e) => fields.includes(e.field));
      }
      if (!error && !input.redisplay) {
        const kept = pruneAnswers(input.answers, ctx);
        return reply.redirect(targetUrl(nextQuestion(kept, ctx, answerProblems(deps, kept, ctx, asOf).invalid), kept, lang), 303);
      }
      if (error) {
        model.fieldError = deps.texts.message(lang, error);
        model.errors = [{ href: `#${fieldTarget(question)}`, message: model.fieldError } satisfies ShownError];
        reply.code(400);
      }
      if (input.date) model.date = input.date;
      if (input.text !== undefined) model.text = input.text;
      if (input.list) model.list = input.list;
    } else {
      prefill(model, question, answers);
      // An answer in the address that cannot be used (an edited link): the question shows its problem.
      const fields: string[] = QUESTIONS[question].answerFields;
      const given = QUESTIONS[question].answered(answers);
      const problem = !given ? undefined : problems.errors.find((e) => fields.includes(e.field))
        ?? (problems.invalid.has(question) ? { field: question, code: 'not-a-choice' } : undefined);
      if (problem) {
        model.fieldError = deps.texts.message(lang, problem);
        model.errors = [{ href: `#${fieldTarget(question)}`, message: model.fieldError }];
        reply.code(400);
      }
    }
    const others = { ...answers };
    for (const key of QUESTIONS[question].keys) delete (others as Partial<FlowAnswers>)[key];
    if (question === 'citizenship') others.citizenship = [];
    if (question === 'partner-citizenship') others.partnerCitizenship = [];
    if (question === 'children-ages') others.age = [];
    model.hidden = answerPairs(others);
    if (lang !== 'en') model.hidden.push(['lang', lang]);
    const previous = previousQuestion(question, answers, ctx);
    model.backHref = previous ? targetUrl(previous, answers, lang) : lang === 'en' ? '/' : '/?lang=da';
    if (question === 'citizenship' || question === 'partner-citizenship') model.countries = sortedCountries(deps, lang);
    if (question === 'moving-from') model.countries = sortedCountries(deps, lang).filter((c) => c.code !== 'DK');
    const view = makeView(deps, lang, (l) => withQuery(`/plan/${question}`, answersQuery(answers, l)));
    return reply.type('text/html; charset=utf-8').send(html(QuestionPage({ view, model })));
  });
}

/** Shows the answer already given, when a person comes back to change it. */
function prefill(model: QuestionModel, id: QuestionId, a: FlowAnswers): void {
  switch (id) {
    case 'citizenship': model.list = a.citizenship; return;
    case 'partner-citizenship': model.list = a.partnerCitizenship; return;
    case 'children-ages': model.list = a.age; return;
    case 'moving-from': if (a.movingFrom) model.text = a.movingFrom; return;
    case 'purpose': case 'stay': case 'permit': case 'partner': case 'children': case 'scheme': case 'profession': case 'pdu2':
      if (a[id] !== undefined) model.choice = a[id];
      return;
    case 'left-ukraine': if (a.leftUkraine !== undefined) model.choice = a.leftUkraine; return;
    case 'postcode': if (a.postcode && /^\d{4}$/.test(a.postcode)) model.text = a.postcode; return;
    case 'permit-date': case 'pdu2-date': case 'arrival': case 'move-in': {
      const value = id === 'permit-date' ? a.permitDate : id === 'pdu2-date' ? a.pdu2Date : id === 'arrival' ? a.arrival : a.moveIn;
      const date = value ? parseLocalDate(value) : null;
      if (date) model.date = { day: String(Number(date.slice(8, 10))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) };
    }
  }
}
