import type { Lang } from '../../kernel/i18n/locales.js';
import type { Params } from '../i18n/texts.js';

/** What every view needs: the person's language, the words in it, and the address of this page in the other. */
export interface View {
  lang: Lang;
  t: (key: string, params?: Params) => string;
  otherLangHref: string;
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
