/**
 * Words for the interface, in the person's language (ICU MessageFormat: `t` fills "{name}" and chooses plural forms); a key that does not exist
 * shows as the key itself (and a test makes sure every key the views use exists).
 */
import type { Content } from './content.js';
import { formatMessage } from '../../kernel/i18n/message.js';
import type { Lang } from '../../kernel/i18n/locales.js';
import type { FieldError } from '../../kernel/i18n/field-error.js';
import { parseLocalDate } from '../../kernel/dates/local-date.js';
import { formatDate } from '../../kernel/i18n/format.js';

export type Params = Record<string, string | number>;

export interface Texts {
  t(lang: Lang, key: string, params?: Params): string;
  message(lang: Lang, error: FieldError): string;
}

/** Dates given as "2026-12-14" are written out in the language; the rest is MessageFormat's (plurals included). */
function fill(text: string, params: Params | undefined, lang: Lang): string {
  if (!params) return formatMessage(text, lang);
  const values: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const asDate = typeof value === 'string' ? parseLocalDate(value) : null;
    values[name] = asDate ? formatDate(asDate, lang) : value;
  }
  return formatMessage(text, lang, values);
}

export function createTexts(content: Content): Texts {
  return {
    t(lang, key, params) {
      const entry = content.ui[key];
      return entry ? fill(entry[lang], params, lang) : key;
    },
    message(lang, error) {
      const entry = content.messages[`${error.field}.${error.code}`] ?? content.messages[error.code];
      return entry ? fill(entry[lang], error.params, lang) : fill(content.messages['field.unknown']?.[lang] ?? error.code, undefined, lang);
    },
  };
}
