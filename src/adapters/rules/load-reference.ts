/**
 * Reads the reference data in reference/*.csv: postal codes and municipalities. Small files, read once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Municipality } from '../../domain/plan/profile.js';

export interface PostalCode {
  code: string;
  name: string;
  municipality: Municipality;
  latitude: number | null;
  longitude: number | null;
}

/** Splits one CSV line, honouring double quotes. The files are UTF-8 with a header row. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { current += '"'; i++; }
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { fields.push(current); current = ''; }
    else current += ch;
  }
  fields.push(current);
  return fields;
}

export function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  if (!header) throw new Error(`${path} is empty`);
  const names = csvFields(header);
  return lines.map((line) => {
    const values = csvFields(line);
    return Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']));
  });
}

function coordinate(text: string | undefined): number | null {
  return text ? Number(text) : null;
}

export function loadPostalCodes(referenceDir: string): ReadonlyMap<string, PostalCode> {
  const municipalities = new Map(
    readCsv(join(referenceDir, 'municipalities.csv')).map((r) => [r.kommunekode ?? '', r.name ?? '']),
  );
  const map = new Map<string, PostalCode>();
  for (const row of readCsv(join(referenceDir, 'postal_codes.csv'))) {
    const code = row.postnummer ?? '';
    const municipalityCode = row.main_municipality_code ?? '';
    const municipalityName = municipalities.get(municipalityCode);
    if (!/^\d{4}$/.test(code) || !municipalityName) throw new Error(`postal_codes.csv: bad row for "${code}"`);
    map.set(code, {
      code,
      name: row.name ?? '',
      municipality: { code: municipalityCode, name: municipalityName },
      latitude: coordinate(row.latitude),
      longitude: coordinate(row.longitude),
    });
  }
  return map;
}
