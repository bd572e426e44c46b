/**
 * The booking API as other tools use it (the contract of issue 4), on SQLite and on PostgreSQL: free times, holds,
 * bookings, the booking's own token, and every refusal naming its field. The clock stands still at Wednesday
 * 25 November 2026, 11:00 in Denmark, unless a test moves it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Value from 'typebox/value';
import { AvailabilityResponse } from '../../src/modules/booking/web/booking-schemas.js';
import { TEST_DATABASE, type TestRuntime, linkInMail, outboxMail, testApp, testDeps, testRuntime } from '../helpers.js';

let app: FastifyInstance;
let rt: TestRuntime;
let now = new Date('2026-11-25T10:00:00Z');
const clock = { now: () => new Date(now) };

before(async () => {
  rt = await testRuntime({ ...testDeps(), clock });
  app = await testApp({ maxHoldsPerClient: 1000, bookingRateLimitMax: 100000 }, { clock, runtime: rt });
});
after(async () => { await app.close(); await rt.close(); });

const json = (res: LightMyRequestResponse) => res.json() as Record<string, unknown> & { errors?: { field: string; message: string }[] };
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

interface Slot { start: string; end: string; placesLeft: number }
async function slots(query = 'service=cpr-registration', office = 'ics-copenhagen'): Promise<Slot[]> {
  const res = await get(`/api/v1/offices/${office}/availability?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return (json(res).slots as Slot[]);
}

let emailCounter = 0;
async function book(start: string, people = 1, extra: Record<string, unknown> = {}) {
  const hold = await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start, people });
  assert.equal(hold.statusCode, 201, hold.body);
  const email = (extra.email as string | undefined) ?? `mei${emailCounter++}@example.com`;
  const res = await post('/api/v1/bookings', { holdId: json(hold).holdId, name: 'Mei Chen', language: 'en', ...extra, email });
  assert.equal(res.statusCode, 202, res.body);
  // The reference and the token come by e-mail only.
  const { reference, token } = await linkInMail(rt, email);
  return { reference, token, start };
}

const fields = (res: LightMyRequestResponse) => (json(res).errors ?? []).map((e) => e.field);

describe(`the booking API on ${TEST_DATABASE}`, () => {
  it('lists free times for the 13 weeks of the booking window with their Danish offset and places left', async () => {
    const res = await get('/api/v1/offices/ics-copenhagen/availability?service=cpr-registration');
    assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8$/);
    const body = json(res);
    // The answer is written by hand for speed: it must still be what the OpenAPI document promises.
    assert.deepEqual([...Value.Errors(AvailabilityResponse, body)].map((e) => `${e.instancePath}: ${e.message}`), []);
    assert.deepEqual(Object.keys(body), ['officeId', 'service', 'people', 'timeZone', 'from', 'to', 'bookableOnline', 'slots']);
    assert.equal(body.timeZone, 'Europe/Copenhagen');
    assert.equal(body.from, '2026-11-25');
    assert.equal(body.to, '2027-02-23');
    assert.equal(body.bookableOnline, true);
    const list = body.slots as Slot[];
    assert.deepEqual(list[0], { start: '2026-11-25T13:00:00+01:00', end: '2026-11-25T13:15:00+01:00', placesLeft: 8 });
    assert.ok(list.every((s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+01:00$/.test(s.start)), 'winter times carry +01:00');
    assert.ok(!list.some((s) => s.start.startsWith('2026-12-24') || s.start.startsWith('2026-12-25') || s.start.startsWith('2027-01-01')), 'closed on holidays and Christmas Eve');
    assert.ok(!list.some((s) => new Date(s.start).getUTCDay() === 2), 'ICS Copenhagen is closed on Tuesdays');
  });

  it('filters by party size and by days', async () => {
    const week = await slots('service=cpr-registration&from=2026-11-30&to=2026-12-04&people=8');
    assert.ok(week.length > 0 && week.every((s) => s.start >= '2026-11-30' && s.start < '2026-12-05' && s.placesLeft === 8));
  });

  it('names the field for bad questions about free times', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/offices/ics-copenhagen/availability', 400, 'service'],
      ['/api/v1/offices/ics-copenhagen/availability?service=tax-card', 400, 'service'],
      ['/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&from=2026-02-30', 400, 'from'],
      ['/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&from=2026-11-01', 400, 'from'],
      ['/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&from=2026-12-10&to=2026-12-01', 400, 'to'],
      ['/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&from=9999-12-31', 400, 'from'],
      ['/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&from=2027-02-24&to=2027-03-01', 400, 'from'],
      ['/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&people=0', 400, 'people'],
      ['/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&people=50', 400, 'people'],
      ['/api/v1/offices/nowhere/availability?service=cpr-registration', 404, 'id'],
      ['/api/v1/offices/ics-aalborg/availability?service=mitid', 400, 'service'],
    ];
    for (const [url, status, field] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      assert.ok(fields(res).includes(field), `${url} names ${field}: ${res.body}`);
    }
  });

  it('says when an office cannot be booked online because its hours are unknown', async () => {
    const body = json(await get('/api/v1/offices/ics-odense/availability?service=cpr-registration'));
    assert.equal(body.bookableOnline, false);
    assert.deepEqual(body.slots, []);
  });

  it('holds a time, which then has fewer places, and books it', async () => {
    const [, second] = await slots();
    const hold = await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start: second!.start, people: 3 });
    assert.equal(hold.statusCode, 201);
    const h = json(hold);
    assert.equal(h.expiresAt, '2026-11-25T11:10:00+01:00');
    assert.equal(h.end, '2026-11-25T13:30:00+01:00');
    assert.equal((await slots()).find((s) => s.start === second!.start)?.placesLeft, 5);
    const booking = await post('/api/v1/bookings', { holdId: h.holdId, name: 'Søren O\'Brien-Ødegård', email: 'soren@example.dk', language: 'da', phone: '+45 12 34 56 78' });
    assert.equal(booking.statusCode, 202, booking.body);
    // The answer says what was asked for and where the confirmation goes; the reference and the link go only there.
    const b = json(booking);
    assert.deepEqual(Object.keys(b).sort(), ['email', 'end', 'message', 'officeId', 'officeName', 'people', 'service', 'start']);
    assert.deepEqual([b.officeId, b.service, b.start, b.people, b.email], ['ics-copenhagen', 'cpr-registration', second!.start, 3, 'soren@example.dk']);
    const { reference, token } = await linkInMail(rt, 'soren@example.dk');
    assert.match(reference, /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/);
    const opened = json(await get(`/api/v1/bookings/${reference}`, { authorization: `Bearer ${token}` }));
    assert.deepEqual([opened.status, opened.start, opened.people, opened.name, opened.language], ['confirmed', second!.start, 3, 'Søren O\'Brien-Ødegård', 'da']);
    const mail = await outboxMail(rt, { kind: 'confirmation', to_address: 'soren@example.dk' });
    assert.equal(mail.length, 1, 'one confirmation, written with the booking');
    assert.match(mail[0]!.subject, /^Booket: CPR-registrering i ICS Øst, København, onsdag den 25\. november 2026 kl\. 13:15 \(/);
    assert.match(mail[0]!.text, /Kære Søren O'Brien-Ødegård/);
    assert.match(mail[0]!.ics ?? '', /DTSTART;TZID=Europe\/Copenhagen:20261125T131500/);
    assert.doesNotMatch(mail[0]!.row.event ?? '', /soren@example|token/, 'the kept event holds no address and no token');
  });

  it('refuses bad holds, naming the field, and holds nothing then', async () => {
    const [first] = await slots();
    const base = { officeId: 'ics-copenhagen', service: 'cpr-registration', start: first!.start, people: 1 };
    const cases: [unknown, number, string][] = [
      [{ ...base, people: 0 }, 400, 'people'],
      [{ ...base, people: 50 }, 400, 'people'],
      [{ ...base, people: '2' }, 400, 'people'],
      [{ ...base, start: '2026-11-25T13:07:00+01:00' }, 400, 'start'],
      [{ ...base, start: '2026-11-20T13:00:00+01:00' }, 400, 'start'],
      [{ ...base, start: '2026-11-25T13:00:00' }, 400, 'start'],
      [{ ...base, start: 'tomorrow' }, 400, 'start'],
      [{ ...base, officeId: '<script>alert(1)</script>' }, 404, 'officeId'],
      [{ ...base, service: 'tax-card' }, 400, 'service'],
      [{ ...base, extra: 1 }, 400, 'extra'],
      [{ officeId: 'ics-copenhagen' }, 400, 'service'],
    ];
    for (const [body, status, field] of cases) {
      const res = await post('/api/v1/holds', body);
      assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
      assert.ok(fields(res).some((f) => f === field), `${JSON.stringify(body)} names ${field}: ${res.body}`);
      assert.ok(!res.body.includes('<script>'), 'hostile input is not echoed');
    }
    assert.equal((await post('/api/v1/holds', 'x'.repeat(20_000))).statusCode, 413);
    assert.equal((await post('/api/v1/holds', '{"officeId":', {})).statusCode, 400);
    assert.equal((await slots()).find((s) => s.start === first!.start)?.placesLeft, 8, 'nothing was held');
  });

  it('answers 409 with the next free times when the places are gone', async () => {
    const list = await slots();
    const target = list[4]!;
    await book(target.start, 6);
    const res = await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start: target.start, people: 3 });
    assert.equal(res.statusCode, 409);
    const body = json(res);
    assert.deepEqual(fields(res), ['start']);
    const next = body.nextSlots as Slot[];
    assert.ok(next.length === 5 && next.every((s) => s.placesLeft >= 3 && s.start !== target.start));
  });

  it('refuses bad bookings, naming the field', async () => {
    const [first] = await slots();
    const hold = json(await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start: first!.start, people: 1 }));
    const base = { holdId: hold.holdId, name: 'Ana Souza', email: 'ana@example.com', language: 'en' };
    const cases: [unknown, number, string][] = [
      [{ ...base, email: 'not-an-email' }, 400, 'email'],
      [{ ...base, email: 'a@b' }, 400, 'email'],
      [{ ...base, name: '' }, 400, 'name'],
      [{ ...base, name: '<script>alert(1)</script>' }, 400, 'name'],
      [{ ...base, name: 'Robert\'); DROP TABLE bookings;--' }, 400, 'name'],
      [{ ...base, name: 'a'.repeat(121) }, 400, 'name'],
      [{ ...base, phone: 'call me' }, 400, 'phone'],
      [{ ...base, language: 'de' }, 400, 'language'],
      [{ ...base, holdId: 'AAAAAAAAAAAAAAAAAAAAAA' }, 404, 'holdId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await post('/api/v1/bookings', body);
      assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
      assert.ok(fields(res).includes(field), `${JSON.stringify(body)} names ${field}: ${res.body}`);
    }
    const ok = await post('/api/v1/bookings', base);
    assert.equal(ok.statusCode, 202, 'the hold survived the refusals');
    const again = await post('/api/v1/bookings', { ...base, email: 'other@example.com' });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(fields(again), ['holdId']);
  });

  it('answers a second booking for the same e-mail and service as it answers any booking, and tells that address instead', async () => {
    const list = await slots();
    const first = await book(list[10]!.start, 1, { email: 'twice@example.com' });
    const firstRow = await rt.database.db.selectFrom('bookings').select(['id', 'start_ms']).where('reference', '=', first.reference).executeTakeFirstOrThrow();
    // A stranger holds another time and asks to book it with the same address (other case): the answer looks like any.
    const hold = json(await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start: list[11]!.start, people: 1 }));
    const res = await post('/api/v1/bookings', { holdId: hold.holdId, name: 'Somebody Else', email: 'TWICE@example.com', language: 'da' });
    const fresh = json(await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start: list[12]!.start, people: 1 }));
    const normal = await post('/api/v1/bookings', { holdId: fresh.holdId, name: 'Somebody Else', email: 'nobody-yet@example.com', language: 'da' });
    assert.equal(res.statusCode, 202);
    assert.equal(normal.statusCode, 202);
    // Apart from what the asker gave (the address, the time), the two answers are the same.
    const shape = (r: LightMyRequestResponse) => {
      const body = json(r);
      return { keys: Object.keys(body), officeId: body.officeId, service: body.service, people: body.people, message: (body.message as string).replace(/\S+@\S+/, '@') };
    };
    assert.deepEqual(shape(res), shape(normal), 'nothing tells the two apart');
    assert.doesNotMatch(res.body, new RegExp(first.reference), 'the first booking\'s reference is not shown');
    // No second booking; the held time is spent and its place given back; the first booking is as it was.
    const rows = await rt.database.db.selectFrom('bookings').select(['id', 'status', 'start_ms']).where('email_key', '=', 'twice@example.com').execute();
    assert.deepEqual(rows, [{ id: firstRow.id, status: 'confirmed', start_ms: firstRow.start_ms }]);
    assert.equal((await slots()).find((s) => s.start === list[11]!.start)?.placesLeft, 8);
    assert.equal((await rt.ports.store.holdById(hold.holdId as string))?.status, 'used');
    // The address gets the booking it has, with a fresh link that works, in the booking's own language.
    const told = await linkInMail(rt, 'twice@example.com', 'already-booked');
    assert.equal(told.reference, first.reference);
    assert.notEqual(told.token, first.token);
    assert.match(told.subject, /^You already have a booking: /);
    assert.equal((await get(`/api/v1/bookings/${first.reference}`, { authorization: `Bearer ${told.token}` })).statusCode, 200);
    // At most one such message an hour per booking, however often someone tries.
    const third = json(await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start: list[13]!.start, people: 1 }));
    assert.equal((await post('/api/v1/bookings', { holdId: third.holdId, name: 'Somebody Else', email: 'twice@example.com', language: 'en' })).statusCode, 202);
    await rt.idle();
    assert.equal((await outboxMail(rt, { to_address: 'twice@example.com', kind: 'already-booked' })).length, 1);
    const other = json(await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'mitid', start: list[11]!.start, people: 1 }));
    assert.equal((await post('/api/v1/bookings', { holdId: other.holdId, name: 'Twice', email: 'twice@example.com', language: 'en' })).statusCode, 202);
    assert.equal((await rt.database.db.selectFrom('bookings').select('id').where('email_key', '=', 'twice@example.com').execute()).length, 2, 'another service is fine');
  });

  it('answers 410 for a hold that ran out', async () => {
    const [first] = await slots();
    const hold = json(await post('/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start: first!.start, people: 1 }));
    now = new Date(now.getTime() + 11 * 60_000);
    try {
      const res = await post('/api/v1/bookings', { holdId: hold.holdId, name: 'Late', email: 'late@example.com', language: 'en' });
      assert.equal(res.statusCode, 410);
      assert.deepEqual(fields(res), ['holdId']);
    } finally {
      now = new Date('2026-11-25T10:00:00Z');
    }
  });

  it('shows a booking only with its current token, and audits the read', async () => {
    const b = await book((await slots())[20]!.start, 2);
    const res = await get(`/api/v1/bookings/${b.reference}`, { authorization: `Bearer ${b.token}` });
    assert.equal(res.statusCode, 200);
    assert.deepEqual([json(res).reference, json(res).people, json(res).status], [b.reference, 2, 'confirmed']);
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: `Bearer ${'A'.repeat(43)}` }, { authorization: b.token }]) {
      const refused = await get(`/api/v1/bookings/${b.reference}`, headers);
      assert.equal(refused.statusCode, 404, JSON.stringify(headers));
      assert.ok(!refused.body.includes('Mei Chen'));
    }
    const other = await book((await slots())[21]!.start);
    assert.equal((await get(`/api/v1/bookings/${b.reference}`, { authorization: `Bearer ${other.token}` })).statusCode, 404, 'a token opens only its own booking');
    const row = await rt.database.db.selectFrom('bookings').select('id').where('reference', '=', b.reference).executeTakeFirstOrThrow();
    assert.deepEqual((await rt.ports.store.auditTrail(row.id)).map((a) => `${a.actor}:${a.action}`), ['api:read']);
  });

  it('reschedules with a new token; the old one stops working', async () => {
    const list = await slots();
    const b = await book(list[30]!.start, 2);
    const same = await post(`/api/v1/bookings/${b.reference}/reschedule`, { start: list[30]!.start }, { authorization: `Bearer ${b.token}` });
    assert.equal(same.statusCode, 400);
    const moved = await post(`/api/v1/bookings/${b.reference}/reschedule`, { start: list[31]!.start }, { authorization: `Bearer ${b.token}` });
    assert.equal(moved.statusCode, 200, moved.body);
    const m = json(moved);
    assert.deepEqual([m.start, m.version], [list[31]!.start, 2]);
    assert.notEqual(m.token, b.token);
    const old = await get(`/api/v1/bookings/${b.reference}`, { authorization: `Bearer ${b.token}` });
    assert.equal(old.statusCode, 410);
    assert.equal(json(old).state, 'rescheduled');
    assert.match(json(old).message as string, /was moved/);
    assert.doesNotMatch(old.body, /Mei Chen|@example\.com/, 'an old token says what happened, not whose booking it was');
    assert.equal((await post(`/api/v1/bookings/${b.reference}/cancel`, {}, { authorization: `Bearer ${b.token}` })).statusCode, 404, 'the old token cannot cancel');
    assert.equal((await get(`/api/v1/bookings/${b.reference}`, { authorization: `Bearer ${m.token}` })).statusCode, 200);
    const after = await slots();
    assert.equal(after.find((s) => s.start === list[30]!.start)?.placesLeft, 8);
    assert.equal(after.find((s) => s.start === list[31]!.start)?.placesLeft, 6);
  });

  it('does not move a booking to a time without room', async () => {
    const list = await slots();
    await book(list[40]!.start, 8);
    const b = await book(list[41]!.start, 1);
    const res = await post(`/api/v1/bookings/${b.reference}/reschedule`, { start: list[40]!.start }, { authorization: `Bearer ${b.token}` });
    assert.equal(res.statusCode, 409);
    assert.ok((json(res).nextSlots as Slot[]).length > 0);
    assert.equal(json(await get(`/api/v1/bookings/${b.reference}`, { authorization: `Bearer ${b.token}` })).start, list[41]!.start);
  });

  it('cancels once, giving the places back', async () => {
    const list = await slots();
    const b = await book(list[50]!.start, 4);
    const res = await post(`/api/v1/bookings/${b.reference}/cancel`, {}, { authorization: `Bearer ${b.token}` });
    assert.equal(res.statusCode, 200);
    assert.equal(json(res).status, 'cancelled');
    assert.equal((await post(`/api/v1/bookings/${b.reference}/cancel`, {}, { authorization: `Bearer ${b.token}` })).statusCode, 404);
    assert.equal((await slots()).find((s) => s.start === list[50]!.start)?.placesLeft, 8);
    // After the cancel, the link says so and nothing more: no name, no e-mail, and the read is not a read of personal data.
    const dead = await get(`/api/v1/bookings/${b.reference}`, { authorization: `Bearer ${b.token}` });
    assert.equal(dead.statusCode, 410);
    assert.deepEqual([json(dead).state, json(dead).message], ['cancelled', `Booking ${b.reference} was cancelled.`]);
    assert.doesNotMatch(dead.body, /Mei Chen|@example\.com|"name"|"email"/);
    const row = await rt.database.db.selectFrom('bookings').select('id').where('reference', '=', b.reference).executeTakeFirstOrThrow();
    assert.deepEqual((await rt.ports.store.auditTrail(row.id)).map((a) => `${a.actor}:${a.action}`), ['api:read', 'api:cancel']);
  });

  it('answers a request for the link the same way, and as fast, whether or not the booking exists', async () => {
    const b = await book((await slots())[60]!.start);
    // The answer does not wait for the lookup: with the store's lookup stopped, both answers still come, the same.
    const store = rt.ports.store;
    const lookup = store.bookingByReference;
    let release: () => void = () => {};
    const stopped = new Promise<void>((resolve) => { release = resolve; });
    const asked: string[] = [];
    store.bookingByReference = async (reference) => { asked.push(reference); await stopped; return lookup.call(store, reference); };
    try {
      const known = await post(`/api/v1/bookings/${b.reference}/link`, {});
      const unknown = await post('/api/v1/bookings/AAAA-BBBB/link', {});
      assert.equal(known.statusCode, 202);
      assert.equal(unknown.statusCode, 202);
      assert.equal(known.body, unknown.body);
    } finally {
      release();
      store.bookingByReference = lookup;
    }
    await rt.idle();
    assert.deepEqual(asked, [b.reference], 'looked up after answering (a reference that cannot be one is not looked up at all)');
    const row = await rt.database.db.selectFrom('bookings').select('id').where('reference', '=', b.reference).executeTakeFirstOrThrow();
    assert.equal((await outboxMail(rt, { booking_id: row.id, kind: 'link' })).length, 1, 'and the link went to the booking\'s address');
  });

  it('documents the contract in OpenAPI', async () => {
    const doc = json(await get('/api/openapi.json')) as { paths: Record<string, Record<string, unknown>>; components: { securitySchemes: Record<string, unknown> } };
    for (const [path, method] of [
      ['/api/v1/offices/{id}/availability', 'get'], ['/api/v1/holds', 'post'], ['/api/v1/bookings', 'post'], ['/api/v1/bookings/{reference}', 'get'],
      ['/api/v1/bookings/{reference}/cancel', 'post'], ['/api/v1/bookings/{reference}/reschedule', 'post'],
    ] as const) assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
    assert.ok(doc.components.securitySchemes.bookingToken);
  });
});

describe(`booking across the change to summer time on ${TEST_DATABASE}`, () => {
  it('gives times with +02:00 after 28 March 2027 (Easter: the holidays around it are closed) and writes them in Danish time in the calendar file', async () => {
    const spring = { now: () => new Date('2027-03-23T08:00:00Z') };
    const springRt = await testRuntime({ ...testDeps(), clock: spring });
    const springApp = await testApp({ maxHoldsPerClient: 1000 }, { clock: spring, runtime: springRt });
    try {
      const list = (await springApp.inject('/api/v1/offices/ics-copenhagen/availability?service=cpr-registration&from=2027-03-24&to=2027-03-31')).json() as { slots: Slot[] };
      const days = [...new Set(list.slots.map((s) => s.start.slice(0, 10)))];
      assert.deepEqual(days, ['2027-03-24', '2027-03-31'], 'Thursday, Good Friday and Easter Monday are closed');
      const before = list.slots.find((s) => s.start.startsWith('2027-03-24'))!;
      const monday = list.slots.find((s) => s.start.startsWith('2027-03-31'))!;
      assert.equal(before.start, '2027-03-24T11:00:00+01:00');
      assert.equal(monday.start, '2027-03-31T11:00:00+02:00');
      assert.equal(new Date(monday.start).toISOString(), '2027-03-31T09:00:00.000Z');
      const hold = (await springApp.inject({ method: 'POST', url: '/api/v1/holds', payload: { officeId: 'ics-copenhagen', service: 'cpr-registration', start: monday.start, people: 1 } })).json() as { holdId: string };
      const booked = await springApp.inject({ method: 'POST', url: '/api/v1/bookings', payload: { holdId: hold.holdId, name: 'Summer Time', email: 'summer@example.com', language: 'en' } });
      assert.equal(booked.statusCode, 202);
      const [mail] = await outboxMail(springRt, { to_address: 'summer@example.com' });
      assert.ok(mail);
      assert.match(mail.text, /Wednesday 31 March 2027, 11:00 to 11:15 \(Danish time\)/);
      assert.match(mail.ics ?? '', /DTSTART;TZID=Europe\/Copenhagen:20270331T110000/);
      assert.match(mail.ics ?? '', /BEGIN:VTIMEZONE[\s\S]*TZOFFSETTO:\+0200[\s\S]*RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU/);
    } finally {
      await springApp.close();
      await springRt.close();
    }
  });
});

describe(`limits on booking on ${TEST_DATABASE}`, () => {
  it('limits holds per client and requests per minute per address', async () => {
    const limitedRt = await testRuntime();
    const limited = await testApp({ maxHoldsPerClient: 2, bookingRateLimitMax: 5 }, { runtime: limitedRt });
    try {
      const list = ((await limited.inject('/api/v1/offices/ics-copenhagen/availability?service=cpr-registration')).json() as { slots: Slot[] }).slots;
      const statuses: number[] = [];
      for (const s of list.slice(0, 6)) {
        statuses.push((await limited.inject({ method: 'POST', url: '/api/v1/holds', payload: { officeId: 'ics-copenhagen', service: 'cpr-registration', start: s.start, people: 1 } })).statusCode);
      }
      assert.deepEqual(statuses, [201, 201, 429, 429, 429, 429]);
      const sixth = await limited.inject({ method: 'POST', url: '/api/v1/holds', payload: { officeId: 'ics-copenhagen', service: 'cpr-registration', start: list[7]!.start, people: 1 } });
      assert.equal(sixth.statusCode, 429);
      assert.match(sixth.body, /Too many requests from your address/);
    } finally {
      await limited.close();
      await limitedRt.close();
    }
  });
});

describe(`readiness on ${TEST_DATABASE}`, () => {
  it('answers 200 with the database ok while it answers, and 200 with the database unavailable (booking 503, not 500) once it is gone', async () => {
    const own = await testRuntime({ ...testDeps(), clock });
    const ownApp = await testApp({}, { clock, runtime: own });
    try {
      const ok = await ownApp.inject('/healthz');
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { status: 'ok', database: 'ok' });
      const free = await ownApp.inject('/api/v1/offices/ics-copenhagen/availability?service=cpr-registration');
      const start = (free.json() as { slots: { start: string }[] }).slots[0]!.start;
      await own.database.close();
      const gone = await ownApp.inject('/healthz');
      // Alive and ready: the plan and the offices need no database (ADR 9); the body tells monitoring about it.
      assert.equal(gone.statusCode, 200);
      assert.deepEqual(gone.json(), { status: 'ok', database: 'unavailable' });
      // Every request that needs the database says it cannot be done just now (503, try again later), not 500.
      const hold = await ownApp.inject({ method: 'POST', url: '/api/v1/holds', payload: { officeId: 'ics-copenhagen', service: 'cpr-registration', start, people: 1 } });
      assert.equal(hold.statusCode, 503, hold.body);
      assert.equal(hold.headers['retry-after'], '60');
      assert.match(hold.json<{ message: string }>().message, /cannot reach its database just now, so the request may not have been carried out/);
      const times = await ownApp.inject('/api/v1/offices/ics-aarhus/availability?service=eu-residence-document');
      assert.equal(times.statusCode, 503, times.body);
      const page = await ownApp.inject('/book/time?service=eu-residence-document&office=ics-aarhus&people=1&lang=da');
      assert.equal(page.statusCode, 503);
      assert.equal(page.headers['retry-after'], '60');
      assert.match(page.body, /<h1[^>]*>Booking er ikke mulig lige nu<\/h1>/);
      assert.match(page.body, /Prøv igen om et par minutter/);
    } finally {
      await ownApp.close();
      await own.close().catch(() => undefined);
    }
  });
});
