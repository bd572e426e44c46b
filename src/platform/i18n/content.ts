/**
 * Every text in a language lives in content/<lang>/ (LOCALES in kernel/i18n/locales.ts): the interface words
 * (ui.yaml), the form messages (messages.yaml), and, for each law file under rules/ (and reference/offices.yaml), a
 * file of the same name holding its texts at the same places. A list whose items have an `id` (or a `code`) is a map
 * by that id there. The loader weaves the texts back into the law file's data as `{ en, da, uk }` objects.
 *
 * Start-up check: every language has exactly English's keys, every text is valid MessageFormat, and each text names
 * the same arguments as its English one. Anything else stops the start with the file, the key and the reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Type from 'typebox';
import { LANGS, type Lang, type Localized, SOURCE_LANG } from '../../kernel/i18n/locales.js';
import { messageArguments } from '../../kernel/i18n/message.js';
import { RulesError, checked, readYaml } from '../data-files.js';

export class ContentError extends RulesError {}

type Tree = string | { [key: string]: Tree };
export type TextTrees = Record<Lang, Tree>;
export type TextTable = Record<string, Localized>;

export interface Content {
  ui: TextTable;
  messages: TextTable;
}

const FlatTable = Type.Record(Type.String({ pattern: '^[A-Za-z0-9.-]+$' }), Type.String({ minLength: 1 }));

function leaves(tree: Tree, path: string, into: Map<string, string>): Map<string, string> {
  if (typeof tree === 'string') into.set(path, tree);
  else for (const [key, value] of Object.entries(tree)) leaves(value, path ? `${path}.${key}` : key, into);
  return into;
}

function argumentsOf(text: string, lang: Lang, where: string): string[] {
  try {
    return [...messageArguments(text, lang).names].sort();
  } catch (error) {
    throw new ContentError(`${where}: not valid MessageFormat (${(error as Error).message})`);
  }
}

/** The problems of one file's texts in every language against English; empty when they agree. */
export function translationProblems(trees: TextTrees, file: string): string[] {
  const english = leaves(trees[SOURCE_LANG], '', new Map());
  const problems: string[] = [];
  for (const lang of LANGS) {
    const own = leaves(trees[lang], '', new Map());
    for (const key of english.keys()) if (!own.has(key)) problems.push(`content/${lang}/${file}: "${key}" is missing`);
    for (const [key, text] of own) {
      const where = `content/${lang}/${file}: "${key}"`;
      if (!english.has(key)) { problems.push(`${where} is not in English`); continue; }
      let mine: string[];
      let theirs: string[];
      try {
        mine = argumentsOf(text, lang, where);
        theirs = argumentsOf(english.get(key)!, SOURCE_LANG, `content/${SOURCE_LANG}/${file}: "${key}"`);
      } catch (error) {
        problems.push((error as Error).message);
        continue;
      }
      if (mine.join() !== theirs.join()) problems.push(`${where} names {${mine.join('}, {')}} but English names {${theirs.join('}, {')}}`);
    }
  }
  return problems;
}

function fail(problems: string[]): never {
  throw new ContentError(`The texts do not match English:\n- ${problems.slice(0, 20).join('\n- ')}${problems.length > 20 ? `\n- and ${problems.length - 20} more` : ''}`);
}

/** The texts of a file in every language, checked; null when the file has no texts. */
export function readTextTrees(contentDir: string, file: string): TextTrees | null {
  if (!existsSync(join(contentDir, SOURCE_LANG, file))) return null;
  const trees = {} as TextTrees;
  for (const lang of LANGS) {
    const path = join(contentDir, lang, file);
    if (!existsSync(path)) fail([`content/${lang}/${file} is missing`]);
    trees[lang] = readYaml(path) as Tree;
  }
  const problems = translationProblems(trees, file);
  if (problems.length > 0) fail(problems);
  return trees;
}

const keyOf = (item: unknown): string | undefined => {
  const record = item as { id?: unknown; code?: unknown } | null;
  const key = record && typeof record === 'object' ? (record.id ?? record.code) : undefined;
  return typeof key === 'string' ? key : undefined;
};

const pick = (trees: TextTrees, key: string): TextTrees | null => {
  if (typeof trees[SOURCE_LANG] === 'string' || !(key in (trees[SOURCE_LANG] as object))) return null;
  return Object.fromEntries(LANGS.map((lang) => [lang, (trees[lang] as Record<string, Tree>)[key]])) as TextTrees;
};

/** Puts the texts back into the law file's data: each text becomes `{ en, da, uk }` at its place. */
export function weaveTexts<T>(data: T, trees: TextTrees | null): T {
  if (trees) weave(data, trees);
  return data;
}

function weave(node: unknown, trees: TextTrees): void {
  // A text that shares its object with other keys ({ code: "UA", en: …, da: … }).
  if (typeof trees[SOURCE_LANG] === 'string') {
    if (node && typeof node === 'object' && !Array.isArray(node)) Object.assign(node, trees);
    return;
  }
  if (Array.isArray(node)) {
    const keyed = node.every((item) => keyOf(item) !== undefined);
    node.forEach((item, index) => {
      const sub = pick(trees, keyed ? keyOf(item)! : String(index));
      if (sub) weave(item, sub);
    });
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(trees[SOURCE_LANG] as object)) {
    const sub = pick(trees, key)!;
    const child = record[key];
    if (child !== undefined && child !== null && typeof child === 'object' && typeof sub[SOURCE_LANG] !== 'string') weave(child, sub);
    else if (child !== undefined && child !== null && typeof child === 'object') Object.assign(child, sub);
    else record[key] = { ...sub };
  }
}

/** The interface words and the form messages, in every language. */
export function loadContent(contentDir: string): Content {
  const table = (file: string): TextTable => {
    const trees = {} as Record<Lang, Record<string, string>>;
    for (const lang of LANGS) trees[lang] = checked<Record<string, string>>(FlatTable as never, readYaml(join(contentDir, lang, file)), `content/${lang}/${file}`);
    const problems = translationProblems(trees, file);
    if (problems.length > 0) fail(problems);
    return Object.fromEntries(Object.keys(trees[SOURCE_LANG]).map((key) => [key, Object.fromEntries(LANGS.map((lang) => [lang, trees[lang][key]!])) as Localized]));
  };
  return { ui: table('ui.yaml'), messages: table('messages.yaml') };
}
