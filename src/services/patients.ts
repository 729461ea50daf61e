import * as repo from '../store/repos/patients.ts';
import { registerAtSite } from '../store/repos/care.ts';
import { sqlState, SQLSTATE } from '../store/database.ts';
import { audit, auditEvents } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ConflictError, ForbiddenError, ValidationError } from './errors.ts';
import {
  missingPatient,
  possibleDuplicates,
  PossibleDuplicateError,
  type PossibleDuplicates,
} from './patient-duplicates.ts';
import { authorize, isAllowed, patientFacts, patientScope } from './policies.ts';
import { createOnce, keepRefusal, type Once } from './idempotency.ts';
import { interpretSearch, isCalendarDate } from './patient-search.ts';
import { dateIn } from '../time/index.ts';

export type Patient = repo.PatientRow;
export type PatientFields = repo.PatientFields;

export interface SearchInput {
  q?: string;
  locationId?: string;
  page: number;
  pageSize: number;
}

export async function searchPatients(ctx: ServiceContext, actor: Actor, input: SearchInput) {
  authorize(actor, 'patient.search');
  const query = interpretSearch(input.q);
  if (query.kind === 'dob' && !isCalendarDate(query.date)) {
    throw new ValidationError({ q: 'That date of birth is not a real date.' });
  }
  // One event per search, however many it lists, written before the answer leaves (by the search's own
  // statement where it can): what was asked (the words typed, and what kind of search they made), and, added
  // by the repository, how many it found and which patients were shown (the audit log's patient filter finds
  // the search by any of them).
  const [searched] = auditEvents(actor, [
    { action: 'patient.search', detail: { query: input.q?.trim() ?? '', queryKind: query.kind, page: input.page } },
  ]);
  const { rows, total } = await repo.searchPatients(
    ctx.db,
    actor.orgId,
    patientScope(actor),
    query,
    { limit: input.pageSize, offset: (input.page - 1) * input.pageSize, locationId: input.locationId },
    searched,
  );
  return { patients: rows, total, page: input.page, pageSize: input.pageSize };
}

async function loadFacts(ctx: ServiceContext, actor: Actor, id: string) {
  const patient = await repo.findPatient(ctx.db, actor.orgId, id);
  if (!patient) return missingPatient(ctx, actor, id);
  return {
    patient,
    facts: { patient: patientFacts(patient) },
  };
}

async function denied(ctx: ServiceContext, actor: Actor, action: string, patientId: string): Promise<never> {
  await audit(ctx.db, actor, [{ action, outcome: 'denied', patientId, recordType: 'patient', recordId: patientId }]);
  throw new ForbiddenError('You do not have access to this patient.');
}

export async function getPatient(ctx: ServiceContext, actor: Actor, id: string): Promise<Patient> {
  const read = { action: 'patient.read', patientId: id, recordType: 'patient', recordId: id };
  // The read is audited by the statement that finds the patient, when within the actor's scope.
  const found = await repo.readPatientAudited(ctx.db, actor.orgId, id, patientScope(actor), auditEvents(actor, [read]));
  if (!found) return missingPatient(ctx, actor, id);
  // The policy decides; the scope agrees with it (patient-read.test.ts), and where it would not, the log says both.
  if (!isAllowed(actor, 'patient.read', { patient: patientFacts(found) }))
    return denied(ctx, actor, 'patient.read', id);
  if (!found.inScope) await audit(ctx.db, actor, [read]);
  const { inScope: _inScope, therapistIds: _therapists, siteIds: _sites, ...record } = found;
  return record;
}

