/**
 * A patient's coverages (who pays for the visits, in which order) and the payers' authorizations.
 * Coverage is health data: every read and edit is audited, and a refusal too. The desk, managers and
 * admins of the patient's sites keep it; a patient reads their own; therapists do not need it.
 * Each coverage is checked with the billing rules (src/billing), so what is stored can be billed.
 */
import {
  authorizationStatus,
  checkAuthorization,
  checkCoverage,
  type AuthorizationStatus,
  type CoverageFields as BillingCoverage,
} from '../../billing/index.ts';
import type { Queryable } from '../../store/database.ts';
import { accessFacts } from '../../store/repos/care.ts';
import * as repo from '../../store/repos/billing-coverage.ts';
import { dateIn } from '../../time/index.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { SQLSTATE } from '../../store/database.ts';
import {
  ConflictError,
  ForbiddenError,
  isRecordConflict,
  NotFoundError,
  sqlState,
  ValidationError,
} from '../errors.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { isAllowed, patientFacts, type Action } from '../policies.ts';

export type CoverageInput = repo.CoverageFields;
export type AuthorizationInput = repo.AuthorizationFields;

/** The billing rules see auto PIP and med-pay alike: both are auto insurance with a claim. */
function forBilling(c: repo.CoverageFields): BillingCoverage {
  const contact = (x: repo.ContactFields | null) =>
    x ? { name: x.name, phone: x.phone ?? undefined, email: x.email ?? undefined } : undefined;
  return {
    type: c.type === 'auto-pip' || c.type === 'auto-med-pay' ? 'auto' : c.type,
    order: c.order,
    payerId: c.payerId ?? undefined,
    memberId: c.memberId ?? undefined,
    groupNumber: c.groupNumber ?? undefined,
    relationship: c.relationship,
    subscriberName: c.subscriberName ?? undefined,
    subscriberBirthDate: c.subscriberBirthDate ?? undefined,
    claimNumber: c.claimNumber ?? undefined,
    dateOfInjury: c.dateOfInjury ?? undefined,
    employerName: c.employerName ?? undefined,
    adjuster: contact(c.adjuster),
    attorney: contact(c.attorney),
    state: c.state ?? undefined,
    effectiveFrom: c.effectiveFrom ?? undefined,
    effectiveTo: c.effectiveTo ?? undefined,
    copay: c.copay ?? undefined,
  };
}

async function checkCoverageInput(db: Queryable, actor: Actor, c: repo.CoverageFields, today: string): Promise<void> {
  const problems = checkCoverage(forBilling(c), today);
  if (c.payerId && !problems.payerId && !(await repo.findPayer(db, actor.orgId, c.payerId)))
    problems.payerId = 'No such payer in this organisation.';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

const record = (patientId: string, recordType: string, recordId?: string) => ({
  patientId,
  recordType,
  recordId: recordId ?? patientId,
});

/** The patient's access facts, checked for `action`; a refusal is audited before it is thrown. */
async function allowFor(
  db: Queryable,
  actor: Actor,
  action: Action,
  patientId: string,
  audited: { action: string; recordType: string; recordId?: string },
): Promise<void> {
  const row = await accessFacts(db, actor.orgId, patientId);
  if (!row) throw new NotFoundError('No such patient.');
  if (!isAllowed(actor, action, { patient: patientFacts(row) })) {
    await audit(db, actor, [
      { action: audited.action, outcome: 'denied', ...record(patientId, audited.recordType, audited.recordId) },
    ]);
    throw new ForbiddenError(
      actor.role === 'therapist'
        ? 'Coverage and authorizations are kept by the front desk, managers and admins.'
        : undefined,
    );
  }
}

const versionConflict = (what: string) =>
  new ConflictError('version', `Someone else changed this ${what} since you opened it. Reload and try again.`);

/** What the database refused of a coverage write, in the desk's words; anything else is rethrown. */
function refusedCoverage(err: unknown): never {
  if (isRecordConflict(err))
    throw new ValidationError({
      order: 'The patient already has a coverage in this order. End it, or choose another order.',
    });
  // The only patient a write can lose between the check and the insert is one merged meanwhile.
  if (sqlState(err) === SQLSTATE.foreignKeyViolation)
    throw new NotFoundError('This patient record was merged into another one. Open that record instead.');
  throw err;
}

export async function listCoverages(ctx: ServiceContext, actor: Actor, patientId: string) {
  await allowFor(ctx.db, actor, 'coverage.read', patientId, { action: 'coverage.read', recordType: 'coverage' });
  const coverages = await repo.listCoverages(ctx.db, actor.orgId, patientId);
  await audit(ctx.db, actor, [
    { action: 'coverage.read', ...record(patientId, 'coverage'), detail: { count: coverages.length } },
  ]);
  return { patientId, coverages };
}

export async function createCoverage(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: CoverageInput,
  once?: Once,
): Promise<repo.CoverageRow> {
  await allowFor(ctx.db, actor, 'coverage.manage', patientId, { action: 'coverage.create', recordType: 'coverage' });
  const now = ctx.now();
  await checkCoverageInput(ctx.db, actor, input, dateIn(actor.orgTimeZone, now));
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const id = await repo.insertCoverage(tx, actor.orgId, patientId, input, now);
      await audit(tx, actor, [{ action: 'coverage.create', ...record(patientId, 'coverage', id) }]);
      return (await repo.findCoverage(tx, actor.orgId, id))!;
    });
  } catch (err) {
    return refusedCoverage(err);
  }
}

