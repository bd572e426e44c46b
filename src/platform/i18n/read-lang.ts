import { LANGS, type Lang } from '../../kernel/i18n/locales.js';

/** The language a request asks for with `lang` (in its query or its form), English when it names none we have. */
export function readLang(query: Record<string, string | string[] | undefined>): Lang {
  const raw = query.lang;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : 'en';
}
