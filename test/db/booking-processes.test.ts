/**
 * The booking guarantees with the real server as child processes on a real database (TEST_DATABASE=sqlite, the
 * default, and TEST_DATABASE=postgres; the test script runs this file on both):
 * - capacity is never exceeded: 100 concurrent holds for the last place of a slot give one hold and 99 refusals
 *   (409 with the next free times), also with two server processes on one PostgreSQL database;
 * - a crash loses nothing confirmed: the server is killed (SIGKILL) during a booking load, and after a restart every
 *   booking answered 202 exists and its confirmation e-mail reaches the mail server exactly once.
 * The servers run on the real clock: free times are taken from the availability the server gives.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { HANDED_OVER_UNHEARD } from '../../src/modules/booking/adapters/db/booking-store.js';
import { ROOT } from '../../src/platform/root.js';
import { TEST_DATABASE, type TestRuntime, testRuntime } from '../helpers.js';

const OFFICE = 'ics-copenhagen';
const SERVICE = 'cpr-registration';
const PLACES = 8;
/** The host in PUBLIC_URL: the outbox sender writes Message-IDs as <outbox-id@this host>. */
const MAIL_HOST = 'ics.test';
const REFERENCE = /\/booking\/([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})\?token=/;

// ---- Server processes ------------------------------------------------------------------------------------------

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
  output(): string;
}

const children = new Set<ChildProcess>();

after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

const BASE_ENV: Record<string, string> = {
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '1000000',
  BOOKING_RATE_LIMIT_MAX: '1000000',
  MAX_HOLDS_PER_CLIENT: '1000000',
  PUBLIC_URL: `http://${MAIL_HOST}`,
  MAIL_FROM: 'ICS booking <no-reply@ics.test>',
  // Given, so that two processes starting at once do not both make one in DATA_DIR.
  COOKIE_SECRET: 'process-test-cookie-secret-that-is-long-enough',
  DATABASE_URL: '',
  SMTP_URL: '',
  JOBS: 'false',
  BOOKING_CONFIG: '',
};

