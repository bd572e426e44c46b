/**
 * A step's guide: what the catalogue says about it for everyone, by citizenship group, without a person's dates.
 * The first content of the knowledge base.
 */
import type { Lang } from './answers.js';
import type { LocalDate } from '../../../kernel/dates/local-date.js';
import type { Rules } from './rules/rules.js';
import { type FillContext, fillText } from './rules/text-template.js';
import type { PlanSource } from './plan.js';

export const GUIDE_GROUPS = ['nordic', 'eu-eea', 'swiss', 'other'] as const;

export interface StepGuide {
  id: string;
  title: string;
  summary: string;
  intro: string;
  deadlineRule: string;
  how: string | null;
  groups: { group: (typeof GUIDE_GROUPS)[number]; text: string }[];
  authority: { name: string; url: string };
  where: string;
  documents: string[];
  sources: PlanSource[];
  check: { text: string; url: string } | null;
}

export function stepGuide(rules: Rules, id: string, lang: Lang, onDate: LocalDate): StepGuide | null {
  const step = rules.stepsById.get(id);
  if (!step) return null;
  const fill: FillContext = { lang, onDate, parameters: rules.parameters };
  const text = step.text[lang];
  const authority = rules.authorities.get(step.authority);
  const place = rules.places.get(step.where);
  const documents = new Set<string>();
  for (const ref of [...step.documents, ...(step.variants ?? []).flatMap((v) => v.documents ?? [])]) {
    const doc = rules.documents.get(ref.id);
    if (doc) documents.add(fillText(doc.name[lang], fill));
  }
  return {
    id,
    title: fillText(text.title, fill),
    summary: fillText(text.summary, fill),
    intro: fillText(text.guide.intro, fill),
    deadlineRule: fillText(text.deadline, fill),
    how: text.how ? fillText(text.how, fill) : null,
    groups: GUIDE_GROUPS.map((group) => ({ group, text: fillText(text.guide.groups[group], fill) })),
    authority: { name: authority?.name[lang] ?? '', url: authority?.url ?? '' },
    where: place ? fillText(place.text[lang], fill) : '',
    documents: [...documents],
    sources: step.sources.map((s) => ({ title: s.title, url: s.url, checked: s.checked })),
    check: step.check ? { text: fillText(step.check[lang], fill), url: step.check.url } : null,
  };
}
