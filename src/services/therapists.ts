import * as repo from '../store/repos/therapists.ts';
import { sqlState, SQLSTATE, type Queryable } from '../store/database.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { addDays, dateIn } from '../time/index.ts';
import { authorize, isAllowed } from './policies.ts';
import { createOnce, type Once } from './idempotency.ts';

export type Discipline = repo.Discipline;
export type TherapistFields = repo.TherapistFields;
export type CredentialFields = repo.CredentialFields;
export type ContinuingEducation = repo.ContinuingEducationRow;
export type ContinuingEducationFields = repo.ContinuingEducationFields;

export type CredentialStatus = 'current' | 'expiring' | 'expired' | 'no-expiry';
/** A therapist's rollup; 'none' when nothing is on file, which the clinic should notice too. */
export type CredentialRollup = CredentialStatus | 'none';

/** Credential dates are judged on the clinic group's calendar, not the server's. */
/** A credential that lapses within this many days is flagged so renewal can start in time. */
export const EXPIRING_WITHIN_DAYS = 60;

/** A credential is valid through its expiry date; 'expiring' when that date is at most 60 days ahead. */
export function credentialStatus(expiresOn: string | null, today: string): CredentialStatus {
  if (expiresOn === null) return 'no-expiry';
  if (expiresOn < today) return 'expired';
  if (expiresOn <= addDays(today, EXPIRING_WITHIN_DAYS)) return 'expiring';
  return 'current';
}

const SEVERITY: Record<CredentialStatus, number> = { 'no-expiry': 0, current: 1, expiring: 2, expired: 3 };

export function worstStatus(statuses: CredentialStatus[]): CredentialRollup {
  if (statuses.length === 0) return 'none';
  return statuses.reduce((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst));
}

export type Credential = repo.CredentialRow & { status: CredentialStatus };
export type CredentialSummary = Pick<Credential, 'id' | 'kind' | 'type' | 'issuer' | 'expiresOn' | 'status'>;

/** What anyone signed in, patients included, may see: never contact details or licence numbers. */
export interface PublicTherapist {
  id: string;
  name: string;
  discipline: Discipline;
  locationIds: string[];
}

export type StaffTherapist = repo.TherapistRow & {
  name: string;
  credentials: CredentialSummary[];
  credentialStatus: CredentialRollup;
};

export type TherapistDetail = repo.TherapistRow & {
  name: string;
  credentials: Credential[];
  credentialStatus: CredentialRollup;
  continuingEducation: ContinuingEducation[];
};

const fullName = (p: repo.TherapistRow) => `${p.givenName} ${p.familyName}`;

function publicView(p: repo.TherapistRow): PublicTherapist {
  return { id: p.id, name: fullName(p), discipline: p.discipline, locationIds: p.locationIds };
}

function withStatus(c: repo.CredentialRow, today: string): Credential {
  return { ...c, status: credentialStatus(c.expiresOn, today) };
}

/** Credentials expire by the organisation's calendar. */
function credentialToday(ctx: ServiceContext, actor: Actor): string {
  return dateIn(actor.orgTimeZone, ctx.now());
}

export interface TherapistListFilter {
  locationId?: string;
  discipline?: Discipline;
}

export async function listTherapists(
  ctx: ServiceContext,
  actor: Actor,
  filter: TherapistListFilter,
): Promise<{ therapists: (PublicTherapist | StaffTherapist)[] }> {
  authorize(actor, 'therapist.read');
  const staffView = isAllowed(actor, 'therapist.read-credentials');
  const rows = await repo.listTherapists(ctx.db, actor.orgId, { ...filter, activeOnly: !staffView });
  if (!staffView) return { therapists: rows.map(publicView) };
  const today = credentialToday(ctx, actor);
  const credentials = await repo.listCredentials(
    ctx.db,
    actor.orgId,
    rows.map((p) => p.id),
  );
  return {
    therapists: rows.map((p) => {
      const own = credentials.filter((c) => c.therapistId === p.id).map((c) => withStatus(c, today));
      return {
        ...p,
        name: fullName(p),
        credentials: own.map(({ id, kind, type, issuer, expiresOn, status }) => ({
          id,
          kind,
          type,
          issuer,
          expiresOn,
          status,
        })),
        credentialStatus: worstStatus(own.map((c) => c.status)),
      };
    }),
  };
}

async function loadTherapist(ctx: ServiceContext, actor: Actor, id: string): Promise<repo.TherapistRow> {
  const therapist = await repo.findTherapist(ctx.db, actor.orgId, id);
  if (!therapist) throw new NotFoundError('No such therapist.');
  return therapist;
}

function detail(
  ctx: ServiceContext,
  actor: Actor,
  p: repo.TherapistRow,
  db: Queryable = ctx.db,
): Promise<TherapistDetail> {
  return therapistDetail(db, actor, p, ctx.now());
}

/** The staff view of one therapist, read through `db` (a transaction when the answer must be stored with the write). */
export async function therapistDetail(
  db: Queryable,
  actor: Actor,
  p: repo.TherapistRow,
  now: Date,
): Promise<TherapistDetail> {
  const today = dateIn(actor.orgTimeZone, now);
  const credentials = (await repo.listCredentials(db, actor.orgId, [p.id])).map((c) => withStatus(c, today));
  return {
    ...p,
    name: fullName(p),
    credentials,
    credentialStatus: worstStatus(credentials.map((c) => c.status)),
    continuingEducation: await repo.listContinuingEducation(db, actor.orgId, p.id),
  };
}

