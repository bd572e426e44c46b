/**
 * Checks what a person gives when booking: name, e-mail, optional phone, the language for messages, and how
 * many people come. Returns field errors in the same shape as the questionnaire's, so pages and the API say the
 * same thing in the person's language.
 */
import { type Lang, isLang } from '../../../kernel/i18n/locales.js';
import type { FieldError } from '../../../kernel/i18n/field-error.js';

export interface RawDetails {
  name?: unknown;
  email?: unknown;
  phone?: unknown;
  language?: unknown;
}

export interface Details {
  name: string;
  email: string;
  /** The e-mail as compared for "one booking per person": trimmed and lower-cased. */
  emailKey: string;
  phone: string | null;
  language: Lang;
}

export const NAME_MAX = 120;
export const EMAIL_MAX = 254;

// Control characters (other than none at all) have no place in a name, an e-mail or a phone number.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// A practical e-mail check: one @, a local part without spaces, a domain with a dot and no empty labels.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
// Letters of every script, marks, spaces, apostrophes, hyphens, dots and commas make names; these never do.
const NOT_IN_NAMES = /[<>{}[\]\\|^~=@#$%*_+"`;:!?/0-9]/;
const PHONE = /^\+?[0-9 ()-]{6,24}$/;

/**
 * Characters nobody types on purpose and nobody sees: the controls that reorder text (Bidi_Control: a name that
 * reads "Anna" but holds "annA" backwards), the zero-width and other default-ignorable characters, and lone halves
 * of surrogate pairs (no character at all). They are taken out, silently: the person sees the name they typed.
 * Every letter of every script stays, with its accents and marks.
 */
const INVISIBLE = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Cs}]/gu;

const text = (value: unknown): string => (typeof value === 'string' ? value.replace(INVISIBLE, '').normalize('NFC').trim() : '');

export function validateDetails(raw: RawDetails): { ok: true; details: Details } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = text(raw.name).replace(/\s+/g, ' ');
  if (name === '') errors.push({ field: 'name', code: 'required' });
  else if (name.length > NAME_MAX) errors.push({ field: 'name', code: 'too-long', params: { max: NAME_MAX } });
  else if (CONTROL.test(name) || NOT_IN_NAMES.test(name) || !/\p{L}/u.test(name)) errors.push({ field: 'name', code: 'not-a-name' });

  const email = text(raw.email);
  if (email === '') errors.push({ field: 'email', code: 'required' });
  else if (email.length > EMAIL_MAX || CONTROL.test(email) || !EMAIL.test(email)) errors.push({ field: 'email', code: 'not-an-email' });

  const phoneText = text(raw.phone);
  if (phoneText !== '' && (!PHONE.test(phoneText) || (phoneText.match(/\d/g) ?? []).length < 6)) errors.push({ field: 'phone', code: 'not-a-phone' });

  const language = raw.language;
  if (!isLang(language)) errors.push({ field: 'language', code: 'required' });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    details: { name, email, emailKey: email.toLowerCase(), phone: phoneText === '' ? null : phoneText.replace(/\s+/g, ' '), language: language as Lang },
  };
}

/** A party of 1 to `max` people, as a whole number; null otherwise. */
export function parsePeople(value: unknown, max: number): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}
