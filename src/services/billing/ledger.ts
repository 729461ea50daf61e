/**
 * The money a patient and their payers owe, as the ledger tells it: postings go through the billing
 * core's `post` against the patient's entries read under the patient's lock, and are inserted with
 * their lines in the same transaction, so a refusal or a failure leaves nothing half-posted.
 * Balances are derived from the entries every time; nothing keeps a running total.
 */
import { randomUUID } from 'node:crypto';
import {
  accountKey,
  balances,
  dueNow,
  money,
  payerBalance,
  postBatch,
  type PaymentMethod,
  type PostedEntry,
  type PostingRequest,
} from '../../billing/index.ts';
import type { Queryable, Transactional } from '../../store/database.ts';
import * as repo from '../../store/repos/billing-ledger.ts';
import { findPayer, listPayers } from '../../store/repos/billing-coverage.ts';
import { accessFacts } from '../../store/repos/care.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { isAllowed, patientFacts, type Action, type PatientFacts } from '../policies.ts';
import { takeOffClaim } from './claim-lines.ts';

/** Words for the ledger core's field names, where the request calls them something else. */
const FIELD_WORDS: Record<string, string> = { id: 'entry', entryId: 'entry', toPayerId: 'payer' };

/** Loads the patient's access facts and checks `action`; a refusal is audited before it is thrown. */
export async function allowPatient(
  db: Queryable,
  actor: Actor,
  action: Action,
  patientId: string,
  audited: { action: string; recordType: string; recordId?: string },
): Promise<PatientFacts> {
  const row = await accessFacts(db, actor.orgId, patientId);
  if (!row) throw new NotFoundError('No such patient.');
  const patient = patientFacts(row);
  if (!isAllowed(actor, action, { patient })) {
    await audit(db, actor, [
      {
        action: audited.action,
        outcome: 'denied',
        patientId,
        recordType: audited.recordType,
        recordId: audited.recordId ?? patientId,
      },
    ]);
    throw new ForbiddenError(
      actor.role === 'therapist' ? 'Money is posted by the front desk, managers and admins.' : undefined,
    );
  }
  return patient;
}

/**
 * Posts requests for one patient, all or nothing: the patient's entries are read under lock, the
 * core checks each request against them, and the entries are inserted in this transaction.
 * A refusal names the field; `fields` renames the core's field to the request's.
 */
export async function postForPatient(
  tx: Transactional,
  actor: Actor,
  patientId: string,
  postings: Array<{ request: PostingRequest; links?: repo.EntryLinks }>,
  now: Date,
  fields: Record<string, string> = {},
): Promise<PostedEntry[]> {
  const entries = await repo.patientEntries(tx, actor.orgId, patientId, true);
  const stamps = postings.map(() => ({ id: randomUUID(), postedAt: now.toISOString() }));
  const result = postBatch(
    entries,
    postings.map((p) => p.request),
    stamps,
  );
  if (!result.ok) {
    const field = fields[result.refused.field] ?? FIELD_WORDS[result.refused.field] ?? result.refused.field;
    throw new ValidationError({ [field]: result.refused.message });
  }
  for (const [i, entry] of result.posted.entries()) {
    await repo.insertEntry(tx, actor.orgId, entry, actor.userId, postings[i]!.links);
  }
  return result.posted;
}

export interface PatientBalance {
  patientId: string;
  /** What the patient owes the clinic now, in cents (never negative). */
  dueNow: number;
  /** The patient's own account: what they owe, negative for a credit held. */
  patient: number;
  payers: Array<{ payerId: string; balance: number }>;
  entries: PostedEntry[];
}

export function balanceOfPatient(patientId: string, entries: PostedEntry[]): PatientBalance {
  const all = balances(entries);
  const payerIds = new Set<string>();
  for (const e of entries) for (const l of e.lines) if (l.account.kind === 'payer') payerIds.add(l.account.payerId);
  return {
    patientId,
    dueNow: dueNow(entries, patientId),
    patient: all.get(accountKey({ kind: 'patient', patientId })) ?? 0,
    payers: [...payerIds].sort().map((payerId) => ({
      payerId,
      balance: all.get(accountKey({ kind: 'payer', payerId, patientId })) ?? 0,
    })),
    entries,
  };
}

