/**
 * The desk's money worklists: visits whose proposed charges wait for review, the claims made and the
 * 837P files sent, for the patients of the actor's sites (an admin's: the whole organisation).
 * Each read is audited; a file is handed out only when every claim in it is the reader's to manage.
 */
import { visitFacts } from '../../store/repos/billing-ledger.ts';
import * as repo from '../../store/repos/billing-worklists.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, ForbiddenError } from '../errors.ts';
import { isAllowed, patientScope, type Action } from '../policies.ts';
import { claimCan } from './claims.ts';
import { allowPatient } from './ledger.ts';

/** The sites the lists cover (null: all), when the actor may do `action` for a patient in their reach. */
async function deskScope(ctx: ServiceContext, actor: Actor, action: Action, list: string): Promise<string[] | null> {
  const scope = patientScope(actor);
  const inReach = { patientId: 'a patient of theirs', siteIds: actor.locationIds, therapistIds: [] };
  const sites = scope.kind === 'organization' ? null : scope.kind === 'locations' ? scope.locationIds : undefined;
  if (sites === undefined || !isAllowed(actor, action, { patient: inReach })) {
    await audit(ctx.db, actor, [{ action: `${list}.list`, outcome: 'denied', recordType: list }]);
    throw new ForbiddenError('Charges and claims are kept by the front desk, managers and admins.');
  }
  return sites;
}

/** Signed visits with proposed charges to review and post, oldest first. */
export async function chargesToReview(ctx: ServiceContext, actor: Actor) {
  const sites = await deskScope(ctx, actor, 'charge.post', 'charge');
  const visits = await repo.visitsToReview(ctx.db, actor.orgId, sites);
  await audit(ctx.db, actor, [{ action: 'charge.list', recordType: 'charge', detail: { visits: visits.length } }]);
  return { visits };
}

export interface ClaimFilter {
  visitId?: string | undefined;
  status?: 'ready' | 'submitted' | 'paid' | undefined;
}

/** The claims made for the sites' patients, newest first; each says what the desk may do next. */
export async function listClaims(ctx: ServiceContext, actor: Actor, filter: ClaimFilter = {}) {
  const sites = await deskScope(ctx, actor, 'claim.manage', 'claim');
  // The claims of one visit: a visit the organisation does not have is not found, rather than claimless.
  if (filter.visitId && !(await visitFacts(ctx.db, actor.orgId, filter.visitId)))
    throw new NotFoundError('No such visit.');
  const rows = await repo.listClaims(ctx.db, actor.orgId, sites, filter);
  await audit(ctx.db, actor, [
    { action: 'claim.list', recordType: 'claim', detail: { claims: rows.length, ...filter } },
  ]);
  return {
    claims: rows.map((r) => ({ ...r, can: claimCan({ ...r, corrected: r.correctedBy !== null }) })),
  };
}

/** The 837P files that carry a claim of the sites' patients, newest first. */
export async function listBatches(ctx: ServiceContext, actor: Actor) {
  const sites = await deskScope(ctx, actor, 'claim.manage', 'claim-batch');
  const rows = await repo.listBatches(ctx.db, actor.orgId, sites);
  await audit(ctx.db, actor, [
    { action: 'claim-batch.list', recordType: 'claim_batch', detail: { files: rows.length } },
  ]);
  return { batches: rows.map(({ patientIds: _p, ...b }) => b) };
}

/** One 837P file, for the clearinghouse: every patient in it must be the reader's to bill. */
export async function batchFile(ctx: ServiceContext, actor: Actor, id: string) {
  const batch = await repo.findBatch(ctx.db, actor.orgId, id);
  if (!batch) throw new NotFoundError('No such 837P file.');
  for (const patientId of batch.patientIds) {
    await allowPatient(ctx.db, actor, 'claim.manage', patientId, {
      action: 'claim-batch.read',
      recordType: 'claim_batch',
      recordId: id,
    });
  }
  await audit(
    ctx.db,
    actor,
    batch.patientIds.map((patientId) => ({
      action: 'claim-batch.read',
      patientId,
      recordType: 'claim_batch',
      recordId: id,
    })),
  );
  return { fileName: `837P-${String(batch.controlNumber).padStart(9, '0')}.txt`, file: batch.file };
}
