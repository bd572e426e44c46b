/**
 * The finder's answer for a postal code or a municipality, written from bytes kept per place, student flag and
 * language, with each office's "open now" filled in per minute. The answer is the same for everyone who asks for
 * the same place in the same minute, and holds nothing personal.
 */
import { type Place, findForPlace, placeKey } from '../app/find-offices.js';
import { stateNow } from '../app/office-cache.js';
import type { Lang } from '../../plan/index.js';
import type { OfficeDirectory } from '../app/read-model.js';
import type { Hours, Office } from '../app/read-model.js';
import { hoursFor } from '../app/read-model.js';
import { type Part, partsWriter } from '../../../platform/http/byte-parts.js';
import { finderJson, openNowJson } from './office-json.js';

type Hole = { office: Office; hours: Hours };
type Template = (Buffer | Hole)[];

const MARK = '\u0000open\u0000';
const HOLE = JSON.stringify(MARK);
const MAX_TEMPLATES = 20_000;
const templates = new WeakMap<OfficeDirectory, Map<string, Template>>();
const openJson = new WeakMap<Hours, { minute: number; json: string }>();
const writeBody = partsWriter();

function template(directory: OfficeDirectory, place: Place, now: Date, student: boolean | undefined, lang: Lang, key: string): Template {
  let cache = templates.get(directory);
  if (!cache || cache.size > MAX_TEMPLATES) templates.set(directory, cache = new Map());
  const found = cache.get(key);
  if (found) return found;
  const services = findForPlace(directory, place, now, student);
  const body = finderJson(directory, place, services, lang);
  const holes: Hole[] = services.map((s) => ({ office: s.office, hours: hoursFor(s.office, s.offered) }));
  const json = JSON.stringify({ ...body, services: body.services.map((s) => ({ ...s, openNow: MARK })) });
  const pieces = json.split(HOLE);
  const made: Template = [];
  pieces.forEach((piece, i) => {
    made.push(Buffer.from(piece));
    if (i < holes.length) made.push(holes[i]!);
  });
  cache.set(key, made);
  return made;
}

function openNow(directory: OfficeDirectory, hole: Hole, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const found = openJson.get(hole.hours);
  if (found && found.minute === minute) return found.json;
  const json = JSON.stringify(openNowJson(stateNow(directory, hole.office, hole.hours, now)));
  openJson.set(hole.hours, { minute, json });
  return json;
}

/** The answer as bytes, or null for a place that is not kept (a position): then the caller writes it as usual. */
export function finderBytes(directory: OfficeDirectory, place: Place, now: Date, student: boolean | undefined, lang: Lang): Buffer | null {
  const key = placeKey(place);
  if (key === null) return null;
  const parts: Part[] = [];
  for (const piece of template(directory, place, now, student, lang, `${key}|${student ?? ''}|${lang}`)) {
    parts.push(Buffer.isBuffer(piece) ? piece : openNow(directory, piece, now));
  }
  return writeBody(parts);
}
