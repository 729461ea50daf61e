/**
 * A patient's own balance, as they read it on their page: what they owe now, any credit held and
 * their latest payments. Only the patient's own account is told; what a payer was billed, paid or
 * adjusted stays with the desk.
 */
import * as repo from '../../store/repos/billing-ledger.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { allowPatient, balanceOfPatient } from './ledger.ts';

/** How many payments the patient's page lists, newest first. */
const RECENT_PAYMENTS = 5;

export interface OwnBalance {
  patientId: string;
  /** What the patient owes the clinic now, in cents. */
  dueNow: number;
  /** Money of theirs the clinic holds, in cents (0 when none). */
  credit: number;
  payments: Array<{ paidAt: string; amount: number; method: string }>;
}

export async function ownBalance(ctx: ServiceContext, actor: Actor, patientId: string): Promise<OwnBalance> {
  await allowPatient(ctx.db, actor, 'balance.read-own', patientId, {
    action: 'balance.read-own',
    recordType: 'ledger',
  });
  const entries = await repo.patientEntries(ctx.db, actor.orgId, patientId);
  await audit(ctx.db, actor, [{ action: 'balance.read-own', patientId, recordType: 'ledger', recordId: patientId }]);
  const balance = balanceOfPatient(patientId, entries);
  const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
  // The patient's own payments: those that paid down their account, not a payer's remittance.
  const payments = entries
    .filter((e) => e.kind === 'payment' && !reversed.has(e.id) && e.lines.some((l) => l.account.kind === 'patient'))
    .reverse()
    .slice(0, RECENT_PAYMENTS)
    .map((e) => ({
      paidAt: e.postedAt,
      amount: e.lines.find((l) => l.account.kind === 'patient')!.amount,
      method: e.method ?? 'other',
    }));
  return { patientId, dueNow: balance.dueNow, credit: Math.max(0, -balance.patient), payments };
}
