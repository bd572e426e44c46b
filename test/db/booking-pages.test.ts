/**
 * The booking pages without a browser, on SQLite and on PostgreSQL: forms need their CSRF token, errors are shown
 * the DKFDS way and change nothing, a link scanner that follows every link cancels nothing, old links say what
 * happened, and hostile input comes back escaped. The browser tests (e2e/booking.e2e.ts) cover the same pages
 * with JavaScript, the keyboard and axe.
 */
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_DATABASE, type TestRuntime, linkInMail, outboxMail, testApp, testDeps, testRuntime } from '../helpers.js';

let app: FastifyInstance;
let rt: TestRuntime;
const clock = { now: () => new Date('2026-11-25T10:00:00Z') };

before(async () => {
  rt = await testRuntime({ ...testDeps(), clock });
  app = await testApp({ maxHoldsPerClient: 1000, bookingRateLimitMax: 100000 }, { clock, runtime: rt });
});
after(async () => { await app.close(); await rt.close(); });

/** A browser, as far as these pages care: it keeps the form cookie and reads the token from the last page. */
class Visitor {
  cookie = '';
  csrf = '';
  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await app.inject({ method: 'GET', url, headers: this.cookie ? { cookie: this.cookie } : {} });
    this.keep(res);
    return res;
  }
  async post(url: string, form: Record<string, string>, withToken = true): Promise<LightMyRequestResponse> {
    const payload = new URLSearchParams({ ...form, ...(withToken ? { _csrf: this.csrf } : {}) }).toString();
    const res = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/x-www-form-urlencoded', ...(this.cookie ? { cookie: this.cookie } : {}) } });
    this.keep(res);
    return res;
  }
  private keep(res: LightMyRequestResponse) {
    const set = res.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first) this.cookie = first.split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
  }
}

const FLOW = 'service=cpr-registration&office=ics-copenhagen&people=2';
const firstTime = (body: string) => /name="start" class="form-radio" value="([^"]+)"/.exec(body)?.[1];
const mainOf = (body: string) => /<main[^]*<\/main>/.exec(body)?.[0] ?? '';

let emailCounter = 0;
async function bookThroughPages(v: Visitor, date = '2026-11-30', nth = 0): Promise<{ reference: string; token: string; manage: string; sent: string; email: string }> {
  const times = await v.get(`/book/time?${FLOW}&date=${date}`);
  const starts = [...times.body.matchAll(/name="start" class="form-radio" value="([^"]+)"/g)].map((m) => m[1]!);
  const held = await v.post('/book/hold', { service: 'cpr-registration', office: 'ics-copenhagen', people: '2', date, start: starts[nth]! });
  assert.equal(held.statusCode, 303, held.body);
  const details = held.headers.location as string;
  await v.get(details);
  const email = `amal${emailCounter++}@example.com`;
  const booked = await v.post(details, { name: 'Amal Haddad', email, phone: '', language: 'en' });
  assert.equal(booked.statusCode, 200, booked.body);
  assert.match(booked.body, /Check your e-mail/);
  // The reference and the private link come by e-mail only.
  const { reference, token } = await linkInMail(rt, email);
  return { reference, token, manage: `/booking/${reference}?token=${token}`, sent: booked.body, email };
}

