/**
 * What reversing a charge does to the claim that bills it, and how a sent claim is corrected. A
 * claim not yet sent simply stops billing the line (and goes when it had no other line). A claim
 * already sent is the payer's: the reversal goes through a corrected claim instead, a replacement
 * without the line (or the void of the claim when it was its last line), quoting the payer's claim
 * number, made ready for the next 837P file. Runs inside the caller's transaction, so a refusal
 * leaves the charge, the claims and the ledger as they were.
 */
import type { Transactional } from '../../store/database.ts';
import * as claims from '../../store/repos/billing-claims.ts';
import * as ledger from '../../store/repos/billing-ledger.ts';
import { audit } from '../audit.ts';
import type { Actor } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';

export type CorrectionKind = 'replacement' | 'void';

/** The corrected claim's own number: the first claim's, with R (replacement) or V (void) and its place in the chain. */
function correctionNumber(original: string, kind: CorrectionKind, place: number): string {
  const suffix = `-${kind === 'void' ? 'V' : 'R'}${place}`;
  return `${original.split('-')[0]!.slice(0, 20 - suffix.length)}${suffix}`;
}

/**
 * Makes the replacement or void of a sent claim; answers the new claim's id. A replacement bills
 * the visit's posted lines to the claim's coverage that are live on this claim or on none (so a line
 * posted since is added), less `without` (a line being reversed); with nothing left it voids.
 */
export async function makeCorrection(
  tx: Transactional,
  actor: Actor,
  claimId: string,
  input: { kind: CorrectionKind; reason: string | null; without?: string },
  now: Date,
): Promise<string> {
  const [claim] = await claims.lockClaims(tx, actor.orgId, [claimId]);
  if (!claim) throw new NotFoundError('No such claim.');
  const number = claim.controlNumber;
  if (claim.status === 'ready')
    throw new ConflictError(
      'status',
      `Claim ${number} is not sent yet: change it before it goes, no correction needed.`,
    );
  if (claim.frequency === 'void')
    throw new ConflictError('kind', `Claim ${number} voids a claim: it is not corrected.`);
  if (claim.correctedBy)
    throw new ConflictError(
      'claim',
      `Claim ${number} is already corrected by claim ${claim.correctedBy.controlNumber}.`,
    );
  if (!claim.payerClaimNumber)
    throw new ValidationError(
      {
        payerClaimNumber:
          `Enter the payer's claim number of claim ${number} (on the payer's remittance) first: ` +
          'the corrected claim quotes it.',
      },
      "The payer's claim number is needed for a corrected claim.",
    );
  let kind = input.kind;
  let lines = claim.chargeIds;
  if (kind === 'replacement') {
    const charges = await ledger.listVisitCharges(tx, actor.orgId, claim.sessionNoteId);
    lines = charges
      .filter((c) => c.status === 'posted' && c.coverageId === claim.coverageId && c.id !== input.without)
      .filter((c) => c.claim === null || c.claim.id === claim.id)
      .map((c) => c.id);
    for (const id of lines) {
      if ((await ledger.findCharge(tx, actor.orgId, id, true))?.status !== 'posted')
        throw new ConflictError('claim', `A line of claim ${number} was reversed meanwhile: try again.`);
    }
    if (lines.length === 0) {
      if (input.without === undefined)
        throw new ValidationError({ kind: `Claim ${number} has no line left to bill: void it instead.` });
      kind = 'void';
      lines = claim.chargeIds;
    }
  }
  const place = await claims.claimsOfVisitCount(tx, actor.orgId, claim.sessionNoteId, claim.coverageId);
  await claims.retireLines(tx, actor.orgId, claim.id);
  const id = await claims.insertClaim(
    tx,
    actor.orgId,
    {
      patientId: claim.patientId,
      sessionNoteId: claim.sessionNoteId,
      coverageId: claim.coverageId,
      payerId: claim.payerId,
      controlNumber: correctionNumber(number, kind, place),
      chargeIds: lines,
      correction: { claimId: claim.id, frequency: kind, reason: input.reason },
    },
    actor.userId,
    now,
  );
  await audit(tx, actor, [
    {
      action: 'claim.create',
      patientId: claim.patientId,
      recordType: 'claim',
      recordId: id,
      detail: { corrects: claim.id, frequency: kind },
    },
  ]);
  return id;
}

/**
 * A line posted after the visit's claim was replaced, while the replacement waits for the next
 * file, joins it: the replacement stands for everything the payer is billed for the visit, so a
 * line left off would never reach the payer. Answers the replacement's id (none waiting: null).
 */
export async function joinWaitingReplacement(
  tx: Transactional,
  actor: Actor,
  charge: { id: string; patientId: string; sessionNoteId: string; coverageId: string | null },
  now: Date,
): Promise<string | null> {
  if (charge.coverageId === null) return null;
  const claimId = await claims.waitingReplacement(tx, actor.orgId, charge.sessionNoteId, charge.coverageId);
  if (!claimId) return null;
  await claims.addClaimLine(tx, actor.orgId, claimId, charge.id, now);
  await audit(tx, actor, [
    {
      action: 'claim.update',
      patientId: charge.patientId,
      recordType: 'claim',
      recordId: claimId,
      detail: { addedCharge: charge.id },
    },
  ]);
  return claimId;
}

export async function takeOffClaim(
  tx: Transactional,
  actor: Actor,
  charge: { id: string; patientId: string },
  reason: string,
  now: Date,
): Promise<void> {
  const billed = await claims.claimOfCharge(tx, actor.orgId, charge.id);
  if (!billed) return;
  if (billed.status !== 'ready') {
    await makeCorrection(tx, actor, billed.id, { kind: 'replacement', reason, without: charge.id }, now);
    return;
  }
  const claim = (await claims.findClaim(tx, actor.orgId, billed.id))!;
  const last = claim.chargeIds.length === 1 && claim.chargeIds[0] === charge.id;
  if (last && claim.corrects) {
    // A replacement waiting to go that loses its last line: the claim it corrects is voided instead.
    const original = (await claims.findClaim(tx, actor.orgId, claim.corrects.id))!;
    await claims.turnIntoVoid(tx, actor.orgId, claim.id, original.chargeIds, now);
  } else {
    await claims.removeClaimLine(tx, actor.orgId, claim.id, charge.id, now);
  }
  await audit(tx, actor, [
    {
      action: last && !claim.corrects ? 'claim.delete' : 'claim.update',
      patientId: charge.patientId,
      recordType: 'claim',
      recordId: claim.id,
      detail: { removedCharge: charge.id, ...(last && claim.corrects ? { frequency: 'void' } : {}) },
    },
  ]);
}
