/**
 * The module boundaries (eslint/boundaries.js, ADR 11): the rule refuses each kind of import it exists to refuse,
 * and lets the allowed ones through. Files are linted as if they stood at the given place in src/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { ROOT } from '../../src/platform/root.js';

const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: join(ROOT, 'src', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/imports').map((m) => m.message);
}

describe('module boundaries', () => {
  const refused: [string, string, RegExp][] = [
    ['kernel/time/x.ts', "import { x } from '../../modules/plan/index.js';", /kernel imports only the kernel/],
    ['platform/http/x.ts', "import { x } from '../../modules/booking/index.js';", /platform imports only/],
    ['modules/booking/app/x.ts', "import { x } from '../../offices/domain/office.js';", /through its index.ts/],
    ['modules/booking/domain/x.ts', "import { x } from '../../offices/index.js';", /domain imports only itself and the kernel/],
    ['modules/booking/domain/x.ts', "import { x } from '../../../platform/config.js';", /domain imports only itself and the kernel/],
    ['modules/plan/web/x.ts', "import { x } from '../domain/plan.js';", /web goes through app/],
    ['modules/plan/web/x.ts', "import { x } from '../adapters/load-rules.js';", /web goes through app/],
    ['modules/plan/app/x.ts', "import { x } from '../web/plan-pages.js';", /app layer imports no web/],
    ['modules/plan/ports/x.ts', "import { x } from '../app/make-plan.js';", /port imports only the domain/],
    ['modules/plan/web/x.ts', "import { x } from '../../../deps.js';", /does not import the composition root/],
    ['app.ts', "import { x } from './modules/plan/web/plan-pages.js';", /through its index.ts/],
  ];
  for (const [file, source, message] of refused) {
    it(`refuses in src/${file}: ${source}`, async () => {
      const found = await problems(file, source);
      assert.equal(found.length, 1, `expected one problem, got ${JSON.stringify(found)}`);
      assert.match(found[0]!, message);
    });
  }

  const allowed: [string, string][] = [
    ['modules/booking/domain/x.ts', "import { x } from '../../../kernel/time/opening-hours.js';"],
    ['modules/booking/app/x.ts', "import { x } from '../../offices/index.js';"],
    ['modules/plan/web/x.ts', "import { x } from '../app/read-model.js';"],
    ['modules/plan/web/x.ts', "import { x } from '../../../platform/views/layout.js';"],
    ['platform/http/x.ts', "import { x } from '../../kernel/i18n/locales.js';"],
    ['app.ts', "import { x } from './modules/plan/index.js';"],
  ];
  for (const [file, source] of allowed) {
    it(`allows in src/${file}: ${source}`, async () => {
      assert.deepEqual(await problems(file, source), []);
    });
  }
});
