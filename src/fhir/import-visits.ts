import { APPOINTMENT_STATUS } from './appointment.ts';
import { EntryReader, extensionOf, identifierOf, list, text, type Json } from './import-read.ts';

/** Coverages and appointments read back from FHIR: the inverse of `coverage.ts` and `appointment.ts`. */

type CoverageType = 'auto-pip' | 'auto-med-pay' | 'workers-comp' | 'commercial' | 'medicare' | 'self-pay';

export interface CoverageDraft {
  /** References, resolved by the service: the patient covered, and the payer (none for self-pay). */
  beneficiary: string;
  payor: { type: 'Organization' | 'Patient'; reference: string } | null;
  ended: boolean;
  fields: {
    order: number;
    type: CoverageType;
    memberId: string | null;
    groupNumber: string | null;
    relationship: 'self' | 'spouse' | 'child' | 'other';
    subscriberName: string | null;
    subscriberBirthDate: string | null;
    claimNumber: string | null;
    dateOfInjury: string | null;
    employerName: string | null;
    adjuster: { name: string; phone: string | null; email: string | null } | null;
    attorney: { name: string; phone: string | null; email: string | null } | null;
    state: string | null;
    effectiveFrom: string | null;
    effectiveTo: string | null;
    copay: null;
  };
}

function coverageType(reader: EntryReader): CoverageType | null {
  const codes = list((reader.r.type as Json | undefined)?.coding).map((c) => c.code);
  const benefit = extensionOf(reader.r, 'coverage-auto-benefit')?.valueCode;
  if (codes.includes('AUTOPOL')) return benefit === 'med-pay' ? 'auto-med-pay' : 'auto-pip';
  if (codes.includes('WCBPOL')) return 'workers-comp';
  if (codes.includes('HIP')) return 'commercial';
  if (codes.includes('PUBLICPOL')) return 'medicare';
  if (codes.includes('pay')) return 'self-pay';
  reader.problem(
    'type',
    'the kind of coverage is not one Knotwork keeps (auto AUTOPOL, workers’ comp WCBPOL, health plan HIP, ' +
      'Medicare PUBLICPOL, self-pay).',
  );
  return null;
}

function contact(r: Json, name: string): CoverageDraft['fields']['adjuster'] {
  const parts = list(extensionOf(r, `coverage-${name}`)?.extension);
  const part = (url: string) => text(parts.find((p) => p.url === url)?.valueString);
  const who = part('name');
  return who ? { name: who, phone: part('phone'), email: part('email') } : null;
}

const reference = (v: unknown) => text((v as Json | undefined)?.reference);

export function readCoverage(reader: EntryReader): CoverageDraft {
  const r = reader.r;
  const ext = (name: string) => extensionOf(r, `coverage-${name}`);
  const period = (r.period ?? {}) as Json;
  const payorRef = reference(list(r.payor)[0]);
  const payorType = payorRef && /(^|\/)Patient\//.test(payorRef) ? 'Patient' : 'Organization';
  const beneficiary = reference(r.beneficiary);
  if (!beneficiary) reader.problem('beneficiary', 'the patient covered (beneficiary) is missing.');
  if (!payorRef) reader.problem('payor', 'who pays (payor) is missing.');
  const order = r.order === undefined ? 1 : Number(r.order);
  if (!Number.isInteger(order) || order < 1 || order > 9)
    reader.problem('order', 'the order (primary 1, secondary 2…) is a whole number from 1 to 9.');
  const relationship =
    reader.code(
      list((r.relationship as Json | undefined)?.coding)[0]?.code ?? 'self',
      ['self', 'spouse', 'child', 'other'] as const,
      'relationship',
      'the subscriber’s relationship to the patient',
    ) ?? 'self';
  return {
    beneficiary: beneficiary ?? '',
    payor: payorRef ? { type: payorType, reference: payorRef } : null,
    ended: r.status === 'cancelled',
    fields: {
      order,
      type: coverageType(reader) ?? 'self-pay',
      memberId: reader.optional(r.subscriberId ?? identifierOf(r, 'member-id'), 'subscriberId', 'the member id', 80),
      groupNumber: reader.optional(
        list(r.class).find((c) => list((c.type as Json | undefined)?.coding).some((x) => x.code === 'group'))?.value,
        'class',
        'the group number',
        80,
      ),
      relationship,
      subscriberName: reader.optional(
        (r.subscriber as Json | undefined)?.display,
        'subscriber',
        'the subscriber’s name',
      ),
      subscriberBirthDate: reader.date(
        ext('subscriber-birth-date')?.valueDate,
        'extension',
        'the subscriber’s date of birth',
        false,
      ),
      claimNumber: reader.optional(identifierOf(r, 'claim-number'), 'identifier', 'the claim number', 80),
      dateOfInjury: reader.date(ext('date-of-injury')?.valueDate, 'extension', 'the date of injury', false),
      employerName: reader.optional(ext('employer')?.valueString, 'extension', 'the employer'),
      adjuster: contact(r, 'adjuster'),
      attorney: contact(r, 'attorney'),
      state: reader.optional(ext('state')?.valueString, 'extension', 'the state of the claim', 2),
      effectiveFrom: reader.date(period.start, 'period.start', 'the date the coverage starts', false),
      effectiveTo: reader.date(period.end, 'period.end', 'the date the coverage ends', false),
      copay: null,
    },
  };
}

