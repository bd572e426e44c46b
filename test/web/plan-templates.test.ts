/**
 * The plan page and the plan API's answer are written from kept templates once their shape comes a second time
 * (plan-page.tsx, plan-json.ts). Every page and answer written that way must be the very one written directly, for
 * people who share a shape and differ in what is personal: dates (so deadlines and order), postal code (so offices
 * and booking links), family, language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../../src/adapters/clock/system-clock.js';
import { planJsonTemplates } from '../../src/web/plan-json.js';
import { planPageTemplates } from '../../src/web/views/plan-page.js';
import { TEST_NOW, testApp } from '../helpers.js';

// Two days: the templates are kept across apps (per plan shape), and a page says the day it was made.
let today: FastifyInstance;
let tomorrow: FastifyInstance;
before(async () => {
  today = await testApp();
  tomorrow = await testApp({}, { clock: fixedClock(new Date(Date.parse(TEST_NOW) + 86_400_000).toISOString()) });
});
after(async () => {
  planPageTemplates.enabled = true;
  planJsonTemplates.enabled = true;
  await today.close();
  await tomorrow.close();
});

/**
 * A fixed sample of answers: groups of people who share a shape (the same situation, municipality and language)
 * and differ in their dates (so deadlines and often the order), their postal code within the municipality (so
 * sometimes the office and the booking links) and whether they know when they move in.
 */
function sample(): string[] {
  const people = [
    'citizenship=IN&purpose=work&stay=over-6-months&permit=yes&permitDate=2026-10-01',
    'citizenship=IN&purpose=study&stay=over-6-months&permit=no',
    'citizenship=IN&purpose=family-reunification&stay=over-6-months&permit=yes&permitDate=2026-11-20',
    'citizenship=UA&purpose=ukraine-special-act&stay=over-6-months&permit=yes&permitDate=2026-09-15',
    'citizenship=SE&purpose=work&stay=over-6-months',
    'citizenship=SE&purpose=study&stay=3-to-6-months',
    'citizenship=DE&purpose=job-seeking&stay=3-to-6-months',
    'citizenship=DE&purpose=work&stay=over-6-months',
    'citizenship=BR&purpose=au-pair&stay=over-6-months&permit=no',
    'citizenship=FR&purpose=work&stay=under-3-months',
  ];
  const families = ['partner=no&children=no', 'partner=yes&children=yes&age=4', 'partner=no&children=yes&age=9&age=16'];
  const places = [['8000', '8200', '8210'], ['2200', '2100', '2300'], ['6400', '6400', '6400']];
  // All before the next change of the rules' parameters, so the shapes stay the same; an unknown arrival too.
  const arrivals = ['2026-12-01', '2027-01-10', '2027-02-15', 'unknown'];
  const urls: string[] = [];
  people.forEach((person, p) => {
    for (const [a, arrival] of arrivals.entries()) for (const offset of [0, 3, 40, 200]) {
      const day = new Date(`${arrival === 'unknown' ? '2027-01-05' : arrival}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + offset);
      const moveIn = day.toISOString().slice(0, 10);
      const postcode = places[p % places.length]![(a + offset + 3) % 3]!;
      const family = families[(p + a) % families.length]!;
      urls.push(`/plan/result?${person}&arrival=${arrival}&moveIn=${moveIn}&postcode=${postcode}&${family}${p % 3 === 1 ? '&lang=da' : ''}`);
    }
  });
  return urls;
}

describe('the plan page from templates', () => {
  it('is the page written directly, for every person, however often their shape comes', async () => {
    const urls = sample();
    const key = (res: { statusCode: number; headers: Record<string, unknown>; body: string }) => `${res.statusCode} ${res.headers.location ?? ''} ${res.body}`;
    planPageTemplates.enabled = false;
    const expected = new Map<string, string>();
    for (const app of [today, tomorrow]) for (const url of urls) expected.set(`${app === today}${url}`, key(await app.inject({ url })));
    const plans = [...expected.values()].filter((v) => v.startsWith('200 ')).length;
    assert.ok(plans >= 300, `only ${plans} plans in the sample`);

    planPageTemplates.enabled = true;
    // Rounds in different orders, on both days: a shape is seen, then kept, then used, by people other than the first.
    const rounds = [urls, [...urls].reverse(), urls.filter((_, i) => i % 2).concat(urls.filter((_, i) => i % 2 === 0))];
    for (const app of [today, tomorrow, today]) for (const round of rounds) for (const url of round) {
      assert.equal(key(await app.inject({ url })), expected.get(`${app === today}${url}`), url);
    }
  });

  it('gives the answer written directly from the API, for every person, however often their shape comes', async () => {
    const bodies = sample().map((url) => {
      const q = new URLSearchParams(url.split('?')[1]);
      const body: Record<string, unknown> = {
        citizenships: q.getAll('citizenship'), purpose: q.get('purpose'), stay: q.get('stay'),
        partner: q.get('partner') === 'yes', childrenAges: q.getAll('age').map(Number), lang: q.get('lang') ?? 'en',
      };
      if (q.get('permit')) body.hasResidencePermit = q.get('permit') === 'yes';
      if (q.get('permitDate')) body.residencePermitDate = q.get('permitDate');
      if (q.get('arrival') !== 'unknown') body.arrivalDate = q.get('arrival');
      if (q.get('stay') !== 'under-3-months') body.moveInDate = q.get('moveIn');
      if (q.get('postcode') !== 'none') body.postalCode = q.get('postcode');
      return JSON.stringify(body);
    });
    const post = (app: FastifyInstance, payload: string) => app.inject({ method: 'POST', url: '/api/v1/plan', payload, headers: { 'content-type': 'application/json' } });
    planJsonTemplates.enabled = false;
    const expected = new Map<string, string>();
    for (const app of [today, tomorrow]) for (const body of bodies) {
      const res = await post(app, body);
      expected.set(`${app === today}${body}`, `${res.statusCode} ${res.body}`);
    }
    assert.ok([...expected.values()].filter((v) => v.startsWith('200 ')).length >= 300);
    planJsonTemplates.enabled = true;
    for (const app of [today, tomorrow, today]) for (const round of [bodies, [...bodies].reverse()]) for (const body of round) {
      const res = await post(app, body);
      assert.equal(`${res.statusCode} ${res.body}`, expected.get(`${app === today}${body}`), body);
    }
  });
});
