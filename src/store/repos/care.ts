import type { Queryable } from '../database.ts';
import { parameters, type Param } from '../statement-parts.ts';
import { AUDIT_COLUMNS, auditRowsFrom, auditRowsJson, type AuditEventInput } from './audit.ts';
import type { MessagePatient } from './calendars.ts';
import { scheduleStampColumn } from './schedule-versions.ts';

/**
 * The two grants a patient's chart access rests on: the sites a patient is registered at (their
 * preferred site always counts) and the therapists in a current care relationship with them.
 */

export interface AccessRow {
  patientId: string;
  /** The preferred site and every site the patient was registered at. */
  siteIds: string[];
  /** Therapists in a current care relationship. */
  therapistIds: string[];
}

/** SQL for the sites of patient `p` (preferred first, then registrations). */
export const SITE_IDS_SQL = `array_remove(array_prepend(p.preferred_location_id::text,
    coalesce((SELECT array_agg(ps.location_id::text ORDER BY ps.location_id) FROM patient_sites ps
               WHERE ps.org_id = p.org_id AND ps.patient_id = p.id
               AND ps.location_id IS DISTINCT FROM p.preferred_location_id), '{}')), NULL)`;

/** SQL for the therapists in a current care relationship with patient `p`. */
export const CARE_IDS_SQL = `coalesce((SELECT array_agg(cr.therapist_id::text ORDER BY cr.therapist_id)
  FROM care_relationships cr
    WHERE cr.org_id = p.org_id AND cr.patient_id = p.id AND cr.ended_on IS NULL), '{}')`;