/** What the desk may do from the balance: the flags also weigh the balance, so true is not refused for it. */
export interface BalanceCan {
  /** An adjustment: contractual off a payer's balance, or other off the patient's. */
  adjust: boolean;
  writeOff: boolean;
  /** A refund of the patient's credit: only while the account holds one. */
  refund: boolean;
}

export interface BalanceView extends Omit<PatientBalance, 'entries' | 'payers'> {
  payers: Array<{ payerId: string; payerName: string | null; balance: number }>;
  /** A charge's entry is reversed from its visit (with its claim), so it is never reversible here. */
  entries: Array<PostedEntry & { can: { reverse: boolean } }>;
  can: BalanceCan;
}

/** The patient's balances and entries: staff who may see the patient, and the patient themself. */
export async function patientBalance(ctx: ServiceContext, actor: Actor, patientId: string): Promise<BalanceView> {
  const patient = await allowPatient(ctx.db, actor, 'balance.read', patientId, {
    action: 'balance.read',
    recordType: 'ledger',
  });
  const entries = await repo.patientEntries(ctx.db, actor.orgId, patientId);
  await audit(ctx.db, actor, [
    {
      action: 'balance.read',
      patientId,
      recordType: 'ledger',
      recordId: patientId,
      detail: { entries: entries.length },
    },
  ]);
  const balance = balanceOfPatient(patientId, entries);
  const posts = isAllowed(actor, 'charge.post', { patient });
  const names = new Map(
    balance.payers.length > 0 ? (await listPayers(ctx.db, actor.orgId)).map((p) => [p.id, p.name]) : [],
  );
  const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
  const owed = balance.patient > 0 || balance.payers.some((p) => p.balance > 0);
  return {
    ...balance,
    payers: balance.payers.map((p) => ({ ...p, payerName: names.get(p.payerId) ?? null })),
    entries: entries.map((e) => ({
      ...e,
      can: { reverse: posts && e.kind !== 'reversal' && e.kind !== 'charge' && !reversed.has(e.id) },
    })),
    can: { adjust: posts && owed, writeOff: posts && owed, refund: posts && balance.patient < 0 },
  };
}

/** What one payer owes across its patients (the desk and managers; no patient named in the answer). */
export async function payerOwes(ctx: ServiceContext, actor: Actor, payerId: string) {
  if (!isAllowed(actor, 'payer.read')) throw new ForbiddenError();
  if (!(await findPayer(ctx.db, actor.orgId, payerId))) throw new NotFoundError('No such payer.');
  const entries = await repo.payerEntries(ctx.db, actor.orgId, payerId);
  return { payerId, balance: payerBalance(entries, payerId) as number };
}

export interface PaymentInput {
  amount: number;
  method: PaymentMethod;
  reference?: string | null;
  /** Accept more than is owed and hold the rest as the patient's credit. */
  allowCredit?: boolean;
  /** The visit being paid for, when paid at its checkout. */
  visitId?: string | null;
}

export interface PaymentAnswer {
  id: string;
  entryId: string;
  balance: PatientBalance;
}

/** A patient's payment at the desk (card terminal reference, cash, check number). */
export async function recordPayment(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: PaymentInput,
  once?: Once,
): Promise<PaymentAnswer> {
  await allowPatient(ctx.db, actor, 'charge.post', patientId, { action: 'payment.create', recordType: 'payment' });
  if (input.visitId && (await repo.visitFacts(ctx.db, actor.orgId, input.visitId))?.patientId !== patientId)
    throw new ValidationError({ visitId: 'This patient has no such visit.' });
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const request: PostingRequest = {
      kind: 'payment',
      patientId,
      amount: money(input.amount),
      method: input.method,
      ...(input.reference ? { reference: input.reference } : {}),
      ...(input.allowCredit ? { allowCredit: true } : {}),
    };
    const links = input.visitId ? { sessionNoteId: input.visitId } : {};
    const [entry] = await postForPatient(tx, actor, patientId, [{ request, links }], now);
    const id = await repo.insertPayment(
      tx,
      actor.orgId,
      {
        entryId: entry!.id,
        patientId,
        payerId: null,
        claimId: null,
        sessionNoteId: input.visitId ?? null,
        direction: 'received',
        method: input.method,
        reference: input.reference ?? null,
        amountCents: input.amount,
      },
      actor.userId,
      now,
    );
    await audit(tx, actor, [{ action: 'payment.create', patientId, recordType: 'payment', recordId: id }]);
    return {
      id,
      entryId: entry!.id,
      balance: balanceOfPatient(patientId, await repo.patientEntries(tx, actor.orgId, patientId)),
    };
  });
}

