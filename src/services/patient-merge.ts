import type { Queryable } from '../store/database.ts';
import * as merge from '../store/repos/patient-merge.ts';
import * as repo from '../store/repos/patients.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ServiceError, ValidationError } from './errors.ts';
import { createOnce, type Once } from './idempotency.ts';
import { missingPatient } from './patient-duplicates.ts';
import { isAllowed, patientFacts } from './policies.ts';
import { refreshPatientOutcomes } from './outcomes/refresh.ts';
import type { Patient } from './patients.ts';

/** Both records have a booked visit at the same time: one must be cancelled or moved first. */
export class MergeClashError extends ServiceError {
  override readonly status = 409;
  readonly extra: { clashes: merge.VisitClash[] };
  constructor(clashes: merge.VisitClash[]) {
    super(
      'merge_conflict',
      `Both records have a visit booked at the same time (${clashes.length}). Cancel or move one of each pair, ` +
        `then merge.`,
      { duplicateId: 'Both records have a visit at the same time.' },
    );
    this.extra = { clashes };
  }
}

export interface MergeResult {
  patient: Patient;
  mergedId: string;
  /** Rows moved, by kind of record. */
  moved: merge.MovedCounts;
}

/** Loads a live record for the merge and checks the actor may merge it; a refusal is audited. */
async function mergeable(ctx: ServiceContext, actor: Actor, id: string, field: 'id' | 'duplicateId') {
  const row = await repo.findPatient(ctx.db, actor.orgId, id);
  if (!row) {
    if (field === 'id') return missingPatient(ctx, actor, id);
    if (await repo.findMergedInto(ctx.db, actor.orgId, id))
      throw new ConflictError('duplicateId', 'That record was already merged into another one.');
    throw new ValidationError({ duplicateId: 'No such patient in this organisation.' });
  }
  const facts = { patient: patientFacts(row) };
  if (!isAllowed(actor, 'patient.merge', facts)) {
    await audit(ctx.db, actor, [
      { action: 'patient.merge', outcome: 'denied', patientId: id, recordType: 'patient', recordId: id },
    ]);
    throw new ForbiddenError('Only a manager or administrator of both records’ sites can merge them.');
  }
  return row;
}

/**
 * Merges a duplicate into the record that survives: visits, charts, measures, files, care
 * relationships, waitlist entries and sign-ins move in one transaction; the duplicate stays as a
 * tombstone pointing here. A retry of a merge already done answers the same survivor.
 */
export async function mergePatients(
  ctx: ServiceContext,
  actor: Actor,
  survivorId: string,
  duplicateId: string,
  once?: Once,
): Promise<MergeResult> {
  if (survivorId === duplicateId)
    throw new ValidationError({ duplicateId: 'Choose another record: a record cannot be merged into itself.' });
  const survivor = await mergeable(ctx, actor, survivorId, 'id');
  const mergedHere = async (db: Queryable) => (await repo.findMergedInto(db, actor.orgId, duplicateId)) === survivorId;
  if (!(await mergedHere(ctx.db))) await mergeable(ctx, actor, duplicateId, 'duplicateId');
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    // A retry of a merge already done answers the same survivor (with a key: the first answer, before this).
    if (await mergedHere(tx)) return { patient: present(survivor), mergedId: duplicateId, moved: {} };
    const sides = await merge.lockPatients(tx, actor.orgId, [survivorId, duplicateId]);
    if (sides.length !== 2 || sides.some((s) => s.mergedInto !== null)) {
      throw new ConflictError(
        'duplicateId',
        'One of the records was merged by someone else a moment ago. Reload and try again.',
      );
    }
    const clashes = await merge.clashingVisits(tx, actor.orgId, survivorId, duplicateId);
    if (clashes.length > 0) throw new MergeClashError(clashes);
    const counts = await merge.mergeInto(tx, actor.orgId, duplicateId, survivorId, actor.userId, now);
    // The survivor's episodes now include the duplicate's visits; the duplicate has none left.
    await refreshPatientOutcomes(tx, ctx, actor.orgId, survivorId);
    await refreshPatientOutcomes(tx, ctx, actor.orgId, duplicateId);
    await audit(tx, actor, [
      {
        action: 'patient.merge',
        patientId: survivorId,
        recordType: 'patient',
        recordId: survivorId,
        detail: { mergedFrom: duplicateId, moved: counts },
      },
      {
        action: 'patient.merged-away',
        patientId: duplicateId,
        recordType: 'patient',
        recordId: duplicateId,
        detail: { mergedInto: survivorId },
      },
    ]);
    const after = await repo.findPatient(tx, actor.orgId, survivorId);
    if (!after) throw new NotFoundError('No such patient.');
    return { patient: present(after), mergedId: duplicateId, moved: counts };
  });
}

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findPatient>>>): Patient {
  const { therapistIds: _omit, ...record } = row;
  return record;
}