/** Starts `src/server.ts` on a free port and waits until it answers /healthz. */
async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT, env: { ...process.env, ...BASE_ENV, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (d: Buffer) => { output = (output + d.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server stopped while starting:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`no answer on /healthz within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, exited, output: () => output };
}

async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill(signal);
  const late = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await server.exited;
  clearTimeout(late);
}

// ---- The API ---------------------------------------------------------------------------------------------------

interface SlotJson { start: string; end: string; placesLeft: number }
interface Answer { status: number; body: Record<string, unknown> }

async function call(base: string, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try { parsed = JSON.parse(text) as Record<string, unknown>; } catch { parsed = { text }; }
  return { status: response.status, body: parsed };
}

async function freeSlots(base: string, people = 1): Promise<SlotJson[]> {
  const answer = await call(base, 'GET', `/api/v1/offices/${OFFICE}/availability?service=${SERVICE}&people=${people}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.bookableOnline, true);
  return answer.body.slots as SlotJson[];
}

const holdBody = (start: string, people: number) => ({ officeId: OFFICE, service: SERVICE, start, people });
const bookBody = (holdId: string, email: string) => ({ holdId, name: 'Ana Souza', email, language: 'en' });

// ---- The database ----------------------------------------------------------------------------------------------

async function slotInDatabase(rt: TestRuntime, startMs: number) {
  const { db } = rt.database;
  const usage = await db.selectFrom('slot_usage').selectAll()
    .where('office_id', '=', OFFICE).where('service', '=', SERVICE).where('start_ms', '=', startMs).executeTakeFirst();
  const booked = await db.selectFrom('bookings').select((eb) => [eb.fn.sum<number>('people').as('people'), eb.fn.countAll<number>().as('n')])
    .where('office_id', '=', OFFICE).where('service', '=', SERVICE).where('start_ms', '=', startMs).where('status', '=', 'confirmed')
    .executeTakeFirst();
  const held = await db.selectFrom('holds').select((eb) => eb.fn.sum<number>('people').as('people'))
    .where('office_id', '=', OFFICE).where('service', '=', SERVICE).where('start_ms', '=', startMs)
    .where('status', '=', 'active').where('expires_ms', '>', Date.now())
    .executeTakeFirst();
  return {
    used: usage?.used, capacity: usage?.capacity,
    bookedPeople: Number(booked?.people ?? 0), bookings: Number(booked?.n ?? 0), heldPeople: Number(held?.people ?? 0),
  };
}

// ---- Capacity --------------------------------------------------------------------------------------------------

const slotsUsed = new Set<string>();

/**
 * Fills a free slot to 7 of 8 places through the API, then sends 100 holds for one place at once (spread over the
 * servers in turn) and books the one that is held.
 */
async function raceForTheLastPlace(rt: TestRuntime, servers: Server[]): Promise<string> {
  const first = servers[0]!.url;
  // Not the first free times: they must stay bookable (two hours ahead) for the whole test.
  const slot = (await freeSlots(first)).slice(4).find((s) => s.placesLeft === PLACES && !slotsUsed.has(s.start));
  assert.ok(slot, 'no free slot with all places');
  slotsUsed.add(slot.start);
  const startMs = Date.parse(slot.start);

  const seven = await call(first, 'POST', '/api/v1/holds', holdBody(slot.start, PLACES - 1));
  assert.equal(seven.status, 201, JSON.stringify(seven.body));
  const family = await call(first, 'POST', '/api/v1/bookings', bookBody(seven.body.holdId as string, `family-${startMs}@example.com`));
  assert.equal(family.status, 202, JSON.stringify(family.body));
  assert.equal((await freeSlots(first)).find((s) => s.start === slot.start)?.placesLeft, 1);

  const raceStarted = Date.now();
  const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => {
    const server = servers[i % servers.length]!;
    return call(server.url, 'POST', '/api/v1/holds', holdBody(slot.start, 1)).then((a) => ({ ...a, server: i % servers.length }));
  }));
  const raceMs = Date.now() - raceStarted;
  const byStatus = new Map<number, number>();
  for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(byStatus), { 201: 1, 409: 99 }, `answers by status: ${JSON.stringify(Object.fromEntries(byStatus))}`);
  for (const refusal of answers.filter((a) => a.status === 409)) {
    const next = refusal.body.nextSlots as SlotJson[] | undefined;
    assert.ok(Array.isArray(next) && next.length > 0, `a refusal without the next free times: ${JSON.stringify(refusal.body)}`);
    assert.ok(!next.some((s) => s.start === slot.start), 'a refusal offers the full slot as free');
    assert.deepEqual((refusal.body.errors as { field: string }[]).map((e) => e.field), ['start']);
  }
  if (servers.length > 1) {
    for (let s = 0; s < servers.length; s++) {
      assert.ok(answers.filter((a) => a.server === s && a.status === 409).length >= 49, `server ${s} did not refuse its share`);
    }
  }

  const winner = answers.find((a) => a.status === 201)!;
  const booked = await call(servers[winner.server]!.url, 'POST', '/api/v1/bookings', bookBody(winner.body.holdId as string, `last-${startMs}@example.com`));
  assert.equal(booked.status, 202, JSON.stringify(booked.body));

  for (const server of servers) {
    assert.equal((await freeSlots(server.url)).find((s) => s.start === slot.start), undefined, `${server.url} still offers the full slot`);
  }
  const inDb = await slotInDatabase(rt, startMs);
  assert.deepEqual(inDb, { used: PLACES, capacity: PLACES, bookedPeople: PLACES, bookings: 2, heldPeople: 0 });
  assert.equal(inDb.bookedPeople + inDb.heldPeople, PLACES);

  // The database itself refuses a ninth place, whoever asks.
  await assert.rejects(
    rt.database.db.updateTable('slot_usage').set((eb) => ({ used: eb('used', '+', 1) }))
      .where('office_id', '=', OFFICE).where('service', '=', SERVICE).where('start_ms', '=', startMs).execute(),
    (error: { code?: string }) => error.code === '23514' || error.code === 'SQLITE_CONSTRAINT_CHECK',
  );
  return `the 100 holds for ${slot.start} were answered in ${raceMs} ms by ${servers.length} server process(es)`;
}

describe(`capacity with real server processes on ${TEST_DATABASE}`, () => {
  let rt: TestRuntime;
  const servers: Server[] = [];
  before(async () => { rt = await testRuntime(); });
  after(async () => {
    await Promise.all(servers.map((s) => stopServer(s)));
    await rt?.close();
  });

  it('100 concurrent holds for the last place of a slot give one booking and 99 refusals with the next free times', async (t) => {
    servers.push(await startServer(rt.env));
    t.diagnostic(await raceForTheLastPlace(rt, servers.slice(0, 1)));
  });

  it('the same with two server processes on one database, requests alternating between them', {
    skip: TEST_DATABASE === 'sqlite' ? 'two server processes share a database on PostgreSQL only: run with TEST_DATABASE=postgres' : false,
  }, async (t) => {
    if (servers.length === 0) servers.push(await startServer(rt.env));
    servers.push(await startServer(rt.env));
    t.diagnostic(await raceForTheLastPlace(rt, servers));
  });
});

