/**
 * Correcting a claim the payer already has: the desk records the payer's own claim number (from the
 * remittance or the payer's portal), then sends a corrected claim (a replacement, 837P frequency 7)
 * or voids it (frequency 8). The new claim quotes that number and waits, ready, for the next 837P file.
 * Nothing is posted: the charges stay as posted, and a reversed line is reversed on the ledger by
 * the reversal that made the correction.
 */
import { payerClaimNumberProblem } from '../../billing/index.ts';
import * as claims from '../../store/repos/billing-claims.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { makeCorrection, type CorrectionKind } from './claim-lines.ts';
import { presentClaim, type Claim } from './claims.ts';
import { allowPatient } from './ledger.ts';

async function sentClaim(ctx: ServiceContext, actor: Actor, id: string, action: string) {
  const row = await claims.findClaim(ctx.db, actor.orgId, id);
  if (!row) throw new NotFoundError('No such claim.');
  await allowPatient(ctx.db, actor, 'claim.manage', row.patientId, { action, recordType: 'claim', recordId: id });
  return row;
}

/** Records (or corrects) the payer's claim number of a sent claim. */
export async function setPayerClaimNumber(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { payerClaimNumber: string },
): Promise<Claim> {
  const row = await sentClaim(ctx, actor, id, 'claim.update');
  const number = input.payerClaimNumber.trim();
  const problem = payerClaimNumberProblem(number);
  if (problem) throw new ValidationError({ payerClaimNumber: problem });
  if (row.status === 'ready')
    throw new ConflictError('status', 'The payer gives its claim number once the claim is sent: send it first.');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await claims.setPayerClaimNumber(tx, actor.orgId, id, number, now);
    await audit(tx, actor, [
      {
        action: 'claim.update',
        patientId: row.patientId,
        recordType: 'claim',
        recordId: id,
        detail: { fields: ['payerClaimNumber'] },
      },
    ]);
    return presentClaim(tx, actor, (await claims.findClaim(tx, actor.orgId, id))!);
  });
}

/** Sends a corrected claim (replacement) or voids a sent claim; answers the new claim, ready to send. */
export async function correctClaim(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { kind: CorrectionKind; reason?: string | null | undefined },
  once?: Once,
): Promise<Claim> {
  await sentClaim(ctx, actor, id, 'claim.correct');
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const made = await makeCorrection(tx, actor, id, { kind: input.kind, reason: input.reason?.trim() || null }, now);
    return presentClaim(tx, actor, (await claims.findClaim(tx, actor.orgId, made))!);
  });
}
