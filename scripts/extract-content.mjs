#!/usr/bin/env node
/**
 * One-off migration (kept for the record and for re-running on a branch): moves every text in a language out of
 * the law files (rules/, reference/offices.yaml) and out of content/ui.yaml and content/messages.yaml into
 * content/<locale>/, one file per source file, mirroring its structure:
 *   - an object with `en` and `da` keys is a text: content/<locale>/<file> holds its value at the same path;
 *   - a list whose items all have an `id` (or a `code`) becomes a map keyed by that id;
 *   - placeholders become ICU MessageFormat arguments: "{address-registration-days}" -> "{address_registration_days}",
 *     "{pay-limit-dkk:from}" -> "{pay_limit_dkk__from}".
 * With --strip, the texts are then removed from the law files (comments are kept).
 *
 *   node scripts/extract-content.mjs [--strip]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseDocument, stringify } from 'yaml';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const LOCALES = ['en', 'da'];
const strip = process.argv.includes('--strip');

function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'cases' ? [] : yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

export function icuPlaceholders(text) {
  return text.replace(/\{([a-z0-9-]+)(?::(from))?\}/g, (_, name, from) => `{${name.replaceAll('-', '_')}${from ? '__from' : ''}}`);
}

const isText = (node) => node && typeof node === 'object' && !Array.isArray(node) && 'en' in node && 'da' in node;
const keyOf = (item) => (item && typeof item === 'object' ? (item.id ?? item.code) : undefined);

/** The texts of one locale, as a tree, and the paths (in the law file) of the texts. */
function extract(node, locale, path, paths) {
  if (isText(node)) {
    const value = node[locale];
    if (typeof value === 'object' && Object.keys(node).some((k) => !LOCALES.includes(k))) {
      throw new Error(`${path.join('.')}: a text with sub-texts cannot have other keys`);
    }
    paths.push(path);
    return mapStrings(value);
  }
  if (Array.isArray(node)) {
    const keyed = node.every((item) => typeof keyOf(item) === 'string');
    const out = {};
    node.forEach((item, index) => {
      const sub = extract(item, locale, [...path, index], paths);
      if (sub !== undefined) out[keyed ? keyOf(item) : String(index)] = sub;
    });
    return Object.keys(out).length ? out : undefined;
  }
  if (node && typeof node === 'object') {
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      const sub = extract(value, locale, [...path, key], paths);
      if (sub !== undefined) out[key] = sub;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return undefined;
}

function mapStrings(value) {
  if (typeof value === 'string') return icuPlaceholders(value);
  if (Array.isArray(value)) throw new Error('a text that is a list is not supported');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v)]));
}

const sources = [
  ...yamlFiles(join(root, 'rules')).map((file) => ({ file, name: relative(join(root, 'rules'), file) })),
  { file: join(root, 'reference/offices.yaml'), name: 'offices.yaml' },
  { file: join(root, 'content/ui.yaml'), name: 'ui.yaml', flat: true },
  { file: join(root, 'content/messages.yaml'), name: 'messages.yaml', flat: true },
];

for (const { file, name } of sources.filter((s) => existsSync(s.file))) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const data = doc.toJS();
  let paths = [];
  for (const locale of LOCALES) {
    paths = [];
    const tree = extract(data, locale, [], paths);
    if (!tree) continue;
    const target = join(root, 'content', locale, name);
    mkdirSync(dirname(target), { recursive: true });
    const header = `# ${locale === 'en' ? 'English' : 'Danish'} texts for ${name.endsWith('ui.yaml') || name === 'messages.yaml' ? 'the interface' : name === 'offices.yaml' ? 'reference/offices.yaml' : `rules/${name}`}` +
      ' (ICU MessageFormat). Keys mirror the source file; a test and the start-up check fail when a key or a placeholder differs from English.\n';
    writeFileSync(target, header + stringify(tree, { lineWidth: 0 }));
  }
  if (strip && paths.length && !name.endsWith('ui.yaml') && name !== 'messages.yaml') {
    for (const path of paths.reverse()) {
      const node = doc.getIn(path);
      for (const locale of LOCALES) doc.deleteIn([...path, locale]);
      if (node && node.items && node.items.length === 0) doc.deleteIn(path);
    }
    // Keep the file's own style of lists (indented under their key, or not).
    const indentSeq = /^[A-Za-z][\w-]*:\n {2}- /m.test(readFileSync(file, 'utf8'));
    writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq }));
  }
  console.log(`${name}: ${paths.length} texts`);
}