// ---- A crash during a booking load -----------------------------------------------------------------------------

interface Mail { messageId: string; to: string; subject: string; reference: string | undefined }

/** A header's value, unfolded, with RFC 2047 encoded words decoded. */
function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const value = line ? line.slice(name.length + 1).trim() : '';
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_, _charset: string, encoding: string, text: string) => (encoding.toUpperCase() === 'B'
    ? Buffer.from(text, 'base64').toString('utf8')
    : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')));
}

function parseMail(raw: string): Mail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  // Quoted-printable: join soft line breaks and decode "=3D" so the link reads as written.
  const body = (split < 0 ? '' : raw.slice(split)).replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  return { messageId: header(head, 'Message-ID'), to: header(head, 'To'), subject: header(head, 'Subject'), reference: REFERENCE.exec(body)?.[1] };
}

/** An SMTP server that keeps every message it accepted (a message cut off mid-way is not accepted). */
async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], disableReverseLookup: true, logger: false, size: 1_000_000,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => { /* the sender went away mid-message: not accepted */ });
      stream.on('end', () => {
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  });
  server.on('error', () => { /* a sender killed mid-conversation */ });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Confirmed { email: string }

describe(`a crash during a booking load, with real server processes on ${TEST_DATABASE}`, () => {
  let rt: TestRuntime;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const servers: Server[] = [];
  before(async () => {
    rt = await testRuntime();
    smtp = await startSmtp();
  });
  after(async () => {
    await Promise.all(servers.map((s) => stopServer(s, 'SIGKILL')));
    await smtp?.close();
    await rt?.close();
  });

  it('loses no booking answered 202, and sends each confirmation exactly once, over three kills and at least 500 bookings', async (t) => {
    const env = {
      ...rt.env, JOBS: 'true', SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      // A killed sender's claim on a message runs out after this (60 s by default), and the restarted server sends
      // it, unless it had been handed over. Short here, so that claims also run out while servers are busy.
      OUTBOX_LEASE_MS: '3000',
    };
    const ROUNDS = 3;
    const PER_ROUND = 180;
    const answered: Confirmed[] = [];
    const statuses = new Map<string, number>();
    const count = (what: string) => statuses.set(what, (statuses.get(what) ?? 0) + 1);
    const kills: string[] = [];
    let slots: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServer(env);
      servers.push(server);
      if (round === 0) slots = (await freeSlots(server.url)).slice(4, 204).map((s) => s.start);
      assert.ok(slots.length >= 150);
      let killed = false;
      let inFlight = 0;
      let answeredThisRound = 0;
      const client = async (c: number) => {
        let choices = slots;
        for (let n = 0; !killed; n++) {
          const email = `load-${round}-${c}-${n}@example.com`;
          inFlight++;
          try {
            const held = await call(server.url, 'POST', '/api/v1/holds', holdBody(choices[Math.floor(Math.random() * choices.length)]!, 1));
            count(`hold ${held.status}`);
            if (held.status === 409) {
              const next = held.body.nextSlots as SlotJson[] | undefined;
              choices = next && next.length > 0 ? next.map((s) => s.start) : slots;
              continue;
            }
            if (held.status !== 201) continue;
            const booked = await call(server.url, 'POST', '/api/v1/bookings', bookBody(held.body.holdId as string, email));
            count(`book ${booked.status}`);
            if (booked.status === 202) {
              answered.push({ email });
              answeredThisRound++;
            }
          } catch (error) {
            // The server is gone (the answer was lost with it), or a body was cut off mid-way.
            if (killed) return;
            count(`error ${String((error as Error).cause ?? error)}`);
          } finally {
            inFlight--;
          }
        }
      };
      const loadStarted = Date.now();
      const load = Promise.all(Array.from({ length: 30 }, (_, c) => client(c)));
      // Let the load run, with mail going out (the restarted server's too), then kill the server mid-flight.
      while (Date.now() - loadStarted < 1_000 || (answeredThisRound < PER_ROUND && Date.now() - loadStarted < 20_000)) await new Promise((r) => setTimeout(r, 25));
      const mailsAtKill = smtp.mails.length;
      const inFlightAtKill = inFlight;
      killed = true;
      server.child.kill('SIGKILL');
      await server.exited;
      await load;
      assert.ok(inFlightAtKill > 0, 'the kill came between requests, not during one');
      assert.ok(answeredThisRound >= PER_ROUND, `too few bookings in round ${round + 1}: ${answeredThisRound} (${JSON.stringify(Object.fromEntries(statuses))})`);
      kills.push(`kill ${round + 1}: ${answeredThisRound} answered 202 in ${Date.now() - loadStarted} ms, ${inFlightAtKill} clients mid-booking, ${mailsAtKill} e-mails so far`);
    }
    assert.ok(![...statuses.keys()].some((k) => / 5\d\d$/.test(k) || k.startsWith('error')), `failed answers before a kill: ${JSON.stringify(Object.fromEntries(statuses))}`);
    assert.ok(answered.length >= 500, `only ${answered.length} bookings answered 202`);

    const restartedAt = Date.now();
    const last = await startServer(env);
    servers.push(last);

    // Every booking answered 202 exists, confirmed.
    const { db } = rt.database;
    const inDb = await db.selectFrom('bookings').select(['id', 'reference', 'email', 'status']).execute();
    const byEmail = new Map(inDb.map((b) => [b.email, b]));
    for (const booking of answered) assert.equal(byEmail.get(booking.email)?.status, 'confirmed', `the booking for ${booking.email}, answered 202, is gone`);
    const answeredEmails = new Set(answered.map((b) => b.email));
    assert.ok(inDb.every((b) => b.status === 'confirmed'));
    const unanswered = inDb.filter((b) => !answeredEmails.has(b.email ?? ''));

    // Every booking in the database gets its confirmation: wait for the outbox to be empty and the mail to arrive.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '!=', 'sent').executeTakeFirst();
      const open = Number(row?.n ?? 0);
      const arrived = new Set(smtp.mails.map((m) => m.reference));
      if (open === 0 && inDb.every((b) => arrived.has(b.reference))) break;
      assert.ok(Date.now() < deadline, `after 90 s, ${open} messages are still unsent and ${inDb.filter((b) => !arrived.has(b.reference)).length} bookings have no confirmation:\n${last.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const deliveredAfterMs = Date.now() - restartedAt;
    // Longer than a claim (3 s) and a turn of the sender (2 s), so that a late second copy would be seen.
    await new Promise((r) => setTimeout(r, 5_500));

    const outbox = await db.selectFrom('outbox').select(['id', 'booking_id', 'kind', 'status', 'attempts', 'last_error']).execute();
    const mails = smtp.mails;
    assert.ok(mails.every((m) => m.subject.startsWith('Booked:')), `a message that is not a confirmation: ${mails.find((m) => !m.subject.startsWith('Booked:'))?.subject}`);
    const byReference = new Map<string, Mail[]>();
    for (const m of mails) {
      assert.ok(m.reference, `a confirmation without the link to its booking: ${m.subject}`);
      assert.ok(m.subject.endsWith(`(${m.reference})`), `subject and link name different bookings: ${m.subject}, ${m.reference}`);
      byReference.set(m.reference, [...(byReference.get(m.reference) ?? []), m]);
    }
    const dbRefs = new Set(inDb.map((b) => b.reference));
    for (const reference of byReference.keys()) assert.ok(dbRefs.has(reference), `a confirmation for booking ${reference}, which does not exist`);
    // Exactly one message per booking: none lost, none twice.
    const twice = inDb.filter((b) => (byReference.get(b.reference) ?? []).length > 1);
    assert.deepEqual(twice.map((b) => `${b.reference}: ${byReference.get(b.reference)!.length}`), [], 'confirmations that arrived more than once');
    for (const booking of inDb) {
      const got = byReference.get(booking.reference) ?? [];
      assert.equal(got.length, 1, `booking ${booking.reference} got ${got.length} confirmations`);
      const rows = outbox.filter((o) => o.booking_id === booking.id);
      assert.deepEqual(rows.map((o) => [o.kind, o.status]), [['confirmation', 'sent']], `the outbox of ${booking.reference}`);
      assert.equal(got[0]!.messageId, `<${rows[0]!.id}@${MAIL_HOST}>`, 'the Message-ID is the outbox row\'s');
      assert.equal(got[0]!.to, booking.email, `sent to ${got[0]!.to}, not ${booking.email}`);
    }
    assert.equal(mails.length, inDb.length);
    const reclaimed = outbox.filter((o) => o.attempts > 1).length;
    const handedAtKill = outbox.filter((o) => o.last_error === HANDED_OVER_UNHEARD).length;
    t.diagnostic(`${kills.join('; ')}; ${answered.length} bookings answered 202, ${unanswered.length} committed with the answer lost in a kill; `
      + `all ${inDb.length} confirmations delivered ${deliveredAfterMs} ms after the last restart, each exactly once (${mails.length} messages); `
      + `${handedAtKill} handed over by a killed server before it heard back (not sent again), `
      + `${reclaimed} messages claimed more than once (max ${Math.max(...outbox.map((o) => o.attempts))}); answers ${JSON.stringify(Object.fromEntries(statuses))}`);
  });
});
