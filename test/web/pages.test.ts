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
const INDIAN = 'citizenship=IN&movingFrom=IN&purpose=work&scheme=pay-limit&profession=none&stay=over-6-months&permit=yes&permitDate=2026-10-01&arrival=2027-01-10&moveIn=2027-01-12&postcode=8000&partner=yes&partnerCitizenship=IN&children=yes&age=4';

describe('the questionnaire pages', () => {
  it('sends each answer on to the next question, keeping every answer in the address', async () => {
    const steps: [string, string][] = [
      ['/plan/citizenship?answer=citizenship&citizenship=IN', '/plan/moving-from?citizenship=IN'],
      ['/plan/moving-from?citizenship=IN&answer=moving-from&movingFrom=de', '/plan/purpose?citizenship=IN&movingFrom=de'],
      ['/plan/purpose?citizenship=IN&movingFrom=DE&answer=purpose&purpose=work', '/plan/scheme?citizenship=IN&movingFrom=DE&purpose=work'],
      ['/plan/scheme?citizenship=IN&movingFrom=DE&purpose=work&answer=scheme&scheme=fast-track', '/plan/profession?citizenship=IN&movingFrom=DE&purpose=work&scheme=fast-track'],
      ['/plan/profession?citizenship=IN&movingFrom=DE&purpose=work&scheme=fast-track&answer=profession&profession=health',
        '/plan/stay?citizenship=IN&movingFrom=DE&purpose=work&scheme=fast-track&profession=health'],
      ['/plan/stay?citizenship=IN&movingFrom=DE&purpose=work&scheme=fast-track&profession=health&answer=stay&stay=over-6-months',
        '/plan/permit?citizenship=IN&movingFrom=DE&purpose=work&scheme=fast-track&profession=health&stay=over-6-months'],
      ['/plan/permit?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&answer=permit&permit=yes',
        '/plan/permit-date?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=yes'],
      ['/plan/permit-date?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=yes&answer=permit-date&permit-date-day=1&permit-date-month=10&permit-date-year=2026',
        '/plan/arrival?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=yes&permitDate=2026-10-01'],
      ['/plan/arrival?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=no&answer=arrival&unknown=1',
        '/plan/move-in?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=no&arrival=unknown'],
      ['/plan/partner?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=no&arrival=unknown&moveIn=not-yet&postcode=none&answer=partner&partner=yes',
        '/plan/partner-citizenship?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=no&arrival=unknown&moveIn=not-yet&postcode=none&partner=yes'],
      ['/plan/partner-citizenship?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=no&arrival=unknown&moveIn=not-yet&postcode=none&partner=yes&answer=partner-citizenship&partnerCitizenship=DE',
        '/plan/children?citizenship=IN&movingFrom=DE&purpose=work&scheme=other&profession=none&stay=over-6-months&permit=no&arrival=unknown&moveIn=not-yet&postcode=none&partner=yes&partnerCitizenship=DE'],
      ['/plan/pdu2?citizenship=PL&movingFrom=PL&purpose=job-seeking&profession=none&answer=pdu2&pdu2=yes', '/plan/pdu2-date?citizenship=PL&movingFrom=PL&purpose=job-seeking&profession=none&pdu2=yes'],
      ['/plan/pdu2-date?citizenship=PL&movingFrom=PL&purpose=job-seeking&profession=none&pdu2=yes&answer=pdu2-date&pdu2-date-day=1&pdu2-date-month=3&pdu2-date-year=2027',
        '/plan/stay?citizenship=PL&movingFrom=PL&purpose=job-seeking&profession=none&pdu2=yes&pdu2Date=2027-03-01'],
      ['/plan/purpose?citizenship=UA&movingFrom=PL&answer=purpose&purpose=ukraine-special-act', '/plan/left-ukraine?citizenship=UA&movingFrom=PL&purpose=ukraine-special-act'],
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
    const base = '/plan/arrival?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&answer=arrival';
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
    const moveIn = await get('/plan/move-in?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=2027-01-10&answer=move-in&move-in-day=9&move-in-month=1&move-in-year=2027');
    assert.equal(moveIn.statusCode, 400);
    assert.match(moveIn.body, /must be on or after the day you arrive \(10 January 2027\)/);
    const format = await get('/plan/postcode?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=unknown&moveIn=not-yet&answer=postcode&postcode=12');
    assert.match(format.body, /Enter a postal code of 4 digits/);
    const unknown = await get('/plan/postcode?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=unknown&moveIn=not-yet&answer=postcode&postcode=0001&lang=da');
    assert.match(unknown.body, /0001 er ikke et dansk postnummer/);
  });

  it('adds and removes citizenships and children without losing answers', async () => {
    const added = await get('/plan/citizenship?answer=citizenship&citizenship=GB&add=1');
    assert.equal(added.statusCode, 200);
    assert.equal((added.body.match(/name="citizenship"/g) ?? []).length, 2);
    assert.match(added.body, /<option value="GB" selected>/);
    const removed = await get('/plan/children-ages?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=unknown&moveIn=not-yet&postcode=none&partner=no&children=yes&answer=children-ages&age=3&age=7&remove=0');
    assert.equal(removed.statusCode, 200);
    assert.match(removed.body, /value="7"/);
    assert.doesNotMatch(removed.body, /name="age"[^>]*value="3"/);
  });

  it('redirects a question that does not apply to the next one that does', async () => {
    const res = await get('/plan/permit?citizenship=DE&movingFrom=DE&purpose=study&stay=over-6-months');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/plan/arrival?citizenship=DE&movingFrom=DE&purpose=study&stay=over-6-months');
  });

  it('asks where the person moves from, with every country but Denmark, and refuses an unknown one in words', async () => {
    const page = await get('/plan/moving-from?citizenship=SE');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Which country do you live in now\?/);
    assert.match(page.body, /<option value="US"/);
    assert.doesNotMatch(page.body, /<option value="DK"/);
    assert.match(page.body, /data-module="country-picker"/);
    const missing = await get('/plan/moving-from?citizenship=SE&answer=moving-from');
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Choose the country you live in now/);
    const denmark = await get('/plan/moving-from?citizenship=SE&answer=moving-from&movingFrom=DK');
    assert.equal(denmark.statusCode, 400);
    assert.match(denmark.body, /Choose the country you lived in before Denmark/);
  });

  it('sends an edited address with an answer it cannot use to that question, with its problem', async () => {
    const cases: [string, string, RegExp][] = [
      ['citizenship=XX&movingFrom=SE&purpose=work&stay=over-6-months', '/plan/citizenship?', /&#34;XX&#34; is not a country we know/],
      ['citizenship=SE&movingFrom=SE&purpose=banana&stay=over-6-months', '/plan/purpose?', /Choose one of the reasons in the list/],
      ['citizenship=SE&movingFrom=ZZ&purpose=work&stay=over-6-months', '/plan/moving-from?', /is not a country we know: choose the country you live in now/],
      ['citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=2027-13-45', '/plan/arrival?', /Enter a real date/],
      ['citizenship=IN&movingFrom=IN&purpose=work&scheme=banana&profession=none&stay=over-6-months', '/plan/scheme?', /Choose one of the schemes in the list/],
      ['citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=unknown&moveIn=not-yet&postcode=none&partner=no&children=maybe', '/plan/children?', /Choose yes or no/],
    ];
    for (const [query, target, message] of cases) {
      for (const page of ['/plan/result', '/plan/check', '/plan/calendar.ics']) {
        const res = await get(`${page}?${query}`);
        assert.equal(res.statusCode, 303, `${page}?${query}`);
        assert.ok((res.headers.location as string).startsWith(target), `${page}?${query} went to ${res.headers.location}`);
      }
      const question = await get(`${target}${query}`);
      assert.equal(question.statusCode, 400, target);
      assert.match(question.body, message, target);
      assert.match(question.body, /data-module="error-summary"/, target);
    }
  });

  it('names the contradiction of moving in before arriving on the page where it can be changed', async () => {
    const res = await get('/plan/result?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=2027-01-10&moveIn=2027-01-09');
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, /^\/plan\/move-in\?/);
    const page = await get(res.headers.location as string);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /must be on or after the day you arrive \(10 January 2027\)/);
  });

  it('shows every answer on the check page with a change link to its question', async () => {
    const res = await get(`/plan/check?${INDIAN}`);
    assert.equal(res.statusCode, 200);
    for (const text of ['India', 'To work for an employer', 'The Pay Limit scheme', '1 October 2026', '8000 Aarhus C', '4 years']) assert.ok(res.body.includes(text), text);
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
    assert.match(en.body, /id="step-cpr-registration@partner"/);
    assert.match(en.body, /For your partner/);
    assert.match(en.body, /For your child, 4/);
    assert.match(en.body, /<details class="details plan-step-details">/);
    assert.match(en.body, /Aarhus Municipality/);
    const da = await get(`/plan/result?${INDIAN}&lang=da`);
    assert.match(da.body, /<html lang="da">/);
    assert.match(da.body, /søndag den 17\. januar 2027/);
    assert.match(da.body, /Aarhus Kommune/);
  });

  it('sends an unfinished questionnaire back to the first unanswered question', async () => {
    const res = await get('/plan/result?citizenship=IN&movingFrom=IN&purpose=work');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/plan/scheme?citizenship=IN&movingFrom=IN&purpose=work');
  });

  it('says for each undated step what its deadline hangs on, never a bare "no fixed date"', async () => {
    const res = await get('/plan/result?citizenship=DE&movingFrom=DE&purpose=work&profession=none&stay=over-6-months&arrival=unknown&moveIn=not-yet&postcode=none&partner=no&children=no');
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, />No fixed date</);
    assert.match(res.body, /5 days after you have moved in and got your EU document/);
  });

  it('tells a Danish citizen kindly that ICS is not for them, and about the form when they move from the UK', async () => {
    const res = await get('/plan/result?citizenship=DK&movingFrom=GB');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /ICS is not for Danish citizens/);
    assert.match(res.body, /health insurance country/);
    const fromUs = await get('/plan/result?citizenship=DK&movingFrom=US');
    assert.doesNotMatch(fromUs.body, /health insurance country/);
  });

  it('offers a calendar file with one all-day event per deadline', async () => {
    const res = await get(`/plan/calendar.ics?${INDIAN}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/calendar/);
    assert.match(res.body, /^BEGIN:VCALENDAR\r\n/);
    assert.match(res.body, /DTSTART;VALUE=DATE:20270117\r\n/);
    assert.match(res.body, /UID:address-registration@plan\.ics\.localhost/);
    assert.match(res.body, /UID:address-registration@partner@plan\.ics\.localhost/);
    assert.match(res.body, /SUMMARY:Deadline: Register your address within 5 days \(your partner\)/);
    // Every person's deadlines: the insurance and the address for three people; telling India they leave and the
    // driving licence for the two adults.
    assert.equal((res.body.match(/BEGIN:VEVENT/g) ?? []).length, 10);
    assert.match(res.body, /BEGIN:VALARM/);
  });

  it('keeps each event\'s UID when an answer changes, so importing the file again updates the events', async () => {
    const uids = (body: string) => [...body.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]).sort();
    const before = await get(`/plan/calendar.ics?${INDIAN}`);
    const after = await get(`/plan/calendar.ics?${INDIAN.replace('moveIn=2027-01-12', 'moveIn=2027-01-20')}`);
    assert.deepEqual(uids(after.body), uids(before.body));
    assert.match(after.body, /DTSTART;VALUE=DATE:20270125\r\n/, 'the new deadline');
    assert.match(after.body, /^SEQUENCE:\d+\r$/m);
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
    // Every language of the registry, each link with the same answers; Ukrainian (?lang=uk) as Danish.
    const uk = await get(`/plan/check?${INDIAN}&lang=uk`);
    assert.equal(uk.statusCode, 200);
    assert.match(uk.body, /<html lang="uk">/);
    assert.match(uk.body, /<h1[^>]*>Перевірте свої відповіді/);
    const links = [...uk.body.matchAll(/<a class="lang-link d-print-none" href="([^"]+)" lang="([a-z]+)" hreflang="\2">([^<]+)<\/a>/g)].map((m) => [m[2], m[3], m[1]!.replace(/&amp;/g, '&')]);
    assert.deepEqual(links.map(([lang, name]) => [lang, name]), [['en', 'English'], ['da', 'Dansk']]);
    for (const [lang, , href] of links) {
      assert.equal(href, `/plan/check?${INDIAN}${lang === 'en' ? '' : `&lang=${lang}`}`);
    }
    assert.match(res.body, /<a class="lang-link d-print-none" href="\/plan\/check\?citizenship=IN[^"]*&lang=uk" lang="uk" hreflang="uk">Українська<\/a>/);
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
    assert.deepEqual([res.statusCode, res.json()], [200, { status: 'ok', database: 'ok' }]);
  });
});

describe('too many requests', () => {
  it('answers a page with a 429 in the person\'s language, saying when to try again; the API keeps its JSON', async () => {
    const limited = await testApp({ rateLimitMax: 2 });
    try {
      for (let i = 0; i < 2; i++) assert.equal((await limited.inject({ method: 'GET', url: '/?lang=da' })).statusCode, 200);
      const page = await limited.inject({ method: 'GET', url: '/plan/citizenship?lang=da' });
      assert.equal(page.statusCode, 429);
      assert.match(page.headers['content-type'] as string, /^text\/html/);
      const seconds = Number(page.headers['retry-after']);
      assert.ok(seconds >= 1 && seconds <= 60, `retry-after ${page.headers['retry-after']}`);
      assert.match(page.body, /<html lang="da"/);
      assert.match(page.body, /<h1>For mange forespørgsler<\/h1>/);
      assert.match(page.body, new RegExp(`Vent ${seconds} sekunder, og gå så tilbage`));
      assert.doesNotMatch(page.body, /Too many|statusCode/);
      const english = await limited.inject({ method: 'GET', url: '/offices' });
      assert.equal(english.statusCode, 429);
      assert.match(english.body, /<h1>Too many requests<\/h1>/);
      assert.match(english.body, /wait \d+ seconds, then go back to the page you were on/);
      const api = await limited.inject({ method: 'GET', url: '/api/v1/finder?postalCode=8000' });
      assert.equal(api.statusCode, 429);
      assert.equal(api.json().error, 'Too Many Requests');
    } finally {
      await limited.close();
    }
  });
});
