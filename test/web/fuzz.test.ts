/**
 * Random and hostile input, thrown at the API and at the questionnaire pages: never a 500, and never a
 * hostile string echoed into a page unescaped.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { PURPOSES, STAYS } from '../../src/modules/plan/domain/answers.js';
import { QUESTION_IDS } from '../../src/modules/plan/domain/questionnaire.js';
import { testApp } from '../helpers.js';

let app: FastifyInstance;
before(async () => { app = await testApp({ maxHoldsPerClient: 1_000_000, bookingRateLimitMax: 1_000_000 }); });
after(async () => { await app.close(); });

const HOSTILE = [
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' OR 1=1 --", '../../etc/passwd', '\u0000', '\u202e',
  '{{7*7}}', '${7*7}', '%00', 'A'.repeat(5000), '2027-02-31', '9999-12-31', '1800-01-01', '-1', '1e309', 'NaN',
  '__proto__', 'constructor', '🇩🇰', 'DK\n', ' SE ', 'se',
];
const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: 'grapheme' }));
const anyValue = fc.oneof(hostile, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(fc.oneof(hostile, fc.integer()), { maxLength: 6 }), fc.dictionary(hostile, hostile, { maxKeys: 3 }));
const KEYS = ['citizenships', 'purpose', 'stay', 'hasResidencePermit', 'residencePermitDate', 'arrivalDate', 'moveInDate', 'postalCode', 'partner', 'childrenAges', 'lang', '__proto__', 'constructor'];
const nearlyValid = fc.record({
  citizenships: fc.oneof(fc.constant(['SE']), fc.array(fc.oneof(fc.constantFrom('SE', 'IN', 'DK', 'CH', 'GB'), hostile), { maxLength: 6 }), anyValue),
  purpose: fc.oneof(fc.constantFrom(...PURPOSES), anyValue),
  stay: fc.oneof(fc.constantFrom(...STAYS), anyValue),
  hasResidencePermit: anyValue,
  residencePermitDate: anyValue,
  arrivalDate: fc.oneof(fc.constantFrom('2027-01-10', '2026-02-29', '2028-02-29'), anyValue),
  moveInDate: anyValue,
  postalCode: fc.oneof(fc.constantFrom('8000', '0001', '2200'), anyValue),
  partner: anyValue,
  childrenAges: fc.oneof(fc.array(fc.integer({ min: -5, max: 40 }), { maxLength: 15 }), anyValue),
  lang: fc.oneof(fc.constantFrom('en', 'da'), anyValue),
}, { requiredKeys: [] });
const body = fc.oneof(
  nearlyValid,
  fc.dictionary(fc.constantFrom(...KEYS), anyValue),
  anyValue,
  fc.jsonValue(),
);

/** Random and hostile query strings on these pages: never a 500, and nothing hostile echoed as markup. */
async function pagesHoldUp(page: fc.Arbitrary<string>, query: fc.Arbitrary<Record<string, string | string[]>>, numRuns: number): Promise<void> {
  await fc.assert(fc.asyncProperty(page, query, async (path, q) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
    const res = await app.inject(`${path}?${params.toString()}`);
    assert.ok(res.statusCode < 500, `${res.statusCode} for ${path}?${params.toString().slice(0, 300)}`);
    // Inside a quoted attribute "<" is harmless text; anywhere else it would be markup.
    const outsideAttributes = res.body.replace(/="[^"]*"/g, '=""');
    assert.doesNotMatch(outsideAttributes, /<script>alert|<img src=x/, `unescaped input on ${path}`);
  }), { numRuns });
}

