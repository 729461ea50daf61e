import type { ContactPoint, Patient } from '@medplum/fhirtypes';
import { compact, meta, recordIdentifier, ref, type FhirContext } from './base.ts';

export interface PatientInput {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sexAtBirth: 'female' | 'male' | 'intersex' | 'unknown';
  email: string | null;
  phone: string | null;
  address: {
    line1: string;
    line2?: string | null;
    city: string;
    state: string;
    postalCode: string;
    country?: string;
  } | null;
  emergencyContact: { name: string; relationship: string; phone: string } | null;
  preferredLocationId: string | null;
  communication: { language?: string };
  version: number;
  updatedAt: Date;
}

/**
 * FHIR's administrative gender has no "intersex": it is "other" there. (R4 Patient.gender is the
 * administrative sex, bound to http://hl7.org/fhir/administrative-gender.)
 */
const GENDER = { female: 'female', male: 'male', intersex: 'other', unknown: 'unknown' } as const;

/** The patient's chart number (their record id) as identifier, demographics, and the emergency contact. */
export function toPatient(ctx: FhirContext, p: PatientInput): Patient {
  const telecom: ContactPoint[] = [
    ...(p.phone ? [{ system: 'phone' as const, value: p.phone, use: 'mobile' as const }] : []),
    ...(p.email ? [{ system: 'email' as const, value: p.email, use: 'home' as const }] : []),
  ];
  const a = p.address;
  return compact<Patient>({
    resourceType: 'Patient',
    id: p.id,
    meta: meta(p.updatedAt, p.version),
    identifier: [recordIdentifier(ctx, 'patient', p.id)],
    active: true,
    name: [
      { use: 'official', family: p.familyName, given: [p.givenName] },
      ...(p.preferredName ? [{ use: 'usual' as const, given: [p.preferredName], family: p.familyName }] : []),
    ],
    telecom,
    gender: GENDER[p.sexAtBirth],
    birthDate: p.dateOfBirth,
    address: a
      ? [
          {
            use: 'home',
            line: [a.line1, ...(a.line2 ? [a.line2] : [])],
            city: a.city,
            state: a.state,
            postalCode: a.postalCode,
            ...(a.country ? { country: a.country } : {}),
          },
        ]
      : undefined,
    contact: p.emergencyContact
      ? [
          {
            relationship: [
              {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'C' }],
                text: p.emergencyContact.relationship,
              },
            ],
            name: { text: p.emergencyContact.name },
            telecom: [{ system: 'phone', value: p.emergencyContact.phone }],
          },
        ]
      : undefined,
    communication: p.communication.language
      ? [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: p.communication.language }] }, preferred: true }]
      : undefined,
    managingOrganization: ref('Organization', ctx.orgId),
  });
}
