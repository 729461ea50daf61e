/**
 * Charges from a signed note: signing proposes the visit's charge lines (units by the payer's rule,
 * modifiers, diagnosis pointers, fee) with the billing core; the desk reviews each, posts it (a
 * ledger entry) and checks the patient out. A posted charge is never edited, only reversed.
 */
import {
  DIAGNOSIS_LETTERS,
  MAX_POINTERS_PER_LINE,
  money,
  proposeCharges,
  timesUnits,
  type ChargeLine,
  type DiagnosisLetter,
  type Pricing,
  type PostingRequest,
} from '../../billing/index.ts';
import type { Transactional } from '../../store/database.ts';
import { unitRuleOf } from '../charting/session-present.ts';
import { findProfile } from '../../store/repos/billing-claims.ts';
import { findCoverage } from '../../store/repos/billing-coverage.ts';
import * as repo from '../../store/repos/billing-ledger.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { isAllowed, type PatientFacts } from '../policies.ts';
import { joinWaitingReplacement, takeOffClaim } from './claim-lines.ts';
import { allowPatient, balanceOfPatient, postForPatient, type PatientBalance } from './ledger.ts';

export interface ChargeCan {
  /** Change the proposed line (units, modifiers, pointers, place, fee). */
  edit: boolean;
  post: boolean;
  reverse: boolean;
}

export interface Charge extends repo.ChargeRow {
  can: ChargeCan;
}

function chargeCan(actor: Actor, patient: PatientFacts, row: repo.ChargeRow): ChargeCan {
  const posts = isAllowed(actor, 'charge.post', { patient });
  return {
    edit: posts && row.status === 'proposed',
    post: posts && row.status === 'proposed',
    // A line of a claim already sent is reversed through a corrected claim (services/billing/claim-lines.ts).
    reverse: posts && row.status === 'posted',
  };
}

/** A stored charge as the billing core's charge line (what a claim and a superbill carry). */
export function chargeLine(row: repo.ChargeRow): ChargeLine {
  return {
    code: row.code,
    minutes: row.minutes,
    units: row.units,
    modifiers: row.modifiers,
    diagnosisPointers: row.diagnosisPointers as DiagnosisLetter[],
    placeOfService: row.placeOfService,
    serviceDate: row.serviceDate,
    renderingNpi: row.renderingNpi,
    amount: money(row.amountCents),
  };
}

type Proposed = { ok: true } | { ok: false; problems: Record<string, string> };

/**
 * Proposes the visit's charges when it has none yet: the first coverage in force on the date bills
 * (its payer's fee schedule), or the service's price for self-pay. What is missing is answered by field.
 */
async function propose(tx: Transactional, actor: Actor, noteId: string, now: Date): Promise<Proposed> {
  const visit = await repo.visitFacts(tx, actor.orgId, noteId);
  if (!visit) return { ok: false, problems: { visit: 'No such visit.' } };
  if ((await repo.listVisitCharges(tx, actor.orgId, noteId)).some((c) => c.status !== 'reversed')) return { ok: true };
  const serviceDate = visit.serviceDate ?? '';
  const [diagnoses, coverage, profile, unitRule] = await Promise.all([
    repo.diagnosesOn(tx, actor.orgId, visit.patientId, serviceDate),
    repo.coverageOn(tx, actor.orgId, visit.patientId, serviceDate),
    findProfile(tx, actor.orgId),
    unitRuleOf(tx, actor.orgId),
  ]);
  const problems: Record<string, string> = {};
  let pricing: Pricing | null = null;
  const billsPayer = coverage !== null && coverage.payerId !== null;
  if (billsPayer) {
    const fees = await repo.feesOn(tx, actor.orgId, coverage.payerId!, serviceDate);
    pricing = {
      kind: 'payer',
      payerId: coverage.payerId!,
      unitRule,
      feesPerUnit: Object.fromEntries(Object.entries(fees).map(([code, fee]) => [code, money(fee)])),
      // Medicare asks for the X modifier where the CPT book's 59 would do (MLN Matters MM8863).
      distinctModifier: coverage.payerKind === 'medicare' ? 'XU' : '59',
    };
  } else if (visit.servicePriceCents === null) {
    problems.servicePrice = 'This self-pay visit has no price: set the price of its service first.';
  } else {
    pricing = { kind: 'self-pay', unitRule, servicePrice: money(visit.servicePriceCents) };
  }
  if (!visit.therapistNpi)
    problems.renderingProviderNpi = `${visit.therapistName} has no NPI on file: enter it before billing.`;
  if (pricing) {
    const result = proposeCharges(
      {
        visitId: noteId,
        patientId: visit.patientId,
        serviceDate,
        signed: visit.status === 'signed',
        timedSteps: visit.cptMinutes,
        diagnoses,
        placeOfService: profile?.placeOfService ?? '11',
        renderingProvider: { name: visit.therapistName, npi: visit.therapistNpi ?? '' },
      },
      pricing,
    );
    if (!result.ok) {
      for (const p of result.problems) problems[p.field] ??= p.message;
    } else if (Object.keys(problems).length === 0) {
      const { proposal } = result;
      for (const [i, line] of proposal.lines.entries()) {
        const fee = pricing.kind === 'payer' ? (pricing.feesPerUnit[line.code] ?? null) : null;
        await repo.insertCharge(
          tx,
          actor.orgId,
          {
            patientId: visit.patientId,
            sessionNoteId: noteId,
            appointmentId: visit.appointmentId,
            coverageId: billsPayer ? coverage.id : null,
            payerId: billsPayer ? coverage.payerId : null,
            serviceDate,
            lineNo: i + 1,
            code: line.code,
            minutes: line.minutes,
            units: line.units,
            modifiers: line.modifiers,
            diagnoses: proposal.diagnoses.map((d) => d.code),
            diagnosisPointers: line.diagnosisPointers,
            placeOfService: line.placeOfService,
            renderingTherapistId: visit.therapistId,
            renderingNpi: line.renderingNpi,
            feeCents: fee,
            amountCents: line.amount,
          },
          now,
        );
      }
      return { ok: true };
    }
  }
  return { ok: false, problems };
}

