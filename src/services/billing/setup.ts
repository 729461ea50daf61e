/**
 * Who bills and at what price: the organisation's billing profile (NPI, tax id, address, the
 * clearinghouse it sends claims to), each therapist's NPI (its check digit checked), and the fee a
 * payer allows per CPT code from a date. Managers and admins keep these; the desk reads the fees.
 */
import { checkNpi } from '../../billing/index.ts';
import * as repo from '../../store/repos/billing-claims.ts';
import { findPayer } from '../../store/repos/billing-coverage.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { isRecordConflict, NotFoundError, ValidationError } from '../errors.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { authorize } from '../policies.ts';

export type ProfileInput = repo.BillingProfile;

export async function billingProfile(ctx: ServiceContext, actor: Actor) {
  authorize(actor, 'billing-setup.manage');
  return { profile: await repo.findProfile(ctx.db, actor.orgId) };
}

export async function saveBillingProfile(ctx: ServiceContext, actor: Actor, input: ProfileInput) {
  authorize(actor, 'billing-setup.manage');
  const npi = checkNpi(input.npi);
  if (!npi.ok) throw new ValidationError({ npi: npi.message });
  return ctx.db.transaction(async (tx) => {
    await repo.saveProfile(tx, actor.orgId, { ...input, npi: input.npi.replace(/[\s-]/g, '') }, ctx.now());
    await audit(tx, actor, [{ action: 'billing-profile.update', recordType: 'billing_profile' }]);
    return { profile: await repo.findProfile(tx, actor.orgId) };
  });
}

/** Records a therapist's NPI, refused by field when its check digit is wrong. */
export async function setTherapistNpi(ctx: ServiceContext, actor: Actor, therapistId: string, npi: string) {
  authorize(actor, 'billing-setup.manage');
  const check = checkNpi(npi);
  if (!check.ok) throw new ValidationError({ npi: check.message });
  const digits = npi.replace(/[\s-]/g, '');
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.setTherapistNpi(tx, actor.orgId, therapistId, digits)))
      throw new NotFoundError('No such therapist.');
    await audit(tx, actor, [{ action: 'therapist.npi', recordType: 'therapist', recordId: therapistId }]);
    return { therapistId, npi: digits };
  });
}

export async function listFees(ctx: ServiceContext, actor: Actor, payerId: string) {
  authorize(actor, 'payer.read');
  if (!(await findPayer(ctx.db, actor.orgId, payerId))) throw new NotFoundError('No such payer.');
  return { payerId, fees: await repo.listFees(ctx.db, actor.orgId, payerId) };
}

export async function addFee(
  ctx: ServiceContext,
  actor: Actor,
  payerId: string,
  input: { code: string; feeCents: number; effectiveFrom: string; effectiveTo: string | null },
  once?: Once,
): Promise<repo.FeeRow> {
  authorize(actor, 'billing-setup.manage');
  if (!(await findPayer(ctx.db, actor.orgId, payerId))) throw new NotFoundError('No such payer.');
  if (input.effectiveTo !== null && input.effectiveTo < input.effectiveFrom)
    throw new ValidationError({ effectiveTo: 'The fee ends before it starts.' });
  try {
    return await createOnce(ctx, actor, once, (tx) =>
      repo.insertFee(tx, actor.orgId, { payerId, ...input }, ctx.now()),
    );
  } catch (err) {
    if (isRecordConflict(err))
      throw new ValidationError({
        effectiveFrom: `The payer already has a fee for ${input.code} on some of these dates: end that one first.`,
      });
    throw err;
  }
}
