import type { Queryable } from '../../src/store/database.ts';

/**
 * Records written straight to the database for tests that need a fact in place without going
 * through its use case. Every builder takes the organisation first (nothing exists outside one),
 * has defaults a test need not spell out, and returns the new row's id.
 */

async function insert(db: Queryable, sql: string, params: unknown[]): Promise<string> {
  const rows = await db.query<{ id: string }>(sql, params);
  return rows[0]!.id;
}

export interface SiteOverrides {
  name?: string;
  slug?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  timeZone?: string;
  /** Opening hours by ISO weekday; none when left out. */
  hours?: Record<number, Array<{ open: string; close: string }>>;
}

export function buildSite(db: Queryable, orgId: string, overrides: SiteOverrides = {}): Promise<string> {
  const slug = overrides.slug ?? (overrides.name ?? 'site').toLowerCase().replace(/\s+/g, '-');
  return insert(
    db,
    `INSERT INTO locations (org_id, name, slug, address_line1, city, state, postal_code, time_zone, hours)
     VALUES ($1, $2, $3, '1 Main St', $4, $5, $6, $7, coalesce($8::jsonb, '{}'::jsonb)) RETURNING id`,
    [
      orgId,
      overrides.name ?? slug,
      slug,
      overrides.city ?? 'Portland',
      overrides.state ?? 'OR',
      overrides.postalCode ?? '97205',
      overrides.timeZone ?? 'America/Los_Angeles',
      overrides.hours ? JSON.stringify(overrides.hours) : null,
    ],
  );
}

export interface TherapistOverrides {
  givenName?: string;
  familyName?: string;
  /** The sites the therapist works at. */
  locationIds?: string[];
}

export async function buildTherapist(
  db: Queryable,
  orgId: string,
  overrides: TherapistOverrides = {},
): Promise<string> {
  const id = await insert(
    db,
    'INSERT INTO therapists (org_id, given_name, family_name) VALUES ($1, $2, $3) RETURNING id',
    [orgId, overrides.givenName ?? 'Tess', overrides.familyName ?? 'Rivera'],
  );
  for (const locationId of overrides.locationIds ?? []) {
    await db.query('INSERT INTO therapist_locations (org_id, therapist_id, location_id) VALUES ($1, $2, $3)', [
      orgId,
      id,
      locationId,
    ]);
  }
  return id;
}

export interface CredentialOverrides {
  kind?: string;
  type?: string;
  issuer?: string;
  number?: string | null;
  issuedOn?: string | null;
  expiresOn?: string | null;
  educationHours?: number | null;
}

/** A therapist's credential; by default an Oregon massage licence with no dates. */
export function buildCredential(
  db: Queryable,
  orgId: string,
  therapistId: string,
  overrides: CredentialOverrides = {},
): Promise<string> {
  return insert(
    db,
    `INSERT INTO credentials (org_id, therapist_id, kind, type, issuer, number, issued_on, expires_on, education_hours)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      orgId,
      therapistId,
      overrides.kind ?? 'licence',
      overrides.type ?? 'LMT',
      overrides.issuer ?? 'OR',
      overrides.number ?? null,
      overrides.issuedOn ?? null,
      overrides.expiresOn ?? null,
      overrides.educationHours ?? null,
    ],
  );
}

export interface PatientOverrides {
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  sexAtBirth?: string;
  genderIdentity?: string | null;
  phone?: string | null;
  email?: string | null;
  communication?: Record<string, unknown> | null;
  preferredLocationId?: string | null;
}

export function buildPatient(db: Queryable, orgId: string, overrides: PatientOverrides = {}): Promise<string> {
  return insert(
    db,
    `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, gender_identity, phone,
      email, preferred_location_id, communication)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::jsonb, '{}'::jsonb)) RETURNING id`,
    [
      orgId,
      overrides.givenName ?? 'Pat',
      overrides.familyName ?? 'Lee',
      overrides.dateOfBirth ?? '1980-02-03',
      overrides.sexAtBirth ?? 'female',
      overrides.genderIdentity ?? null,
      overrides.phone ?? null,
      overrides.email ?? null,
      overrides.preferredLocationId ?? null,
      overrides.communication ? JSON.stringify(overrides.communication) : null,
    ],
  );
}

export interface ServiceOverrides {
  code?: string;
  name?: string;
  discipline?: string;
  durationMinutes?: number;
}

/** A bookable service; by default the 60-minute NMT follow-up. Adding one the organisation has is a no-op. */
export async function buildService(db: Queryable, orgId: string, overrides: ServiceOverrides = {}): Promise<void> {
  await db.query(
    `INSERT INTO services (org_id, code, name, discipline, duration_minutes) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT DO NOTHING`,
    [
      orgId,
      overrides.code ?? 'nmt-followup-60',
      overrides.name ?? 'NMT follow-up (60 min)',
      overrides.discipline ?? 'nmt',
      overrides.durationMinutes ?? 60,
    ],
  );
}

export interface AppointmentFacts {
  patientId: string;
  therapistId: string;
  locationId: string;
  start: Date | string;
  serviceCode?: string;
  /** The visit's length; 60 minutes when left out. */
  minutes?: number;
  /** Time the room and therapist stay blocked after the visit (turnover). */
  bufferMinutes?: number;
  status?: string;
  roomId?: string | null;
}

/** An appointment written directly, past the booking rules: for visits a test needs to exist already. */
export function buildAppointment(db: Queryable, orgId: string, facts: AppointmentFacts): Promise<string> {
  return insert(
    db,
    `INSERT INTO appointments (org_id, patient_id, therapist_id, location_id, room_id, service_code, status, during,
      blocks)
     VALUES ($1, $2, $3, $4, $5, $6, $7,
             tstzrange($8::timestamptz, $8::timestamptz + make_interval(mins => $9::int)),
             tstzrange($8::timestamptz, $8::timestamptz + make_interval(mins => $9::int + $10::int))) RETURNING id`,
    [
      orgId,
      facts.patientId,
      facts.therapistId,
      facts.locationId,
      facts.roomId ?? null,
      facts.serviceCode ?? 'nmt-followup-60',
      facts.status ?? 'booked',
      typeof facts.start === 'string' ? facts.start : facts.start.toISOString(),
      facts.minutes ?? 60,
      facts.bufferMinutes ?? 0,
    ],
  );
}

export interface PlanFacts {
  patientId: string;
  therapistId: string;
  locationId: string;
  /** The plan document as the plans API stores it. */
  plan: Record<string, unknown>;
  /** The staff user who wrote it. */
  createdBy: string;
  status?: string;
  at?: Date;
}

/** A treatment plan written directly (a draft unless told), dated now by the database unless `at` is given. */
export function buildPlan(db: Queryable, orgId: string, facts: PlanFacts): Promise<string> {
  return insert(
    db,
    `INSERT INTO treatment_plans (org_id, patient_id, status, plan, therapist_id, location_id, created_by, created_at,
      updated_by, updated_at)
     VALUES ($1, $2, coalesce($3, 'draft'), $4::jsonb, $5, $6, $7, coalesce($8::timestamptz, now()), $7,
     coalesce($8::timestamptz, now())) RETURNING id`,
    [
      orgId,
      facts.patientId,
      facts.status ?? null,
      JSON.stringify(facts.plan),
      facts.therapistId,
      facts.locationId,
      facts.createdBy,
      facts.at ?? null,
    ],
  );
}
