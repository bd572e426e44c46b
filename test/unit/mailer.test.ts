/**
 * The embedded default's mailer (no SMTP): it keeps no copy unless asked to (MAIL_FILES_KEEP_DAYS), and a copy it
 * keeps goes when its message's booking is erased, or when it is older than the days it is kept.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { fileMailer, smtpMailer } from '../../src/platform/mail/mailer.js';
import { loadConfig } from '../../src/platform/config.js';
import type { MailMessage } from '../../src/platform/mail/mailer-port.js';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'ics-mail-')); dirs.push(d); return join(d, 'outbox'); };

const message = (id: string): MailMessage => ({
  messageId: `<${id}@ics.test>`, to: 'mei.chen@example.com', subject: 'Booked: CPR registration (K7RM-4PXT)',
  text: 'Hello Mei Chen,\n\nSee, move or cancel your booking:\nhttp://localhost:3000/booking/K7RM-4PXT?token=abc\n',
  ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ICS//EN\r\nEND:VCALENDAR\r\n', icsMethod: 'PUBLISH',
});

describe('the e-mail files of the embedded default', () => {
  it('reads MAIL_FILES_KEEP_DAYS: 0 unless set, from 0 to 365', () => {
    assert.equal(loadConfig({}).mailFilesKeepDays, 0);
    assert.equal(loadConfig({ MAIL_FILES_KEEP_DAYS: '7' }).mailFilesKeepDays, 7);
    for (const bad of ['-1', '366', 'week', '1.5']) assert.throws(() => loadConfig({ MAIL_FILES_KEEP_DAYS: bad }), /MAIL_FILES_KEEP_DAYS/, bad);
    // And the outbox's claim: 60 s unless set, never shorter than a second.
    assert.equal(loadConfig({}).outboxLeaseMs, 60_000);
    assert.throws(() => loadConfig({ OUTBOX_LEASE_MS: '999' }), /OUTBOX_LEASE_MS/);
  });

  it('are not written at all by default (0 days): nothing is sent, and no copy stays', async () => {
    const dir = tempDir();
    const mailer = fileMailer(dir, 'ICS <no-reply@ics.test>', 0);
    await mailer.send(message('01JAAAAAAAAAAAAAAAAAAAAAAA'));
    assert.deepEqual(readdirSync(join(dir, '..')), [], 'not even the folder');
    assert.match(mailer.description, /neither sent nor kept/);
  });

  it('are kept as well-formed messages when asked, named by the message, and removed when forgotten or too old', async () => {
    const dir = tempDir();
    const mailer = fileMailer(dir, 'ICS <no-reply@ics.test>', 2);
    for (const id of ['01JAAAAAAAAAAAAAAAAAAAAAAA', '01JBBBBBBBBBBBBBBBBBBBBBBB', '01JCCCCCCCCCCCCCCCCCCCCCCC']) await mailer.send(message(id));
    await mailer.send(message('01JAAAAAAAAAAAAAAAAAAAAAAA'));
    assert.deepEqual(readdirSync(dir).sort(), ['01JAAAAAAAAAAAAAAAAAAAAAAA.eml', '01JBBBBBBBBBBBBBBBBBBBBBBB.eml', '01JCCCCCCCCCCCCCCCCCCCCCCC.eml'], 'sent twice, kept once');
    const parsed = await simpleParser(readFileSync(join(dir, '01JAAAAAAAAAAAAAAAAAAAAAAA.eml')));
    assert.equal(parsed.messageId, '<01JAAAAAAAAAAAAAAAAAAAAAAA@ics.test>');
    assert.equal(parsed.headers.get('auto-submitted'), 'auto-generated');
    assert.equal(parsed.attachments[0]?.contentType, 'text/calendar');
    const type = parsed.attachments[0]?.headers.get('content-type') as { params?: Record<string, string> } | undefined;
    assert.equal(type?.params?.method, 'PUBLISH');

    await mailer.forget!(['01JBBBBBBBBBBBBBBBBBBBBBBB', '01JZZZZZZZZZZZZZZZZZZZZZZZ']);
    assert.deepEqual(readdirSync(dir).sort(), ['01JAAAAAAAAAAAAAAAAAAAAAAA.eml', '01JCCCCCCCCCCCCCCCCCCCCCCC.eml']);
    // One file three days old: the sweep removes it and keeps the fresh one.
    const old = new Date(Date.now() - 3 * 86_400_000);
    utimesSync(join(dir, '01JCCCCCCCCCCCCCCCCCCCCCCC.eml'), old, old);
    assert.equal(await mailer.sweep!(new Date()), 1);
    assert.deepEqual(readdirSync(dir), ['01JAAAAAAAAAAAAAAAAAAAAAAA.eml']);
  });
});

describe('the SMTP mailer', () => {
  /** A real SMTP server (smtp-server) on a free port; it takes a message only at its end, and refuses "no@". */
  async function server() {
    const taken: string[] = [];
    const cutOff: string[] = [];
    const smtp = new SMTPServer({
      secure: false, authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], disableReverseLookup: true, logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', () => {});
        stream.on('close', () => { if (!stream.readableEnded) cutOff.push('cut off'); });
        stream.on('end', () => {
          if (session.envelope.rcptTo.some((r) => r.address.startsWith('no@'))) {
            callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
            return;
          }
          taken.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    smtp.on('error', () => {});
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const { port } = smtp.server.address() as { port: number };
    return { url: `smtp://127.0.0.1:${port}`, taken, cutOff, close: () => new Promise<void>((r) => smtp.close(() => r())) };
  }
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('gives the server the end of a message only after beforeEnd has run, and none if it throws', async () => {
    const smtp = await server();
    try {
      const mailer = smtpMailer(smtp.url, 'ICS <no-reply@ics.test>');
      let takenDuringBeforeEnd = -1;
      await mailer.send(message('01JDDDDDDDDDDDDDDDDDDDDDDD'), {
        beforeEnd: async () => {
          await wait(150);
          takenDuringBeforeEnd = smtp.taken.length;
        },
      });
      assert.equal(takenDuringBeforeEnd, 0, 'the server had not taken the message while the hand-over was recorded');
      assert.equal(smtp.taken.length, 1);
      assert.match(smtp.taken[0]!, /^Message-ID: <01JDDDDDDDDDDDDDDDDDDDDDDD@ics\.test>\r$/m);

      await assert.rejects(mailer.send(message('01JEEEEEEEEEEEEEEEEEEEEEEE'), { beforeEnd: async () => { throw new Error('the claim ran low'); } }), /claim ran low/);
      await wait(200);
      assert.equal(smtp.taken.length, 1, 'a message whose end was not sent is not taken');
    } finally {
      await smtp.close();
    }
  });

  it('says with its reply code when the server refuses the message at its end', async () => {
    const smtp = await server();
    try {
      const mailer = smtpMailer(smtp.url, 'ICS <no-reply@ics.test>');
      const refused = await mailer.send({ ...message('01JFFFFFFFFFFFFFFFFFFFFFFF'), to: 'no@example.com' }, { beforeEnd: async () => {} }).then(() => null, (e: unknown) => e);
      assert.equal((refused as { responseCode?: number } | null)?.responseCode, 550);
    } finally {
      await smtp.close();
    }
  });

  it('gives up on a server that does not answer, within its limit', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => { /* accepts, never greets */ });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = silent.address() as { port: number };
      const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'ICS <no-reply@ics.test>', 300);
      const started = Date.now();
      await assert.rejects(mailer.send(message('01JGGGGGGGGGGGGGGGGGGGGGGG')));
      assert.ok(Date.now() - started < 5_000);
    } finally {
      silent.close();
    }
  });
});
