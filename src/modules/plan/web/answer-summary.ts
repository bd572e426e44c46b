/**
 * The rows of "check your answers": each relevant question, the answer in words, and a link to change it.
 */
import type { Lang } from '../app/read-model.js';
import { parseLocalDate } from '../../../kernel/dates/local-date.js';
import {
  ARRIVAL_UNKNOWN, DATE_UNKNOWN, type FlowAnswers, type FlowContext, NO_HOME_YET, POSTCODE_UNKNOWN, type QuestionId,
  relevantQuestions,
} from '../app/read-model.js';
import { formatDate } from '../../../kernel/i18n/format.js';
import { type PlanDeps } from '../deps.js';
import { answersQuery, withQuery } from './flow-query.js';
import { questionTitle } from './views/question-page.js';
import type { View } from '../../../platform/views/view.js';

export interface AnswerRow {
  id: QuestionId;
  question: string;
  answer: string;
  changeHref: string;
}

export function answerRows(deps: PlanDeps, view: View, a: FlowAnswers, ctx: FlowContext, query = answersQuery(a, view.lang)): AnswerRow[] {
  return relevantQuestions(a, ctx).map((id) => ({
    id,
    question: questionTitle(view, id),
    answer: answerText(deps, view, id, a),
    changeHref: withQuery(`/plan/${id}`, query),
  }));
}

function dateText(value: string | undefined, lang: Lang, unknown: string, unknownText: string): string {
  if (value === undefined || value === unknown) return unknownText;
  const date = parseLocalDate(value);
  return date ? formatDate(date, lang) : value;
}

function answerText(deps: PlanDeps, view: View, id: QuestionId, a: FlowAnswers): string {
  const { t, lang } = view;
  const unknown = t('check.unknown');
  const country = (code: string) => {
    const c = deps.rules.countries.byCode.get(code);
    return c ? c[lang] : code;
  };
  const choice = (prefix: string, value: string | undefined) => (value ? t(`${prefix}.${value}`) : '');
  switch (id) {
    case 'citizenship': return a.citizenship.map(country).join(', ');
    case 'partner-citizenship': return a.partnerCitizenship.map(country).join(', ');
    case 'moving-from': return a.movingFrom ? country(a.movingFrom) : '';
    case 'left-ukraine': return choice('q.leftUkraine', a.leftUkraine);
    case 'scheme': return choice('q.scheme', a.scheme);
    case 'profession': return choice('q.profession', a.profession);
    case 'pdu2': return a.pdu2 === 'yes' ? t('yes') : t('no');
    case 'pdu2-date': return dateText(a.pdu2Date, lang, DATE_UNKNOWN, t('q.pdu2Date.unknown'));
    case 'purpose': return a.purpose ? t(`q.purpose.${a.purpose}`) : '';
    case 'stay': return a.stay ? t(`q.stay.${a.stay}`) : '';
    case 'permit': return a.permit === 'yes' ? t('q.permit.yes') : t('q.permit.no');
    case 'permit-date': return dateText(a.permitDate, lang, '', unknown);
    case 'arrival': return dateText(a.arrival, lang, ARRIVAL_UNKNOWN, t('q.arrival.unknown'));
    case 'move-in': return dateText(a.moveIn, lang, NO_HOME_YET, t('q.moveIn.unknown'));
    case 'postcode': {
      if (!a.postcode || a.postcode === POSTCODE_UNKNOWN) return t('q.postcode.unknown');
      const postal = deps.offices.postalAreas.get(a.postcode);
      return postal ? `${postal.code} ${postal.name}` : a.postcode;
    }
    case 'partner': return a.partner === 'yes' ? t('yes') : t('no');
    case 'children': return a.children === 'yes' ? t('yes') : t('no');
    case 'children-ages': return t('answer.ages', { ages: a.age.join(', ') });
  }
}
