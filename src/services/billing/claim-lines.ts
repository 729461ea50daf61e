/**
 * What reversing a charge does to the claim that bills it. A claim not yet sent simply stops billing
 * the line (and goes when it had no other line); a claim already sent is the payer's now, so the
 * reversal is refused, naming the claim: the desk sends the payer a corrected claim and posts an
 * adjustment for what the payer will not pay. Runs inside the reversal's transaction, so a refusal
 * leaves the charge, the claim and the ledger as they were.
 */
import type { Transactional } from '../../store/database.ts';
import * as claims from '../../store/repos/billing-claims.ts';
import { audit } from '../audit.ts';
import type { Actor } from '../context.ts';
import { ConflictError } from '../errors.ts';

export async function takeOffClaim(
  tx: Transactional,
  actor: Actor,
  charge: { id: string; patientId: string },
  now: Date,
): Promise<void> {
  const claim = await claims.claimOfCharge(tx, actor.orgId, charge.id);
  if (!claim) return;
  if (claim.status !== 'ready')
    throw new ConflictError(
      'claim',
      `This charge is billed on claim ${claim.controlNumber}, already sent to ${claim.payerName}. ` +
        'Send the payer a corrected claim and post an adjustment for what it will not pay, instead of reversing.',
    );
  const gone = await claims.removeClaimLine(tx, actor.orgId, claim.id, charge.id, now);
  await audit(tx, actor, [
    {
      action: gone ? 'claim.delete' : 'claim.update',
      patientId: charge.patientId,
      recordType: 'claim',
      recordId: claim.id,
      detail: { removedCharge: charge.id },
    },
  ]);
}
