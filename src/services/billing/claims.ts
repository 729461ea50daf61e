/**
 * Claims from posted charges: one per visit and coverage, its CMS-1500 boxes as JSON, the 837P file
 * of a batch of claims (checked structurally before anyone receives it), and the payer's payment
 * posted against a claim.
 */
import {
  build837p,
  checkClaim,
  checkX12,
  cms1500Forms,
  money,
  payerClaimNumberProblem,
  type Address,
  type ClaimInput,
  type Cms1500Form,
  type CoverageType,
  type DiagnosisLetter,
  type PaymentMethod,
  type Person,
  type PostingRequest,
  DIAGNOSIS_LETTERS,
} from '../../billing/index.ts';
import type { Queryable } from '../../store/database.ts';
import * as claims from '../../store/repos/billing-claims.ts';
import * as ledger from '../../store/repos/billing-ledger.ts';
import { dateIn, instantToZonedParts } from '../../time/index.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { chargeLine } from './charges.ts';
import { allowPatient, balanceOfPatient, postForPatient, type PatientBalance } from './ledger.ts';

export interface ClaimCan {
  batch: boolean;
  pay: boolean;
  /** Record the payer's claim number (once the claim is sent). */
  payerClaimNumber: boolean;
  /** Send a corrected (replacement) claim, or void it: a sent claim not yet corrected, not itself a void. */
  correct: boolean;
  void: boolean;
}

/**
 * Only the desk side reads claims, so the flags weigh the claim's state: sent in a batch once, then
 * paid; once sent it may be corrected or voided, once.
 */
export function claimCan(row: Pick<claims.ClaimRow, 'status' | 'frequency'> & { corrected: boolean }): ClaimCan {
  const sent = row.status !== 'ready';
  const correctable = sent && !row.corrected && row.frequency !== 'void';
  return {
    batch: !sent,
    pay: sent && row.frequency !== 'void',
    payerClaimNumber: sent,
    correct: correctable,
    void: correctable,
  };
}

export interface Claim extends claims.ClaimRow {
  total: number;
  can: ClaimCan;
}

export async function presentClaim(db: Queryable, actor: Actor, row: claims.ClaimRow): Promise<Claim> {
  let total = 0;
  for (const id of row.chargeIds) total += (await ledger.findCharge(db, actor.orgId, id))?.amountCents ?? 0;
  return { ...row, total, can: claimCan({ ...row, corrected: row.correctedBy !== null }) };
}

