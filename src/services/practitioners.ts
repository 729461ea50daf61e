import * as repo from '../store/repos/practitioners.ts';
import { sqlState, SQLSTATE, type Queryable } from '../store/database.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { addDays, dateIn } from '../time/index.ts';
import { authorize, isAllowed } from './policies.ts';
import { createOnce, type Once } from './idempotency.ts';

export type Discipline = repo.Discipline;
export type PractitionerFields = repo.PractitionerFields;
export type CredentialFields = repo.CredentialFields;
export type ContinuingEducation = repo.ContinuingEducationRow;
export type ContinuingEducationFields = repo.ContinuingEducationFields;

export type CredentialStatus = 'current' | 'expiring' | 'expired' | 'no-expiry';
/** A practitioner's rollup; 'none' when nothing is on file, which the clinic should notice too. */
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
export interface PublicPractitioner {
  id: string;
  name: string;
  discipline: Discipline;
  locationIds: string[];
}

export type StaffPractitioner = repo.PractitionerRow & {
  name: string;
  credentials: CredentialSummary[];
  credentialStatus: CredentialRollup;
};

export type PractitionerDetail = repo.PractitionerRow & {
  name: string;
  credentials: Credential[];
  credentialStatus: CredentialRollup;
  continuingEducation: ContinuingEducation[];
};

const fullName = (p: repo.PractitionerRow) => `${p.givenName} ${p.familyName}`;

function publicView(p: repo.PractitionerRow): PublicPractitioner {
  return { id: p.id, name: fullName(p), discipline: p.discipline, locationIds: p.locationIds };
}

function withStatus(c: repo.CredentialRow, today: string): Credential {
  return { ...c, status: credentialStatus(c.expiresOn, today) };
}

/** Credentials expire by the organisation's calendar. */
function credentialToday(ctx: ServiceContext, actor: Actor): string {
  return dateIn(actor.orgTimeZone, ctx.now());
}

export interface PractitionerListFilter {
  locationId?: string;
  discipline?: Discipline;
}