describe('fuzzing', () => {
  it('POST /api/v1/plan never answers 500, whatever the body', async () => {
    await fc.assert(fc.asyncProperty(body, async (payload) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/plan', payload: JSON.stringify(payload) ?? 'null', headers: { 'content-type': 'application/json' } });
      assert.ok(res.statusCode === 200 || res.statusCode === 400, `${res.statusCode} for ${JSON.stringify(payload)?.slice(0, 300)}: ${res.body.slice(0, 300)}`);
      if (res.statusCode === 400) assert.ok(res.json().errors.length > 0);
    }), { numRuns: 600 });
  });

  it('POST /api/v1/plan never answers 500 for raw bytes and odd content types', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', ''), async (raw, type) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/plan', payload: raw, headers: type ? { 'content-type': type } : {} });
      assert.ok(res.statusCode < 500, `${res.statusCode} for ${type} ${JSON.stringify(raw)}: ${res.body.slice(0, 200)}`);
    }), { numRuns: 300 });
  });

  it('the offices API and pages never answer 500, whatever the query', async () => {
    const value = fc.oneof(hostile, fc.integer({ min: -1000, max: 100000 }).map(String), fc.double().map(String), fc.constantFrom('8000', '0001', '400', '751', '56.15', '10.2', 'true', 'da'));
    const path = fc.constantFrom('/api/v1/finder', '/offices/finder', '/api/v1/offices', '/offices', '/api/v1/offices/ics-aarhus', '/offices/ics-odense', '/api/v1/postal-codes/8000');
    const keys = fc.constantFrom('postalCode', 'postcode', 'municipality', 'lat', 'lon', 'student', 'lang');
    await fc.assert(fc.asyncProperty(path, fc.dictionary(keys, value, { maxKeys: 5 }), fc.oneof(hostile, fc.constantFrom('ics-aarhus', '8000')), async (p, q, segment) => {
      const url = `${p.endsWith('8000') || p.endsWith('ics-aarhus') ? p.replace(/[^/]+$/, encodeURIComponent(segment)) : p}?${new URLSearchParams(q).toString()}`;
      const res = await app.inject(url);
      assert.ok(res.statusCode < 500, `${res.statusCode} for ${url}`);
      const outsideAttributes = res.body.replace(/="[^"]*"/g, '=""');
      assert.doesNotMatch(outsideAttributes, /<script>alert|<img src=x/, `unescaped input on ${url}`);
    }), { numRuns: 400 });
  });

  it('question, check, plan and calendar pages never answer 500 and never echo hostile text unescaped', async () => {
    const query = fc.dictionary(
      fc.constantFrom('citizenship', 'purpose', 'stay', 'permit', 'permitDate', 'arrival', 'moveIn', 'postcode', 'partner', 'children', 'age', 'lang', 'answer', 'add', 'remove', 'unknown', 'arrival-day', 'arrival-month', 'arrival-year', 'move-in-day', 'permit-date-year'),
      fc.oneof(hostile, fc.array(hostile, { maxLength: 4 }), fc.constantFrom('SE', 'IN', 'yes', 'no', 'work', 'over-6-months', '1', '8000', ...QUESTION_IDS)),
      { maxKeys: 8 },
    );
    const page = fc.constantFrom(...QUESTION_IDS.map((q) => `/plan/${q}`), '/plan/check', '/plan/result', '/plan/calendar.ics', '/', '/steps', '/steps/mitid');
    await pagesHoldUp(page, query, 500);
  });

  it('the booking pages never answer 500 and never echo hostile text unescaped', async () => {
    const query = fc.dictionary(
      fc.constantFrom('service', 'office', 'people', 'postcode', 'deadline', 'step', 'date', 'lang', 'token', 'done'),
      fc.oneof(hostile, fc.array(hostile, { maxLength: 3 }), fc.constantFrom('cpr-registration', 'guidance', 'mitid', 'ics-copenhagen', 'ics-odense', '2', '0', '9', '2026-11-30', '2026-11-20', 'address-registration', 'da')),
      { maxKeys: 7 },
    );
    const page = fc.constantFrom('/book', '/book/office', '/book/people', '/book/time', '/book/details/AAAAAAAAAAAAAAAAAAAAAA', '/booking/K7RM-4PXT', '/booking/K7RM-4PXT/cancel',
      '/booking/K7RM-4PXT/reschedule', '/booking/K7RM-4PXT/calendar.ics', '/booking/find', '/book/attempt/T-AAAA-AAAA', '/booking/%3Cscript%3E');
    await pagesHoldUp(page, query, 400);
  });

  it('the booking API never answers 500, whatever the body', async () => {
    const start = fc.oneof(hostile, fc.constantFrom('2026-11-30T09:00:00+01:00', '2026-11-30T08:00:00Z', '2026-11-30T09:00:00'));
    const holdBody = fc.oneof(
      fc.record({ officeId: fc.oneof(fc.constantFrom('ics-copenhagen', 'ics-odense'), hostile), service: fc.oneof(fc.constantFrom('cpr-registration', 'mitid'), hostile), start, people: fc.oneof(fc.integer({ min: -3, max: 60 }), anyValue) }, { requiredKeys: [] }),
      anyValue, fc.jsonValue(),
    );
    const bookBody = fc.oneof(
      fc.record({ holdId: fc.oneof(hostile, fc.constant('AAAAAAAAAAAAAAAAAAAAAA')), name: anyValue, email: fc.oneof(hostile, fc.emailAddress()), language: fc.oneof(fc.constantFrom('en', 'da'), anyValue), phone: anyValue }, { requiredKeys: [] }),
      anyValue,
    );
    const target = fc.oneof(
      fc.tuple(fc.constant('/api/v1/holds'), holdBody),
      fc.tuple(fc.constant('/api/v1/bookings'), bookBody),
      fc.tuple(fc.constantFrom('/api/v1/bookings/K7RM-4PXT/cancel', '/api/v1/bookings/%3Cx%3E/reschedule', '/api/v1/bookings/K7RM-4PXT/reschedule', '/api/v1/bookings/K7RM-4PXT/link'), fc.oneof(fc.record({ start }), anyValue)),
    );
    await fc.assert(fc.asyncProperty(target, fc.oneof(fc.constant(''), hostile.map((h) => `Bearer ${h}`)), async ([url, payload], auth) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      // eslint-disable-next-line no-control-regex
      if (auth && !/[\r\n\u0000-\u001f\u007f-\uffff]/.test(auth)) headers.authorization = auth;
      const res = await app.inject({ method: 'POST', url, payload: JSON.stringify(payload) ?? 'null', headers });
      assert.ok(res.statusCode < 500, `${res.statusCode} for ${url} ${JSON.stringify(payload)?.slice(0, 300)}: ${res.body.slice(0, 300)}`);
      if (res.statusCode >= 400) assert.ok(Array.isArray(res.json().errors), 'every refusal lists its fields');
    }), { numRuns: 500 });
  });
});
