/**
 * Whether an office serves a person for a service, from where they live: a centre gives a CPR number only to the
 * residents of the municipalities it serves (its catchment), a Citizen Service to its own municipality's, and a
 * service open to anyone (the EU document, guidance) anyone, though another office may be the person's own.
 */
import type { OfficeDirectory } from '../../offices/index.js';
import { type FinderQuery, findService } from '../../offices/index.js';
import type { Office, ServiceId } from '../../offices/index.js';

export type OfficeFit =
  | { kind: 'serves' }
  /** The office serves anyone, but the finder names another one for the person: they may still book here. */
  | { kind: 'anyone'; yours: Office }
  /** The office does not give the service to residents of the person's municipality; `yours` is the one that does. */
  | { kind: 'not-yours'; yours: Office | null };

export function officeFit(directory: OfficeDirectory, office: Office, service: ServiceId, place: FinderQuery): OfficeFit {
  const offered = office.services.find((s) => s.service === service);
  const match = findService(directory, place, service);
  const yours = match && match.office.id !== office.id ? match.office : null;
  if (!offered) return { kind: 'not-yours', yours };
  if (offered.catchment === 'anyone') return yours ? { kind: 'anyone', yours } : { kind: 'serves' };
  if (offered.catchment === 'own-municipality') return office.municipality === place.municipality ? { kind: 'serves' } : { kind: 'not-yours', yours };
  const entry = offered.catchment.find((c) => c.municipality === place.municipality);
  const admitted = entry !== undefined && entry.audience !== 'some-students-only' && !(entry.audience === 'not-students' && place.student === true);
  return admitted ? { kind: 'serves' } : { kind: 'not-yours', yours };
}
