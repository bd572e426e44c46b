/**
 * E-mail through nodemailer: over SMTP when SMTP_URL is set, otherwise written as .eml files under
 * data/outbox/ (the embedded default), so a person trying the app can open what it would have sent. A file is
 * written under a temporary name and renamed, named after the message: sending the same message twice leaves
 * one file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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

export function fileMailer(dir: string, from: string): Mailer {
  mkdirSync(dir, { recursive: true });
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `files in ${dir}`,
    async send(m) {
      const info = await transport.sendMail(mailOptions(from, m));
      const name = m.messageId.replace(/[^A-Za-z0-9_-]/g, '_');
      const tmp = join(dir, `.${name}.tmp`);
      writeFileSync(tmp, info.message as Buffer);
      renameSync(tmp, join(dir, `${name}.eml`));
    },
    async close() {},
  };
}
