/**
 * Who may see a patient: the sites a patient is registered at, and the care team of therapists the
 * clinic granted. A booking never opens a chart by itself: only someone who may already see the
 * patient books them, and that booking grants the therapist a care relationship, audited, in the
 * booking's own transaction. A desk finds a patient of another site through an exact lookup and
 * registers them at its own site with a reason; managers and admins grant and end care relationships.
 */
import type { Queryable } from '../store/database.ts';
import * as repo from '../store/repos/care.ts';
import * as therapistRepo from '../store/repos/therapists.ts';
import { audit, auditEvents, type AuditRecord } from './audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { createOnce, type Once } from './idempotency.ts';
import { dateIn } from '../time/index.ts';
import { canAccessPatient, isAllowed, patientFacts, type PatientFacts } from './policies.ts';

const patientRecord = (patientId: string) => ({ patientId, recordType: 'patient', recordId: patientId });

/**
 * The patient a booking names, when the actor may bring them into a booking; a patient of no
 * organisation of the actor's is a mistake in the request (422), one they may not see a refusal (403).
 */
export async function requireBookablePatient(db: Queryable, actor: Actor, patientId: string): Promise<PatientFacts> {
  return allowedToBook(db, actor, patientId, await repo.accessFacts(db, actor.orgId, patientId));
}

/** A patient booked for one visit at `start`: what the visit's messages and warnings need, in the same read. */
export type VisitPatient = PatientFacts & Omit<repo.VisitPatientRow, keyof repo.AccessRow>;

/** requireBookablePatient for one visit, reading the rest of what booking it needs of the patient at once. */
export async function requireVisitPatient(
  db: Queryable,
  actor: Actor,
  patientId: string,
  start: Date,
): Promise<VisitPatient> {
  const row = await repo.visitPatientFacts(db, actor.orgId, patientId, start);
  const facts = await allowedToBook(db, actor, patientId, row);
  return { ...row!, ...facts };
}

async function allowedToBook(
  db: Queryable,
  actor: Actor,
  patientId: string,
  row: repo.AccessRow | null,
): Promise<PatientFacts> {
  if (!row) throw new ValidationError({ patientId: 'No such patient in this organisation.' });
  const facts = patientFacts(row);
  if (!isAllowed(actor, 'patient.book', { patient: facts })) {
    await audit(db, actor, [{ action: 'patient.book', outcome: 'denied', ...patientRecord(patientId) }]);
    throw new ForbiddenError(
      actor.role === 'patient'
        ? 'You can book only your own visits.'
        : 'This patient is not registered at your sites. Find them with an exact lookup and register them at your ' +
            'site first.',
    );
  }
  return facts;
}

/** Where a booking puts the patient: with which therapist, at which site. */
export interface BookedPlace {
  therapistId: string;
  locationId: string;
}

/**
 * The grants a booking makes, with their audit: each therapist booked joins the care team and the
 * patient is registered at each site booked, each change audited along with the booking's own records.
 */
export function bookingGrants(
  actor: Actor,
  places: BookedPlace[],
  now: Date,
  via: string,
  booked: AuditRecord[] = [],
): { grants: repo.PlacesToGrant; audited: repo.GrantAudit } {
  return {
    grants: {
      care: {
        therapistIds: [...new Set(places.map((p) => p.therapistId))],
        today: dateIn(actor.orgTimeZone, now),
        reason: `Booked (${via})`,
      },
      site: {
        locationIds: [...new Set(places.map((p) => p.locationId))],
        at: now,
        reason: `Booked at this site (${via})`,
      },
    },
    audited: {
      actor: { actorUserId: actor.userId, actorRole: actor.role, ip: actor.ip },
      via,
      events: auditEvents(actor, booked),
    },
  };
}

/**
 * After a booking by someone who may see the patient, inside its transaction: the grants of bookingGrants,
 * their audit events and the booking's own in one statement.
 */
