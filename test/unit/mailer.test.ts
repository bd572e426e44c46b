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
import { fileMailer } from '../../src/adapters/mail/mailer.js';
import type { MailMessage } from '../../src/ports/mailer.js';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'ics-mail-')); dirs.push(d); return join(d, 'outbox'); };

const message = (id: string): MailMessage => ({
  messageId: `<${id}@ics.test>`, to: 'mei.chen@example.com', subject: 'Booked: CPR registration (K7RM-4PXT)',
  text: 'Hello Mei Chen,\n\nSee, move or cancel your booking:\nhttp://localhost:3000/booking/K7RM-4PXT?token=abc\n',
  ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ICS//EN\r\nEND:VCALENDAR\r\n', icsMethod: 'PUBLISH',
});

describe('the e-mail files of the embedded default', () => {
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
