/**
 * The organisation's payer directory: the insurers, workers' comp carriers and plans a coverage
 * names. Managers and admins keep it; the desk reads it to choose a patient's payer.
 */
import * as repo from '../../store/repos/billing-coverage.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { authorize } from '../policies.ts';

export type PayerInput = repo.PayerFields;

export async function listPayers(ctx: ServiceContext, actor: Actor): Promise<{ payers: repo.PayerRow[] }> {
  authorize(actor, 'payer.read');
  return { payers: await repo.listPayers(ctx.db, actor.orgId) };
}

export function createPayer(ctx: ServiceContext, actor: Actor, input: PayerInput, once?: Once): Promise<repo.PayerRow> {
  authorize(actor, 'payer.manage');
  const now = ctx.now();
  return createOnce(ctx, actor, once, (tx) => repo.insertPayer(tx, actor.orgId, input, now));
}

export async function updatePayer(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  input: PayerInput,
): Promise<repo.PayerRow> {
  authorize(actor, 'payer.manage');
  if (!(await repo.findPayer(ctx.db, actor.orgId, id))) throw new NotFoundError('No such payer.');
  const updated = await repo.updatePayer(ctx.db, actor.orgId, id, version, input, ctx.now());
  if (!updated)
    throw new ConflictError('version', 'Someone else changed this payer since you opened it. Reload and try again.');
  return updated;
}
