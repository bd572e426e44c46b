import { LOCALES, type Lang } from '../../kernel/i18n/locales.js';
import type { Params } from '../i18n/texts.js';

/** A link to this page in another language, for the language switch. */
export interface LangLink {
  lang: Lang;
  /** The language's own name. */
  name: string;
  href: string;
}

/** What every view needs: the person's language, the words in it, and this page in every other language. */
export interface View {
  lang: Lang;
  t: (key: string, params?: Params) => string;
  langLinks: LangLink[];
}

/** This page in every language but `lang`, in the registry's order. */
export function langLinks(lang: Lang, addressFor: (lang: Lang) => string): LangLink[] {
  return LOCALES.filter((l) => l.code !== lang).map((l) => ({ lang: l.code, name: l.name, href: addressFor(l.code) }));
}

/** Adds the language to an address of ours (English is the default and is left out). */
export function href(view: View, path: string, query = ''): string {
  const params = new URLSearchParams(query);
  if (view.lang !== 'en') params.set('lang', view.lang);
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

export function html(element: JSX.Element): string {
  if (typeof element !== 'string') throw new Error('Views must render synchronously');
  return element;
}
