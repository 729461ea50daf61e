import { z } from 'zod';
import { Id, IsoDate, Phone, text, Version } from '../common.ts';

/** Amounts are whole cents: $45.00 is 4500. A fee is per unit, so its bound is lower (as the table's). */
const Cents = (what: string, max = 100_000_000) =>
  z
    .number()
    .int('Enter the amount in whole cents, e.g. 4500 for $45.00.')
    .min(1, `The ${what} must be above zero.`)
    .max(max, `The ${what} is more than the clinic takes in one go.`);
const FEE_MAX_CENTS = 10_000_000;
const Method = z
  .enum(['card', 'cash', 'check', 'transfer'], 'Choose how it was paid: card, cash, check or transfer.')
  .describe('How the money moved');
const Reference = text(80).describe('The card terminal reference or the check number').nullable().optional();
const Reason = text(500);
const Cpt = z.string().regex(/^[0-9]{4}[0-9A-Z]$/, 'Use the five-character CPT code, e.g. 97140.');
const State = z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter state, e.g. NY.');
const InterchangeId = z.string().regex(/^[A-Za-z0-9]{1,15}$/, 'Use 1 to 15 letters and digits.');

export const Npi = z.string().trim().min(1, 'Enter the 10-digit NPI.').max(20).describe('National Provider Identifier');

const Entry = z.object({
  id: z.string(),
  kind: z.string(),
  postedAt: z.string(),
  patientId: z.string(),
  lines: z.array(
    z.object({
      account: z.object({ kind: z.string(), patientId: z.string().optional(), payerId: z.string().optional() }),
      side: z.enum(['debit', 'credit']),
      amount: z.number().int(),
    }),
  ),
  method: z.string().optional(),
  reference: z.string().optional(),
  reason: z.string().optional(),
  reverses: z.string().optional(),
  serviceDate: z.string().optional(),
});

const BalanceFields = {
  patientId: z.uuid(),
  dueNow: z.number().int().describe('What the patient owes at the desk now, in cents'),
  patient: z.number().int().describe("The patient's own account in cents (negative: a credit held)"),
  payers: z.array(z.object({ payerId: z.uuid(), balance: z.number().int() })),
};
export const BalanceSchema = z.object({ ...BalanceFields, entries: z.array(Entry) });
/** The balance as the desk reads it: payers named, and what the desk may post from it. */
export const BalanceViewSchema = z.object({
  ...BalanceFields,
  payers: z.array(z.object({ payerId: z.uuid(), payerName: z.string().nullable(), balance: z.number().int() })),
  entries: z.array(Entry.extend({ can: z.object({ reverse: z.boolean() }) })),
  can: z.object({ adjust: z.boolean(), writeOff: z.boolean(), refund: z.boolean() }),
});

/** A patient's own balance: their account only, never a payer's. */
export const OwnBalanceSchema = z.object({
  patientId: z.uuid(),
  dueNow: z.number().int().describe('What the patient owes now, in cents'),
  credit: z.number().int().describe('Money of the patient the clinic holds, in cents'),
  payments: z
    .array(z.object({ paidAt: z.string(), amount: z.number().int(), method: z.string() }))
    .describe("The patient's latest payments, newest first"),
});

export const ChargeSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  sessionNoteId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  coverageId: z.uuid().nullable(),
  payerId: z.uuid().nullable(),
  payerName: z.string().nullable(),
  serviceDate: z.string(),
  lineNo: z.number().int(),
  code: z.string(),
  minutes: z.number().int(),
  units: z.number().int(),
  modifiers: z.array(z.string()),
  diagnoses: z.array(z.string()),
  diagnosisPointers: z.array(z.string()),
  placeOfService: z.string(),
  renderingTherapistId: z.uuid(),
  renderingNpi: z.string(),
  feeCents: z.number().int().nullable(),
  amountCents: z.number().int(),
  status: z.enum(['proposed', 'posted', 'reversed']),
  entryId: z.uuid().nullable(),
  version: z.number().int(),
  claim: z
    .object({ id: z.uuid(), controlNumber: z.string(), status: z.enum(['ready', 'submitted', 'paid']) })
    .nullable()
    .describe('The claim billing the line; once sent, the line is corrected with the payer, not reversed'),
  can: z.object({ edit: z.boolean(), post: z.boolean(), reverse: z.boolean() }),
});

