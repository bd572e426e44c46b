/** The TypeBox schema of a value in every language of the registry (locales.ts). */
import Type, { type TSchema } from 'typebox';
import { LANGS, type Lang } from './locales.js';

export const LocalizedSchema = <T extends TSchema>(inner: T) =>
  Type.Object(Object.fromEntries(LANGS.map((lang) => [lang, inner])) as Record<Lang, T>, { additionalProperties: false });

export const LocalizedText = LocalizedSchema(Type.String({ minLength: 1 }));