export async function accessFacts(db: Queryable, orgId: string, patientId: string): Promise<AccessRow | null> {
  const rows = await db.query<AccessRow>(
    `SELECT p.id AS "patientId", ${SITE_IDS_SQL} AS "siteIds", ${CARE_IDS_SQL} AS "therapistIds"
       FROM patients p WHERE p.org_id = $1 AND p.id = $2`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

/** A patient as one visit's booking needs them: access, what its messages say, and what to look up next. */
export interface VisitPatientRow extends AccessRow, MessagePatient {
  /** A completed visit before the one being booked (a returning patient gets no first-visit instructions). */
  hasEarlierCompletedVisit: boolean;
  /** An authorization on a coverage in force: only then are the booking's authorization warnings read. */
  hasAuthorizations: boolean;
  /** The organisation's schedule stamp as this read saw it (see schedule-versions.ts). */
  scheduleStamp: string;
}

/**
 * accessFacts and the rest of what booking a visit at `start` reads of the patient, and the schedule stamp, in one
 * statement.
 */
export async function visitPatientFacts(
  db: Queryable,
  orgId: string,
  patientId: string,
  start: Date,
): Promise<VisitPatientRow | null> {
  const rows = await db.query<VisitPatientRow>(
    `SELECT p.id AS "patientId", ${SITE_IDS_SQL} AS "siteIds", ${CARE_IDS_SQL} AS "therapistIds",
        p.given_name AS "givenName", p.family_name AS "familyName", p.preferred_name AS "preferredName", p.email,
        p.communication,
        EXISTS (SELECT 1 FROM appointments e WHERE e.org_id = p.org_id AND e.patient_id = p.id
          AND e.status = 'completed' AND lower(e.during) < $3) AS "hasEarlierCompletedVisit",
        EXISTS (SELECT 1 FROM authorizations au JOIN coverages c ON c.org_id = au.org_id AND c.id = au.coverage_id
          WHERE au.org_id = p.org_id AND c.patient_id = p.id AND c.ended_at IS NULL AND c.type <> 'self-pay')
          AS "hasAuthorizations",
        ${scheduleStampColumn('$1')} AS "scheduleStamp"
       FROM patients p WHERE p.org_id = $1 AND p.id = $2`,
    [orgId, patientId, start],
  );
  return rows[0] ?? null;
}

/** The access facts of several patients at once (a calendar's worth). */
export async function accessFactsOf(db: Queryable, orgId: string, patientIds: string[]): Promise<AccessRow[]> {
  if (patientIds.length === 0) return [];
  return db.query<AccessRow>(
    `SELECT p.id AS "patientId", ${SITE_IDS_SQL} AS "siteIds", ${CARE_IDS_SQL} AS "therapistIds"
       FROM patients p WHERE p.org_id = $1 AND p.id = ANY($2::uuid[])`,
    [orgId, patientIds],
  );
}

/** Registers a patient at a site; false when they already were (or it is their preferred site). */
export async function registerAtSite(
  db: Queryable,
  orgId: string,
  patientId: string,
  locationId: string,
  by: { userId: string | null; reason: string; at: Date },
): Promise<boolean> {
  const granted = await grantPlaces(db, orgId, patientId, by.userId, {
    site: { locationIds: [locationId], at: by.at, reason: by.reason },
  });
  return granted.locationIds.length > 0;
}

export interface SiteRegistration {
  locationId: string;
  preferred: boolean;
  registeredAt: Date | null;
  reason: string | null;
}

export async function listSites(db: Queryable, orgId: string, patientId: string): Promise<SiteRegistration[]> {
  return db.query<SiteRegistration>(
    `SELECT p.preferred_location_id AS "locationId", true AS preferred, NULL::timestamptz AS "registeredAt",
      NULL::text AS reason
       FROM patients p WHERE p.org_id = $1 AND p.id = $2 AND p.preferred_location_id IS NOT NULL
     UNION ALL
     SELECT ps.location_id, false, ps.registered_at, ps.reason
       FROM patient_sites ps JOIN patients p ON p.org_id = ps.org_id AND p.id = ps.patient_id
      WHERE ps.org_id = $1 AND ps.patient_id = $2 AND ps.location_id IS DISTINCT FROM p.preferred_location_id
     ORDER BY preferred DESC, "registeredAt"`,
    [orgId, patientId],
  );
}

/**
 * Starts (or restarts) a care relationship; false when one is already current, so a repeated
 * booking with the same therapist changes nothing and needs no new audit event.
 */
export async function grantCare(
  db: Queryable,
  orgId: string,
  patientId: string,
  therapistId: string,
  by: { userId: string | null; reason: string; today: string },
): Promise<boolean> {
  const granted = await grantPlaces(db, orgId, patientId, by.userId, {
    care: { therapistIds: [therapistId], today: by.today, reason: by.reason },
  });
  return granted.therapistIds.length > 0;
}

/** Who granted, for the audit events a grant writes in its own statement (see grantPlaces). */
export interface GrantAudit {
  actor: Pick<AuditEventInput, 'actorUserId' | 'actorRole' | 'ip'>;
  /** How the grant came about, in each grant's event (e.g. "appointment"). */
  via: string;
  /** The caller's own events (the booking itself), written with the grants' ones. */
  events: AuditEventInput[];
}

/** What grantPlaces grants: therapists joining the care team, sites the patient is registered at. */
export interface PlacesToGrant {
  care?: { therapistIds: string[]; today: string; reason: string };
  site?: { locationIds: string[]; at: Date; reason: string };
}

/**
 * The CTEs `care`, `site` (and with `audited`, `logged`) of a grant, for a WITH of one statement.
 * `when`: a condition every row written must meet (a booking's grants only when its appointment was written).
 */
export function grantCtes(
  param: Param,
  orgId: string,
  patientId: string,
  userId: string | null,
  grants: PlacesToGrant,
  audited?: GrantAudit,
  when = 'true',
): string {
  const { care, site } = grants;
  const [org, patient, by] = [param(orgId), param(patientId), param(userId)];
  const ctes = `care AS (
       INSERT INTO care_relationships AS cr (org_id, patient_id, therapist_id, started_on, granted_by, reason)
       SELECT ${org}, ${patient}, t, ${param(care?.today ?? null)}::date, ${by}, ${param(care?.reason ?? null)}
         FROM unnest(${param(care?.therapistIds ?? [])}::uuid[]) t WHERE ${when}
       ON CONFLICT (org_id, patient_id, therapist_id) DO UPDATE
         SET started_on = EXCLUDED.started_on, ended_on = NULL, granted_by = EXCLUDED.granted_by,
           reason = EXCLUDED.reason, ended_by = NULL, end_reason = NULL
         WHERE cr.ended_on IS NOT NULL
       RETURNING cr.therapist_id
     ), site AS (
       INSERT INTO patient_sites (org_id, patient_id, location_id, registered_at, registered_by, reason)
       SELECT ${org}, ${patient}, l, ${param(site?.at ?? null)}::timestamptz, ${by}, ${param(site?.reason ?? null)}
         FROM unnest(${param(site?.locationIds ?? [])}::uuid[]) l
        WHERE ${when}
          AND NOT EXISTS (SELECT 1 FROM patients p WHERE p.org_id = ${org} AND p.id = ${patient}
                           AND p.preferred_location_id = l)
       ON CONFLICT (org_id, patient_id, location_id) DO NOTHING RETURNING location_id
     )`;
  if (!audited) return ctes;
  const { actor, via, events } = audited;
  const [who, role, ip, how] = [param(actor.actorUserId), param(actor.actorRole), param(actor.ip ?? null), param(via)];
  return `${ctes}, logged AS (
       INSERT INTO audit_events (${AUDIT_COLUMNS})
       ${auditRowsFrom(param(auditRowsJson(events)))} WHERE ${when}
       UNION ALL SELECT ${org}, ${who}, ${role}, 'care.grant', 'allowed', ${patient}, 'patient', ${patient}::text,
         ${ip}, jsonb_build_object('therapistId', therapist_id, 'via', ${how}::text) FROM care
       UNION ALL SELECT ${org}, ${who}, ${role}, 'patient.site.register', 'allowed', ${patient}, 'patient',
         ${patient}::text, ${ip}, jsonb_build_object('locationId', location_id, 'via', ${how}::text) FROM site
     )`;
}

/**
 * Care-team and site grants in one statement (a booking makes both): each therapist joins the care
 * team (again, if their care had ended) and the patient is registered at each site (not their
 * preferred one). Returns what changed. With `audited`, the same statement writes an audit event for
 * each change (care.grant, patient.site.register) and the caller's own events.
 */
export async function grantPlaces(
  db: Queryable,
  orgId: string,
  patientId: string,
  userId: string | null,
  grants: PlacesToGrant,
  audited?: GrantAudit,
): Promise<{ therapistIds: string[]; locationIds: string[] }> {
  const { param, values } = parameters();
  const rows = await db.query<{ kind: 'care' | 'site'; id: string }>(
    `WITH ${grantCtes(param, orgId, patientId, userId, grants, audited)}
     SELECT 'care' AS kind, therapist_id::text AS id FROM care
     UNION ALL SELECT 'site', location_id::text FROM site`,
    values,
  );
  return {
    therapistIds: rows.filter((r) => r.kind === 'care').map((r) => r.id),
    locationIds: rows.filter((r) => r.kind === 'site').map((r) => r.id),
  };
}

/** Ends a current care relationship; false when there was none. */
export async function endCare(
  db: Queryable,
  orgId: string,
  patientId: string,
  therapistId: string,
  by: { userId: string; reason: string; today: string },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE care_relationships SET ended_on = greatest(started_on, $4::date), ended_by = $5, end_reason = $6
      WHERE org_id = $1 AND patient_id = $2 AND therapist_id = $3 AND ended_on IS NULL RETURNING patient_id`,
    [orgId, patientId, therapistId, by.today, by.userId, by.reason],
  );
  return rows.length > 0;
}

export interface CareRow {
  therapistId: string;
  givenName: string;
  familyName: string;
  discipline: string;
  startedOn: string;
  endedOn: string | null;
  reason: string | null;
  endReason: string | null;
}

/** The care team, current first, then ended relationships most recent first. */
export async function listCare(db: Queryable, orgId: string, patientId: string): Promise<CareRow[]> {
  return db.query<CareRow>(
    `SELECT cr.therapist_id AS "therapistId", pr.given_name AS "givenName", pr.family_name AS "familyName",
            pr.discipline, cr.started_on AS "startedOn", cr.ended_on AS "endedOn", cr.reason,
            cr.end_reason AS "endReason"
       FROM care_relationships cr JOIN therapists pr ON pr.org_id = cr.org_id AND pr.id = cr.therapist_id
      WHERE cr.org_id = $1 AND cr.patient_id = $2
      ORDER BY cr.ended_on IS NOT NULL, cr.ended_on DESC, pr.family_name, pr.given_name`,
    [orgId, patientId],
  );
}

/** The sites a therapist works at; null when there is no such therapist in the organisation. */
export async function therapistSites(db: Queryable, orgId: string, therapistId: string): Promise<string[] | null> {
  const rows = await db.query<{ siteIds: string[] }>(
    `SELECT coalesce((SELECT array_agg(pl.location_id::text ORDER BY pl.location_id) FROM therapist_locations pl
                       WHERE pl.org_id = pr.org_id AND pl.therapist_id = pr.id), '{}') AS "siteIds"
       FROM therapists pr WHERE pr.org_id = $1 AND pr.id = $2`,
    [orgId, therapistId],
  );
  return rows[0]?.siteIds ?? null;
}

export async function locationExists(db: Queryable, orgId: string, locationId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM locations WHERE org_id = $1 AND id = $2', [orgId, locationId])).length > 0;
}

export interface PatientMatch {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

/**
 * Exact match on both names (ignoring case and surrounding spaces) and the date of birth: what a
 * desk needs to find a patient of another site to register, and nothing a guess could widen.
 */
export async function exactMatches(
  db: Queryable,
  orgId: string,
  q: { givenName: string; familyName: string; dateOfBirth: string },
): Promise<PatientMatch[]> {
  return db.query<PatientMatch>(
    `SELECT p.id, p.given_name AS "givenName", p.family_name AS "familyName", p.date_of_birth AS "dateOfBirth"
       FROM patients p
      WHERE p.org_id = $1 AND p.given_name_lower = lower($2) AND p.family_name_lower = lower($3)
      AND p.date_of_birth = $4::date
      ORDER BY p.id LIMIT 5`,
    [orgId, q.givenName.trim(), q.familyName.trim(), q.dateOfBirth],
  );
}
