/**
 * Offices, places and finder results in the shape of the offices API (schemas/office-schemas.ts).
 */
import type { FoundService, OfficeDay, Place } from '../app/find-offices.js';
import { serviceName } from '../app/find-offices.js';
import type { Lang } from '../../plan/index.js';
import type { OfficeDirectory } from '../app/read-model.js';
import type { Office } from '../app/read-model.js';
import type { OpenState } from '../app/read-model.js';
import { instantAt, isoWithOffset } from '../../../kernel/time/copenhagen-clock.js';
import { addressLine } from '../../plan/index.js';

export function openNowJson(state: OpenState) {
  return {
    status: state.status,
    closesAt: state.closesAt ? isoWithOffset(state.closesAt) : null,
    nextOpening: state.nextOpening ? isoWithOffset(state.nextOpening.instant) : null,
  };
}

export function officeSummaryJson(directory: OfficeDirectory, office: Office, lang: Lang) {
  const municipality = directory.municipalities.get(office.municipality);
  return {
    id: office.id,
    kind: office.kind,
    name: office.name[lang],
    municipality: { code: office.municipality, name: municipality?.name ?? office.municipality },
    address: office.address,
    location: office.location,
    contact: office.contact,
    appointmentRequired: office.appointmentRequired,
    hoursStatus: office.hours.status,
    services: office.services.map((s) => ({
      service: s.service,
      name: serviceName(directory, s.service, lang),
      catchment: Array.isArray(s.catchment) ? s.catchment.map((c) => c.municipality) : s.catchment,
      confidence: s.confidence,
    })),
    check: office.check ? { text: office.check[lang], url: office.check.url } : null,
    page: `/offices/${office.id}`,
  };
}

export function officeDetailJson(directory: OfficeDirectory, office: Office, lang: Lang, state: OpenState, days: OfficeDay[]) {
  return {
    ...officeSummaryJson(directory, office, lang),
    openNow: openNowJson(state),
    days: days.map((d) => ({
      date: d.date,
      status: d.status,
      hours: d.intervals.map(([opens, closes]) => ({ opens: isoWithOffset(instantAt(d.date, opens)), closes: isoWithOffset(instantAt(d.date, closes)) })),
      reason: d.reason ? { kind: d.reason.kind, name: d.reason.name[lang] } : null,
    })),
    sources: office.sources.map((s) => ({ title: s.title, url: s.url, checked: s.checked })),
  };
}

export function placeJson(directory: OfficeDirectory, place: Place, lang: Lang) {
  const others = (place.postalArea?.municipalities ?? []).filter((c) => c !== place.municipality.code);
  return {
    postalCode: place.postalArea ? { code: place.postalArea.code, name: place.postalArea.name } : null,
    municipality: { code: place.municipality.code, name: place.municipality.name, officialName: place.municipality.officialName[lang] },
    otherMunicipalities: others.map((code) => ({ code, name: directory.municipalities.get(code)?.name ?? code })),
  };
}

export function finderJson(directory: OfficeDirectory, place: Place, found: FoundService[], lang: Lang) {
  return {
    lang,
    place: placeJson(directory, place, lang),
    services: found.map((f) => ({
      service: f.service,
      name: serviceName(directory, f.service, lang),
      office: { id: f.office.id, name: f.office.name[lang], address: addressLine(f.office), page: `/offices/${f.office.id}` },
      distanceKm: f.distanceKm,
      basis: f.basis,
      openNow: openNowJson(f.state),
      notes: f.notes.map((n) => n[lang]),
      checkOfficialPage: f.office.check !== undefined || f.offered.confidence !== 'high',
    })),
  };
}