/** Makes the claim of a visit to the coverage its posted charges were billed to. */
export async function createClaim(
  ctx: ServiceContext,
  actor: Actor,
  input: { visitId: string },
  once?: Once,
): Promise<Claim> {
  const visit = await ledger.visitFacts(ctx.db, actor.orgId, input.visitId);
  if (!visit) throw new ValidationError({ visitId: 'No such visit.' });
  await allowPatient(ctx.db, actor, 'claim.manage', visit.patientId, { action: 'claim.create', recordType: 'claim' });
  const posted = (await ledger.listVisitCharges(ctx.db, actor.orgId, input.visitId)).filter(
    (c) => c.status === 'posted' && c.coverageId !== null,
  );
  if (posted.length === 0)
    throw new ValidationError({ visitId: 'This visit has no posted charges billed to a payer to claim.' });
  const first = posted[0]!;
  const lines = posted.filter((c) => c.coverageId === first.coverageId);
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    if (await claims.claimOfVisit(tx, actor.orgId, input.visitId, first.coverageId!))
      throw new ConflictError('visitId', 'This visit is already claimed to this payer.');
    // Locked, so a reversal either waits for the claim (and takes its line off) or came first.
    for (const c of lines) {
      if ((await ledger.findCharge(tx, actor.orgId, c.id, true))?.status !== 'posted')
        throw new ConflictError('visitId', 'A charge of this visit was reversed meanwhile: make the claim again.');
    }
    const controlNumber = `KW${input.visitId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
    const id = await claims.insertClaim(
      tx,
      actor.orgId,
      {
        patientId: visit.patientId,
        sessionNoteId: input.visitId,
        coverageId: first.coverageId!,
        payerId: first.payerId!,
        controlNumber,
        chargeIds: lines.map((c) => c.id),
      },
      actor.userId,
      now,
    );
    await audit(tx, actor, [{ action: 'claim.create', patientId: visit.patientId, recordType: 'claim', recordId: id }]);
    return presentClaim(tx, actor, (await claims.findClaim(tx, actor.orgId, id))!);
  });
}

const COVERAGE_TYPE: Record<string, CoverageType> = {
  'auto-pip': 'auto',
  'auto-med-pay': 'auto',
  'workers-comp': 'workers-comp',
  commercial: 'commercial',
  medicare: 'medicare',
  'self-pay': 'self-pay',
};
const SEX: Record<string, Person['sex']> = { female: 'F', male: 'M' };

function splitName(full: string | null): { firstName: string; lastName: string } {
  const parts = (full ?? '').trim().split(/\s+/);
  return {
    firstName: parts.slice(0, -1).join(' ') || (parts[0] ?? ''),
    lastName: parts.length > 1 ? parts.at(-1)! : '',
  };
}

/** The claim's facts as the billing core takes them: patient, insured, coverage, providers, lines. */
async function claimInput(db: Queryable, actor: Actor, row: claims.ClaimRow): Promise<ClaimInput> {
  const charges = await Promise.all(row.chargeIds.map((id) => ledger.findCharge(db, actor.orgId, id)));
  const lines = charges.filter((c) => c !== null);
  const [profile, parties, authorization] = await Promise.all([
    claims.findProfile(db, actor.orgId),
    claims.claimParties(db, actor.orgId, row.id, lines[0]!.renderingTherapistId),
    claims.authorizationReference(db, actor.orgId, row.coverageId, lines[0]!.serviceDate),
  ]);
  if (!profile)
    throw new ValidationError({ billingProfile: 'Enter the clinic’s billing details (NPI, tax id) first.' });
  const p = parties!;
  const address: Address = {
    line1: p.address?.line1 ?? '',
    ...(p.address?.line2 ? { line2: p.address.line2 } : {}),
    city: p.address?.city ?? '',
    state: p.address?.state ?? '',
    postalCode: (p.address?.postalCode ?? '').replace(/\D/g, ''),
  };
  const patient: Person = {
    lastName: p.familyName,
    firstName: p.givenName,
    birthDate: p.dateOfBirth,
    sex: SEX[p.sexAtBirth] ?? 'U',
    address,
    ...(p.phone ? { phone: p.phone } : {}),
  };
  const subscriber: Person =
    p.relationship === 'self'
      ? patient
      : { ...splitName(p.subscriberName), birthDate: p.subscriberBirthDate ?? '', sex: 'U', address };
  return {
    claimId: row.controlNumber,
    ...(row.frequency !== 'original'
      ? { frequency: row.frequency, payerClaimNumber: row.corrects?.payerClaimNumber ?? '' }
      : {}),
    patient,
    relationship: p.relationship,
    subscriber,
    coverage: {
      type: COVERAGE_TYPE[p.coverageType] ?? 'commercial',
      responsibility: p.coverageOrder === 1 ? 'primary' : 'secondary',
      payerName: p.payerName,
      payerId: p.payerElectronicId ?? '',
      memberId: p.memberId ?? '',
      ...(p.groupNumber ? { groupNumber: p.groupNumber } : {}),
      ...(p.claimNumber ? { claimNumber: p.claimNumber } : {}),
      ...(p.dateOfInjury ? { dateOfInjury: p.dateOfInjury } : {}),
      ...(p.state && COVERAGE_TYPE[p.coverageType] === 'auto' ? { accidentState: p.state } : {}),
      ...(p.employerName ? { employerName: p.employerName } : {}),
    },
    billingProvider: {
      name: profile.name,
      npi: profile.npi,
      taxId: profile.taxId,
      address: {
        line1: profile.addressLine1,
        ...(profile.addressLine2 ? { line2: profile.addressLine2 } : {}),
        city: profile.city,
        state: profile.state,
        postalCode: profile.postalCode,
      },
      phone: profile.phone,
    },
    renderingProvider: {
      lastName: p.therapistFamilyName,
      firstName: p.therapistGivenName,
      npi: lines[0]!.renderingNpi,
    },
    diagnoses: lines[0]!.diagnoses.map((code, i) => ({ letter: DIAGNOSIS_LETTERS[i] as DiagnosisLetter, code })),
    lines: lines.map(chargeLine),
    ...(authorization ? { priorAuthorization: authorization } : {}),
    signatureOnFile: true,
    acceptAssignment: true,
  };
}

async function claimFor(ctx: ServiceContext, actor: Actor, id: string, action: string) {
  const row = await claims.findClaim(ctx.db, actor.orgId, id);
  if (!row) throw new NotFoundError('No such claim.');
  await allowPatient(ctx.db, actor, 'claim.manage', row.patientId, { action, recordType: 'claim', recordId: id });
  return row;
}

/** Problems of a claim by field, in the desk's words, or nothing. */
function refuseProblems(problems: Array<{ field: string; message: string }>): void {
  if (problems.length === 0) return;
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] ??= p.message;
  throw new ValidationError(fields, 'The claim is missing what a payer needs.');
}

/** The CMS-1500 (02/12) boxes of a claim, one form per six lines. */
export async function claimForm(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ claimId: string; forms: Cms1500Form[] }> {
  const row = await claimFor(ctx, actor, id, 'claim.form');
  const input = await claimInput(ctx.db, actor, row);
  refuseProblems(checkClaim(input));
  await audit(ctx.db, actor, [{ action: 'claim.form', patientId: row.patientId, recordType: 'claim', recordId: id }]);
  return { claimId: id, forms: cms1500Forms(input, money(0), dateIn(actor.orgTimeZone, ctx.now())) };
}

export interface Batch {
  id: string;
  controlNumber: number;
  claimIds: string[];
  /** The 837P interchange, segments one per line. */
  file: string;
}

/** An 837P file for the chosen ready claims; the file is checked with the X12 validator before it is kept. */
export async function createBatch(
  ctx: ServiceContext,
  actor: Actor,
  input: { claimIds: string[] },
  once?: Once,
): Promise<Batch> {
  const rows: claims.ClaimRow[] = [];
  for (const id of new Set(input.claimIds)) rows.push(await claimFor(ctx, actor, id, 'claim.batch'));
  const notReady = rows.find((r) => r.status !== 'ready');
  if (notReady) throw new ConflictError('claimIds', `Claim ${notReady.controlNumber} was already sent in a batch.`);
  const inputs = await Promise.all(rows.map((r) => claimInput(ctx.db, actor, r)));
  const profile = (await claims.findProfile(ctx.db, actor.orgId))!;
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    // The file must bill what the claims bill when it is kept: a line reversed meanwhile stops it.
    const locked = await claims.lockClaims(
      tx,
      actor.orgId,
      rows.map((r) => r.id),
    );
    const changed = rows.find((r) => {
      const current = locked.find((l) => l.id === r.id);
      return current?.status !== 'ready' || current.chargeIds.join() !== r.chargeIds.join();
    });
    if (changed)
      throw new ConflictError('claimIds', `Claim ${changed.controlNumber} changed meanwhile: make the file again.`);
    const controlNumber = await claims.nextControlNumber(tx, actor.orgId);
    const made = instantToZonedParts(now.getTime(), actor.orgTimeZone);
    const built = build837p(
      {
        sender: {
          qualifier: 'ZZ',
          id: profile.submitterId,
          name: profile.name,
          contactName: profile.contactName,
          contactPhone: profile.phone,
        },
        receiver: { qualifier: 'ZZ', id: profile.receiverId, name: profile.receiverName },
        interchangeControlNumber: controlNumber,
        groupControlNumber: controlNumber,
        createdOn: made.date,
        createdAt: made.time,
        usage: profile.usage,
        claims: inputs,
      },
      { lineBreaks: true },
    );
    if (!built.ok) return refuseProblems(built.problems) as never;
    const check = checkX12(built.text);
    if (!check.ok) throw new Error(`the 837P file failed its own check: ${check.problems[0]?.message ?? ''}`);
    const id = await claims.insertBatch(
      tx,
      actor.orgId,
      { controlNumber, usage: profile.usage, claimCount: rows.length, file: built.text },
      actor.userId,
      now,
    );
    await claims.setClaimStatus(
      tx,
      actor.orgId,
      rows.map((r) => r.id),
      'submitted',
      id,
      now,
    );
    await audit(
      tx,
      actor,
      rows.map((r) => ({ action: 'claim.batch', patientId: r.patientId, recordType: 'claim', recordId: r.id })),
    );
    return { id, controlNumber, claimIds: rows.map((r) => r.id), file: built.text };
  });
}

export interface PayerPaymentInput {
  amount: number;
  method: PaymentMethod;
  reference?: string | null;
  /** The contractual reduction the payer's remittance shows, written off the payer's balance. */
  adjustment?: number;
  reason?: string | null;
  /** The payer's own number for the claim, from the remittance (kept for a corrected claim). */
  payerClaimNumber?: string | null;
}

/** A payer's payment (and contractual adjustment) posted against a claim, all or nothing. */
export async function payClaim(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: PayerPaymentInput,
  once?: Once,
): Promise<{ claim: Claim; balance: PatientBalance }> {
  const row = await claimFor(ctx, actor, id, 'claim.pay');
  if (row.status === 'ready')
    throw new ConflictError('status', 'Send the claim in a batch before posting its payment.');
  if (row.frequency === 'void')
    throw new ConflictError('status', 'A void claim is not paid: post against the claim it voids.');
  const number = input.payerClaimNumber?.trim() || null;
  const numberProblem = number ? payerClaimNumberProblem(number) : null;
  if (numberProblem) throw new ValidationError({ payerClaimNumber: numberProblem });
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const postings: Array<{ request: PostingRequest; links: ledger.EntryLinks }> = [
      {
        request: {
          kind: 'payment',
          patientId: row.patientId,
          payerId: row.payerId,
          amount: money(input.amount),
          method: input.method,
          ...(input.reference ? { reference: input.reference } : {}),
        },
        links: { claimId: id },
      },
    ];
    if (input.adjustment) {
      postings.push({
        request: {
          kind: 'adjustment',
          patientId: row.patientId,
          payerId: row.payerId,
          amount: money(input.adjustment),
          reason: input.reason?.trim() || 'Contractual adjustment',
        },
        links: { claimId: id },
      });
    }
    const [payment] = await postForPatient(tx, actor, row.patientId, postings, now);
    await ledger.insertPayment(
      tx,
      actor.orgId,
      {
        entryId: payment!.id,
        patientId: row.patientId,
        payerId: row.payerId,
        claimId: id,
        sessionNoteId: row.sessionNoteId,
        direction: 'received',
        method: input.method,
        reference: input.reference ?? null,
        amountCents: input.amount,
      },
      actor.userId,
      now,
    );
    await claims.setClaimStatus(tx, actor.orgId, [id], 'paid', null, now);
    if (number) await claims.setPayerClaimNumber(tx, actor.orgId, id, number, now);
    await audit(tx, actor, [
      {
        action: 'claim.pay',
        patientId: row.patientId,
        recordType: 'claim',
        recordId: id,
        ...(number ? { detail: { fields: ['payerClaimNumber'] } } : {}),
      },
    ]);
    return {
      claim: await presentClaim(tx, actor, (await claims.findClaim(tx, actor.orgId, id))!),
      balance: balanceOfPatient(row.patientId, await ledger.patientEntries(tx, actor.orgId, row.patientId)),
    };
  });
}
