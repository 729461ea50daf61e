import type { Coverage, Extension, Organization } from '@medplum/fhirtypes';
import { compact, identifierSystem, period, recordIdentifier, ref, type FhirContext } from './base.ts';

export interface ContactInput {
  name: string;
  phone: string | null;
  email: string | null;
}

/** A coverage as the billing repository reads it. */
export interface CoverageInput {
  id: string;
  patientId: string;
  order: number;
  type: 'auto-pip' | 'auto-med-pay' | 'workers-comp' | 'commercial' | 'medicare' | 'self-pay';
  payerId: string | null;
  payerName: string | null;
  memberId: string | null;
  groupNumber: string | null;
  relationship: 'self' | 'spouse' | 'child' | 'other';
  subscriberName: string | null;
  subscriberBirthDate: string | null;
  claimNumber: string | null;
  dateOfInjury: string | null;
  employerName: string | null;
  adjuster: ContactInput | null;
  attorney: ContactInput | null;
  state: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  endedAt: Date | null;
}

export interface PayerInput {
  id: string;
  name: string;
  electronicId: string | null;
  kind: 'auto' | 'workers-comp' | 'commercial' | 'medicare' | 'other';
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  phone: string | null;
}

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const SELF_PAY = 'http://terminology.hl7.org/CodeSystem/coverage-selfpay';

/**
 * How a visit is paid, in the coverage-type value set (v3 ActCode and coverage-selfpay): auto PIP and
 * med-pay are automobile policies, Medicare a public healthcare programme, a health plan "HIP".
 */
export const COVERAGE_TYPE = {
  'auto-pip': { system: ACT_CODE, code: 'AUTOPOL', display: 'automobile insurance policy' },
  'auto-med-pay': { system: ACT_CODE, code: 'AUTOPOL', display: 'automobile insurance policy' },
  'workers-comp': { system: ACT_CODE, code: 'WCBPOL', display: "worker's compensation" },
  commercial: { system: ACT_CODE, code: 'HIP', display: 'health insurance plan policy' },
  medicare: { system: ACT_CODE, code: 'PUBLICPOL', display: 'public healthcare' },
  'self-pay': { system: SELF_PAY, code: 'pay', display: 'Pay' },
} as const;

const TYPE_TEXT: Record<CoverageInput['type'], string> = {
  'auto-pip': 'Auto insurance (PIP)',
  'auto-med-pay': 'Auto insurance (med-pay)',
  'workers-comp': "Workers' compensation",
  commercial: 'Health plan',
  medicare: 'Medicare',
  'self-pay': 'Self-pay',
};

/** The extensions Knotwork adds to Coverage, under the organisation's canonical base. */
export function coverageExtensionUrl(ctx: FhirContext, name: string): string {
  return `${ctx.base}/StructureDefinition/coverage-${name}`;
}

function contactExtension(ctx: FhirContext, name: string, c: ContactInput | null): Extension[] {
  if (!c) return [];
  const parts: Extension[] = [
    { url: 'name', valueString: c.name },
    ...(c.phone ? [{ url: 'phone', valueString: c.phone }] : []),
    ...(c.email ? [{ url: 'email', valueString: c.email }] : []),
  ];
  return [{ url: coverageExtensionUrl(ctx, name), extension: parts }];
}

function coverageExtensions(ctx: FhirContext, c: CoverageInput): Extension[] {
  const text = (name: string, value: string | null): Extension[] =>
    value ? [{ url: coverageExtensionUrl(ctx, name), valueString: value }] : [];
  return [
    ...(c.type !== 'auto-pip' && c.type !== 'auto-med-pay'
      ? []
      : [{ url: coverageExtensionUrl(ctx, 'auto-benefit'), valueCode: c.type === 'auto-pip' ? 'pip' : 'med-pay' }]),
    ...(c.dateOfInjury ? [{ url: coverageExtensionUrl(ctx, 'date-of-injury'), valueDate: c.dateOfInjury }] : []),
    ...text('state', c.state),
    ...text('employer', c.employerName),
    ...(c.subscriberBirthDate
      ? [{ url: coverageExtensionUrl(ctx, 'subscriber-birth-date'), valueDate: c.subscriberBirthDate }]
      : []),
    ...contactExtension(ctx, 'adjuster', c.adjuster),
    ...contactExtension(ctx, 'attorney', c.attorney),
  ];
}

/**
 * A coverage: the patient as beneficiary, the payer (an Organization) as payor — or the patient
 * themself for self-pay — the member id, group number and claim number as identifiers and class,
 * and what auto and workers' comp claims carry (date of injury, state, employer, adjuster, attorney)
 * as Knotwork extensions. An ended coverage is "cancelled", kept on file.
 */
export function toCoverage(ctx: FhirContext, c: CoverageInput): Coverage {
  const typeCoding = COVERAGE_TYPE[c.type];
  return compact<Coverage>({
    resourceType: 'Coverage',
    id: c.id,
    extension: coverageExtensions(ctx, c),
    identifier: [
      recordIdentifier(ctx, 'coverage', c.id),
      ...(c.memberId
        ? [
            // R4's identifier-type value set has no member-id code: the system says what it is.
            { system: identifierSystem(ctx, 'member-id'), value: c.memberId },
          ]
        : []),
      ...(c.claimNumber ? [{ system: identifierSystem(ctx, 'claim-number'), value: c.claimNumber }] : []),
    ],
    status: c.endedAt ? 'cancelled' : 'active',
    type: { coding: [{ ...typeCoding }], text: TYPE_TEXT[c.type] },
    subscriber: c.subscriberName && c.relationship !== 'self' ? { display: c.subscriberName } : undefined,
    subscriberId: c.memberId ?? undefined,
    beneficiary: ref('Patient', c.patientId),
    relationship: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: c.relationship }],
    },
    period: period(c.effectiveFrom, c.effectiveTo),
    payor: [c.payerId ? ref('Organization', c.payerId, c.payerName ?? undefined) : ref('Patient', c.patientId)],
    class: c.groupNumber
      ? [
          {
            type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'group' }] },
            value: c.groupNumber,
          },
        ]
      : undefined,
    order: c.order,
  });
}

const PAYER_KIND_TEXT: Record<PayerInput['kind'], string> = {
  auto: 'Auto insurer',
  'workers-comp': "Workers' compensation carrier",
  commercial: 'Health plan',
  medicare: 'Medicare',
  other: 'Payer',
};

/** A payer from the directory: an Organization of type "pay", its electronic payer id as identifier. */
export function toPayerOrganization(ctx: FhirContext, p: PayerInput): Organization {
  const hasAddress = p.addressLine1 || p.city || p.state || p.postalCode;
  return compact<Organization>({
    resourceType: 'Organization',
    id: p.id,
    identifier: [
      recordIdentifier(ctx, 'payer', p.id),
      ...(p.electronicId ? [{ system: identifierSystem(ctx, 'payer-electronic-id'), value: p.electronicId }] : []),
    ],
    active: true,
    type: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'pay' }],
        text: PAYER_KIND_TEXT[p.kind],
      },
    ],
    name: p.name,
    telecom: p.phone ? [{ system: 'phone', value: p.phone, use: 'work' }] : undefined,
    address: hasAddress
      ? [
          compact({
            use: 'work' as const,
            line: [p.addressLine1, p.addressLine2].filter((l): l is string => Boolean(l)),
            city: p.city ?? undefined,
            state: p.state ?? undefined,
            postalCode: p.postalCode ?? undefined,
          }),
        ]
      : undefined,
  });
}
