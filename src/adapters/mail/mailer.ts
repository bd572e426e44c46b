/**
 * E-mail through nodemailer: over SMTP when SMTP_URL is set. Without it (the embedded default) nothing is sent: the
 * messages are written as .eml files under data/outbox/ only when MAIL_FILES_KEEP_DAYS asks for it, so a person
 * trying the app can read them, and removed after those days or as soon as their booking's personal data is erased.
 * A file is written under a temporary name and renamed, named after the message: sending the same message twice
 * leaves one file.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from '../../ports/mailer.js';

function mailOptions(from: string, m: MailMessage) {
  return {
    from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    messageId: m.messageId,
    headers: { 'Auto-Submitted': 'auto-generated' },
    ...(m.ics
      ? { attachments: [{ filename: 'appointment.ics', content: m.ics, contentType: `text/calendar; charset=utf-8; method=${m.icsMethod}` }] }
      : {}),
  };
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  const shown = new URL(url);
  return {
    description: `${shown.protocol}//${shown.hostname}:${shown.port || '25'}`,
    async send(m) {
      await transport.sendMail(mailOptions(from, m));
    },
    async close() {
      transport.close();
    },
  };
}

/** "<01J...@ics.localhost>" → "01J....eml": the outbox row's id, which is all a file needs to be found again. */
const fileName = (id: string) => `${id.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`;
const idOf = (messageId: string) => messageId.replace(/^</, '').replace(/@.*$/, '');

/**
 * The embedded default's mailer: keeps each message as a file for `keepDays` days (0: writes none). Its files are
 * the only copies, and they hold a name, an address and a private link: `forget` and `sweep` remove them.
 */
export function fileMailer(dir: string, from: string, keepDays: number): Mailer {
  if (keepDays === 0) {
    return {
      description: 'nowhere: no SMTP_URL, and MAIL_FILES_KEEP_DAYS is 0 (e-mails are neither sent nor kept)',
      async send() {},
      async close() {},
    };
  }
  mkdirSync(dir, { recursive: true });
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `files in ${dir}, kept ${keepDays} day${keepDays === 1 ? '' : 's'}`,
    async send(m) {
      const info = await transport.sendMail(mailOptions(from, m));
      const name = fileName(idOf(m.messageId));
      const tmp = join(dir, `.${name}.tmp`);
      writeFileSync(tmp, info.message as Buffer);
      renameSync(tmp, join(dir, name));
    },
    async forget(ids) {
      for (const id of ids) rmSync(join(dir, fileName(id)), { force: true });
    },
    async sweep(now) {
      const before = now.getTime() - keepDays * 86_400_000;
      let removed = 0;
      for (const name of readdirSync(dir)) {
        if (!name.endsWith('.eml') && !name.endsWith('.tmp')) continue;
        const file = join(dir, name);
        if (statSync(file).mtimeMs < before) {
          rmSync(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
    async close() {},
  };
}
