/**
 * The pages, through the real app (app.inject): the questionnaire's answers, errors in the DKFDS style,
 * both languages, the plan and its calendar file, and the security headers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers.js';

let app: FastifyInstance;
before(async () => { app = await testApp(); });
after(async () => { await app.close(); });

const get = (url: string) => app.inject({ method: 'GET', url });
const INDIAN = 'citizenship=IN&purpose=work&stay=over-6-months&permit=yes&permitDate=2026-10-01&arrival=2027-01-10&moveIn=2027-01-12&postcode=8000&partner=yes&children=yes&age=4';

describe('the questionnaire pages', () => {
  it('sends each answer on to the next question, keeping every answer in the address', async () => {
    const steps: [string, string][] = [
      ['/plan/citizenship?answer=citizenship&citizenship=IN', '/plan/purpose?citizenship=IN'],
      ['/plan/purpose?citizenship=IN&answer=purpose&purpose=work', '/plan/stay?citizenship=IN&purpose=work'],
      ['/plan/stay?citizenship=IN&purpose=work&answer=stay&stay=over-6-months', '/plan/permit?citizenship=IN&purpose=work&stay=over-6-months'],
      ['/plan/permit?citizenship=IN&purpose=work&stay=over-6-months&answer=permit&permit=yes', '/plan/permit-date?citizenship=IN&purpose=work&stay=over-6-months&permit=yes'],
      ['/plan/permit-date?citizenship=IN&purpose=work&stay=over-6-months&permit=yes&answer=permit-date&permit-date-day=1&permit-date-month=10&permit-date-year=2026',
        '/plan/arrival?citizenship=IN&purpose=work&stay=over-6-months&permit=yes&permitDate=2026-10-01'],
      ['/plan/arrival?citizenship=IN&purpose=work&stay=over-6-months&permit=no&answer=arrival&unknown=1', '/plan/move-in?citizenship=IN&purpose=work&stay=over-6-months&permit=no&arrival=unknown'],
    ];
    for (const [url, location] of steps) {
      const res = await get(url);
      assert.equal(res.statusCode, 303, `${url}: ${res.statusCode}`);
      assert.equal(res.headers.location, location);
    }
  });

  it('shows the DKFDS error summary and the field message, with status 400, for a missing answer', async () => {
    const res = await get('/plan/purpose?citizenship=SE&answer=purpose');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /data-module="error-summary"/);
    assert.match(res.body, /<a href="#purpose" class="function-link">Choose why you are moving to Denmark<\/a>/);
    assert.match(res.body, /class="form-group form-error"/);
    assert.match(res.body, /<title>Error: Why are you moving to Denmark\?/);
  });

  it('explains each kind of wrong date on the date pages', async () => {
    const base = '/plan/arrival?citizenship=SE&purpose=work&stay=over-6-months&answer=arrival';
    const cases: [string, RegExp][] = [
      ['&arrival-day=31&arrival-month=2&arrival-year=2027', /Enter a real date/],
      ['&arrival-day=1&arrival-month=1&arrival-year=1800', /The date must be 25 November 2025 or later/],
      ['&arrival-day=1&arrival-month=1&arrival-year=9999', /The date must be 25 November 2028 or earlier/],
      ['&arrival-day=1&arrival-month=&arrival-year=2027', /Enter a day, a month and a year/],
      ['', /Enter the date you arrive, or choose/],
      ['&arrival-day=x&arrival-month=1&arrival-year=2027', /Enter a real date/],
    ];
    for (const [input, message] of cases) {
      const res = await get(base + input);
      assert.equal(res.statusCode, 400, input);
      assert.match(res.body, message, input);
      assert.match(res.body, /href="#arrival-day"/);
    }
  });

  it('refuses moving in before arriving, and unknown or badly formed postal codes, in words', async () => {
    const moveIn = await get('/plan/move-in?citizenship=SE&purpose=work&stay=over-6-months&arrival=2027-01-10&answer=move-in&move-in-day=9&move-in-month=1&move-in-year=2027');
    assert.equal(moveIn.statusCode, 400);
    assert.match(moveIn.body, /must be on or after the day you arrive \(10 January 2027\)/);
    const format = await get('/plan/postcode?citizenship=SE&purpose=work&stay=over-6-months&arrival=unknown&moveIn=not-yet&answer=postcode&postcode=12');
    assert.match(format.body, /Enter a postal code of 4 digits/);
    const unknown = await get('/plan/postcode?citizenship=SE&purpose=work&stay=over-6-months&arrival=unknown&moveIn=not-yet&answer=postcode&postcode=0001&lang=da');
    assert.match(unknown.body, /0001 er ikke et dansk postnummer/);
  });

  it('adds and removes citizenships and children without losing answers', async () => {
    const added = await get('/plan/citizenship?answer=citizenship&citizenship=GB&add=1');
    assert.equal(added.statusCode, 200);
    assert.equal((added.body.match(/name="citizenship"/g) ?? []).length, 2);
    assert.match(added.body, /<option value="GB" selected>/);
    const removed = await get('/plan/children-ages?citizenship=SE&purpose=work&stay=over-6-months&arrival=unknown&moveIn=not-yet&postcode=none&partner=no&children=yes&answer=children-ages&age=3&age=7&remove=0');
    assert.equal(removed.statusCode, 200);
    assert.match(removed.body, /value="7"/);
    assert.doesNotMatch(removed.body, /name="age"[^>]*value="3"/);
  });

  it('redirects a question that does not apply to the next one that does', async () => {
    const res = await get('/plan/permit?citizenship=DE&purpose=study&stay=over-6-months');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/plan/arrival?citizenship=DE&purpose=study&stay=over-6-months');
  });

  it('shows every answer on the check page with a change link to its question', async () => {
    const res = await get(`/plan/check?${INDIAN}`);
    assert.equal(res.statusCode, 200);
    for (const text of ['India', 'To work for an employer', '1 October 2026', '8000 Aarhus C', '4 years']) assert.ok(res.body.includes(text), text);
    assert.match(res.body, /href="\/plan\/postcode\?citizenship=IN/);
    assert.match(res.body, /href="\/plan\/result\?citizenship=IN/);
  });
});

describe('the plan page', () => {
  it('shows the steps in order with the person\'s deadlines, in English and Danish', async () => {
    const en = await get(`/plan/result?${INDIAN}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<h1>Your plan for moving to Denmark<\/h1>/);
    assert.match(en.body, /Sunday 17 January 2027/);
    assert.ok(en.body.indexOf('id="step-address-registration"') < en.body.indexOf('id="step-cpr-registration"'));
    assert.match(en.body, /Aarhus Municipality/);
    const da = await get(`/plan/result?${INDIAN}&lang=da`);
    assert.match(da.body, /<html lang="da">/);
    assert.match(da.body, /søndag den 17\. januar 2027/);
    assert.match(da.body, /Aarhus Kommune/);
  });

  it('sends an unfinished questionnaire back to the first unanswered question', async () => {
    const res = await get('/plan/result?citizenship=IN&purpose=work');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/plan/stay?citizenship=IN&purpose=work');
  });

  it('tells a Danish citizen kindly that ICS is not for them', async () => {
    const res = await get('/plan/result?citizenship=DK');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /ICS is not for Danish citizens/);
  });

  it('offers a calendar file with one all-day event per deadline', async () => {
    const res = await get(`/plan/calendar.ics?${INDIAN}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/calendar/);
    assert.match(res.body, /^BEGIN:VCALENDAR\r\n/);
    assert.match(res.body, /DTSTART;VALUE=DATE:20270117\r\n/);
    assert.match(res.body, /UID:address-registration-2027-01-17@ics-plan/);
    assert.equal((res.body.match(/BEGIN:VEVENT/g) ?? []).length, 3);
    assert.match(res.body, /BEGIN:VALARM/);
  });
});

describe('every page', () => {
  it('sends strict security headers and no referrer', async () => {
    const res = await get('/plan/citizenship');
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('serves DKFDS and our assets from our own origin, with caching', async () => {
    for (const url of ['/dkfds/css/dkfds.min.css', '/dkfds/js/dkfds.min.js', '/assets/app.js', '/assets/app.css', '/dkfds/img/all-svg-icons.svg']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['cache-control'] as string, /max-age=86400/, url);
    }
    const page = await get('/');
    assert.doesNotMatch(page.body, /https?:\/\/[^"]*\.(css|js)"/, 'nothing from another origin');
  });

  it('has a language switch that keeps the answers', async () => {
    const res = await get(`/plan/check?${INDIAN}`);
    assert.match(res.body, /<a class="lang-link d-print-none" href="\/plan\/check\?citizenship=IN[^"]*&lang=da" lang="da"/);
  });

  it('answers unknown pages with a DKFDS 404 page, and serves the guides', async () => {
    const missing = await get('/steps/no-such-step');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /Page not found/);
    const guide = await get('/steps/eu-residence-document?lang=da');
    assert.equal(guide.statusCode, 200);
    assert.match(guide.body, /Schweiziske borgere/);
  });

  it('answers the health check', async () => {
    const res = await get('/healthz');
    assert.deepEqual([res.statusCode, res.json()], [200, { status: 'ok' }]);
  });
});
