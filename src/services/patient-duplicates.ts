import * as repo from '../store/repos/patient-duplicates.ts';
import { findMergedInto, findPatient } from '../store/repos/patients.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { NotFoundError, ServiceError } from './errors.ts';
import { canAccessPatient, patientFacts, patientScope } from './policies.ts';

export type DuplicateMatch = repo.DuplicateMatch;

export interface PossibleDuplicates {
  /** Matches the asker may see. */
  matches: DuplicateMatch[];
  /** Some match lies outside what the asker may see: they are told only that, never who. */
  elsewhere: boolean;
}

export const ELSEWHERE_MESSAGE = 'A patient with these details may already be registered at another site.';

/** Registering someone who may already have a record: answered with the matches, nothing saved. */
export class PossibleDuplicateError extends ServiceError {
  override readonly status = 409;
  readonly extra: PossibleDuplicates;
  constructor(found: PossibleDuplicates) {
    super(
      'possible_duplicate',
      found.matches.length > 0
        ? 'This patient may already be registered. Open the existing record, or confirm that this is a ' +
            'different person.'
        : `${ELSEWHERE_MESSAGE} Check with that site, or confirm that this is a different person.`,
    );
    this.extra = found;
  }
}

/** A merged record: reads go to the record it was merged into, when the reader may see that one. */
export class PatientMergedError extends ServiceError {
  override readonly status = 404;
  readonly extra: { mergedInto: string | null };
  constructor(mergedInto: string | null) {
    super('patient_merged', 'This record was merged into another patient’s record.');
    this.extra = { mergedInto };
  }
}

/** Not found, or merged: then says where it went if the actor may open that record. */
export async function missingPatient(ctx: ServiceContext, actor: Actor, id: string): Promise<never> {
  const survivor = await findMergedInto(ctx.db, actor.orgId, id);
  if (!survivor) throw new NotFoundError('No such patient.');
  const row = await findPatient(ctx.db, actor.orgId, survivor);
  const visible = row !== null && canAccessPatient(actor, patientFacts(row));
  throw new PatientMergedError(visible ? survivor : null);
}

export async function possibleDuplicates(
  ctx: ServiceContext,
  actor: Actor,
  candidate: repo.DuplicateCandidate,
  excludeId: string | null = null,
): Promise<PossibleDuplicates> {
  const { visible, hiddenCount } = await repo.findPossibleDuplicates(
    ctx.db,
    actor.orgId,
    patientScope(actor),
    candidate,
    excludeId,
  );
  // Showing a match is an access to that record, like a search result.
  await audit(
    ctx.db,
    actor,
    visible.map((m) => ({
      action: 'patient.duplicate-check',
      patientId: m.id,
      recordType: 'patient',
      recordId: m.id,
      detail: { reasons: m.reasons },
    })),
  );
  return { matches: visible, elsewhere: hiddenCount > 0 };
}
