/**
 * Bilingual by construction: every word the views ask for exists in English and Danish, and every error code
 * the checks can give has a message.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/platform/i18n/load-content.js';
import { GROUPS, PURPOSES, STAYS } from '../../src/modules/plan/domain/answers.js';
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

describe('error messages', () => {
  it('exist for every code the checks can give', () => {
    const codes = [...code.matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1]!);
    assert.ok(codes.length > 10);
    for (const c of new Set(codes)) {
      assert.ok(Object.keys(content.messages).some((k) => k === c || k.endsWith(`.${c}`)), `messages.yaml lacks "${c}"`);
    }
  });
});
