/**
 * The languages of the service, as a registry: adding one is an entry here and a folder content/<code>/ with every
 * text English has (the start-up check refuses a folder that misses a key or whose placeholders differ).
 */
export interface LocaleInfo {
  /** The code in addresses (`?lang=uk`), in the API and in stored bookings. */
  code: string;
  /** The language's own name, for the language switch. */
  name: string;
  /** The BCP 47 tag for Intl (dates, numbers, plurals, sorting). */
  intl: string;
  /** How an amount in Danish kroner is written; `{amount}` is the formatted number. */
  dkk: string;
}

export const LOCALES = [
  { code: 'en', name: 'English', intl: 'en-GB', dkk: 'DKK {amount}' },
  { code: 'da', name: 'Dansk', intl: 'da-DK', dkk: '{amount} kr.' },
  { code: 'uk', name: 'Українська', intl: 'uk-UA', dkk: '{amount} DKK' },
] as const satisfies readonly LocaleInfo[];

export type Lang = (typeof LOCALES)[number]['code'];
export const LANGS = LOCALES.map((l) => l.code) as unknown as readonly [Lang, ...Lang[]];
/** The language every text is written in first, and the one a request without a known language gets. */
export const SOURCE_LANG: Lang = 'en';

/** A value in every language of the registry. */
export type Localized<T = string> = Readonly<Record<Lang, T>>;

const byCode = new Map<string, LocaleInfo>(LOCALES.map((l) => [l.code, l]));

export function localeInfo(lang: Lang): LocaleInfo {
  return byCode.get(lang)!;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && byCode.has(value);
}
