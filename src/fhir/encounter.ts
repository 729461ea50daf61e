import type { Encounter } from '@medplum/fhirtypes';
import { compact, instant, meta, ref, type FhirContext } from './base.ts';

export interface VisitInput {
  /** The session note's id: a visit is what was charted. */
  id: string;
  patientId: string;
  appointmentId: string | null;
  therapistId: string;
  status: 'draft' | 'signed';
  createdAt: Date;
  signedAt: Date | null;
  version: number;
  updatedAt: Date;
  /** The site, when the visit was booked (a walk-in names none). */
  locationId?: string | null;
}

/** Required binding http://hl7.org/fhir/encounter-status: a signed note is a finished visit. */
export const ENCOUNTER_STATUS = { draft: 'in-progress', signed: 'finished' } as const;

/** Encounter.class, extensible binding to v3 ActEncounterCode: a clinic visit is ambulatory. */
export const AMBULATORY = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  code: 'AMB',
  display: 'ambulatory',
} as const;

export function toEncounter(ctx: FhirContext, v: VisitInput): Encounter {
  return compact<Encounter>({
    resourceType: 'Encounter',
    id: v.id,
    meta: meta(v.updatedAt, v.version),
    status: ENCOUNTER_STATUS[v.status],
    class: { ...AMBULATORY },
    subject: ref('Patient', v.patientId),
    participant: [{ individual: ref('Practitioner', v.therapistId) }],
    appointment: v.appointmentId ? [ref('Appointment', v.appointmentId)] : undefined,
    period: { start: instant(v.createdAt), ...(v.signedAt ? { end: instant(v.signedAt) } : {}) },
    location: v.locationId ? [{ location: ref('Location', v.locationId) }] : undefined,
    serviceProvider: ref('Organization', ctx.orgId),
  });
}
