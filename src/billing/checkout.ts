import type { ChargeProposal } from './charges.ts';
import { balanceOf, post } from './ledger.ts';
import type { PostedEntry, PostingRequest, Refusal, Stamp } from './ledger.ts';
import { ZERO } from './money.ts';
import type { Money } from './money.ts';

/**
 * Checkout at the end of a visit: the reviewed charge lines are posted to whoever is billed (the
 * payer, or the patient for self-pay), the copay moves from the payer's side to the patient's,
 * and the desk sees what the patient owes now. Several postings go in together or not at all.
 */

export type BatchResult =
  | { ok: true; entries: readonly PostedEntry[]; posted: PostedEntry[] }
  | { ok: false; refused: Refusal & { index: number } };

/** Posts requests in order; if any is refused, nothing is posted and the refusal says which one. */
export function postBatch(
  entries: readonly PostedEntry[],
  requests: readonly PostingRequest[],
  stamps: readonly Stamp[],
): BatchResult {
  if (stamps.length !== requests.length) throw new RangeError('each request needs its own stamp');
  let current = entries;
  const posted: PostedEntry[] = [];
  for (const [index, request] of requests.entries()) {
    const result = post(current, request, stamps[index]!);
    if (!result.ok) return { ok: false, refused: { ...result.refused, index } };
    current = result.entries;
    posted.push(result.entry);
  }
  return { ok: true, entries: current, posted };
}

/** One charge per proposed line (dated by its service), then the copay moved to the patient. */
export function checkoutPostings(proposal: ChargeProposal, copay: Money = ZERO): PostingRequest[] {
  const requests: PostingRequest[] = proposal.lines.map((line) => ({
    kind: 'charge',
    patientId: proposal.patientId,
    ...(proposal.payerId === undefined ? {} : { payerId: proposal.payerId }),
    amount: line.amount,
    serviceDate: line.serviceDate,
    reference: `${proposal.visitId}:${line.code}`,
  }));
  if (proposal.payerId !== undefined && copay > 0) {
    // The copay is the patient's share of what was billed to the payer, not an extra charge.
    requests.push({ kind: 'transfer', patientId: proposal.patientId, fromPayerId: proposal.payerId, amount: copay });
  }
  return requests;
}

/** What the patient owes at the desk now: the patient's own balance (never the payer's). */
export function dueNow(entries: readonly PostedEntry[], patientId: string): Money {
  const balance = balanceOf(entries, { kind: 'patient', patientId });
  return balance > 0 ? balance : ZERO;
}
