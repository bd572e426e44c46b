/**
 * Bilingual by construction: every word the views ask for exists in English and Danish, and every error code
 * the checks can give has a message.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadContent, translationProblems } from '../../src/platform/i18n/content.js';
import { createTexts } from '../../src/platform/i18n/texts.js';
import type { Lang } from '../../src/kernel/i18n/locales.js';
import { GROUPS, LANGS, PURPOSES, STAYS } from '../../src/modules/plan/domain/answers.js';
import { ROOT } from '../../src/server.js';

const content = loadContent(join(ROOT, 'content'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}
const code = sources(join(ROOT, 'src')).join('\n');

describe('interface texts', () => {
  it('exist for every key the code asks for', () => {
    const keys = [...code.matchAll(/\bt\(\s*'([a-zA-Z0-9.-]+)'/g)].map((m) => m[1]!);
    assert.ok(keys.length > 50, `only ${keys.length} keys found: the scan is broken`);
    for (const key of new Set(keys)) assert.ok(content.ui[key], `ui.yaml lacks "${key}"`);
  });

  it('exist for every key built from a template', () => {
    const templates = [...code.matchAll(/\bt\(\s*`([a-zA-Z0-9.${}-]+)`/g)].map((m) => m[1]!);
    assert.ok(templates.length > 3);
    for (const template of new Set(templates)) {
      const pattern = new RegExp(`^${template.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[a-zA-Z0-9.-]+')}$`);
      assert.ok(Object.keys(content.ui).some((k) => pattern.test(k)), `no key matches ${template}`);
    }
    for (const p of PURPOSES) assert.ok(content.ui[`q.purpose.${p}`], p);
    for (const s of STAYS) assert.ok(content.ui[`q.stay.${s}`], s);
    for (const g of GROUPS) assert.ok(content.ui[`group.${g}`], g);
  });

  it('differ between English and Danish where they are words', () => {
    const same = Object.entries(content.ui).filter(([, v]) => v.en === v.da && /\s/.test(v.en)).map(([k]) => k);
    assert.deepEqual(same, ['service.owner', 'mail.signature', 'manage.title'], 'only names (and "Booking {reference}", the same word in both) may be the same in both languages');
  });
});

describe('languages as a registry', () => {
  const texts = createTexts(content);

  it('have every interface text in every language of the registry, different from English where they are words', () => {
    for (const lang of LANGS) {
      for (const [key, entry] of Object.entries(content.ui)) assert.ok(entry[lang], `${lang}: ${key}`);
      if (lang === 'en') continue;
      const same = Object.entries(content.ui).filter(([, v]) => v.en === v[lang] && /\s/.test(v.en)).map(([k]) => k);
      assert.ok(same.every((k) => ['service.owner', 'mail.signature', 'manage.title'].includes(k)), `${lang} has English left: ${same.join(', ')}`);
    }
  });

  it('choose the plural form each language needs', () => {
    const places = (lang: Lang, count: number) => texts.t(lang, 'book.times.places', { count });
    assert.deepEqual([1, 3, 5, 11, 21, 22, 25].map((n) => places('uk', n)), [
      'Залишилося 1 місце', 'Залишилося 3 місця', 'Залишилося 5 місць', 'Залишилося 11 місць', 'Залишилося 21 місце', 'Залишилося 22 місця', 'Залишилося 25 місць',
    ]);
    assert.match(texts.t('en', 'toomany.text', { seconds: 1 }), /wait 1 second,/);
    assert.match(texts.t('en', 'toomany.text', { seconds: 30 }), /wait 30 seconds,/);
    assert.match(texts.t('da', 'toomany.text', { seconds: 1 }), /Vent 1 sekund,/);
    assert.match(texts.t('uk', 'toomany.text', { seconds: 2 }), /Зачекайте 2 секунди,/);
  });

  it('refuse, at start-up, a language that lacks a key, has one English does not, or names other placeholders', () => {
    const problems = translationProblems({
      en: { a: 'Wait {seconds} seconds', b: 'Hello', c: 'Bye' },
      da: { a: 'Vent {sekunder} sekunder', b: 'Hej', c: 'Farvel', d: 'Ekstra' },
      uk: { a: 'Зачекайте {seconds, plural, one {# секунду} other {# секунд}}', c: 'Бувай' },
    }, 'ui.yaml');
    assert.deepEqual(problems, [
      'content/da/ui.yaml: "a" names {sekunder} but English names {seconds}',
      'content/da/ui.yaml: "d" is not in English',
      'content/uk/ui.yaml: "b" is missing',
    ]);
  });
});

describe('error messages', () => {
  it('exist for every code the checks can give', () => {
    // The language registry's entries have codes too (kernel/i18n/locales.ts): they are languages, not errors.
    const codes = [...code.matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1]!).filter((c) => !(LANGS as readonly string[]).includes(c));
    assert.ok(codes.length > 10);
    for (const c of new Set(codes)) {
      assert.ok(Object.keys(content.messages).some((k) => k === c || k.endsWith(`.${c}`)), `messages.yaml lacks "${c}"`);
    }
  });
});
