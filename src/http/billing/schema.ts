import { z } from 'zod';
import { Email, Id, IsoDate, Phone, text, Version } from '../common.ts';

/** Two capital letters: the state of an address, an accident or a workers' comp claim. */
const State = z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter state, e.g. NY.');
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const PayerBody = z.strictObject({
  name: text(200).describe('The payer as the claim names it, e.g. "State Farm Mutual (PIP)"'),
  electronicId: optional(
    z
      .string()
      .regex(/^[A-Za-z0-9]{2,15}$/, 'Use the 2 to 15 letters and digits of the payer id, e.g. 87726.')
      .describe('The electronic payer id claims are sent to'),
  ),
  kind: z.enum(['auto', 'workers-comp', 'commercial', 'medicare', 'other']),
  addressLine1: optional(text(200)),
  addressLine2: optional(text(200)),
  city: optional(text(100)),
  state: optional(State),
  postalCode: optional(z.string().regex(/^[0-9]{5}(-[0-9]{4})?$/, 'Use a ZIP code, e.g. 97205 or 97205-1234.')),
  phone: optional(Phone),
});
export const PayerUpdate = PayerBody.extend({ version: Version });

export const PayerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  electronicId: z.string().nullable(),
  kind: z.string(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
});
export const PayerListSchema = z.object({ payers: z.array(PayerSchema) });

const Contact = z.strictObject({
  name: text(200),
  phone: optional(Phone),
  email: optional(Email),
});

export const CoverageBody = z.strictObject({
  order: z.number().int().min(1).max(9).describe('1 primary, 2 secondary, 3 tertiary'),
  type: z.enum(['auto-pip', 'auto-med-pay', 'workers-comp', 'commercial', 'medicare', 'self-pay']),
  payerId: optional(Id.describe('From the payer directory; none for self-pay')),
  memberId: optional(text(80).describe('Member id, policy number or Medicare number (MBI)')),
  groupNumber: optional(text(80)),
  relationship: z.enum(['self', 'spouse', 'child', 'other']).describe("The patient's relation to the insured"),
  subscriberName: optional(text(200).describe('The insured, when not the patient')),
  subscriberBirthDate: optional(IsoDate),
  claimNumber: optional(text(80).describe("The adjuster's claim number (auto, workers' comp)")),
  dateOfInjury: optional(IsoDate),
  employerName: optional(text(200).describe("Workers' comp: the employer at the time of injury")),
  adjuster: optional(Contact),
  attorney: optional(Contact),
  state: optional(State.describe("Auto: the accident's state; workers' comp: the claim's")),
  effectiveFrom: optional(IsoDate),
  effectiveTo: optional(IsoDate),
  copay: optional(
    z
      .number()
      .int('Enter the copay in whole cents, e.g. 2500 for $25.00.')
      .min(0, 'The copay cannot be below zero.')
      .max(10_000_000, 'The copay is more than the clinic takes in one go.')
      .describe('The copay on the card, in cents: collected at checkout unless the desk types another amount'),
  ),
});
export const CoverageUpdate = CoverageBody.partial().extend({ version: Version });
export const CoverageEnd = z.strictObject({
  version: Version,
  effectiveTo: IsoDate.describe('The last day the coverage pays for'),
});

const ContactSchema = z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() });

export const CoverageSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  order: z.number().int(),
  type: z.string(),
  payerId: z.uuid().nullable(),
  payerName: z.string().nullable(),
  memberId: z.string().nullable(),
  groupNumber: z.string().nullable(),
  relationship: z.string(),
  subscriberName: z.string().nullable(),
  subscriberBirthDate: z.string().nullable(),
  claimNumber: z.string().nullable(),
  dateOfInjury: z.string().nullable(),
  employerName: z.string().nullable(),
  adjuster: ContactSchema.nullable(),
  attorney: ContactSchema.nullable(),
  state: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  copay: z.number().int().nullable().describe('The copay on the card, in cents'),
  endedAt: z.string().nullable().describe('When the desk ended it; ended coverages are kept on file'),
  version: z.number().int(),
});
export const CoverageListSchema = z.object({ patientId: z.uuid(), coverages: z.array(CoverageSchema) });

export const AuthorizationBody = z.strictObject({
  reference: optional(text(80).describe("The payer's authorization number")),
  unit: z.enum(['visits', 'units']),
  authorized: z.number().int().min(1).max(999).describe('How many visits (or units) were authorized'),
  startsOn: IsoDate,
  endsOn: IsoDate,
  alertAt: z.number().int().min(0).max(999).default(2).describe('Alert the desk when this many or fewer are left'),
});
export const AuthorizationUpdate = AuthorizationBody.partial().extend({ version: Version });

const StatusSchema = z.object({
  used: z.number().int(),
  remaining: z.number().int(),
  label: z.string().describe('"3 of 12 visits left"'),
  runningOut: z.boolean(),
  usedUp: z.boolean(),
});

export const AuthorizationSchema = z.object({
  id: z.uuid(),
  coverageId: z.uuid(),
  patientId: z.uuid(),
  reference: z.string().nullable(),
  unit: z.string(),
  authorized: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  alertAt: z.number().int(),
  used: z
    .number()
    .int()
    .describe(
      'Visits booked or held on the days it covers (cancelled and missed ones not); an authorization of units counts ' +
        'each visit as one until charges are stored',
    ),
  version: z.number().int(),
  status: StatusSchema,
});
export const AuthorizationListSchema = z.object({
  patientId: z.uuid(),
  authorizations: z.array(AuthorizationSchema),
});
export const AuthorizationStatusSchema = z.object({
  patientId: z.uuid(),
  date: z.string().describe("The clinic's date the status is for"),
  current: z.array(StatusSchema.extend({ id: z.uuid(), coverageId: z.uuid(), endsOn: z.string() })),
  alerts: z.array(z.string()),
});
