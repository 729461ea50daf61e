import type { Consent } from '@medplum/fhirtypes';
import { compact, instant, LOINC, ref, type FhirContext } from './base.ts';
import { knotworkCoding } from './code-systems.ts';

export interface ScreeningInput {
  id: string;
  patientId: string;
  intakeVersion: number;
  decision: 'clear' | 'caution' | 'local' | 'refer' | 'contraindicated';
  screenedAt: Date;
  /** A manager's or admin's decision to let treatment go ahead for this version. */
  override: { decidedAt: Date } | null;
  /** A physician's clearance covers what blocked treatment. */
  cleared: boolean;
}

const BLOCKING = new Set(['refer', 'contraindicated']);

/**
 * The screening decision for one intake version, as the clinic's record of whether treatment may go
 * ahead: a permit for clear, caution and local (with the decision as its code), a deny for refer and
 * contraindicated until a clearance or an override permits it.
 */
export function toConsent(ctx: FhirContext, s: ScreeningInput): Consent {
  const permitted = !BLOCKING.has(s.decision) || s.cleared || s.override !== null;
  return compact<Consent>({
    resourceType: 'Consent',
    id: s.id,
    status: 'active',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }],
    },
    category: [{ coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }] }],
    patient: ref('Patient', s.patientId),
    dateTime: instant(s.override?.decidedAt ?? s.screenedAt),
    organization: [ref('Organization', ctx.orgId)],
    policy: [{ uri: `${ctx.base}/policy/screening` }],
    provision: {
      type: permitted ? 'permit' : 'deny',
      code: [
        { coding: [knotworkCoding(ctx, 'screening-decision', s.decision)] },
        ...(s.override ? [{ coding: [knotworkCoding(ctx, 'screening-decision', 'override')] }] : []),
      ],
    },
  });
}