/**
 * Called by signing, inside its transaction: proposes what it can and never stops the signature.
 * What kept the charges back is audited (field names only) for the desk to fix and propose again.
 */
export async function proposeOnSigning(tx: Transactional, actor: Actor, noteId: string, patientId: string, now: Date) {
  const result = await propose(tx, actor, noteId, now);
  await audit(tx, actor, [
    {
      action: 'charge.propose',
      patientId,
      recordType: 'session_note',
      recordId: noteId,
      detail: result.ok ? { proposed: true } : { proposed: false, missing: Object.keys(result.problems).sort() },
    },
  ]);
}

export interface VisitCharges {
  visitId: string;
  patientId: string;
  charges: Charge[];
  checkout: { copay: number; checkedOutAt: Date } | null;
  balance: Omit<PatientBalance, 'entries'>;
  can: {
    /** Propose the charges again (none live yet). */
    propose: boolean;
    /** Check the visit out: every live charge posted, not yet checked out. */
    checkout: boolean;
    /** Take a payment from the patient. */
    pay: boolean;
  };
}

async function visitOf(ctx: { db: Transactional }, actor: Actor, visitId: string) {
  const visit = await repo.visitFacts(ctx.db, actor.orgId, visitId);
  if (!visit) throw new NotFoundError('No such visit.');
  return visit;
}

async function presentVisit(
  tx: Transactional,
  actor: Actor,
  patient: PatientFacts,
  visitId: string,
  patientId: string,
): Promise<VisitCharges> {
  const [rows, checkout, entries] = await Promise.all([
    repo.listVisitCharges(tx, actor.orgId, visitId),
    repo.findCheckout(tx, actor.orgId, visitId),
    repo.patientEntries(tx, actor.orgId, patientId),
  ]);
  const posts = isAllowed(actor, 'charge.post', { patient });
  const live = rows.filter((r) => r.status !== 'reversed');
  const { entries: _e, ...balance } = balanceOfPatient(patientId, entries);
  return {
    visitId,
    patientId,
    charges: rows.map((r) => ({ ...r, can: chargeCan(actor, patient, r) })),
    checkout: checkout ? { copay: checkout.copayCents, checkedOutAt: checkout.checkedOutAt } : null,
    balance,
    can: {
      propose: posts && live.length === 0,
      checkout: posts && !checkout && live.length > 0 && live.every((r) => r.status === 'posted'),
      pay: posts,
    },
  };
}

/** The visit at the desk: its charges, whether it is checked out, and what the patient owes now. */
export async function visitCharges(ctx: ServiceContext, actor: Actor, visitId: string): Promise<VisitCharges> {
  const visit = await visitOf(ctx, actor, visitId);
  const patient = await allowPatient(ctx.db, actor, 'charge.read', visit.patientId, {
    action: 'charge.read',
    recordType: 'session_note',
    recordId: visitId,
  });
  const answer = await presentVisit(ctx.db, actor, patient, visitId, visit.patientId);
  await audit(ctx.db, actor, [
    { action: 'charge.read', patientId: visit.patientId, recordType: 'session_note', recordId: visitId },
  ]);
  return answer;
}

