/**
 * The plan API against the real app (app.inject): the contract other tools rely on, and clear 400s.
 */
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { CONTRACT_STEP_IDS } from '../../src/modules/plan/domain/rules/rules.js';
import { PlanResponse } from '../../src/modules/plan/web/plan-schemas.js';
import { testApp } from '../helpers.js';

let app: FastifyInstance;
before(async () => { app = await testApp(); });
after(async () => { await app.close(); });

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/plan', payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });

describe('POST /api/v1/plan', () => {
  it('returns the plan with every field of the contract', async () => {
    const res = await post({ citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', arrivalDate: '2027-01-04', moveInDate: '2027-01-04', postalCode: '8000' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.outcome, 'plan');
    assert.equal(body.group, 'nordic');
    assert.ok(body.steps.length > 5);
    for (const step of body.steps) {
      for (const key of ['id', 'title', 'required', 'deadline', 'deadlineRule', 'dependsOn', 'authority', 'documents', 'where', 'sources']) {
        assert.ok(key in step, `step ${step.id} lacks ${key}`);
      }
      assert.ok(step.sources.every((s: { url: string; checked: string }) => s.url && /^\d{4}-\d{2}-\d{2}$/.test(s.checked)));
    }
    const address = body.steps.find((s: { id: string }) => s.id === 'address-registration');
    assert.equal(address.deadline, '2027-01-09');
    assert.equal(address.where.municipality.name, 'Aarhus');
  });

  it('writes JSON that matches the response schema in the OpenAPI document, for many kinds of people', async () => {
    const ajv = new Ajv({ strict: false });
    (addFormats as unknown as (a: Ajv) => Ajv)(ajv);
    const validate = ajv.compile(PlanResponse);
    const people = [
      { citizenships: ['IN'], purpose: 'work', stay: 'over-6-months', hasResidencePermit: true, residencePermitDate: '2026-10-01', arrivalDate: '2027-01-10', moveInDate: '2027-01-12', postalCode: '8000', partner: true, childrenAges: [4] },
      { citizenships: ['UA'], purpose: 'ukraine-special-act', stay: 'over-6-months', childrenAges: [8, 12], lang: 'da' },
      { citizenships: ['FR'], purpose: 'work', stay: 'under-3-months' },
      { citizenships: ['DK'], purpose: 'other', stay: 'not-sure' },
      { citizenships: ['PL'], movingFrom: 'PL', purpose: 'job-seeking', profession: 'not-sure', pdu2: true, pdu2Date: '2027-03-01', stay: '3-to-6-months', arrivalDate: '2027-03-02' },
      { citizenships: ['IN'], movingFrom: 'DE', purpose: 'research', scheme: 'researcher', profession: 'health', stay: 'over-6-months', partner: true, partnerCitizenships: ['FR'], childrenAges: [0, 13, 16] },
    ];
    for (const person of people) {
      const res = await post(person);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^application\/json/);
      const body = res.json();
      assert.ok(validate(body), JSON.stringify(validate.errors));
    }
  });

  it('answers in Danish when asked', async () => {
    const res = await post({ citizenships: ['DE'], purpose: 'study', stay: 'over-6-months', lang: 'da' });
    assert.equal(res.statusCode, 200);
    const doc = res.json().steps.find((s: { id: string }) => s.id === 'eu-residence-document');
    assert.match(doc.title, /EU-opholdsdokument/);
  });

  it('gives the short outcome for stays under 3 months and a kind no for Danish citizens', async () => {
    const short = (await post({ citizenships: ['FR'], purpose: 'work', stay: 'under-3-months' })).json();
    assert.equal(short.outcome, 'short-stay');
    assert.ok(short.steps.some((s: { id: string }) => s.id === 'tax-card'));
    const danish = (await post({ citizenships: ['DK'], purpose: 'work', stay: 'over-6-months' })).json();
    assert.deepEqual([danish.outcome, danish.group, danish.steps], ['not-for-ics', 'danish', []]);
  });

  const bad: [string, unknown, string][] = [
    ['an unknown country', { citizenships: ['XX'], purpose: 'work', stay: 'over-6-months' }, 'citizenships'],
    ['no citizenship', { citizenships: [], purpose: 'work', stay: 'over-6-months' }, 'citizenships'],
    ['31 February', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', arrivalDate: '2027-02-31' }, 'arrivalDate'],
    ['year 1800', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', arrivalDate: '1800-01-01' }, 'arrivalDate'],
    ['year 9999', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', moveInDate: '9999-01-01' }, 'moveInDate'],
    ['a missing answer', { citizenships: ['SE'], purpose: 'work' }, 'stay'],
    ['a wrong type', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', partner: 'yes' }, 'partner'],
    ['a number as text', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', childrenAges: ['4'] }, 'childrenAges.0'],
    ['an unknown purpose', { citizenships: ['SE'], purpose: 'tourism', stay: 'over-6-months' }, 'purpose'],
    ['an unknown field', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', colour: 'blue' }, 'colour'],
    ['a hostile string', { citizenships: ['<script>alert(1)</script>'], purpose: 'work', stay: 'over-6-months' }, 'citizenships.0'],
    ['a foreign postal code', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', postalCode: '0001' }, 'postalCode'],
    ['an adult child', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', childrenAges: [19] }, 'childrenAges.0'],
    ['a child of 18', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', childrenAges: [4, 18] }, 'childrenAges.1'],
    ['movingFrom that is not a country', { citizenships: ['SE'], movingFrom: 'XX', purpose: 'work', stay: 'over-6-months' }, 'movingFrom'],
    ['movingFrom Denmark', { citizenships: ['SE'], movingFrom: 'DK', purpose: 'work', stay: 'over-6-months' }, 'movingFrom'],
    ['movingFrom as a number', { citizenships: ['SE'], movingFrom: 46, purpose: 'work', stay: 'over-6-months' }, 'movingFrom'],
    ['a family of 13', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', partner: true, childrenAges: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, 'childrenAges'],
    ['an unknown scheme', { citizenships: ['IN'], purpose: 'work', scheme: 'golden-visa', stay: 'over-6-months' }, 'scheme'],
    ['an unknown partner citizenship', { citizenships: ['IN'], purpose: 'work', stay: 'over-6-months', partner: true, partnerCitizenships: ['QQ'] }, 'partnerCitizenships'],
    ['a PD U2 date that is not a date', { citizenships: ['PL'], purpose: 'job-seeking', pdu2: true, pdu2Date: '2027-13-45', stay: '3-to-6-months' }, 'pdu2Date'],
    ['moving in before arriving', { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', arrivalDate: '2027-01-10', moveInDate: '2027-01-09' }, 'moveInDate'],
    ['a partner who moves along with a person who joins family', { citizenships: ['PH'], purpose: 'family-reunification', stay: 'over-6-months', partner: true }, 'partner'],
  ];
  for (const [what, payload, field] of bad) {
    it(`answers 400 naming the field for ${what}`, async () => {
      const res = await post(payload);
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.ok(body.errors.some((e: { field: string }) => e.field === field), `no error for ${field}: ${res.body}`);
      assert.ok(body.message.length > 0);
      assert.doesNotMatch(res.body, /<script>/, 'hostile input is not echoed');
    });
  }

  it('says what is wrong in words, naming the answer', async () => {
    const family = await post({ citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', partner: true, childrenAges: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] });
    assert.match(family.json().message, /childrenAges: A plan covers at most 12 people who move together, you included: enter no more than 10 children/);
    const moveIn = await post({ citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', arrivalDate: '2027-01-10', moveInDate: '2027-01-09' });
    assert.match(moveIn.json().message, /moveInDate: The date you move in must be on or after the day you arrive \(10 January 2027\)/);
    const denmark = await post({ citizenships: ['SE'], movingFrom: 'DK', purpose: 'work', stay: 'over-6-months', lang: 'da' });
    assert.match(denmark.json().message, /movingFrom: Vælg det land, du boede i før Danmark/);
  });

  it('gives each family member their own steps, and says whose each is', async () => {
    const body = (await post({ citizenships: ['DE'], movingFrom: 'DE', purpose: 'work', stay: 'over-6-months', partner: true, partnerCitizenships: ['IN'], childrenAges: [3] })).json();
    const keys = body.steps.map((s: { key: string }) => s.key);
    for (const key of ['eu-residence-document', 'eu-family-residence-card@partner', 'eu-residence-document@child-1', 'cpr-registration@partner']) assert.ok(keys.includes(key), key);
    assert.equal(new Set(keys).size, keys.length, 'every key once');
    const card = body.steps.find((s: { key: string }) => s.key === 'eu-family-residence-card@partner');
    assert.deepEqual(card.person, { role: 'partner', index: 0, age: null, label: 'your partner' });
    assert.deepEqual(body.people.map((p: { label: string }) => p.label), ['you', 'your partner', 'your child, 3']);
  });

  it('refuses malformed JSON, another media type and an oversized body without a 500', async () => {
    assert.equal((await post('{"citizenships": [')).statusCode, 400);
    const text = await app.inject({ method: 'POST', url: '/api/v1/plan', payload: 'hello', headers: { 'content-type': 'text/plain' } });
    assert.equal(text.statusCode, 415);
    const huge = await post({ citizenships: ['SE'], purpose: 'work', stay: 'over-6-months', postalCode: 'x'.repeat(20_000) });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().errors[0].field, 'body');
  });
});

describe('GET /api/v1/steps and the OpenAPI document', () => {
  it('says for each step who in a family can get it', async () => {
    const steps = (await app.inject({ method: 'GET', url: '/api/v1/steps' })).json().steps as { id: string; for: string[] }[];
    assert.deepEqual(steps.find((s) => s.id === 'school')?.for, ['child']);
    assert.deepEqual(steps.find((s) => s.id === 'cpr-registration')?.for, ['self', 'partner', 'child']);
    assert.deepEqual(steps.find((s) => s.id === 'unemployment-insurance')?.for, ['self']);
  });

  it('lists the whole catalogue with the contract ids', async () => {
    const res = await app.inject('/api/v1/steps?lang=da');
    assert.equal(res.statusCode, 200);
    const ids = res.json().steps.map((s: { id: string }) => s.id);
    for (const id of CONTRACT_STEP_IDS) assert.ok(ids.includes(id), id);
  });

  it('describes both routes', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths['/api/v1/plan'].post.requestBody);
    assert.ok(doc.paths['/api/v1/steps'].get);
    const request = doc.paths['/api/v1/plan'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(request.required.sort(), ['citizenships', 'purpose', 'stay']);
    assert.equal(doc.paths['/plan/{question}'], undefined, 'pages are not part of the API document');
  });

  it('publishes an OpenAPI document that a third-party validator accepts (swagger-parser, OpenAPI 3.1)', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    // Every route of the API is in it: the plan, the offices, the finder, the postal codes, and booking.
    for (const path of ['/api/v1/plan', '/api/v1/steps', '/api/v1/offices', '/api/v1/offices/{id}', '/api/v1/finder', '/api/v1/holds', '/api/v1/bookings', '/api/v1/bookings/{reference}']) {
      assert.ok(doc.paths[path], `${path} is described`);
    }
    await SwaggerParser.validate(structuredClone(doc));
  });

  it('answers 404 in JSON for an unknown API path', async () => {
    const res = await app.inject('/api/v2/plan');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().statusCode, 404);
  });
});
