/**
 * Every answer a person gives changes what they get: for each question, every two of its answers give a different
 * plan page to at least one kind of person (the answers table, which repeats the answers, is left out).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers.js';

let app: FastifyInstance;
before(async () => { app = await testApp(); });
after(async () => { await app.close(); });

/** Kinds of people, as the address of their plan; each question below is answered for them in turn. */
const PEOPLE: Record<string, string> = {
  indianWorker: 'citizenship=IN&movingFrom=IN&purpose=work&scheme=pay-limit&profession=none&stay=over-6-months&permit=no&arrival=2027-03-01&moveIn=2027-03-03&postcode=8000&partner=no&children=no',
  germanWorker: 'citizenship=DE&movingFrom=DE&purpose=work&profession=none&stay=over-6-months&arrival=2027-02-01&moveIn=2027-02-01&postcode=8000&partner=no&children=no',
  swedishStudent: 'citizenship=SE&movingFrom=SE&purpose=study&stay=3-to-6-months&arrival=2027-02-01&moveIn=2027-02-01&postcode=8000&partner=no&children=no',
  ukrainian: 'citizenship=UA&movingFrom=PL&purpose=ukraine-special-act&leftUkraine=from-2022-02-01&stay=over-6-months&permit=no&arrival=2027-01-10&moveIn=2027-01-12&postcode=none&partner=no&children=no',
  polishJobSeeker: 'citizenship=PL&movingFrom=PL&purpose=job-seeking&profession=none&pdu2=yes&pdu2Date=2027-03-01&stay=3-to-6-months&arrival=2027-03-02&moveIn=not-yet&postcode=none&partner=no&children=no',
  danish: 'citizenship=DK&movingFrom=GB',
};

/** Each question's answers (as in the address), and the people it is asked of. */
const QUESTIONS: { key: string; values: string[]; people: string[] }[] = [
  { key: 'movingFrom', values: ['SE', 'DE', 'GB', 'US'], people: ['indianWorker', 'germanWorker', 'swedishStudent', 'danish'] },
  { key: 'scheme', values: ['pay-limit', 'supplementary-pay-limit', 'fast-track', 'positive-list', 'researcher', 'other'], people: ['indianWorker'] },
  { key: 'profession', values: ['health', 'regulated', 'none', 'not-sure'], people: ['indianWorker', 'germanWorker'] },
  { key: 'pdu2', values: ['yes&pdu2Date=unknown', 'no'], people: ['polishJobSeeker'] },
  { key: 'pdu2Date', values: ['2027-03-01', '2027-03-10', 'unknown'], people: ['polishJobSeeker'] },
  { key: 'leftUkraine', values: ['from-2022-02-01', 'before-2022-02-01'], people: ['ukrainian'] },
  { key: 'stay', values: ['under-3-months', '3-to-6-months', 'over-6-months', 'not-sure'], people: ['indianWorker', 'swedishStudent', 'germanWorker'] },
  { key: 'permit', values: ['yes&permitDate=2026-11-01', 'no'], people: ['indianWorker'] },
  { key: 'arrival', values: ['2027-02-01', '2027-03-01', 'unknown'], people: ['indianWorker'] },
  { key: 'moveIn', values: ['2027-03-03', '2027-03-20', 'not-yet'], people: ['germanWorker'] },
  { key: 'moveIn', values: ['2027-03-03', '2027-03-20', 'not-yet'], people: ['indianWorker'] },
  { key: 'postcode', values: ['8000', '2200', '5000', 'none'], people: ['germanWorker'] },
  { key: 'partner', values: ['yes&partnerCitizenship=IN', 'no'], people: ['germanWorker'] },
  { key: 'partnerCitizenship', values: ['IN', 'FR', 'SE'], people: ['germanWorker'] },
  { key: 'children', values: ['yes&age=4', 'no'], people: ['indianWorker'] },
  { key: 'age', values: ['0', '4', '7', '14', '16'], people: ['indianWorker'] },
];

/** The address with one answer set (replaced when there, added when not). */
function withAnswer(query: string, key: string, value: string): string {
  const params = new URLSearchParams(query);
  params.delete(key);
  if (key === 'partnerCitizenship') params.set('partner', 'yes');
  if (key === 'age') params.set('children', 'yes');
  if (key === 'permit') params.delete('permitDate');
  if (key === 'pdu2') params.delete('pdu2Date');
  const [main, ...more] = value.split('&');
  params.set(key, main!);
  for (const pair of more) {
    const [k, v] = pair.split('=');
    params.set(k!, v!);
  }
  return params.toString();
}

/** What the person gets: the page's main part, without the table of their answers. */
async function planOf(query: string): Promise<string> {
  const res = await app.inject({ url: `/plan/result?${query}` });
  assert.equal(res.statusCode, 200, `${query}: ${res.statusCode} ${res.headers.location ?? ''}`);
  const main = /<main[^]*<\/main>/.exec(res.body)?.[0] ?? '';
  return main.replace(/<table class="table structured-list answers-list">[^]*?<\/table>/, '').replace(/href="[^"]*"/g, '');
}

describe('every answer changes what the person gets', () => {
  for (const q of QUESTIONS) {
    it(`each answer to "${q.key}" gives ${q.people.join(" or ")} another plan than every other answer to it`, async () => {
      const plans = new Map<string, string[]>();
      for (const value of q.values) {
        plans.set(value, await Promise.all(q.people.map((p) => planOf(withAnswer(PEOPLE[p]!, q.key, value)))));
      }
      for (let i = 0; i < q.values.length; i++) for (let j = i + 1; j < q.values.length; j++) {
        const a = plans.get(q.values[i]!)!;
        const b = plans.get(q.values[j]!)!;
        assert.ok(a.some((page, k) => page !== b[k]), `"${q.key}=${q.values[i]}" and "${q.key}=${q.values[j]}" give the same plan to ${q.people.join(', ')}`);
      }
    });
  }
});