async function loadCoverage(ctx: ServiceContext, actor: Actor, id: string, action: string) {
  const current = await repo.findCoverage(ctx.db, actor.orgId, id);
  if (!current) throw new NotFoundError('No such coverage.');
  await allowFor(ctx.db, actor, 'coverage.manage', current.patientId, { action, recordType: 'coverage', recordId: id });
  return current;
}

function fieldsOf(row: repo.CoverageRow): repo.CoverageFields {
  const { id: _id, patientId: _p, payerName: _n, endedAt: _e, version: _v, ...fields } = row;
  return fields;
}

/**
 * Saves changes to a coverage still in force; a stale `version` is a conflict. Ending one (`end`)
 * keeps it on file with its last day, and frees its order for the coverage that replaces it.
 */
export async function updateCoverage(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  changes: Partial<CoverageInput>,
  end?: { effectiveTo: string },
): Promise<repo.CoverageRow> {
  const action = end ? 'coverage.end' : 'coverage.update';
  const current = await loadCoverage(ctx, actor, id, action);
  if (current.endedAt) throw new ConflictError(undefined, 'This coverage has ended; add a new one instead.');
  const next: repo.CoverageFields = { ...fieldsOf(current), ...changes, ...end };
  const now = ctx.now();
  await checkCoverageInput(ctx.db, actor, next, dateIn(actor.orgTimeZone, now));
  try {
    return await ctx.db.transaction(async (tx) => {
      if (!(await repo.updateCoverage(tx, actor.orgId, id, version, next, now, end !== undefined)))
        throw versionConflict('coverage');
      await audit(tx, actor, [
        {
          action,
          ...record(current.patientId, 'coverage', id),
          detail: { fields: Object.keys(end ?? changes).sort() },
        },
      ]);
      return (await repo.findCoverage(tx, actor.orgId, id))!;
    });
  } catch (err) {
    return refusedCoverage(err);
  }
}

export interface AuthorizationView extends repo.AuthorizationRow {
  status: AuthorizationStatus;
}

const withStatus = (a: repo.AuthorizationRow): AuthorizationView => ({
  ...a,
  status: authorizationStatus(a, a.used, a.alertAt),
});

/**
 * The patient's authorizations with what each has used (counted from the appointments on the days
 * it covers) and what the desk sees: "3 of 12 visits left", and whether it is running out.
 */
export async function listAuthorizations(ctx: ServiceContext, actor: Actor, patientId: string) {
  await allowFor(ctx.db, actor, 'coverage.read', patientId, {
    action: 'authorization.read',
    recordType: 'authorization',
  });
  const authorizations = (await repo.listAuthorizations(ctx.db, actor.orgId, patientId)).map(withStatus);
  await audit(ctx.db, actor, [
    {
      action: 'authorization.read',
      ...record(patientId, 'authorization'),
      detail: { count: authorizations.length },
    },
  ]);
  return { patientId, authorizations };
}

/** What the desk sees today: the authorizations in force on the clinic's date, and the alerts. */
export async function authorizationStatusToday(ctx: ServiceContext, actor: Actor, patientId: string) {
  const today = dateIn(actor.orgTimeZone, ctx.now());
  const { authorizations } = await listAuthorizations(ctx, actor, patientId);
  const current = authorizations
    .filter((a) => a.startsOn <= today && today <= a.endsOn)
    .map((a) => ({ id: a.id, coverageId: a.coverageId, endsOn: a.endsOn, ...a.status }));
  return {
    patientId,
    date: today,
    current,
    alerts: current.filter((a) => a.runningOut || a.usedUp).map((a) => a.label),
  };
}

function checkAuthorizationInput(a: AuthorizationInput): void {
  const problems = checkAuthorization(a);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

export async function createAuthorization(
  ctx: ServiceContext,
  actor: Actor,
  coverageId: string,
  input: AuthorizationInput,
  once?: Once,
): Promise<AuthorizationView> {
  const coverage = await loadCoverage(ctx, actor, coverageId, 'authorization.create');
  if (coverage.endedAt)
    throw new ConflictError(undefined, 'This coverage has ended; add the authorization to the one in force.');
  if (coverage.type === 'self-pay')
    throw new ValidationError({ coverageId: 'A self-pay coverage has no payer to authorize visits.' });
  checkAuthorizationInput(input);
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const id = await repo.insertAuthorization(tx, actor.orgId, coverageId, input, now);
    await audit(tx, actor, [{ action: 'authorization.create', ...record(coverage.patientId, 'authorization', id) }]);
    return withStatus((await repo.findAuthorization(tx, actor.orgId, id))!);
  });
}

export async function updateAuthorization(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  changes: Partial<AuthorizationInput>,
): Promise<AuthorizationView> {
  const current = await repo.findAuthorization(ctx.db, actor.orgId, id);
  if (!current) throw new NotFoundError('No such authorization.');
  await allowFor(ctx.db, actor, 'coverage.manage', current.patientId, {
    action: 'authorization.update',
    recordType: 'authorization',
    recordId: id,
  });
  const { reference, unit, authorized, startsOn, endsOn, alertAt } = current;
  const next: AuthorizationInput = { reference, unit, authorized, startsOn, endsOn, alertAt, ...changes };
  checkAuthorizationInput(next);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.updateAuthorization(tx, actor.orgId, id, version, next, now)))
      throw versionConflict('authorization');
    await audit(tx, actor, [
      {
        action: 'authorization.update',
        ...record(current.patientId, 'authorization', id),
        detail: { fields: Object.keys(changes).sort() },
      },
    ]);
    return withStatus((await repo.findAuthorization(tx, actor.orgId, id))!);
  });
}
