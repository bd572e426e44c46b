/**
 * The offices API and pages through the real app, at a fixed time (Wednesday 25 November 2026, 11:00 in Denmark).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { FinderResponse, OfficeDetail, OfficesResponse } from '../../src/modules/offices/web/office-schemas.js';
import { testApp } from '../helpers.js';

let app: FastifyInstance;
before(async () => { app = await testApp(); });
after(async () => { await app.close(); });
const get = (url: string) => app.inject(url);
const ajv = new Ajv({ strict: false });
(addFormats as unknown as (a: Ajv) => Ajv)(ajv);

describe('GET /api/v1/offices and /api/v1/offices/{id}', () => {
  it('lists the six centres, SIRI\'s offices and 98 Citizen Services', async () => {
    const body = (await get('/api/v1/offices')).json();
    assert.ok(ajv.validate(OfficesResponse, body), JSON.stringify(ajv.errors));
    const ids = body.offices.map((o: { id: string }) => o.id);
    for (const id of ['ics-copenhagen', 'ics-aarhus', 'ics-aalborg', 'ics-odense', 'ics-esbjerg', 'ics-sonderborg', 'siri-valby']) assert.ok(ids.includes(id), id);
    assert.equal(body.offices.filter((o: { kind: string }) => o.kind === 'citizen-service').length, 98);
    const odense = body.offices.find((o: { id: string }) => o.id === 'ics-odense');
    assert.deepEqual(odense.address, { street: 'Borgernes Hus, Østre Stationsvej 15', postalCode: '5000', city: 'Odense C' });
    assert.equal(odense.appointmentRequired, true);
    assert.match(odense.check.text, /was not available to us/);
  });

  it('says whether an office is open now, and gives 14 days of hours with the holidays', async () => {
    const res = await get('/api/v1/offices/ics-aarhus?lang=da');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.ok(ajv.validate(OfficeDetail, body), JSON.stringify(ajv.errors));
    assert.deepEqual(body.openNow, { status: 'open', closesAt: '2026-11-25T16:00:00+01:00', nextOpening: null });
    assert.equal(body.days.length, 14);
    assert.deepEqual(body.days[0], { date: '2026-11-25', status: 'open', hours: [{ opens: '2026-11-25T10:00:00+01:00', closes: '2026-11-25T16:00:00+01:00' }], reason: null });
    assert.equal(body.days.find((d: { date: string }) => d.date === '2026-12-01').status, 'closed', 'Tuesdays are closed');
  });

  it('marks 24 December closed with its name', async () => {
    const { offices } = (await import('../helpers.js')).testDeps();
    const { officeCalendar } = await import('../../src/modules/offices/app/find-offices.js');
    const { days } = officeCalendar(offices, offices.byId.get('ics-aarhus')!, new Date('2026-12-21T10:00:00Z'), 14);
    const eve = days.find((d) => d.date === '2026-12-24')!;
    assert.deepEqual([eve.status, eve.reason?.name.en], ['closed', 'Christmas Eve']);
  });

  it('answers 404 for an unknown office', async () => {
    const res = await get('/api/v1/offices/ics-tokyo');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().errors[0].field, 'id');
  });
});

describe('GET /api/v1/finder and /api/v1/postal-codes/{code}', () => {
  it('gives the office, distance and next opening for each service', async () => {
    const res = await get('/api/v1/finder?postalCode=2200');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.ok(ajv.validate(FinderResponse, body), JSON.stringify(ajv.errors));
    const cpr = body.services.find((s: { service: string }) => s.service === 'cpr-registration');
    assert.deepEqual([cpr.office.id, cpr.basis, cpr.distanceKm], ['ics-copenhagen', 'catchment', 1.9]);
    assert.deepEqual(cpr.openNow, { status: 'open', closesAt: '2026-11-25T17:00:00+01:00', nextOpening: null }, 'ICS East opens at 11:00 on Wednesdays: the first minute counts');
    assert.equal(body.services.find((s: { service: string }) => s.service === 'permit-application').office.id, 'siri-valby');
  });

  it('follows the student rule, and takes a municipality or a position instead of a postal code', async () => {
    const student = (await get('/api/v1/finder?postalCode=2000&student=true')).json();
    assert.equal(student.services[0].office.id, 'citizen-service-147');
    const byMunicipality = (await get('/api/v1/finder?municipality=400&lang=da')).json();
    assert.equal(byMunicipality.place.municipality.officialName, 'Bornholms Regionskommune');
    const byPosition = (await get('/api/v1/finder?lat=57.0488&lon=9.9217')).json();
    assert.equal(byPosition.services[0].office.id, 'ics-aalborg');
  });

  const bad: [string, number, string | RegExp][] = [
    ['/api/v1/finder?postalCode=80', 400, 'postalCode'],
    ['/api/v1/finder?postalCode=80000', 400, 'postalCode'],
    ['/api/v1/finder?postalCode=abcd', 400, 'postalCode'],
    ['/api/v1/finder?postalCode=0001', 404, 'postalCode'],
    ['/api/v1/finder?lat=55.605&lon=13.0038', 400, 'lat'],
    ['/api/v1/finder?lat=north&lon=10', 400, 'lat'],
    ['/api/v1/finder?lat=95&lon=10', 400, 'lat'],
    ['/api/v1/finder?municipality=999', 404, 'municipality'],
    ['/api/v1/finder', 400, 'postalCode'],
    ['/api/v1/postal-codes/12', 400, 'postalCode'],
    ['/api/v1/postal-codes/8001', 404, 'postalCode'],
  ];
  for (const [url, status, field] of bad) {
    it(`answers ${status} naming the field for ${url}`, async () => {
      const res = await get(url);
      assert.equal(res.statusCode, status, res.body);
      assert.ok(res.json().errors.some((e: { field: string }) => e.field === field), res.body);
    });
  }

  it('suggests the nearest valid postal codes for one that does not exist', async () => {
    const res = await get('/api/v1/postal-codes/8001?lang=da');
    assert.deepEqual(res.json().suggestions, ['7980', '7990', '8000']);
    assert.match(res.json().message, /8001 er ikke et dansk postnummer\. Mente du 7980, 7990, 8000\?/);
  });

  it('describes a postal code and the municipalities it spans', async () => {
    const body = (await get('/api/v1/postal-codes/2200')).json();
    assert.deepEqual([body.name, body.municipality.officialName, body.otherMunicipalities[0].name], ['København N', 'Copenhagen Municipality', 'Frederiksberg']);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of ['/api/v1/offices', '/api/v1/offices/{id}', '/api/v1/finder', '/api/v1/postal-codes/{code}']) assert.ok(doc.paths[path]?.get, path);
  });
});

describe('the plan names the office', () => {
  it('puts the office that serves the person in each in-person step', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/plan', payload: { citizenships: ['DE'], purpose: 'study', stay: 'over-6-months', postalCode: '2000' } });
    const steps = res.json().steps as { id: string; where: { office: { id: string; basis: string } | null } }[];
    assert.equal(steps.find((s) => s.id === 'cpr-registration')?.where.office?.id, 'citizen-service-147', 'a student in Frederiksberg');
    assert.equal(steps.find((s) => s.id === 'eu-residence-document')?.where.office?.id, 'siri-valby');
    assert.equal(steps.find((s) => s.id === 'tax-card')?.where.office, null, 'online steps name no office');
  });
});

describe('the office pages', () => {
  it('list the offices, show one with its week, and find offices by postal code', async () => {
    assert.match((await get('/offices')).body, /ICS West, Aarhus/);
    const aarhus = await get('/offices/ics-aarhus?lang=da');
    assert.match(aarhus.body, /Åbent nu, lukker kl\. 16:00/);
    assert.match(aarhus.body, /<svg viewBox="[^"]+" role="img" aria-label="Kort over Danmark med ICS Vest, Aarhus"/);
    const finder = await get('/offices/finder?postcode=8000');
    assert.match(finder.body, /Offices for 8000 Aarhus C \(Aarhus Municipality\)/);
  });

  it('show the DKFDS error summary for a bad postal code, with the right status', async () => {
    const format = await get('/offices/finder?postcode=12');
    assert.equal(format.statusCode, 400);
    assert.match(format.body, /data-module="error-summary"[\s\S]*href="#postcode"/);
    const unknown = await get('/offices/finder?postcode=8001');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /Did you mean 7980, 7990, 8000\?/);
    const abroad = await get('/offices/finder?lat=55.605&lon=13.0038');
    assert.equal(abroad.statusCode, 400);
    assert.match(abroad.body, /not in Denmark/);
  });

  it('mark holidays and office closing days in the week shown', async () => {
    const { fixedClock } = await import('../../src/platform/clock/system-clock.js');
    const christmas = await testApp({}, { clock: fixedClock('2026-12-21T10:00:00Z') });
    const body = (await christmas.inject('/offices/ics-aarhus?lang=da')).body;
    assert.match(body, /torsdag den 24\. december 2026<\/span><\/th><td><span>Lukket<\/span><span class="hours-reason"> \(Juleaftensdag\)<\/span>/);
    assert.match(body, /fredag den 25\. december 2026<\/span><\/th><td><span>Lukket<\/span><span class="hours-reason"> \(Juledag\)/);
    await christmas.close();
  });

  it('serve the outline of Denmark as a cacheable SVG', async () => {
    const res = await get('/map/denmark.svg');
    assert.equal(res.headers['content-type'], 'image/svg+xml');
    assert.match(res.body, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"><path d="M/);
  });
});