type VisitStatus = keyof typeof APPOINTMENT_STATUS;

export interface AppointmentDraft {
  /** References to the patient, the therapist and the site, in any order (resolved by the service). */
  participants: string[];
  serviceCode: string;
  serviceName: string;
  status: VisitStatus;
  start: Date;
  end: Date;
  notes: string | null;
  cancelReason: string | null;
  created: Date | null;
}

/** FHIR's appointment status back to Knotwork's; a cancellation the patient made late is "pat". */
function visitStatus(reader: EntryReader): VisitStatus {
  const r = reader.r;
  const fhir = reader.code(
    r.status,
    ['booked', 'arrived', 'checked-in', 'fulfilled', 'cancelled', 'noshow'] as const,
    'status',
    'the appointment’s status',
  );
  if (fhir === 'cancelled') {
    const late = list((r.cancelationReason as Json | undefined)?.coding).some((c) => c.code === 'pat');
    return late ? 'late_cancel' : 'cancelled';
  }
  const found = Object.entries(APPOINTMENT_STATUS).find(([, v]) => v === fhir);
  return (found?.[0] as VisitStatus | undefined) ?? 'booked';
}

export function readAppointment(reader: EntryReader): AppointmentDraft {
  const r = reader.r;
  const participants = list(r.participant).flatMap((p) => reference(p.actor) ?? []);
  if (participants.length === 0)
    reader.problem('participant', 'the patient, therapist and site taking part are missing.');
  const service = list((list(r.serviceType)[0] as Json | undefined)?.coding)[0];
  const serviceCode = reader.required(service?.code, 'serviceType', 'the service booked (its code)', 60);
  if (serviceCode && !/^[a-z0-9-]{2,60}$/.test(serviceCode))
    reader.problem('serviceType', 'the service code is 2 to 60 lowercase letters, digits or dashes.');
  const start = reader.instant(r.start, 'start', 'the start');
  const end = reader.instant(r.end, 'end', 'the end');
  if (start && end && end <= start) reader.problem('end', 'the appointment ends before it starts.');
  return {
    participants,
    serviceCode,
    serviceName: text(list(r.serviceType)[0]?.text) ?? text(service?.display) ?? serviceCode,
    status: visitStatus(reader),
    start: start ?? new Date(0),
    end: end ?? new Date(0),
    notes: reader.optional(r.comment, 'comment', 'the appointment’s note', 2000),
    cancelReason: reader.optional(
      (r.cancelationReason as Json | undefined)?.text,
      'cancelationReason',
      'the reason for cancelling',
      500,
    ),
    created: typeof r.created === 'string' ? reader.instant(r.created, 'created', 'when it was booked') : null,
  };
}
