/**
 * Writes a plan as JSON, the shape of PlanResponse, straight into bytes. A step's static part (texts, authority,
 * sources, check), whether it is required or done, its prerequisites and its documents are the same for everyone
 * with the same plan shape (plan-skeleton.ts); only the day, the deadlines and the offices are personal (a step
 * with neither is kept whole). So the
 * answer of a shape in an order is kept as a template (part-templates.ts) once it is asked for twice, with holes
 * for those; the API test checks every answer against the response schema, and a test compares the answers
 * written from templates with answers written directly.
 */
import { PLAN_SHAPE, type Plan, type PlanStep, STEP_STATIC, type StepStatic } from '../domain/plan/plan.js';
import type { PlanSkeleton } from '../domain/plan/plan-skeleton.js';
import { type Part, byteCache, keptBytes, partsWriter } from './byte-parts.js';
import { type Template, TemplateCache, compileTemplate } from './part-templates.js';

const writeBody = partsWriter();

const q = JSON.stringify;
const staticBytes = byteCache<StepStatic>();
const documentBytes = byteCache<object>();

/** Switched off only by the tests, which compare answers written from templates with answers written directly. */
export const planJsonTemplates = { enabled: true };
const templates = new TemplateCache<PlanSkeleton, Hole>(16 * 1024 * 1024);

type Hole = { kind: 'as-of' } | { kind: 'where' | 'deadline'; at: number };

export function planJson(plan: Plan): Buffer {
  const shape = plan[PLAN_SHAPE];
  const template = shape && planJsonTemplates.enabled
    ? templates.get(shape.skeleton, templateKey(plan, shape.order), () => compileTemplate(jsonParts(plan, true)))
    : null;
  if (!template) return writeBody(jsonParts(plan, false) as Part[]);
  return writeBody(filled(template, plan));
}

/** The order, and per step whether its deadline and its office are holes (a step without either is all kept). */
function templateKey(plan: Plan, order: readonly number[]): string {
  let key = '';
  plan.steps.forEach((step, i) => {
    key += `${order[i]}${step.deadline === null ? '' : 'd'}${step.where.office ? 'o' : ''},`;
  });
  return key;
}

function filled(template: Template<Hole>, plan: Plan): Part[] {
  const parts: Part[] = [];
  for (const piece of template) parts.push(Buffer.isBuffer(piece) ? piece : fill(piece, plan));
  return parts;
}

function fill(hole: Hole, plan: Plan): Part {
  if (hole.kind === 'as-of') return plan.asOf;
  const step = plan.steps[hole.at]!;
  if (hole.kind === 'where') return whereJson(step);
  return deadlineJson(step.deadline, step.overdue);
}

/** A deadline and whether it has passed, as bytes: a plan has the same few hundred calendar dates as everyone's. */
const deadlines = new Map<string, Buffer>();
function deadlineJson(deadline: string | null, overdue: boolean): Buffer {
  return keptBytes(deadlines, overdue ? `${deadline}!` : deadline ?? '', () => `${deadline === null ? 'null' : `"${deadline}"`},"overdue":${overdue}`, 10_000);
}

/** The answer in order, with the personal values as holes (for a template) or filled (written directly). */
function jsonParts(plan: Plan, asTemplate: boolean): (Part | Hole)[] {
  const out: (Part | Hole)[] = [];
  const personal = (hole: Hole) => out.push(asTemplate ? hole : fill(hole, plan));
  out.push(`{"outcome":${q(plan.outcome)},"group":${q(plan.group)},"lang":${q(plan.lang)},"asOf":"`);
  personal({ kind: 'as-of' });
  out.push('","steps":[');
  plan.steps.forEach((step, at) => {
    if (at > 0) out.push(',');
    const fixed = step[STEP_STATIC];
    if (!fixed) {
      out.push(Buffer.from(q(step)));
      return;
    }
    out.push(staticPart(step.id, fixed));
    // Without an office or a deadline, a step's place and deadline are the same for everyone of its shape.
    if (step.where.office) personal({ kind: 'where', at });
    else out.push(whereJson(step));
    out.push(`,"required":${step.required},"status":"${step.status}","deadline":`);
    if (step.deadline !== null) personal({ kind: 'deadline', at });
    else out.push(deadlineJson(null, false));
    let dependsOn = '';
    for (const id of step.dependsOn) dependsOn += `${dependsOn ? ',' : ''}"${id}"`;
    out.push(`,"dependsOn":[${dependsOn}],"documents":[`);
    step.documents.forEach((d, i) => {
      if (i > 0) out.push(',');
      out.push(documentBytes(d, () => q({ id: d.id, name: d.name })));
    });
    out.push(']}');
  });
  out.push(']}');
  return out;
}

/** The step's opening brace, its id and its static part: the same bytes for everyone who shares them. */
function staticPart(id: string, s: StepStatic): Buffer {
  return staticBytes(s, () =>
    `{"id":${q(id)},"title":${q(s.title)},"summary":${q(s.summary)},"how":${q(s.how)},"deadlineRule":${q(s.deadlineRule)}`
    + `,"authority":${q(s.authority)},"sources":${q(s.sources)},"check":${q(s.check)},"guide":${q(s.guide)}`);
}

const whereBytes = byteCache<object>();
const whereWithOffice = new WeakMap<object, WeakMap<object, Buffer>>();

/** Where: the same bytes for everyone in a municipality and, with an office, for everyone it serves this minute. */
function whereJson(step: PlanStep): Buffer {
  const { office, ...place } = step.where;
  const fixed = step[STEP_STATIC]?.where ?? step.where;
  if (!office) return whereBytes(fixed, () => `,"where":${q({ ...place, office: null })}`);
  let byOffice = whereWithOffice.get(fixed);
  if (!byOffice) whereWithOffice.set(fixed, byOffice = new WeakMap());
  let bytes = byOffice.get(office);
  if (!bytes) byOffice.set(office, bytes = Buffer.from(`,"where":${q({ ...place, office })}`));
  return bytes;
}
