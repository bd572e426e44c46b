/**
 * Everything the finder and the office pages need, built once at start-up: the offices (with a Citizen Service
 * for every municipality), the municipalities and postal codes, the holidays, the map, and for each municipality
 * and service the offices whose catchment includes it.
 */
import type { HolidayRules } from '../../../kernel/time/holidays.js';
import type { DenmarkMap, Point } from '../../../kernel/geo.js';
import type { Office, OfficeService, ServiceId } from './office.js';
import { SERVICE_IDS } from './office.js';
import type { Localized } from '../../../kernel/i18n/locales.js';

export type Bilingual = Localized;

export interface MunicipalityInfo {
  code: string;
  name: string;
  officialName: Bilingual;
  region: string;
  centre: Point;
}

export interface PostalArea {
  code: string;
  name: string;
  municipality: string;
  /** Every municipality the postal code spans (PostNord), the main one first. */
  municipalities: string[];
  centre: Point | null;
  /** False for codes that are probably not homes (company, post-box, abroad codes): "use my location" skips them. */
  residential: boolean;
}

export interface CatchmentMatch {
  office: Office;
  service: OfficeService;
  audience: 'everyone' | 'not-students' | 'some-students-only';
  note?: Bilingual;
}

export interface OfficeDirectory {
  services: { id: ServiceId; name: Bilingual }[];
  offices: Office[];
  byId: ReadonlyMap<string, Office>;
  municipalities: ReadonlyMap<string, MunicipalityInfo>;
  postalAreas: ReadonlyMap<string, PostalArea>;
  /** Postal codes in numeric order, for suggesting the nearest valid codes. */
  postalCodeList: string[];
  holidays: HolidayRules;
  map: DenmarkMap;
  /** service → municipality code → offices whose catchment names that municipality. */
  catchments: ReadonlyMap<ServiceId, ReadonlyMap<string, CatchmentMatch[]>>;
  /** service → offices open to anyone. */
  openToAnyone: ReadonlyMap<ServiceId, { office: Office; service: OfficeService }[]>;
}

/** Official names: "Københavns Kommune", "Aarhus Municipality". */
export function officialName(name: string): Bilingual {
  if (name === 'København') return { en: 'Copenhagen Municipality', da: 'Københavns Kommune', uk: 'Копенгаген' };
  if (name === 'Bornholm') return { en: 'Bornholm Regional Municipality', da: 'Bornholms Regionskommune', uk: 'Bornholm' };
  const en = name === 'Nordfyns' ? 'Nordfyn' : name === 'Vesthimmerlands' ? 'Vesthimmerland' : name;
  return { en: `${en} Municipality`, da: `${name} Kommune`, uk: en };
}

export interface CitizenServiceTemplate {
  websites: Record<string, string>;
  sources: Office['sources'];
  check: Localized & { url: string };
}

/** The Citizen Service (Borgerservice) of a municipality, where our sources say nothing more about it. */
export function citizenService(m: MunicipalityInfo, template: CitizenServiceTemplate): Office {
  const website = template.websites[m.code] ?? null;
  return {
    id: `citizen-service-${m.code}`,
    kind: 'citizen-service',
    name: { en: `Citizen Service, ${m.officialName.en}`, da: `Borgerservice, ${m.officialName.da}`, uk: `Borgerservice, комуна ${m.officialName.uk}` },
    municipality: m.code,
    address: null,
    location: { latitude: m.centre.latitude, longitude: m.centre.longitude, precision: 'municipality' },
    contact: { email: null, phone: null, website },
    appointmentRequired: null,
    hours: { status: 'unknown' },
    closures: [],
    extraOpenings: [],
    services: (['cpr-registration', 'mitid', 'citizen-service'] as const).map((service) => ({ service, catchment: 'own-municipality', confidence: 'high' })),
    check: { ...template.check, url: website ?? template.check.url },
    sources: template.sources,
  };
}

export function buildDirectory(input: {
  services: OfficeDirectory['services'];
  offices: Office[];
  citizenServiceTemplate: CitizenServiceTemplate;
  municipalities: MunicipalityInfo[];
  postalAreas: PostalArea[];
  holidays: HolidayRules;
  map: DenmarkMap;
}): OfficeDirectory {
  const offices = [...input.offices, ...input.municipalities.map((m) => citizenService(m, input.citizenServiceTemplate))];
  const catchments = new Map<ServiceId, Map<string, CatchmentMatch[]>>();
  const openToAnyone = new Map<ServiceId, { office: Office; service: OfficeService }[]>();
  for (const id of SERVICE_IDS) {
    catchments.set(id, new Map());
    openToAnyone.set(id, []);
  }
  for (const office of offices) {
    for (const service of office.services) {
      const byMunicipality = catchments.get(service.service)!;
      const add = (code: string, match: CatchmentMatch) => byMunicipality.set(code, [...(byMunicipality.get(code) ?? []), match]);
      if (service.catchment === 'anyone') openToAnyone.get(service.service)!.push({ office, service });
      else if (service.catchment === 'own-municipality') add(office.municipality, { office, service, audience: 'everyone' });
      else {
        for (const entry of service.catchment) {
          const match: CatchmentMatch = { office, service, audience: entry.audience ?? 'everyone' };
          if (entry.note) match.note = entry.note;
          add(entry.municipality, match);
        }
      }
    }
  }
  return {
    services: input.services,
    offices,
    byId: new Map(offices.map((o) => [o.id, o])),
    municipalities: new Map(input.municipalities.map((m) => [m.code, m])),
    postalAreas: new Map(input.postalAreas.map((p) => [p.code, p])),
    postalCodeList: input.postalAreas.map((p) => p.code).sort(),
    holidays: input.holidays,
    map: input.map,
    catchments,
    openToAnyone,
  };
}