export type EntryInput =
  | { kind: 'adjustment' | 'write-off'; amount: number; reason: string; payerId?: string | null }
  | { kind: 'refund'; amount: number; method: PaymentMethod; reference?: string | null };

/** An adjustment, a write-off or a refund of a credit, posted to the patient's (or a payer's) account. */
export async function postEntry(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: EntryInput,
  once?: Once,
): Promise<{ entryId: string; balance: PatientBalance }> {
  await allowPatient(ctx.db, actor, 'charge.post', patientId, { action: `${input.kind}.create`, recordType: 'ledger' });
  if (input.kind !== 'refund' && input.payerId && !(await findPayer(ctx.db, actor.orgId, input.payerId)))
    throw new ValidationError({ payerId: 'No such payer in this organisation.' });
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const request: PostingRequest =
      input.kind === 'refund'
        ? {
            kind: 'refund',
            patientId,
            amount: money(input.amount),
            method: input.method,
            ...(input.reference ? { reference: input.reference } : {}),
          }
        : {
            kind: input.kind,
            patientId,
            amount: money(input.amount),
            reason: input.reason,
            ...(input.payerId ? { payerId: input.payerId } : {}),
          };
    const [entry] = await postForPatient(tx, actor, patientId, [{ request }], now);
    if (input.kind === 'refund') {
      await repo.insertPayment(
        tx,
        actor.orgId,
        {
          entryId: entry!.id,
          patientId,
          payerId: null,
          claimId: null,
          sessionNoteId: null,
          direction: 'refunded',
          method: input.method,
          reference: input.reference ?? null,
          amountCents: input.amount,
        },
        actor.userId,
        now,
      );
    }
    await audit(tx, actor, [
      { action: `${input.kind}.create`, patientId, recordType: 'ledger_entry', recordId: entry!.id },
    ]);
    return {
      entryId: entry!.id,
      balance: balanceOfPatient(patientId, await repo.patientEntries(tx, actor.orgId, patientId)),
    };
  });
}

/** Undoes a posted entry by its reversal (at most one per entry; a charge's reversal goes through the charge). */
export async function reverseEntry(
  ctx: ServiceContext,
  actor: Actor,
  entryId: string,
  reason: string,
  once?: Once,
): Promise<{ entryId: string; balance: PatientBalance }> {
  const owner = await repo.entryOwner(ctx.db, actor.orgId, entryId);
  if (!owner) throw new NotFoundError('No such ledger entry.');
  const { patientId, chargeId } = owner;
  await allowPatient(ctx.db, actor, 'charge.post', patientId, {
    action: 'ledger-entry.reverse',
    recordType: 'ledger_entry',
    recordId: entryId,
  });
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    // Taken before the patient's lock, in the order a charge's own reversal takes them.
    const charge = chargeId ? await repo.findCharge(tx, actor.orgId, chargeId, true) : null;
    if (charge?.status === 'posted' && charge.entryId === entryId) await takeOffClaim(tx, actor, charge, reason, now);
    const request: PostingRequest = { kind: 'reversal', entryId, reason };
    const [entry] = await postForPatient(tx, actor, patientId, [{ request, links: chargeId ? { chargeId } : {} }], now);
    // A charge's entry reversed is the charge reversed: the charge says so too.
    if (chargeId) await repo.setChargeStatus(tx, actor.orgId, chargeId, 'reversed', entry!.id, now);
    await audit(tx, actor, [
      { action: 'ledger-entry.reverse', patientId, recordType: 'ledger_entry', recordId: entryId },
    ]);
    return {
      entryId: entry!.id,
      balance: balanceOfPatient(patientId, await repo.patientEntries(tx, actor.orgId, patientId)),
    };
  });
}