export const VisitChargesSchema = z.object({
  visitId: z.uuid(),
  patientId: z.uuid(),
  charges: z.array(ChargeSchema),
  checkout: z.object({ copay: z.number().int(), checkedOutAt: z.string() }).nullable(),
  balance: z.object(BalanceFields),
  can: z.object({ propose: z.boolean(), checkout: z.boolean(), pay: z.boolean() }),
});

export const ChargeReviewBody = z.strictObject({
  version: Version,
  units: z.number().int().min(1, 'A line bills at least one unit.').max(99).optional(),
  modifiers: z
    .array(z.string().regex(/^[A-Z0-9]{2}$/, 'A modifier is two letters or digits, e.g. GP.'))
    .max(4)
    .optional(),
  diagnosisPointers: z
    .array(z.string().regex(/^[A-La-l]$/, 'A pointer is a letter A to L.'))
    .min(1, 'Point at least at one diagnosis.')
    .max(4, 'Point at most at four diagnoses.')
    .optional(),
  placeOfService: z
    .string()
    .regex(/^[0-9]{2}$/, 'Use the two-digit place of service, e.g. 11.')
    .optional(),
  feePerUnit: Cents('fee', FEE_MAX_CENTS).optional(),
  amount: Cents('amount').optional(),
});

export const ReasonBody = z.strictObject({ reason: Reason.describe('Why it is reversed') });

export const CheckoutBody = z.strictObject({
  copay: z
    .number()
    .int('Enter the copay in whole cents, e.g. 2500 for $25.00.')
    .min(0, 'The copay cannot be below zero.')
    .max(10_000_000, 'The copay is more than the clinic takes in one go.')
    .describe("The patient's share of what the payer is billed (0 for none); left out, the coverage's copay on file")
    .optional(),
});

export const PaymentBody = z.strictObject({
  amount: Cents('payment'),
  method: Method,
  reference: Reference,
  allowCredit: z.boolean().optional().describe('Keep what is paid beyond the balance as a credit on the account'),
  visitId: Id.nullable().optional().describe('The visit being paid for'),
});
export const PaymentSchema = z.object({ id: z.uuid(), entryId: z.uuid(), balance: BalanceSchema });

export const EntryBody = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.enum(['adjustment', 'write-off']),
      amount: Cents('amount'),
      reason: Reason.describe('Why the balance is reduced'),
      payerId: Id.nullable().optional().describe("Reduce this payer's balance instead of the patient's"),
    }),
    z.strictObject({ kind: z.literal('refund'), amount: Cents('refund'), method: Method, reference: Reference }),
  ],
  'Choose what to post: adjustment, write-off or refund.',
);
export const EntryAnswerSchema = z.object({ entryId: z.uuid(), balance: BalanceSchema });
export const PayerBalanceSchema = z.object({ payerId: z.uuid(), balance: z.number().int() });

const ClaimFrequency = z
  .enum(['original', 'replacement', 'void'])
  .describe('original, or a replacement (837P CLM05-3 = 7) or void (8) of a sent claim');
/** What the desk may do with a claim next, weighing its state. */
export const ClaimCanSchema = z.object({
  batch: z.boolean(),
  pay: z.boolean(),
  payerClaimNumber: z.boolean(),
  correct: z.boolean(),
  void: z.boolean(),
});
const PayerClaimNumber = z
  .string("Enter the payer's claim number.")
  .trim()
  .regex(/^[A-Za-z0-9-]{1,50}$/, "The payer's claim number is 1 to 50 letters, digits or dashes, as on the remittance.")
  .describe("The payer's claim control number (ICN) from its remittance");