export async function listPractitioners(
  ctx: ServiceContext,
  actor: Actor,
  filter: PractitionerListFilter,
): Promise<{ practitioners: (PublicPractitioner | StaffPractitioner)[] }> {
  authorize(actor, 'practitioner.read');
  const staffView = isAllowed(actor, 'practitioner.read-credentials');
  const rows = await repo.listPractitioners(ctx.db, actor.orgId, { ...filter, activeOnly: !staffView });
  if (!staffView) return { practitioners: rows.map(publicView) };
  const today = credentialToday(ctx, actor);
  const credentials = await repo.listCredentials(
    ctx.db,
    actor.orgId,
    rows.map((p) => p.id),
  );
  return {
    practitioners: rows.map((p) => {
      const own = credentials.filter((c) => c.practitionerId === p.id).map((c) => withStatus(c, today));
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

async function loadPractitioner(ctx: ServiceContext, actor: Actor, id: string): Promise<repo.PractitionerRow> {
  const practitioner = await repo.findPractitioner(ctx.db, actor.orgId, id);
  if (!practitioner) throw new NotFoundError('No such practitioner.');
  return practitioner;
}

function detail(
  ctx: ServiceContext,
  actor: Actor,
  p: repo.PractitionerRow,
  db: Queryable = ctx.db,
): Promise<PractitionerDetail> {
  return practitionerDetail(db, actor, p, ctx.now());
}

/** The staff view of one practitioner, read through `db` (a transaction when the answer must be stored with the write). */
export async function practitionerDetail(
  db: Queryable,
  actor: Actor,
  p: repo.PractitionerRow,
  now: Date,
): Promise<PractitionerDetail> {
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

export async function getPractitioner(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<PublicPractitioner | PractitionerDetail> {
  authorize(actor, 'practitioner.read');
  const practitioner = await loadPractitioner(ctx, actor, id);
  if (isAllowed(actor, 'practitioner.read-credentials')) return detail(ctx, actor, practitioner);
  if (!practitioner.active) throw new NotFoundError('No such practitioner.');
  return publicView(practitioner);
}

function rethrowLocations(err: unknown): never {
  if (sqlState(err) === SQLSTATE.foreignKeyViolation) {
    throw new ValidationError({ locationIds: 'Every id must be a location of this organisation.' });
  }
  throw err;
}

export async function createPractitioner(
  ctx: ServiceContext,
  actor: Actor,
  input: PractitionerFields,
  once?: Once,
): Promise<PractitionerDetail> {
  const fields = { ...input, locationIds: [...new Set(input.locationIds)] };
  authorize(actor, 'practitioner.manage', { locationIds: fields.locationIds });
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const created = await repo.insertPractitioner(tx, actor.orgId, fields);
      await repo.replacePractitionerLocations(tx, actor.orgId, created, fields.locationIds);
      await audit(tx, actor, [{ action: 'practitioner.create', recordType: 'practitioner', recordId: created }]);
      return detail(ctx, actor, (await repo.findPractitioner(tx, actor.orgId, created))!, tx);
    });
  } catch (err) {
    return rethrowLocations(err);
  }
}

/** A manager may change a practitioner only when every current and every new site is theirs. */
export async function updatePractitioner(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: Partial<PractitionerFields>,
): Promise<PractitionerDetail> {
  const { id: _id, ...current } = await loadPractitioner(ctx, actor, id);
  authorize(actor, 'practitioner.manage', { locationIds: current.locationIds });
  const next: PractitionerFields = {
    ...current,
    ...changes,
    locationIds: [...new Set(changes.locationIds ?? current.locationIds)],
  };
  if (changes.locationIds) authorize(actor, 'practitioner.manage', { locationIds: next.locationIds });
  try {
    await ctx.db.transaction(async (tx) => {
      await repo.updatePractitioner(tx, actor.orgId, id, next);
      if (changes.locationIds) await repo.replacePractitionerLocations(tx, actor.orgId, id, next.locationIds);
      await audit(tx, actor, [
        {
          action: 'practitioner.update',
          recordType: 'practitioner',
          recordId: id,
          detail: { fields: Object.keys(changes).sort() },
        },
      ]);
    });
  } catch (err) {
    return rethrowLocations(err);
  }
  return detail(ctx, actor, (await repo.findPractitioner(ctx.db, actor.orgId, id))!);
}

function checkCredential(f: CredentialFields): void {
  if (f.issuedOn !== null && f.expiresOn !== null && f.expiresOn < f.issuedOn) {
    throw new ValidationError({ expiresOn: 'The expiry date must not be before the issue date.' });
  }
}

export async function addCredential(
  ctx: ServiceContext,
  actor: Actor,
  practitionerId: string,
  fields: CredentialFields,
  once?: Once,
): Promise<Credential> {
  const practitioner = await loadPractitioner(ctx, actor, practitionerId);
  authorize(actor, 'practitioner.manage', { locationIds: practitioner.locationIds });
  checkCredential(fields);
  return createOnce(ctx, actor, once, async (tx) => {
    const row = await repo.insertCredential(tx, actor.orgId, practitionerId, fields);
    await audit(tx, actor, [
      {
        action: 'practitioner.credential.create',
        recordType: 'credential',
        recordId: row.id,
        detail: { practitionerId },
      },
    ]);
    return withStatus(row, credentialToday(ctx, actor));
  });
}

/** The credential and the practitioner it belongs to, or 404; then the manage check on its sites. */
async function loadCredentialForManage(ctx: ServiceContext, actor: Actor, id: string): Promise<repo.CredentialRow> {
  const credential = await repo.findCredential(ctx.db, actor.orgId, id);
  if (!credential) throw new NotFoundError('No such credential.');
  const practitioner = await loadPractitioner(ctx, actor, credential.practitionerId);
  authorize(actor, 'practitioner.manage', { locationIds: practitioner.locationIds });
  return credential;
}

export async function updateCredential(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: Partial<CredentialFields>,
): Promise<Credential> {
  const { id: _id, practitionerId, ...current } = await loadCredentialForManage(ctx, actor, id);
  const next: CredentialFields = { ...current, ...changes };
  checkCredential(next);
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await repo.updateCredential(tx, actor.orgId, id, next);
    await audit(tx, actor, [
      {
        action: 'practitioner.credential.update',
        recordType: 'credential',
        recordId: id,
        detail: { practitionerId, fields: Object.keys(changes).sort() },
      },
    ]);
    return row;
  });
  return withStatus(updated, credentialToday(ctx, actor));
}

export async function deleteCredential(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  const { practitionerId } = await loadCredentialForManage(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteCredential(tx, actor.orgId, id);
    await audit(tx, actor, [
      { action: 'practitioner.credential.delete', recordType: 'credential', recordId: id, detail: { practitionerId } },
    ]);
  });
}

export async function addContinuingEducation(
  ctx: ServiceContext,
  actor: Actor,
  practitionerId: string,
  fields: ContinuingEducationFields,
  once?: Once,
): Promise<ContinuingEducation> {
  const practitioner = await loadPractitioner(ctx, actor, practitionerId);
  authorize(actor, 'practitioner.manage', { locationIds: practitioner.locationIds });
  if (fields.periodEnd <= fields.periodStart)
    throw new ValidationError({ periodEnd: 'The period must end after it starts.' });
  return createOnce(ctx, actor, once, async (tx) => {
    const row = await repo.insertContinuingEducation(tx, actor.orgId, practitionerId, fields);
    await audit(tx, actor, [
      {
        action: 'practitioner.continuing-education.create',
        recordType: 'continuing_education',
        recordId: row.id,
        detail: { practitionerId },
      },
    ]);
    return row;
  });
}
