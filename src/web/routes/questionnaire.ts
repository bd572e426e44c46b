/**
 * GET /plan/:question shows a question; the same address with `answer=<question>` takes the answer and sends
 * the person on to the next question (303), or shows the page again with the problem.
 */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { validateAnswers } from '../../domain/answers/validate-answers.js';
import { parseLocalDate } from '../../domain/dates/local-date.js';
import {
  type FlowAnswers, type FlowTarget, QUESTIONS, type QuestionId, isQuestionId, nextQuestion, previousQuestion,
  pruneAnswers, toRawAnswers,
} from '../../domain/flow/questionnaire.js';
import { type AppDeps, flowContext, makeView, sortedCountries, today } from '../deps.js';
import { type Query, answerPairs, answersQuery, readAnswers, readLang, withQuery } from '../flow-query.js';
import type { ShownError } from '../views/components/form.js';
import { type QuestionModel, QuestionPage } from '../views/question-page.js';
import { html } from '../views/view.js';
import { readQuestionInput } from './question-input.js';

const QuestionQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));

export function targetUrl(target: FlowTarget, answers: FlowAnswers, lang: 'en' | 'da'): string {
  const path = target === 'check' ? '/plan/check' : target === 'result' ? '/plan/result' : `/plan/${target}`;
  return withQuery(path, answersQuery(answers, lang));
}

/** The input id a summary link jumps to for each question. */
function fieldTarget(id: QuestionId): string {
  return id === 'arrival' || id === 'move-in' || id === 'permit-date' ? `${id}-day` : id;
}

export function registerQuestionnaire(app: FastifyInstance, deps: AppDeps): void {
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
    if (!QUESTIONS[question].relevant(answers, ctx)) return reply.redirect(targetUrl(nextQuestion(answers, ctx), pruneAnswers(answers, ctx), lang), 303);

    const model: QuestionModel = { id: question, backHref: '', hidden: [], errors: [], fieldError: undefined };
    if (query.answer === question) {
      const input = readQuestionInput(question, query, answers);
      let error = input.error;
      if (!error && !input.redisplay) {
        const checked = validateAnswers(toRawAnswers(input.answers, ctx), {
          asOf,
          isCountry: (code) => deps.rules.countries.byCode.has(code),
          isPostalCode: (code) => deps.offices.postalAreas.has(code),
        });
        const fields: string[] = QUESTIONS[question].answerFields;
        error = checked.ok ? undefined : checked.errors.find((e) => fields.includes(e.field));
      }
      if (!error && !input.redisplay) {
        const kept = pruneAnswers(input.answers, ctx);
        return reply.redirect(targetUrl(nextQuestion(kept, ctx), kept, lang), 303);
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
    }
    const others = { ...answers };
    for (const key of QUESTIONS[question].keys) delete (others as Partial<FlowAnswers>)[key];
    if (question === 'citizenship') others.citizenship = [];
    if (question === 'children-ages') others.age = [];
    model.hidden = answerPairs(others);
    if (lang !== 'en') model.hidden.push(['lang', lang]);
    const previous = previousQuestion(question, answers, ctx);
    model.backHref = previous ? targetUrl(previous, answers, lang) : lang === 'en' ? '/' : '/?lang=da';
    if (question === 'citizenship') model.countries = sortedCountries(deps, lang);
    const view = makeView(deps, lang, (l) => withQuery(`/plan/${question}`, answersQuery(answers, l)));
    return reply.type('text/html; charset=utf-8').send(html(QuestionPage({ view, model })));
  });
}

/** Shows the answer already given, when a person comes back to change it. */
function prefill(model: QuestionModel, id: QuestionId, a: FlowAnswers): void {
  switch (id) {
    case 'citizenship': model.list = a.citizenship; return;
    case 'children-ages': model.list = a.age; return;
    case 'purpose': case 'stay': case 'permit': case 'partner': case 'children':
      if (a[id] !== undefined) model.choice = a[id];
      return;
    case 'postcode': if (a.postcode && /^\d{4}$/.test(a.postcode)) model.text = a.postcode; return;
    case 'permit-date': case 'arrival': case 'move-in': {
      const value = id === 'permit-date' ? a.permitDate : id === 'arrival' ? a.arrival : a.moveIn;
      const date = value ? parseLocalDate(value) : null;
      if (date) model.date = { day: String(Number(date.slice(8, 10))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) };
    }
  }
}
