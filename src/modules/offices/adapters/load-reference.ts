/**
 * Reads the reference data in reference/*.csv: municipalities and postal codes. Small files, read once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MunicipalityInfo, type PostalArea, officialName } from '../domain/directory.js';
import { distanceKm } from '../../../kernel/geo.js';

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

/** A postal code's centre further than this from its municipality's is taken to be wrong (the data has three). */
const MAX_CENTRE_DISTANCE_KM = 100;

export interface Places {
  municipalities: MunicipalityInfo[];
  postalAreas: PostalArea[];
}

export function loadPlaces(referenceDir: string): Places {
  const municipalities: MunicipalityInfo[] = readCsv(join(referenceDir, 'municipalities.csv')).map((r) => {
    const name = r.name ?? '';
    const latitude = Number(r.latitude);
    const longitude = Number(r.longitude);
    if (!/^\d{3}$/.test(r.kommunekode ?? '') || !name || Number.isNaN(latitude) || Number.isNaN(longitude)) {
      throw new Error(`municipalities.csv: bad row for "${r.kommunekode}"`);
    }
    return { code: r.kommunekode!, name, officialName: officialName(name), region: r.region_name ?? '', centre: { latitude, longitude } };
  });
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const known = new Set(byCode.keys());
  const postalAreas: PostalArea[] = readCsv(join(referenceDir, 'postal_codes.csv')).map((r) => {
    const code = r.postnummer ?? '';
    const main = r.main_municipality_code ?? '';
    if (!/^\d{4}$/.test(code) || !known.has(main)) throw new Error(`postal_codes.csv: bad row for "${code}"`);
    const others = (r.municipality_codes_postnord_2020 ?? '').split(';').filter((c) => c && c !== main && known.has(c));
    const latitude = r.latitude ? Number(r.latitude) : NaN;
    const longitude = r.longitude ? Number(r.longitude) : NaN;
    let centre = Number.isNaN(latitude) || Number.isNaN(longitude) ? null : { latitude, longitude };
    // Codes below 1000 are for companies, post boxes and mail abroad, not homes; GeoNames places some of them at the
    // wrong end of the country (0900 København C near Aalborg). Their centre is not used: the municipality's is.
    if (centre && (Number(code) < 1000 || distanceKm(centre, byCode.get(main)!.centre) > MAX_CENTRE_DISTANCE_KM)) centre = null;
    // PostNord's file lists every code that has addresses; codes only in GeoNames are probably post boxes.
    const residential = Number(code) >= 1000 && (r.municipality_codes_postnord_2020 ?? '') !== '';
    return { code, name: r.name ?? '', municipality: main, municipalities: [main, ...others], centre, residential };
  });
  return { municipalities, postalAreas };
}