function checkRules(fields: PatientFields, today: string): void {
  const problems: Record<string, string> = {};
  if (fields.dateOfBirth > today) problems.dateOfBirth = 'The date of birth is in the future.';
  if (fields.dateOfBirth < '1900-01-01') problems.dateOfBirth = 'The date of birth is before 1900.';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

function rethrowReference(err: unknown): never {
  if (sqlState(err) === SQLSTATE.foreignKeyViolation) {
    throw new ValidationError({ preferredLocationId: 'No such location in this organisation.' });
  }
  throw err;
}

export interface CreateOptions {
  /** The registrar saw the possible matches and says this is a different person. */
  confirmNotDuplicate?: boolean;
  /** The request's Idempotency-Key: a repeat gets the first answer. */
  once?: Once;
}

export async function createPatient(
  ctx: ServiceContext,
  actor: Actor,
  fields: PatientFields,
  options: CreateOptions = {},
): Promise<Patient> {
  authorize(actor, 'patient.create', { locationIds: fields.preferredLocationId ? [fields.preferredLocationId] : [] });
  const now = ctx.now();
  checkRules(fields, dateIn(actor.orgTimeZone, now));
  if (!options.confirmNotDuplicate) {
    const found = await possibleDuplicates(ctx, actor, fields);
    // Kept as the key's answer: a twin request that lost the race to its own first answer gets that answer.
    if (found.matches.length > 0 || found.elsewhere)
      return keepRefusal(ctx, actor, options.once, new PossibleDuplicateError(found), 409);
  }
  try {
    return await createOnce(ctx, actor, options.once, async (tx) => {
      const created = await repo.insertPatient(tx, actor.orgId, fields, now);
      await audit(tx, actor, [
        { action: 'patient.create', patientId: created.id, recordType: 'patient', recordId: created.id },
      ]);
      return created;
    });
  } catch (err) {
    return rethrowReference(err);
  }
}

/** Saves a whole new version of the demographics; a stale `version` is a conflict, never a silent overwrite. */
export async function updatePatient(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  changes: Partial<PatientFields>,
): Promise<Patient> {
  const { patient, facts } = await loadFacts(ctx, actor, id);
  if (!isAllowed(actor, 'patient.update', facts)) return denied(ctx, actor, 'patient.update', id);
  const {
    id: _id,
    orgId: _org,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    therapistIds: _p,
    siteIds: _s,
    ...current
  } = patient;
  const next: PatientFields = { ...current, ...changes };
  if (changes.preferredLocationId !== undefined && changes.preferredLocationId !== current.preferredLocationId) {
    // Moving a patient to another site is the receiving site's decision too.
    authorize(actor, 'patient.create', { locationIds: next.preferredLocationId ? [next.preferredLocationId] : [] });
  }
  const now = ctx.now();
  checkRules(next, dateIn(actor.orgTimeZone, now));
  try {
    return await ctx.db.transaction(async (tx) => {
      const updated = await repo.updatePatient(tx, actor.orgId, id, version, next, now);
      if (!updated)
        throw new ConflictError(
          'version',
          'Someone else changed this patient since you opened it. Reload and try again.',
        );
      // The site the patient leaves keeps them registered: moving never hides a patient from a site.
      if (current.preferredLocationId && current.preferredLocationId !== next.preferredLocationId) {
        await registerAtSite(tx, actor.orgId, id, current.preferredLocationId, {
          userId: actor.userId,
          reason: 'Preferred site before a change',
          at: now,
        });
      }
      await audit(tx, actor, [
        {
          action: 'patient.update',
          patientId: id,
          recordType: 'patient',
          recordId: id,
          detail: { fields: Object.keys(changes).sort() },
        },
      ]);
      return updated;
    });
  } catch (err) {
    return rethrowReference(err);
  }
}

/** Other live records that may be the same person as this one (for a merge), within what the actor may see. */
export async function duplicatesOf(ctx: ServiceContext, actor: Actor, id: string): Promise<PossibleDuplicates> {
  // Staff who may search: a patient is not told about other records.
  authorize(actor, 'patient.search');
  const { patient, facts } = await loadFacts(ctx, actor, id);
  if (!isAllowed(actor, 'patient.read', facts)) return denied(ctx, actor, 'patient.duplicates', id);
  return possibleDuplicates(ctx, actor, patient, id);
}
