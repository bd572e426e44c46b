/**
 * E-mail through nodemailer: over SMTP when SMTP_URL is set. Without it (the embedded default) nothing is sent: the
 * messages are written as .eml files under data/outbox/ only when MAIL_FILES_KEEP_DAYS asks for it, so a person
 * trying the app can read them, and removed after those days or as soon as their booking's personal data is erased.
 * A file is written under a temporary name and renamed, named after the message: sending the same message twice
 * leaves one file.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Mailer, MailMessage } from './mailer-port.js';

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

/** How long one message may take, from connecting to the mail server's answer: well inside the outbox's claim. */
export const SEND_LIMIT_MS = 20_000;

/** An error with the mail server's reply code (it answered no), or without one (the connection failed). */
interface SmtpError extends Error { responseCode?: number | undefined }

/**
 * Over SMTP, one connection per message (nodemailer's SMTPConnection: STARTTLS when offered, AUTH from the URL).
 * The message is given to the server as a stream that stops before its end: `beforeEnd` runs there, and only then
 * does the last line (".") go, so what the outbox records happens before the server can have the message.
 */
export function smtpMailer(url: string, from: string, limitMs = SEND_LIMIT_MS): Mailer {
  const settings = parseConnectionUrl(url);
  const shown = new URL(url);
  return {
    description: `${shown.protocol}//${shown.hostname}:${shown.port || '25'}`,
    async send(m, hooks) {
      const mail = new MailComposer(mailOptions(from, m)).compile();
      const envelope = mail.getEnvelope();
      const bytes = await mail.build();
      const connection = new SMTPConnection({
        ...settings, connectionTimeout: limitMs, greetingTimeout: limitMs, socketTimeout: limitMs,
      });
      let stage = 0;
      const body = new Readable({
        read() {
          if (stage === 0) {
            stage = 1;
            this.push(bytes);
          } else if (stage === 1) {
            stage = 2;
            const ready = hooks?.beforeEnd ? hooks.beforeEnd() : Promise.resolve();
            ready.then(() => this.push(null), (error: Error) => this.destroy(error));
          }
        },
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const fail = (error: SmtpError) => { clearTimeout(timer); connection.close(); reject(error); };
          const timer = setTimeout(() => fail(new Error(`the mail server took longer than ${limitMs} ms`)), limitMs);
          connection.on('error', fail);
          const send = () => connection.send(envelope, body, (error) => {
            if (error) return fail(error);
            clearTimeout(timer);
            connection.quit();
            resolve();
          });
          connection.connect((error) => {
            if (error) return fail(error);
            if (!settings.auth) return send();
            connection.login(settings.auth as SMTPConnection.Credentials, (e) => (e ? fail(e) : send()));
          });
        });
      } finally {
        body.destroy();
      }
    },
    async close() {},
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
      async send(_m, hooks) {
        await hooks?.beforeEnd?.();
      },
      async close() {},
    };
  }
  mkdirSync(dir, { recursive: true });
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `files in ${dir}, kept ${keepDays} day${keepDays === 1 ? '' : 's'}`,
    async send(m, hooks) {
      const info = await transport.sendMail(mailOptions(from, m));
      const name = fileName(idOf(m.messageId));
      const tmp = join(dir, `.${name}.tmp`);
      writeFileSync(tmp, info.message as Buffer);
      await hooks?.beforeEnd?.();
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
