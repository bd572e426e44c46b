// Loads and checks all rules (schemas, names, parameters, placeholders) and reports unfinished texts.
// Usage: node --import tsx scripts/check-rules.ts [step-id ...]
import { readFileSync, readdirSync } from 'node:fs';
import { loadRules } from '../src/modules/plan/adapters/load-rules.js';
import { copenhagenDate } from '../src/kernel/time/copenhagen-time.js';
import { addYears } from '../src/kernel/dates/local-date.js';

const today = copenhagenDate(new Date());
try {
  const rules = loadRules({ rulesDir: 'rules', earliestDate: addYears(today, -1), today });
  console.log(`rules load: ${rules.steps.length} steps, ${rules.parameters.size} parameters`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
const only = process.argv.slice(2);
let todos = 0;
for (const file of readdirSync('rules/steps')) {
  if (only.length > 0 && !only.includes(file.replace('.yaml', ''))) continue;
  const count = readFileSync(`rules/steps/${file}`, 'utf8').split('TODO').length - 1;
  if (count > 0) console.log(`${file}: ${count} TODO`);
  todos += count;
}
console.log(`${todos} texts still TODO`);
