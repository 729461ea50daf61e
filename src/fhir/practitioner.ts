import type { Practitioner, PractitionerQualification } from '@medplum/fhirtypes';
import { compact, period, recordIdentifier, type FhirContext } from './base.ts';

export interface CredentialInput {
  id: string;
  kind: 'licence' | 'certification';
  type: string;
  issuer: string;
  number?: string | null;
  issuedOn?: string | null;
  expiresOn: string | null;
}

/** The staff view of a therapist, or the public one (a name, no contact details, no credentials). */
export interface TherapistInput {
  id: string;
  name: string;
  givenName?: string;
  familyName?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
}

const V2_0360 = 'http://terminology.hl7.org/CodeSystem/v2-0360';

const identifierSystemFor = (ctx: FhirContext, kind: string) => `${ctx.base}/identifier/${kind}-number`;

/** A licence or certificate: its number, what it is, who issued it, and the period it is valid for. */
function qualification(ctx: FhirContext, c: CredentialInput): PractitionerQualification {
  return compact<PractitionerQualification>({
    id: c.id,
    identifier: c.number ? [{ system: identifierSystemFor(ctx, c.kind), value: c.number }] : undefined,
    code: {
      // HL7 v2 table 0360 has no licence code; the credential's own name carries the meaning.
      ...(c.kind === 'licence' ? {} : { coding: [{ system: V2_0360, code: 'CER', display: 'Certificate' }] }),
      text: c.type,
    },
    period: period(c.issuedOn, c.expiresOn),
    issuer: { display: c.issuer },
  });
}

/** A therapist, with their licences and certificates as qualifications. */
export function toPractitioner(
  ctx: FhirContext,
  t: TherapistInput,
  credentials: readonly CredentialInput[],
): Practitioner {
  const telecom = [
    ...(t.phone ? [{ system: 'phone' as const, value: t.phone, use: 'work' as const }] : []),
    ...(t.email ? [{ system: 'email' as const, value: t.email, use: 'work' as const }] : []),
  ];
  return compact<Practitioner>({
    resourceType: 'Practitioner',
    id: t.id,
    identifier: [recordIdentifier(ctx, 'therapist', t.id)],
    active: t.active ?? true,
    name: [
      t.givenName && t.familyName
        ? { use: 'official', family: t.familyName, given: [t.givenName], text: t.name }
        : { use: 'official', text: t.name },
    ],
    telecom,
    qualification: credentials.map((c) => qualification(ctx, c)),
  });
}