export async function grantForBooking(
  tx: Queryable,
  actor: Actor,
  patientId: string,
  places: BookedPlace[],
  now: Date,
  via: string,
  /** The booking's own audit records, written in the same statement. */
  booked: AuditRecord[] = [],
): Promise<void> {
  const { grants, audited } = bookingGrants(actor, places, now, via, booked);
  await repo.grantPlaces(tx, actor.orgId, patientId, actor.userId, grants, audited);
}

export interface LookupInput {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

export interface LookupMatch extends repo.PatientMatch {
  /** Already registered at one of the actor's sites (or otherwise visible): open them instead. */
  registeredAtYourSites: boolean;
}

/** Exact lookup across the organisation for the desk: a minimal match to register, each one audited. */
export async function lookupPatients(
  ctx: ServiceContext,
  actor: Actor,
  input: LookupInput,
): Promise<{ matches: LookupMatch[] }> {
  if (!isAllowed(actor, 'patient.lookup'))
    throw new ForbiddenError('Only the front desk, managers and admins look up patients to register.');
  const found = await repo.exactMatches(ctx.db, actor.orgId, input);
  const matches: LookupMatch[] = [];
  for (const match of found) {
    const facts = await repo.accessFacts(ctx.db, actor.orgId, match.id);
    matches.push({ ...match, registeredAtYourSites: facts !== null && canAccessPatient(actor, patientFacts(facts)) });
  }
  await audit(
    ctx.db,
    actor,
    matches.length > 0
      ? matches.map((m) => ({ action: 'patient.lookup', ...patientRecord(m.id), detail: { matches: matches.length } }))
      : [{ action: 'patient.lookup', detail: { matches: 0 } }],
  );
  return { matches };
}

export interface RegisterInput {
  locationId: string;
  reason: string;
}

/** Registers a patient at one of the actor's sites, deliberately and with a reason, audited. */
export async function registerAtSite(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: RegisterInput,
  once?: Once,
) {
  if (!(await repo.accessFacts(ctx.db, actor.orgId, patientId))) throw new NotFoundError('No such patient.');
  if (!isAllowed(actor, 'patient.register-site', { locationIds: [input.locationId] })) {
    await audit(ctx.db, actor, [
      {
        action: 'patient.site.register',
        outcome: 'denied',
        ...patientRecord(patientId),
        detail: { locationId: input.locationId },
      },
    ]);
    throw new ForbiddenError('You can register patients only at your own sites.');
  }
  if (!(await repo.locationExists(ctx.db, actor.orgId, input.locationId)))
    throw new ValidationError({ locationId: 'No such site in this organisation.' });
  const now = ctx.now();
  return createOnce(ctx, actor, once, async (tx) => {
    const registered = await repo.registerAtSite(tx, actor.orgId, patientId, input.locationId, {
      userId: actor.userId,
      reason: input.reason,
      at: now,
    });
    if (registered) {
      await audit(tx, actor, [
        {
          action: 'patient.site.register',
          ...patientRecord(patientId),
          detail: { locationId: input.locationId, reason: input.reason },
        },
      ]);
    }
    // A repeat changes nothing and answers the same: the registration as it stands.
    return { patientId, locationId: input.locationId, sites: await repo.listSites(tx, actor.orgId, patientId) };
  });
}

export interface CareTeam {
  patientId: string;
  careTeam: (repo.CareRow & { can: { end: boolean } })[];
  sites: repo.SiteRegistration[];
  /** Active therapists the caller may add to this care team (managers: those of their sites). */
  can: { grantTo: string[] };
}

/** Loads the patient's facts and checks `action`; another organisation's patient is "not found". */
async function requireCare(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  action: 'care.read' | 'care.manage',
  therapistSiteIds?: string[],
) {
  const row = await repo.accessFacts(ctx.db, actor.orgId, patientId);
  if (!row) throw new NotFoundError('No such patient.');
  if (!isAllowed(actor, action, { patient: patientFacts(row), therapistSiteIds })) {
    await audit(ctx.db, actor, [{ action, outcome: 'denied', ...patientRecord(patientId) }]);
    throw new ForbiddenError(
      action === 'care.read'
        ? 'You do not have access to this patient.'
        : 'Only a manager of the therapist’s site or an admin changes the care team.',
    );
  }
}

async function team(db: Queryable, actor: Actor, patientId: string): Promise<CareTeam> {
  const facts = await repo.accessFacts(db, actor.orgId, patientId);
  const therapists = await therapistRepo.listTherapists(db, actor.orgId, { activeOnly: false });
  const sitesOf = new Map(therapists.map((t) => [t.id, t.locationIds]));
  const manages = (therapistId: string) =>
    facts !== null &&
    isAllowed(actor, 'care.manage', { patient: patientFacts(facts), therapistSiteIds: sitesOf.get(therapistId) });
  const members = await repo.listCare(db, actor.orgId, patientId);
  const current = new Set(members.filter((m) => m.endedOn === null).map((m) => m.therapistId));
  return {
    patientId,
    careTeam: members.map((m) => ({ ...m, can: { end: m.endedOn === null && manages(m.therapistId) } })),
    sites: await repo.listSites(db, actor.orgId, patientId),
    can: { grantTo: therapists.filter((t) => t.active && !current.has(t.id) && manages(t.id)).map((t) => t.id) },
  };
}

export async function getCareTeam(ctx: ServiceContext, actor: Actor, patientId: string): Promise<CareTeam> {
  await requireCare(ctx, actor, patientId, 'care.read');
  await audit(ctx.db, actor, [{ action: 'care.read', ...patientRecord(patientId) }]);
  return team(ctx.db, actor, patientId);
}

async function therapistSites(ctx: ServiceContext, actor: Actor, therapistId: string): Promise<string[]> {
  const sites = await repo.therapistSites(ctx.db, actor.orgId, therapistId);
  if (!sites) throw new ValidationError({ therapistId: 'No such therapist in this organisation.' });
  return sites;
}

/** Grants a therapist access to the chart; repeating it for a current relationship changes nothing. */
export async function grantCareRelationship(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: { therapistId: string; reason: string },
  once?: Once,
): Promise<CareTeam> {
  if (!(await repo.accessFacts(ctx.db, actor.orgId, patientId))) throw new NotFoundError('No such patient.');
  await requireCare(ctx, actor, patientId, 'care.manage', await therapistSites(ctx, actor, input.therapistId));
  const today = dateIn(actor.orgTimeZone, ctx.now());
  return createOnce(ctx, actor, once, async (tx) => {
    if (
      await repo.grantCare(tx, actor.orgId, patientId, input.therapistId, {
        userId: actor.userId,
        reason: input.reason,
        today,
      })
    ) {
      await audit(tx, actor, [
        {
          action: 'care.grant',
          ...patientRecord(patientId),
          detail: { therapistId: input.therapistId, reason: input.reason },
        },
      ]);
    }
    return team(tx, actor, patientId);
  });
}

/** Ends a therapist's access to the chart from today; their signed notes stay in the chart. */
export async function endCareRelationship(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  therapistId: string,
  reason: string,
): Promise<CareTeam> {
  if (!(await repo.accessFacts(ctx.db, actor.orgId, patientId))) throw new NotFoundError('No such patient.');
  const sites = await repo.therapistSites(ctx.db, actor.orgId, therapistId);
  if (!sites) throw new NotFoundError('No such therapist.');
  await requireCare(ctx, actor, patientId, 'care.manage', sites);
  const current = await repo.listCare(ctx.db, actor.orgId, patientId);
  if (!current.some((c) => c.therapistId === therapistId))
    throw new NotFoundError('This therapist is not in the patient’s care team.');
  const today = dateIn(actor.orgTimeZone, ctx.now());
  return ctx.db.transaction(async (tx) => {
    if (await repo.endCare(tx, actor.orgId, patientId, therapistId, { userId: actor.userId, reason, today })) {
      await audit(tx, actor, [{ action: 'care.end', ...patientRecord(patientId), detail: { therapistId, reason } }]);
    }
    return team(tx, actor, patientId);
  });
}
