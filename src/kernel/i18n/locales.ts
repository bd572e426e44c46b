/** The languages of the service. */
export const LANGS = ['en', 'da'] as const;
export type Lang = (typeof LANGS)[number];