export async function getTherapist(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<PublicTherapist | TherapistDetail> {
  authorize(actor, 'therapist.read');
  const therapist = await loadTherapist(ctx, actor, id);
  if (isAllowed(actor, 'therapist.read-credentials')) return detail(ctx, actor, therapist);
  if (!therapist.active) throw new NotFoundError('No such therapist.');
  return publicView(therapist);
}

function rethrowLocations(err: unknown): never {
  if (sqlState(err) === SQLSTATE.foreignKeyViolation) {
    throw new ValidationError({ locationIds: 'Every id must be a location of this organisation.' });
  }
  throw err;
}

export async function createTherapist(
  ctx: ServiceContext,
  actor: Actor,
  input: TherapistFields,
  once?: Once,
): Promise<TherapistDetail> {
  const fields = { ...input, locationIds: [...new Set(input.locationIds)] };
  authorize(actor, 'therapist.manage', { locationIds: fields.locationIds });
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const created = await repo.insertTherapist(tx, actor.orgId, fields);
      await repo.replaceTherapistLocations(tx, actor.orgId, created, fields.locationIds);
      await audit(tx, actor, [{ action: 'therapist.create', recordType: 'therapist', recordId: created }]);
      return detail(ctx, actor, (await repo.findTherapist(tx, actor.orgId, created))!, tx);
    });
  } catch (err) {
    return rethrowLocations(err);
  }
}

/** A manager may change a therapist only when every current and every new site is theirs. */
export async function updateTherapist(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: Partial<TherapistFields>,
): Promise<TherapistDetail> {
  const { id: _id, ...current } = await loadTherapist(ctx, actor, id);
  authorize(actor, 'therapist.manage', { locationIds: current.locationIds });
  const next: TherapistFields = {
    ...current,
    ...changes,
    locationIds: [...new Set(changes.locationIds ?? current.locationIds)],
  };
  if (changes.locationIds) authorize(actor, 'therapist.manage', { locationIds: next.locationIds });
  try {
    await ctx.db.transaction(async (tx) => {
      await repo.updateTherapist(tx, actor.orgId, id, next);
      if (changes.locationIds) await repo.replaceTherapistLocations(tx, actor.orgId, id, next.locationIds);
      await audit(tx, actor, [
        {
          action: 'therapist.update',
          recordType: 'therapist',
          recordId: id,
          detail: { fields: Object.keys(changes).sort() },
        },
      ]);
    });
  } catch (err) {
    return rethrowLocations(err);
  }
  return detail(ctx, actor, (await repo.findTherapist(ctx.db, actor.orgId, id))!);
}

function checkCredential(f: CredentialFields): void {
  if (f.issuedOn !== null && f.expiresOn !== null && f.expiresOn < f.issuedOn) {
    throw new ValidationError({ expiresOn: 'The expiry date must not be before the issue date.' });
  }
}

export async function addCredential(
  ctx: ServiceContext,
  actor: Actor,
  therapistId: string,
  fields: CredentialFields,
  once?: Once,
): Promise<Credential> {
  const therapist = await loadTherapist(ctx, actor, therapistId);
  authorize(actor, 'therapist.manage', { locationIds: therapist.locationIds });
  checkCredential(fields);
  return createOnce(ctx, actor, once, async (tx) => {
    const row = await repo.insertCredential(tx, actor.orgId, therapistId, fields);
    await audit(tx, actor, [
      {
        action: 'therapist.credential.create',
        recordType: 'credential',
        recordId: row.id,
        detail: { therapistId },
      },
    ]);
    return withStatus(row, credentialToday(ctx, actor));
  });
}

/** The credential and the therapist it belongs to, or 404; then the manage check on its sites. */
async function loadCredentialForManage(ctx: ServiceContext, actor: Actor, id: string): Promise<repo.CredentialRow> {
  const credential = await repo.findCredential(ctx.db, actor.orgId, id);
  if (!credential) throw new NotFoundError('No such credential.');
  const therapist = await loadTherapist(ctx, actor, credential.therapistId);
  authorize(actor, 'therapist.manage', { locationIds: therapist.locationIds });
  return credential;
}

export async function updateCredential(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: Partial<CredentialFields>,
): Promise<Credential> {
  const { id: _id, therapistId, ...current } = await loadCredentialForManage(ctx, actor, id);
  const next: CredentialFields = { ...current, ...changes };
  checkCredential(next);
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await repo.updateCredential(tx, actor.orgId, id, next);
    await audit(tx, actor, [
      {
        action: 'therapist.credential.update',
        recordType: 'credential',
        recordId: id,
        detail: { therapistId, fields: Object.keys(changes).sort() },
      },
    ]);
    return row;
  });
  return withStatus(updated, credentialToday(ctx, actor));
}

export async function deleteCredential(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  const { therapistId } = await loadCredentialForManage(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteCredential(tx, actor.orgId, id);
    await audit(tx, actor, [
      { action: 'therapist.credential.delete', recordType: 'credential', recordId: id, detail: { therapistId } },
    ]);
  });
}

export async function addContinuingEducation(
  ctx: ServiceContext,
  actor: Actor,
  therapistId: string,
  fields: ContinuingEducationFields,
  once?: Once,
): Promise<ContinuingEducation> {
  const therapist = await loadTherapist(ctx, actor, therapistId);
  authorize(actor, 'therapist.manage', { locationIds: therapist.locationIds });
  if (fields.periodEnd <= fields.periodStart)
    throw new ValidationError({ periodEnd: 'The period must end after it starts.' });
  return createOnce(ctx, actor, once, async (tx) => {
    const row = await repo.insertContinuingEducation(tx, actor.orgId, therapistId, fields);
    await audit(tx, actor, [
      {
        action: 'therapist.continuing-education.create',
        recordType: 'continuing_education',
        recordId: row.id,
        detail: { therapistId },
      },
    ]);
    return row;
  });
}