/** Proposes the visit's charges on the desk's request (after the NPI, fee or diagnosis was fixed). */
export async function proposeVisitCharges(
  ctx: ServiceContext,
  actor: Actor,
  visitId: string,
  once?: Once,
): Promise<VisitCharges> {
  const visit = await visitOf(ctx, actor, visitId);
  const patient = await allowPatient(ctx.db, actor, 'charge.post', visit.patientId, {
    action: 'charge.propose',
    recordType: 'session_note',
    recordId: visitId,
  });
  if (visit.status !== 'signed') throw new ConflictError('status', 'Sign the note before charges are proposed.');
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const result = await propose(tx, actor, visitId, now);
    if (!result.ok) throw new ValidationError(result.problems, 'The charges cannot be proposed yet.');
    await audit(tx, actor, [
      { action: 'charge.propose', patientId: visit.patientId, recordType: 'session_note', recordId: visitId },
    ]);
    return presentVisit(tx, actor, patient, visitId, visit.patientId);
  });
}

async function chargeFor(ctx: ServiceContext, actor: Actor, id: string, action: string) {
  const row = await repo.findCharge(ctx.db, actor.orgId, id);
  if (!row) throw new NotFoundError('No such charge.');
  const patient = await allowPatient(ctx.db, actor, 'charge.post', row.patientId, {
    action,
    recordType: 'charge',
    recordId: id,
  });
  return { row, patient };
}

export interface ChargeReview {
  version: number;
  units?: number;
  modifiers?: string[];
  diagnosisPointers?: string[];
  placeOfService?: string;
  /** The fee per unit (payer-billed lines) … */
  feePerUnit?: number;
  /** … or the line's amount (self-pay lines, which share the service's price). */
  amount?: number;
}

function reviewed(row: repo.ChargeRow, input: ChargeReview) {
  const pointers = (input.diagnosisPointers ?? row.diagnosisPointers).map((p) => p.toUpperCase());
  const letters = DIAGNOSIS_LETTERS.slice(0, row.diagnoses.length) as readonly string[];
  const problems: Record<string, string> = {};
  const nowhere = pointers.find((p) => !letters.includes(p));
  if (pointers.length === 0 || pointers.length > MAX_POINTERS_PER_LINE)
    problems.diagnosisPointers = `Point at 1 to ${MAX_POINTERS_PER_LINE} of the visit's diagnoses.`;
  else if (nowhere !== undefined) {
    const has = letters.join(', ');
    problems.diagnosisPointers = `Pointer ${nowhere} points at no diagnosis of this visit (it has ${has}).`;
  }
  if (row.feeCents === null && input.feePerUnit !== undefined)
    problems.feePerUnit = 'A self-pay line has no fee per unit: change its amount instead.';
  if (row.feeCents !== null && input.amount !== undefined)
    problems.amount = "A payer's line is priced by its fee per unit: change the fee or the units instead.";
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const units = input.units ?? row.units;
  const feeCents = row.feeCents === null ? null : (input.feePerUnit ?? row.feeCents);
  // The line's total is kept to what one charge can hold (the table's bound), whatever fee × units.
  if (feeCents !== null && feeCents * units > MAX_LINE_CENTS)
    throw new ValidationError({ units: 'The line comes to more than $1,000,000: check the fee and the units.' });
  return {
    units,
    modifiers: (input.modifiers ?? row.modifiers).map((m) => m.toUpperCase()),
    diagnosisPointers: [...new Set(pointers)],
    placeOfService: input.placeOfService ?? row.placeOfService,
    feeCents,
    amountCents: feeCents === null ? (input.amount ?? row.amountCents) : timesUnits(money(feeCents), units),
  };
}

const MAX_LINE_CENTS = 100_000_000;

/** The desk's review of a proposed line; a posted or reversed line is refused (reverse it instead). */
export async function reviewCharge(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: ChargeReview,
): Promise<Charge> {
  const { row, patient } = await chargeFor(ctx, actor, id, 'charge.update');
  if (row.status !== 'proposed')
    throw new ConflictError('status', 'A posted charge is never edited: reverse it and propose the visit again.');
  const fields = reviewed(row, input);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.updateProposedCharge(tx, actor.orgId, id, input.version, fields, ctx.now())))
      throw new ConflictError('version', 'Someone else changed this charge since you opened it. Reload and try again.');
    await audit(tx, actor, [
      {
        action: 'charge.update',
        patientId: row.patientId,
        recordType: 'charge',
        recordId: id,
        detail: {
          fields: Object.keys(input)
            .filter((k) => k !== 'version')
            .sort(),
        },
      },
    ]);
    const saved = (await repo.findCharge(tx, actor.orgId, id))!;
    return { ...saved, can: chargeCan(actor, patient, saved) };
  });
}

