import type { Queryable } from '../database.ts';
import type { Communication } from './patients.ts';

/**
 * Appointment views for messages and calendars: the appointment joined with what a patient or a
 * calendar needs to read (site, address, zone, therapist, service). Writes belong to the booking code.
 */
/** The patient as a message addresses them. */
export interface MessagePatient {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  email: string | null;
  communication: Partial<Communication>;
}

export interface AppointmentView {
  id: string;
  orgId: string;
  patientId: string;
  therapistId: string;
  locationId: string;
  serviceCode: string;
  status: string;
  start: Date;
  end: Date;
  version: number;
  updatedAt: Date;
  serviceName: string;
  serviceIsInitial: boolean;
  /** The service's current price in cents (null: none set) and its currency. */
  servicePriceCents: number | null;
  serviceCurrency: string;
  therapistName: string;
  site: {
    name: string;
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    postalCode: string;
    phone: string | null;
    timeZone: string;
  };
  patient: MessagePatient;
  /** A completed visit of this patient before this appointment exists. */
  hasEarlierCompletedVisit: boolean;
}

/** A site as a message names it (AppointmentView's `site`), from locations `l`. */
const SITE_CARD = `jsonb_build_object('name', l.name, 'line1', l.address_line1, 'line2', l.address_line2,
    'city', l.city, 'state', l.state, 'postalCode', l.postal_code, 'phone', l.phone, 'timeZone', l.time_zone)`;

/** A therapist's name as a message gives it, from therapists `pr`. */
const THERAPIST_NAME = `pr.given_name || ' ' || pr.family_name`;

const VIEW = `SELECT a.id, a.org_id AS "orgId", a.patient_id AS "patientId", a.therapist_id AS "therapistId",
    a.location_id AS "locationId", a.service_code AS "serviceCode", a.status, lower(a.during) AS start,
    upper(a.during) AS "end",
    a.version, a.updated_at AS "updatedAt", s.name AS "serviceName", s.is_initial AS "serviceIsInitial",
    s.price_cents AS "servicePriceCents", s.currency AS "serviceCurrency",
    ${THERAPIST_NAME} AS "therapistName",
    ${SITE_CARD} AS site,
    jsonb_build_object('givenName', p.given_name, 'familyName', p.family_name, 'preferredName', p.preferred_name,
                       'email', p.email, 'communication', p.communication) AS patient,
    EXISTS (SELECT 1 FROM appointments e WHERE e.org_id = a.org_id AND e.patient_id = a.patient_id
    AND e.status = 'completed'
              AND lower(e.during) < lower(a.during)) AS "hasEarlierCompletedVisit"
  FROM appointments a
  JOIN services s ON s.org_id = a.org_id AND s.code = a.service_code
  JOIN therapists pr ON pr.org_id = a.org_id AND pr.id = a.therapist_id
  JOIN locations l ON l.org_id = a.org_id AND l.id = a.location_id
  JOIN patients p ON p.org_id = a.org_id AND p.id = a.patient_id`;

export async function findAppointmentView(db: Queryable, orgId: string, id: string): Promise<AppointmentView | null> {
  const rows = await db.query<AppointmentView>(`${VIEW} WHERE a.org_id = $1 AND a.id = $2`, [orgId, id]);
  return rows[0] ?? null;
}

/** Every site and therapist of the organisation as messages name them, by id: read once per schedule stamp. */
export interface MessagePlaces {
  sites: Record<string, AppointmentView['site']>;
  therapistNames: Record<string, string>;
}

export async function messagePlaces(db: Queryable, orgId: string): Promise<MessagePlaces> {
  const rows = await db.query<MessagePlaces>(
    `SELECT (SELECT coalesce(jsonb_object_agg(l.id, ${SITE_CARD}), '{}') FROM locations l WHERE l.org_id = $1) AS sites,
        (SELECT coalesce(jsonb_object_agg(pr.id, ${THERAPIST_NAME}), '{}') FROM therapists pr WHERE pr.org_id = $1)
          AS "therapistNames"`,
    [orgId],
  );
  return rows[0]!;
}

/** The organisation an appointment belongs to (links name an appointment, not an organisation). */
export async function appointmentOrg(db: Queryable, id: string): Promise<string | null> {
  const rows = await db.query<{ orgId: string }>('SELECT org_id AS "orgId" FROM appointments WHERE id = $1', [id]);
  return rows[0]?.orgId ?? null;
}