export const ClaimBody = z.strictObject({ visitId: Id.describe('The visit (signed note) to claim') });
export const ClaimSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  sessionNoteId: z.uuid(),
  coverageId: z.uuid(),
  payerId: z.uuid(),
  payerName: z.string(),
  controlNumber: z.string(),
  status: z.enum(['ready', 'submitted', 'paid']),
  batchId: z.uuid().nullable(),
  chargeIds: z.array(z.string()),
  version: z.number().int(),
  total: z.number().int(),
  payerClaimNumber: z.string().nullable().describe("The payer's own number for the claim (claim control number, ICN)"),
  frequency: ClaimFrequency,
  corrects: z
    .object({ id: z.uuid(), controlNumber: z.string(), payerClaimNumber: z.string().nullable() })
    .nullable()
    .describe('The claim this one replaces or voids'),
  correctedBy: z
    .object({ id: z.uuid(), controlNumber: z.string(), frequency: z.enum(['replacement', 'void']) })
    .nullable()
    .describe('The replacement or void made of this claim'),
  correctionReason: z.string().nullable(),
  can: ClaimCanSchema,
});
export const PayerClaimNumberBody = z.strictObject({ payerClaimNumber: PayerClaimNumber });
export const CorrectionBody = z.strictObject({
  kind: z
    .enum(['replacement', 'void'], 'Choose a corrected claim (replacement) or a void.')
    .describe('replacement: a corrected claim (837P frequency 7); void: cancel the claim (frequency 8)'),
  reason: Reason.nullable().optional().describe('What was wrong, for the desk'),
});
export const ClaimFormSchema = z.object({
  claimId: z.uuid(),
  forms: z.array(z.record(z.string(), z.unknown())).describe('CMS-1500 (02/12) boxes, one form per six lines'),
});
export const BatchBody = z.strictObject({
  claimIds: z.array(Id).min(1, 'Choose at least one claim.').max(100, 'Send at most 100 claims in one file.'),
});
export const BatchSchema = z.object({
  id: z.uuid(),
  controlNumber: z.number().int(),
  claimIds: z.array(z.uuid()),
  file: z.string().describe('The 837P (005010X222A1) interchange, one segment per line'),
});
export const ClaimPaymentBody = z.strictObject({
  amount: Cents('payment'),
  method: Method,
  reference: Reference,
  adjustment: Cents('adjustment').optional().describe("The contractual reduction on the payer's remittance"),
  reason: Reason.nullable().optional(),
  payerClaimNumber: PayerClaimNumber.nullable().optional(),
});
export const ClaimPaymentSchema = z.object({ claim: ClaimSchema, balance: BalanceSchema });

export const ProfileBody = z.strictObject({
  name: text(60),
  npi: Npi,
  taxId: z.string().regex(/^[0-9]{9}$/, 'The tax id (EIN) is nine digits, without the dash.'),
  addressLine1: text(55),
  addressLine2: text(55).nullable().optional(),
  city: text(30),
  state: State,
  postalCode: z.string().regex(/^([0-9]{5}|[0-9]{9})$/, 'Use the 5 or 9 digits of the ZIP code.'),
  phone: Phone,
  submitterId: InterchangeId.describe("The clinic's id at its clearinghouse"),
  contactName: text(60),
  receiverId: InterchangeId.describe("The clearinghouse's id"),
  receiverName: text(60),
  placeOfService: z
    .string()
    .regex(/^[0-9]{2}$/, 'Use the two-digit place of service, e.g. 11.')
    .default('11'),
  usage: z.enum(['P', 'T']).default('T').describe('P production, T test files'),
});
export const ProfileSchema = z.object({
  profile: ProfileBody.extend({ addressLine2: z.string().nullable(), version: z.number().int() }).nullable(),
});

export const NpiBody = z.strictObject({ npi: Npi });
export const NpiSchema = z.object({ therapistId: z.uuid(), npi: z.string() });

export const FeeBody = z.strictObject({
  code: Cpt,
  feeCents: Cents('fee', FEE_MAX_CENTS).describe('What the payer allows per unit, in cents'),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable().optional(),
});
export const FeeSchema = z.object({
  id: z.uuid(),
  payerId: z.uuid(),
  code: z.string(),
  feeCents: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});
export const FeeListSchema = z.object({ payerId: z.uuid(), fees: z.array(FeeSchema) });
