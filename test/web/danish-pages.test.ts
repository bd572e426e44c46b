/**
 * No English left in a Danish page: the Danish plan pages of many kinds of people (families, every group and reason)
 * hold none of the English texts of the steps, documents, places and interface words. Citations of English pages
 * (source titles) are marked lang="en", as WCAG 3.1.2 asks, and left out of the check.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadContent } from '../../src/platform/i18n/content.js';
import { ROOT } from '../../src/server.js';
import { join } from 'node:path';
import { testApp, testDeps } from '../helpers.js';
import { LANGS, type Lang } from '../../src/kernel/i18n/locales.js';

let app: FastifyInstance;
before(async () => { app = await testApp(); });
after(async () => { await app.close(); });

const PEOPLE = [
  'citizenship=IN&movingFrom=IN&purpose=work&scheme=pay-limit&profession=health&stay=over-6-months&permit=no&arrival=2027-03-01&moveIn=2027-03-03&postcode=8000&partner=yes&partnerCitizenship=IN&children=yes&age=4&age=9&age=15',
  'citizenship=DE&movingFrom=DE&purpose=work&profession=regulated&stay=over-6-months&arrival=2027-02-01&moveIn=2027-02-01&postcode=5000&partner=yes&partnerCitizenship=IN&children=yes&age=3',
  'citizenship=UA&movingFrom=PL&purpose=ukraine-special-act&leftUkraine=before-2022-02-01&stay=over-6-months&permit=no&arrival=unknown&moveIn=not-yet&postcode=none&partner=no&children=yes&age=7',
  'citizenship=SY&movingFrom=TR&purpose=refugee&stay=over-6-months&permit=yes&permitDate=2026-11-10&arrival=2026-11-20&moveIn=2026-11-20&postcode=6700&partner=yes&partnerCitizenship=SY&children=no',
  'citizenship=CH&movingFrom=CH&purpose=self-employed&profession=not-sure&stay=over-6-months&arrival=2027-02-01&moveIn=2027-02-01&postcode=2200&partner=no&children=no',
  'citizenship=PL&movingFrom=PL&purpose=job-seeking&profession=none&pdu2=yes&pdu2Date=2027-03-01&stay=3-to-6-months&arrival=2027-03-02&moveIn=2027-03-05&postcode=9000&partner=no&children=no',
  'citizenship=FR&movingFrom=FR&purpose=work&profession=none&stay=under-3-months',
  'citizenship=SE&movingFrom=US&purpose=study&stay=3-to-6-months&arrival=2027-01-20&moveIn=2027-01-20&postcode=6400&partner=no&children=no',
  'citizenship=US&movingFrom=US&purpose=research&scheme=researcher&profession=none&stay=over-6-months&permit=no&arrival=2027-02-01&moveIn=not-yet&postcode=none&partner=no&children=no',
  'citizenship=PH&movingFrom=PH&purpose=family-reunification&stay=over-6-months&permit=yes&permitDate=2026-09-15&arrival=2026-10-20&moveIn=2026-10-20&postcode=1620&children=no',
];

/** The English texts a page in another language must not hold: every step's, document's and place's, and the interface's words. */
function englishTexts(lang: Exclude<Lang, 'en'>): string[] {
  const { rules } = testDeps();
  const texts = new Set<string>();
  for (const step of rules.steps) {
    const { en, [lang]: da } = step.text;
    for (const key of ['title', 'summary', 'deadline', 'due', 'how'] as const) if (en[key] && en[key] !== da[key]) texts.add(en[key]!);
    for (const v of step.variants ?? []) for (const key of ['title', 'summary', 'deadline', 'due', 'how'] as const) {
      const text = v.text.en[key];
      if (text && text !== v.text[lang][key]) texts.add(text);
    }
    if (step.check) texts.add(step.check.en);
  }
  for (const doc of rules.documents.values()) texts.add(doc.name.en);
  for (const place of rules.places.values()) texts.add(place.text.en);
  for (const [, entry] of Object.entries(loadContent(join(ROOT, 'content')).ui)) if (entry.en !== entry[lang] && entry.en.split(' ').length >= 3) texts.add(entry.en);
  // Texts with placeholders: the literal part before the first one.
  return [...texts].map((t) => t.split('{')[0]!.trim()).filter((t) => t.split(' ').length >= 3);
}

/** The page's own text: tags, parts marked as English (citations) and the link to the English page taken out. */
function danishText(html: string): string {
  return html
    .replace(/<a [^>]*lang="en"[^>]*>[\s\S]*?<\/a>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'").replace(/&#34;|&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('pages in Danish and Ukrainian', () => {
  for (const lang of LANGS.filter((l): l is Exclude<Lang, 'en'> => l !== 'en')) it(`hold none of the English texts in ${lang}, for ten kinds of people and their families`, async () => {
    const english = englishTexts(lang);
    assert.ok(english.length > 200, `only ${english.length} English texts to look for`);
    // The same look at the English page finds them: the check can see English when it is there.
    const en = danishText((await app.inject({ url: `/plan/result?${PEOPLE[0]}` })).body);
    assert.ok(english.filter((e) => en.includes(e)).length > 50, 'the English page holds English texts');
    assert.match(en, /\b(the|your|you)\b/);
    for (const query of PEOPLE) {
      const res = await app.inject({ url: `/plan/result?${query}&lang=${lang}` });
      assert.equal(res.statusCode, 200, query);
      assert.match(res.body, new RegExp(`<html lang="${lang}">`));
      const text = danishText(res.body);
      const left = english.filter((e) => text.includes(e));
      assert.deepEqual(left, [], `English in the ${lang} plan for ${query}`);
      assert.doesNotMatch(text, /\b(the|your|you|and|with|before|after)\b/, `an English word in the ${lang} plan for ${query}`);
    }
  });

  it('mark the titles of English sources as English', async () => {
    const res = await app.inject({ url: `/plan/result?${PEOPLE[0]}&lang=da` });
    assert.match(res.body, /<a href="https:\/\/[^"]+" rel="noreferrer" lang="en">/);
  });
});