describe(`the booking pages on ${TEST_DATABASE}`, () => {
  it('walk from the service to a booked time', async () => {
    const v = new Visitor();
    const service = await v.get('/book');
    assert.equal(service.statusCode, 200);
    assert.match(service.body, /<h1 class="question-heading">What do you need to book a time for\?<\/h1>/);
    const office = await v.get('/book/office?service=cpr-registration&postcode=2300');
    assert.match(office.body, /value="ics-copenhagen" checked/, 'the office serving 2300 is chosen for the person');
    assert.match(office.body, /Serves your address/);
    // An office that cannot be booked here says how to reach it instead.
    assert.match(office.body, /<strong>ICS South, Odense<\/strong>: <span>we do not know its opening hours yet, so contact it to make an appointment\.<\/span> <a href="https:\/\/www\.odense\.dk\/[^"]+" rel="noreferrer">Go to the website of ICS South, Odense<\/a>/);
    assert.match(office.body, /<h2 class="h3 mt-7">Offices that do not serve your address<\/h2>/);
    const people = await v.get('/book/people?service=cpr-registration&office=ics-copenhagen');
    assert.match(people.body, /How many people are coming\?/);
    const days = await v.get(`/book/time?${FLOW}`);
    assert.match(days.body, /<a href="\/book\/time\?service=cpr-registration&(amp;)?office=ics-copenhagen&(amp;)?people=2&(amp;)?date=2026-11-30">Monday 30 November 2026<\/a><span>24 free times<\/span>/);
    const { manage, sent, email } = await bookThroughPages(v);
    // The answer to the form: what was asked for, where the e-mail goes, what to bring; no reference, no link.
    assert.match(sent, new RegExp(`We are sending a message to ${email.replace('.', '\\.')} now`));
    assert.match(sent, /Monday 30 November 2026, 09:00 to 09:15 \(Danish time\)/);
    assert.match(sent, /Your valid passport/);
    assert.doesNotMatch(sent, /\/booking\/[A-Z0-9-]{9}|token=|Reference/);
    const page = await v.get(manage);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Monday 30 November 2026, 09:00 to 09:15 \(Danish time\)/);
    assert.match(page.body, /<dt>People<\/dt><dd>2<\/dd>/);
    assert.match(page.body, /Your valid passport/);
  });

  it('label every time with its full date, for screen readers', async () => {
    const res = await new Visitor().get(`/book/time?${FLOW}&date=2026-11-30`);
    assert.match(res.body, /<label class="form-label" for="start"><span class="sr-only">Monday 30 November 2026 at 09:00, <\/span><span aria-hidden="true">09:00<\/span>/);
    assert.equal((res.body.match(/type="radio"/g) ?? []).length, 24);
  });

  it('refuse a form without its token, holding nothing', async () => {
    const v = new Visitor();
    const page = await v.get(`/book/time?${FLOW}&date=2026-12-16`);
    const start = firstTime(page.body)!;
    const res = await v.post('/book/hold', { service: 'cpr-registration', office: 'ics-copenhagen', people: '2', date: '2026-11-30', start }, false);
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /The form has expired/);
    const stranger = new Visitor();
    stranger.csrf = v.csrf;
    assert.equal((await stranger.post('/book/hold', { service: 'cpr-registration', office: 'ics-copenhagen', people: '2', date: '2026-12-16', start })).statusCode, 403, 'a token without its cookie does not work');
    const taken = await rt.database.db.selectFrom('slot_usage').selectAll().where('start_ms', '=', Date.parse(start)).execute();
    assert.deepEqual(taken.map((t) => t.used).filter((u) => u > 0), []);
  });

  it('show DKFDS errors for bad details, keeping what was typed (escaped)', async () => {
    const v = new Visitor();
    const page = await v.get(`/book/time?${FLOW}&date=2026-12-02`);
    const held = await v.post('/book/hold', { service: 'cpr-registration', office: 'ics-copenhagen', people: '2', date: '2026-12-02', start: firstTime(page.body)! });
    const details = held.headers.location as string;
    await v.get(details);
    const res = await v.post(details, { name: '"><script>alert(1)</script>', email: 'x@', phone: 'abc', language: 'en' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Error: Your details/);
    assert.match(res.body, /<a href="#name" class="function-link">Enter your name using letters only/);
    assert.match(res.body, /<a href="#email" class="function-link">Enter an e-mail address in the right format/);
    assert.match(res.body, /<a href="#phone" class="function-link">/);
    assert.ok(!res.body.includes('"><script>'), 'the typed name cannot leave its attribute');
    assert.match(res.body, /id="name" name="name" type="text" value="&#34;>/);
    assert.equal(await rt.database.db.selectFrom('bookings').select('id').where('hold_id', '=', details.split('/').pop()!.split('?')[0]!).executeTakeFirst(), undefined);
  });

  it('answer bad steps with the page that asks again', async () => {
    const v = new Visitor();
    const cases: [string, number, RegExp][] = [
      ['/book/office', 400, /<a href="#service" class="function-link">Choose what you need to book a time for/],
      ['/book/office?service=%3Cscript%3E', 400, /Choose one of the services in the list/],
      ['/book/office?service=cpr-registration&postcode=12', 400, /href="#postcode"/],
      ['/book/people?service=cpr-registration', 400, /Choose the office you will go to/],
      ['/book/people?service=mitid&office=ics-aalborg', 400, /This office does not offer this service/],
      ['/book/people?service=cpr-registration&office=ics-odense', 400, /cannot be booked online yet/],
      ['/book/time?service=cpr-registration&office=ics-copenhagen&people=0', 400, /Enter how many people are coming as a number from 1 to 8/],
      ['/book/time?service=cpr-registration&office=ics-copenhagen&people=50', 400, /A booking can be for up to 8 people/],
      ['/book/time?service=cpr-registration&office=ics-copenhagen&people=two', 400, /as a number from 1 to 8/],
      // A day beyond the 13 weeks, a day gone by (an old bookmark), a date that does not exist: the list of days again.
      [`/book/time?${FLOW}&date=9999-12-31`, 400, /<a href="#days" class="function-link">Choose a day from the list<\/a>[\s\S]*id="days"[\s\S]*date=2026-11-30/],
      [`/book/time?${FLOW}&date=2026-11-24`, 400, /<a href="#days" class="function-link">Choose a day from the list/],
      [`/book/time?${FLOW}&date=2026-02-30`, 400, /<a href="#days" class="function-link">Choose a day from the list/],
      [`/book/time?${FLOW}&date=2027-02-23&lang=da`, 200, /<h1 class="question-heading">Vælg et tidspunkt tirsdag den 23. februar 2027/],
      [`/book/time?${FLOW}&date=2027-02-24&lang=da`, 400, /<a href="#days" class="function-link">Vælg en dag på listen/],
    ];
    for (const [url, status, pattern] of cases) {
      const res = await v.get(url);
      assert.equal(res.statusCode, status, url);
      assert.match(res.body, pattern, url);
      assert.ok(!res.body.includes('<script>'), url);
    }
  });

  it('show the time page again when someone else took the time', async () => {
    const v = new Visitor();
    const page = await v.get(`/book/time?${FLOW}&date=2026-12-03`);
    const start = firstTime(page.body)!;
    const hold = await app.inject({ method: 'POST', url: '/api/v1/holds', payload: { officeId: 'ics-copenhagen', service: 'cpr-registration', start, people: 7 } });
    assert.equal(hold.statusCode, 201);
    const res = await v.post('/book/hold', { service: 'cpr-registration', office: 'ics-copenhagen', people: '2', date: '2026-12-03', start });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Someone else has just taken this time: choose another/);
    assert.ok(!res.body.includes(`value="${start}"`), 'the taken time is no longer offered');
  });

  it('cancel only on the confirmation form: following the link cancels nothing', async () => {
    const v = new Visitor();
    const { reference, token } = await bookThroughPages(v, '2026-12-04');
    const scanner = new Visitor();
    const confirm = await scanner.get(`/booking/${reference}/cancel?token=${token}`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Cancel booking [A-Z0-9-]{9}\?/);
    await scanner.get(`/booking/${reference}/cancel?token=${token}`);
    assert.equal((await rt.ports.store.bookingByReference(reference))?.status, 'confirmed', 'a link scanner cancels nothing');
    const done = await v.post(`/booking/${reference}/cancel`, { token });
    assert.equal(done.statusCode, 303);
    const after = await v.get(done.headers.location as string);
    assert.match(after.body, /Your booking is cancelled/);
    assert.equal((await rt.ports.store.bookingByReference(reference))?.status, 'cancelled');
    assert.doesNotMatch(after.body, /Amal Haddad|@example\.com/, 'the link of a cancelled booking shows no personal data');
    assert.equal((await v.get(`/booking/${reference}/calendar.ics?token=${token}`)).statusCode, 404, 'nor its calendar file');
  });

  it('move a booking; the old link says so and can send the current one', async () => {
    const v = new Visitor();
    const { reference, token } = await bookThroughPages(v, '2026-12-07');
    const days = await v.get(`/booking/${reference}/reschedule?token=${token}`);
    assert.match(days.body, /Choose a new day/);
    const beyond = await v.get(`/booking/${reference}/reschedule?token=${token}&date=9999-12-31`);
    assert.equal(beyond.statusCode, 400);
    assert.match(beyond.body, /<a href="#days" class="function-link">Choose a day from the list[\s\S]*Choose a new day/);
    const times = await v.get(`/booking/${reference}/reschedule?token=${token}&date=2026-12-09`);
    const moved = await v.post(`/booking/${reference}/reschedule`, { token, date: '2026-12-09', start: firstTime(times.body)! });
    assert.equal(moved.statusCode, 303);
    const fresh = moved.headers.location as string;
    assert.match(fresh, /done=moved/);
    assert.match((await v.get(fresh)).body, /Wednesday 9 December 2026, 11:00 to 11:15/);
    const old = await v.get(`/booking/${reference}?token=${token}`);
    assert.equal(old.statusCode, 200);
    assert.match(old.body, /This link is out of date/);
    assert.ok(!old.body.includes('Amal Haddad'), 'an old link shows no personal data');
    const before = await rt.ports.store.pendingMessages();
    const sent = await v.post(`/booking/${reference}/link`, {});
    assert.match(sent.body, /Check your e-mail/);
    await rt.idle();
    assert.equal(await rt.ports.store.pendingMessages(), before + 1);
  });

  it('give the calendar file of a booking, in Danish time', async () => {
    const v = new Visitor();
    const { reference, token } = await bookThroughPages(v, '2026-12-10');
    const ics = await v.get(`/booking/${reference}/calendar.ics?token=${token}`);
    assert.equal(ics.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.match(String(ics.headers['content-disposition']), /attachment; filename="ics-[A-Z0-9-]+\.ics"/);
    assert.match(ics.body, /DTSTART;TZID=Europe\/Copenhagen:20261210T090000/);
    assert.equal((await v.get(`/booking/${reference}/calendar.ics?token=${'x'.repeat(43)}`)).statusCode, 404);
    // Read by a third-party parser (Mozilla's ical.js): one event at the right instant, and no key in it. A calendar is
    // often shared, so it links to the page that asks for the reference and e-mail, not to the private link.
    const calendar = new ICAL.Component(ICAL.parse(ics.body));
    const events = calendar.getAllSubcomponents('vevent');
    assert.equal(events.length, 1);
    const event = new ICAL.Event(events[0]!);
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-10T08:00:00.000Z');
    assert.ok(!ics.body.includes(token), 'the calendar file does not carry the token');
    assert.doesNotMatch(ics.body.replace(/\r\n[ \t]/g, ''), /token=/);
    assert.equal(events[0]!.getFirstPropertyValue('url'), `http://localhost:3000/booking/find?reference=${reference}`);
    assert.match(String(event.description), new RegExp(`/booking/find\\?reference=${reference}`));
    const find = await v.get(`/booking/find?reference=${reference}`);
    assert.equal(find.statusCode, 200);
    assert.match(find.body, new RegExp(`name="reference"[^>]*value="${reference}"`), 'the reference is filled in');
  });

  it('answer a second booking of the same service by the same e-mail like any booking, and tell that address', async () => {
    const v = new Visitor();
    const page = await v.get(`/book/time?${FLOW}&date=2026-12-11`);
    const starts = [...page.body.matchAll(/name="start" class="form-radio" value="([^"]+)"/g)].map((m) => m[1]!);
    const book = async (start: string, email: string) => {
      const held = await v.post('/book/hold', { service: 'cpr-registration', office: 'ics-copenhagen', people: '2', date: '2026-12-11', start });
      await v.get(held.headers.location as string);
      return { res: await v.post(held.headers.location as string, { name: 'Once Only', email, language: 'en' }), details: held.headers.location as string };
    };
    const first = await book(starts[0]!, 'once.only@example.com');
    assert.equal(first.res.statusCode, 200);
    const { reference } = await linkInMail(rt, 'once.only@example.com');
    const second = await book(starts[1]!, 'Once.Only@example.com');
    const third = await book(starts[2]!, 'never.booked@example.com');
    assert.equal(second.res.statusCode, 200);
    const main = (body: string) => mainOf(body).replace(/\S+@example\.com/g, '@').replace(/09:\d\d to 09:\d\d/g, 'time');
    assert.equal(main(second.res.body), main(third.res.body), 'the page does not tell whether the address had a booking');
    assert.ok(!second.res.body.includes(reference));
    // Going back to the form afterwards says the same too.
    const back = [await v.get(second.details), await v.get(third.details)];
    assert.deepEqual(back.map((r) => r.statusCode), [409, 409]);
    assert.equal(mainOf(back[0]!.body), mainOf(back[1]!.body));
    await rt.idle();
    const told = await outboxMail(rt, { to_address: 'once.only@example.com', kind: 'already-booked' });
    assert.equal(told.length, 1);
    assert.match(told[0]!.text, new RegExp(`${reference}[\\s\\S]*/booking/${reference}\\?token=`));
    assert.match(told[0]!.text, /If you did not ask, you need not do anything/);
  });

  it('find a booking by reference and e-mail, saying the same whatever the answer', async () => {
    const v = new Visitor();
    const { reference } = await bookThroughPages(v, '2026-12-14');
    const email = (await rt.ports.store.bookingByReference(reference))!.email!;
    await v.get('/booking/find');
    const before = await rt.ports.store.pendingMessages();
    const wrong = await v.post('/booking/find', { reference, email: 'someone.else@example.com' });
    await rt.idle();
    assert.equal(await rt.ports.store.pendingMessages(), before, 'a wrong e-mail sends nothing');
    const right = await v.post('/booking/find', { reference: reference.toLowerCase().replace('-', ' '), email: email.toUpperCase() });
    await rt.idle();
    assert.equal(await rt.ports.store.pendingMessages(), before + 1);
    assert.equal(mainOf(wrong.body), mainOf(right.body));
    const bad = await v.post('/booking/find', { reference: 'O0O0-1111', email: 'nope' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /A booking reference has 8 letters and digits/);
  });

  it('give a printable receipt when no time is free before the deadline', async () => {
    const v = new Visitor();
    const days = await v.get('/book/time?service=cpr-registration&office=ics-aalborg&people=2&deadline=2026-11-20&step=address-registration');
    assert.match(days.body, /No free time before your deadline, Friday 20 November 2026/);
    assert.match(days.body, /The earliest free time is Wednesday 25 November 2026 at 13:00/);
    const res = await v.post('/book/attempt', { service: 'cpr-registration', office: 'ics-aalborg', people: '2', deadline: '2026-11-20', step: 'address-registration' });
    assert.equal(res.statusCode, 303);
    const receipt = await v.get(res.headers.location as string);
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.body, /Receipt: attempt to book in time/);
    assert.match(receipt.body, /T-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    assert.match(receipt.body, /Wednesday 25 November 2026 at 11:00/, 'the moment they tried');
    assert.match(receipt.body, /Friday 20 November 2026 \(Register your address/);
    assert.equal((await v.get('/book/attempt/T-AAAA-AAAA')).statusCode, 404);
  });

  it('speak Danish throughout when asked', async () => {
    const v = new Visitor();
    assert.match((await v.get('/book?lang=da')).body, /Hvad skal du booke en tid til\?/);
    const times = await v.get(`/book/time?${FLOW}&date=2026-11-30&lang=da`);
    assert.match(times.body, /<span class="sr-only">mandag den 30\. november 2026 kl\. 09:00, <\/span>/);
    const held = await v.post('/book/hold', { service: 'cpr-registration', office: 'ics-copenhagen', people: '2', date: '2026-11-30', start: firstTime(times.body)!, lang: 'da' });
    assert.match(held.headers.location as string, /\?lang=da$/);
    assert.match((await v.get(held.headers.location as string)).body, /Dine oplysninger/);
  });

  it('send pages that are never cached and never framed', async () => {
    const res = await new Visitor().get('/book');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  it('do not offer an office that does not serve the person\'s municipality, and name the one that does', async () => {
    const v = new Visitor();
    // Odense: no centre that can be booked here gives CPR numbers to Odense's residents.
    const offices = await v.get('/book/office?service=cpr-registration&postcode=5000');
    assert.equal(offices.statusCode, 200);
    assert.doesNotMatch(mainOf(offices.body), /name="office" [^>]*value="ics-aarhus"/, 'ICS West is not offered for Odense');
    assert.match(offices.body, /ICS West, Aarhus gives CPR registration only to people who live in the municipalities it serves, and Odense is not one of them/);
    assert.match(offices.body, /ICS South, Odense/);
    // Aarhus: ICS West is offered, and marked as the one that serves the address.
    const aarhus = await v.get('/book/office?service=cpr-registration&postcode=8000');
    assert.match(mainOf(aarhus.body), /value="ics-aarhus"/);
  });

  it('say so before a time is chosen when the office does not serve the address, and name the office that does', async () => {
    const v = new Visitor();
    const res = await v.get('/book/time?service=cpr-registration&office=ics-aarhus&people=1&postcode=5000');
    assert.equal(res.statusCode, 200);
    const main = mainOf(res.body);
    assert.match(main, /<h1>ICS West, Aarhus cannot give you CPR registration<\/h1>/);
    assert.match(main, /For your address in Odense, ICS South, Odense handles CPR registration/);
    assert.match(main, /href="\/offices\/ics-odense"/);
    assert.doesNotMatch(main, /day-list/, 'no days to choose from');
    // Without a postal code nothing is known about the address: the days are shown.
    const free = await v.get('/book/time?service=cpr-registration&office=ics-aarhus&people=1');
    assert.match(mainOf(free.body), /day-list/);
  });

  it('let the person go on at an office that serves anyone, saying which office is usually theirs', async () => {
    const v = new Visitor();
    const res = await v.get('/book/time?service=eu-residence-document&office=ics-aarhus&people=1&postcode=2200');
    assert.equal(res.statusCode, 200);
    const main = mainOf(res.body);
    assert.match(main, /For your address, ICS East, Copenhagen is the office that usually handles EU residence document\. You can still book here\./);
    assert.match(main, /day-list/);
    const own = await v.get('/book/time?service=eu-residence-document&office=ics-copenhagen&people=1&postcode=2200');
    assert.doesNotMatch(mainOf(own.body), /You can still book here/);
  });
});

describe(`the booking window per office on ${TEST_DATABASE}`, () => {
  it('reaches 13 weeks ahead by default, and an office may have its own horizon', async () => {
    const base = testDeps();
    const runtime = await testRuntime({ ...base, clock, bookingConfig: { ...base.bookingConfig, horizons: { 'ics-aarhus': 28 } } });
    const own = await testApp({}, { clock, runtime });
    try {
      const window = async (office: string) => (await own.inject({ url: `/api/v1/offices/${office}/availability?service=cpr-registration` })).json() as { from: string; to: string };
      assert.deepEqual(await window('ics-copenhagen'), { ...(await window('ics-copenhagen')), from: '2026-11-25', to: '2027-02-23' });
      assert.equal((await window('ics-aarhus')).to, '2026-12-22', 'ICS West with a horizon of 28 days');
    } finally {
      await own.close();
      await runtime.close();
    }
  });
});