/** A feed's appointments that end after `since`, cancelled ones included (calendars must drop them). */
export async function listFeedAppointments(
  db: Queryable,
  orgId: string,
  subject: { kind: 'therapist' | 'site'; id: string },
  since: Date,
): Promise<AppointmentView[]> {
  const column = subject.kind === 'therapist' ? 'a.therapist_id' : 'a.location_id';
  return db.query<AppointmentView>(
    `${VIEW} WHERE a.org_id = $1 AND ${column} = $2 AND upper(a.during) >= $3 ORDER BY lower(a.during), ` +
      `a.id LIMIT 5000`,
    [orgId, subject.id, since],
  );
}

/** The patient's own account, if they have one (link actions act as it). */
export async function patientAccount(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<{ id: string; email: string } | null> {
  const rows = await db.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE org_id = $1 AND patient_id = $2 AND role = 'patient' AND disabled_at IS NULL
      ORDER BY created_at LIMIT 1`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

export interface FeedRow {
  id: string;
  kind: 'therapist' | 'site';
  subjectId: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const FEED =
  `id, kind, subject_id AS "subjectId", created_by AS "createdBy", created_at AS "createdAt", ` +
  `revoked_at AS "revokedAt"`;

export async function insertFeed(
  db: Queryable,
  orgId: string,
  f: { kind: 'therapist' | 'site'; subjectId: string; tokenHash: string; createdBy: string },
  now: Date,
): Promise<FeedRow> {
  const rows = await db.query<FeedRow>(
    `INSERT INTO calendar_feeds (org_id, kind, subject_id, token_hash, created_by, created_at)
      VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${FEED}`,
    [orgId, f.kind, f.subjectId, f.tokenHash, f.createdBy, now],
  );
  return rows[0]!;
}

/** Feeds of the organisation, narrowed to those created by `createdBy` or about the given subjects. */
export async function listFeeds(
  db: Queryable,
  orgId: string,
  filter: { all: boolean; createdBy: string; subjectIds: string[] },
): Promise<FeedRow[]> {
  return db.query<FeedRow>(
    `SELECT ${FEED} FROM calendar_feeds
      WHERE org_id = $1 AND ($2 OR created_by = $3 OR subject_id = ANY($4::uuid[]))
      ORDER BY created_at DESC, id`,
    [orgId, filter.all, filter.createdBy, filter.subjectIds],
  );
}

export async function findFeed(db: Queryable, orgId: string, id: string): Promise<FeedRow | null> {
  const rows = await db.query<FeedRow>(`SELECT ${FEED} FROM calendar_feeds WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return rows[0] ?? null;
}

export async function findFeedByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<(FeedRow & { orgId: string }) | null> {
  const rows = await db.query<FeedRow & { orgId: string }>(
    `SELECT ${FEED}, org_id AS "orgId" FROM calendar_feeds WHERE token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function revokeFeed(db: Queryable, orgId: string, id: string, now: Date): Promise<void> {
  await db.query('UPDATE calendar_feeds SET revoked_at = coalesce(revoked_at, $3) WHERE org_id = $1 AND id = $2', [
    orgId,
    id,
    now,
  ]);
}

/** Whether a therapist or a site with this id exists in the organisation, and the therapist's sites. */
export async function feedSubject(
  db: Queryable,
  orgId: string,
  kind: 'therapist' | 'site',
  id: string,
): Promise<{ exists: boolean; locationIds: string[] }> {
  if (kind === 'site') {
    const rows = await db.query('SELECT 1 FROM locations WHERE org_id = $1 AND id = $2', [orgId, id]);
    return { exists: rows.length > 0, locationIds: [id] };
  }
  const rows = await db.query<{ locationIds: string[] }>(
    `SELECT coalesce((SELECT array_agg(location_id::text) FROM therapist_locations pl WHERE pl.org_id = p.org_id
      AND pl.therapist_id = p.id), '{}') AS "locationIds"
       FROM therapists p WHERE p.org_id = $1 AND p.id = $2`,
    [orgId, id],
  );
  return { exists: rows.length > 0, locationIds: rows[0]?.locationIds ?? [] };
}
