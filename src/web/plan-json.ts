/**
 * Writes a plan as JSON, the shape of PlanResponse, straight into bytes. A step's static part (texts,
 * authority, place, sources, check) and each document are objects shared by everyone who gets them, so their
 * JSON is encoded once and kept; per request only the personal fields are written. The API test checks the
 * output against the response schema.
 */
import { type Plan, type PlanStep, STEP_STATIC, type StepStatic } from '../domain/plan/plan.js';
import { type Part, byteCache, partsWriter } from './byte-parts.js';

const writeBody = partsWriter();

const q = JSON.stringify;
const staticBytes = byteCache<StepStatic>();
const documentBytes = byteCache<object>();

/** The step's opening brace, its id and its static part: the same bytes for everyone who shares them. */
function staticPart(id: string, s: StepStatic): Buffer {
  return staticBytes(s, () =>
    `{"id":${q(id)},"title":${q(s.title)},"summary":${q(s.summary)},"how":${q(s.how)},"deadlineRule":${q(s.deadlineRule)}`
    + `,"authority":${q(s.authority)},"sources":${q(s.sources)},"check":${q(s.check)},"guide":${q(s.guide)}`);
}

function pushStep(parts: Part[], step: PlanStep): void {
  const fixed = step[STEP_STATIC];
  if (!fixed) {
    parts.push(Buffer.from(q(step)));
    return;
  }
  let dependsOn = '';
  for (const id of step.dependsOn) dependsOn += `${dependsOn ? ',' : ''}"${id}"`;
  parts.push(staticPart(step.id, fixed), whereJson(step),
    `,"required":${step.required},"status":"${step.status}","deadline":${step.deadline === null ? 'null' : `"${step.deadline}"`}`
    + `,"overdue":${step.overdue},"dependsOn":[${dependsOn}],"documents":[`);
  step.documents.forEach((d, i) => {
    if (i > 0) parts.push(',');
    parts.push(documentBytes(d, () => q({ id: d.id, name: d.name })));
  });
  parts.push(']}');
}

const whereBytes = byteCache<object>();
const whereWithOffice = new WeakMap<object, WeakMap<object, Buffer>>();

/** Where: the same bytes for everyone in a municipality and, with an office, for everyone it serves this minute. */
function whereJson(step: PlanStep): Part {
  const { office, ...place } = step.where;
  const fixed = step[STEP_STATIC]?.where ?? step.where;
  if (!office) return whereBytes(fixed, () => `,"where":${q({ ...place, office: null })}`);
  let byOffice = whereWithOffice.get(fixed);
  if (!byOffice) whereWithOffice.set(fixed, byOffice = new WeakMap());
  let bytes = byOffice.get(office);
  if (!bytes) byOffice.set(office, bytes = Buffer.from(`,"where":${q({ ...place, office })}`));
  return bytes;
}

export function planJson(plan: Plan): Buffer {
  const parts: Part[] = [`{"outcome":${q(plan.outcome)},"group":${q(plan.group)},"lang":${q(plan.lang)},"asOf":${q(plan.asOf)},"steps":[`];
  plan.steps.forEach((step, i) => {
    if (i > 0) parts.push(',');
    pushStep(parts, step);
  });
  parts.push(']}');
  return writeBody(parts);
}