/** Posts a reviewed line: a charge entry to the payer billed (or the patient, self-pay). */
export async function postCharge(ctx: ServiceContext, actor: Actor, id: string, once?: Once): Promise<Charge> {
  const { row, patient } = await chargeFor(ctx, actor, id, 'charge.post');
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const locked = (await repo.findCharge(tx, actor.orgId, id, true))!;
    if (locked.status !== 'proposed') throw new ConflictError('status', 'This charge is already posted.');
    const request: PostingRequest = {
      kind: 'charge',
      patientId: row.patientId,
      ...(locked.payerId ? { payerId: locked.payerId } : {}),
      amount: money(locked.amountCents),
      serviceDate: locked.serviceDate,
      reference: `${locked.code}`,
    };
    const [entry] = await postForPatient(
      tx,
      actor,
      row.patientId,
      [{ request, links: { chargeId: id, sessionNoteId: locked.sessionNoteId } }],
      now,
    );
    await repo.setChargeStatus(tx, actor.orgId, id, 'posted', entry!.id, now);
    await joinWaitingReplacement(tx, actor, locked, now);
    await audit(tx, actor, [{ action: 'charge.post', patientId: row.patientId, recordType: 'charge', recordId: id }]);
    const saved = (await repo.findCharge(tx, actor.orgId, id))!;
    return { ...saved, can: chargeCan(actor, patient, saved) };
  });
}

/** Reverses a posted charge: the reversal entry undoes its money, and the line is marked reversed. */
export async function reverseCharge(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  reason: string,
  once?: Once,
): Promise<Charge> {
  const { row, patient } = await chargeFor(ctx, actor, id, 'charge.reverse');
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const locked = (await repo.findCharge(tx, actor.orgId, id, true))!;
    if (locked.status !== 'posted')
      throw new ConflictError(
        'status',
        locked.status === 'reversed' ? 'This charge is already reversed.' : 'Only a posted charge is reversed.',
      );
    await takeOffClaim(tx, actor, locked, reason, now);
    const request: PostingRequest = { kind: 'reversal', entryId: locked.entryId!, reason };
    const [entry] = await postForPatient(tx, actor, row.patientId, [{ request, links: { chargeId: id } }], now);
    await repo.setChargeStatus(tx, actor.orgId, id, 'reversed', entry!.id, now);
    await audit(tx, actor, [
      { action: 'charge.reverse', patientId: row.patientId, recordType: 'charge', recordId: id },
    ]);
    const saved = (await repo.findCharge(tx, actor.orgId, id))!;
    return { ...saved, can: chargeCan(actor, patient, saved) };
  });
}

/**
 * Checks the visit out: every live charge is posted, and the copay (the patient's share of what the
 * payer was billed) moves to the patient's account. Once per visit; the answer says what is due now.
 * Without a typed copay, the billed coverage's copay on file is taken (none on file: nothing).
 */
export async function checkOut(
  ctx: ServiceContext,
  actor: Actor,
  visitId: string,
  input: { copay?: number | undefined },
  once?: Once,
): Promise<VisitCharges> {
  const visit = await visitOf(ctx, actor, visitId);
  const patient = await allowPatient(ctx.db, actor, 'charge.post', visit.patientId, {
    action: 'checkout.create',
    recordType: 'session_note',
    recordId: visitId,
  });
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const live = (await repo.listVisitCharges(tx, actor.orgId, visitId)).filter((c) => c.status !== 'reversed');
    if (live.length === 0) throw new ConflictError('charges', 'This visit has no charges to check out.');
    if (live.some((c) => c.status === 'proposed'))
      throw new ConflictError('charges', 'Post or correct the proposed charges before checking the visit out.');
    if (await repo.findCheckout(tx, actor.orgId, visitId))
      throw new ConflictError('visit', 'This visit is already checked out.');
    const { payerId, coverageId } = live[0]!;
    const copay = input.copay ?? (coverageId ? ((await findCoverage(tx, actor.orgId, coverageId))?.copay ?? 0) : 0);
    if (copay > 0 && payerId === null)
      throw new ValidationError({ copay: 'A self-pay visit has no copay: the patient owes its whole price.' });
    let entryId: string | null = null;
    if (copay > 0) {
      const request: PostingRequest = {
        kind: 'transfer',
        patientId: visit.patientId,
        fromPayerId: payerId!,
        amount: money(copay),
      };
      const [entry] = await postForPatient(
        tx,
        actor,
        visit.patientId,
        [{ request, links: { sessionNoteId: visitId } }],
        now,
        { amount: 'copay' },
      );
      entryId = entry!.id;
    }
    await repo.insertCheckout(tx, actor.orgId, visitId, copay, entryId, actor.userId, now);
    await audit(tx, actor, [
      { action: 'checkout.create', patientId: visit.patientId, recordType: 'session_note', recordId: visitId },
    ]);
    return presentVisit(tx, actor, patient, visitId, visit.patientId);
  });
}
