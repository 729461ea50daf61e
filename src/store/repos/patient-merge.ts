import type { Queryable } from '../database.ts';

/**
 * Every table that holds a patient id, and what a merge does with its rows. A table added later
 * with a patient id must be named here (a test reads the schema and fails otherwise).
 */
export const MERGE_PLAN = {
  /** Rows change hands as they are. */
  moved: [
    'appointments',
    'waitlist_entries',
    'holds',
    'outbox_messages',
    'files',
    'clearances',
    'clinical_tasks',
    'assessments',
    'treatment_plans',
    'session_notes',
    'measure_responses',
    'home_care_plans',
    'users',
    'relief_checkins',
  ],
  /**
   * Moved by their own rules below: merged relationships, renumbered intake versions (screening follows by cascade);
   * outcome rows are rebuilt for both records by the merge service once the chart has moved.
   */
  special: [
    'care_relationships',
    'patient_sites',
    'intake_responses',
    'screening_results',
    'gate_overrides',
    'outcome_episodes',
    'coverages',
  ],
  /**
   * History stays as it happened: the log of who opened the duplicate record keeps naming it, money
   * stays on the record it was posted to (the ledger is append-only; a balance moves by a posting), and a
   * public sign-up keeps naming the record it created.
   */
  kept: ['audit_events', 'charges', 'ledger_entries', 'ledger_lines', 'payments', 'claims', 'patient_sign_ups'],
} as const;

/** Columns other than `patient_id` that point at a patient: the tombstone's own link. */
export const OTHER_PATIENT_REFERENCES = [{ table: 'patients', column: 'merged_into' }] as const;

/** Rows of one patient locked for the merge; a tombstone says where it went. */
export interface MergeSide {
  id: string;
  mergedInto: string | null;
  preferredLocationId: string | null;
}

export async function lockPatients(db: Queryable, orgId: string, ids: string[]): Promise<MergeSide[]> {
  return db.query<MergeSide>(
    `SELECT p.id, p.merged_into AS "mergedInto", p.preferred_location_id AS "preferredLocationId"
       FROM patients p WHERE p.org_id = $1 AND p.id = ANY($2::uuid[]) ORDER BY p.id FOR UPDATE`,
    [orgId, ids],
  );
}

export interface VisitClash {
  survivorAppointmentId: string;
  duplicateAppointmentId: string;
  start: Date;
}

/** Booked visits of the two records at the same time: one person cannot be at both. */
export async function clashingVisits(
  db: Queryable,
  orgId: string,
  survivorId: string,
  duplicateId: string,
): Promise<VisitClash[]> {
  return db.query<VisitClash>(
    `SELECT s.id AS "survivorAppointmentId", d.id AS "duplicateAppointmentId", lower(d.during) AS start
       FROM appointments s JOIN appointments d ON d.org_id = s.org_id AND d.patient_id = $3 AND d.occupies
       AND d.during && s.during
      WHERE s.org_id = $1 AND s.patient_id = $2 AND s.occupies
      ORDER BY lower(d.during)`,
    [orgId, survivorId, duplicateId],
  );
}

async function moveRows(db: Queryable, table: string, orgId: string, from: string, to: string): Promise<number> {
  const rows = await db.query(`UPDATE ${table} SET patient_id = $3 WHERE org_id = $1 AND patient_id = $2 RETURNING 1`, [
    orgId,
    from,
    to,
  ]);
  return rows.length;
}

/** A therapist who treated both keeps one relationship: from the earlier start, open if either is. */
async function mergeCareRelationships(db: Queryable, orgId: string, from: string, to: string): Promise<number> {
  await db.query(
    `UPDATE care_relationships s
        SET started_on = least(s.started_on, d.started_on),
            ended_on = CASE WHEN s.ended_on IS NULL
            OR d.ended_on IS NULL THEN NULL ELSE greatest(s.ended_on, d.ended_on) END
       FROM care_relationships d
      WHERE s.org_id = $1 AND s.patient_id = $3 AND d.org_id = $1 AND d.patient_id = $2
      AND d.therapist_id = s.therapist_id`,
    [orgId, from, to],
  );
  const joined = await db.query(
    `DELETE FROM care_relationships d
      WHERE d.org_id = $1 AND d.patient_id = $2
        AND EXISTS (SELECT 1 FROM care_relationships s WHERE s.org_id = $1 AND s.patient_id = $3
        AND s.therapist_id = d.therapist_id)
      RETURNING 1`,
    [orgId, from, to],
  );
  return joined.length + (await moveRows(db, 'care_relationships', orgId, from, to));
}

/** The survivor is registered wherever either record was; the duplicate's registrations go with it. */
async function mergeSites(db: Queryable, orgId: string, from: string, to: string): Promise<number> {
  await db.query(
    `INSERT INTO patient_sites (org_id, patient_id, location_id, registered_at, registered_by, reason)
     SELECT d.org_id, $3, d.location_id, d.registered_at, d.registered_by, d.reason
       FROM patient_sites d WHERE d.org_id = $1 AND d.patient_id = $2
     ON CONFLICT (org_id, patient_id, location_id) DO NOTHING`,
    [orgId, from, to],
  );
  const rows = await db.query('DELETE FROM patient_sites WHERE org_id = $1 AND patient_id = $2 RETURNING 1', [
    orgId,
    from,
  ]);
  return rows.length;
}

/**
 * Coverages move with the chart. One in force in an order the survivor already fills (two primaries)
 * moves as ended, kept on file for the desk to review, so the survivor's coverage keeps billing.
 */
async function mergeCoverages(db: Queryable, orgId: string, from: string, to: string, now: Date): Promise<number> {
  await db.query(
    `UPDATE coverages d SET ended_at = $4, version = d.version + 1, updated_at = $4
      WHERE d.org_id = $1 AND d.patient_id = $2 AND d.ended_at IS NULL
        AND EXISTS (SELECT 1 FROM coverages s WHERE s.org_id = $1 AND s.patient_id = $3 AND s.ended_at IS NULL
                      AND s.coverage_order = d.coverage_order)`,
    [orgId, from, to, now],
  );
  return moveRows(db, 'coverages', orgId, from, to);
}

interface IntakeVersionRow {
  id: string;
  patientId: string;
  version: number;
}

/**
 * Submitted intake versions of both records, renumbered 1, 2, … by when they were submitted, so the
 * latest answers are the current ones whichever record they came from. Two passes (out of the way,
 * then into place) because versions are unique per patient at every step. The draft kept is the
 * one saved last.
 */
async function mergeIntake(
  db: Queryable,
  orgId: string,
  from: string,
  to: string,
): Promise<{ versions: number; draftsDropped: number }> {
  const drafts = await db.query<{ id: string; patientId: string }>(
    `SELECT id, patient_id AS "patientId" FROM intake_responses
      WHERE org_id = $1 AND patient_id = ANY($2::uuid[]) AND status = 'in-progress' ORDER BY submitted_at DESC, id`,
    [orgId, [from, to]],
  );
  const stale = drafts.slice(1).map((d) => d.id);
  if (stale.length > 0)
    await db.query('DELETE FROM intake_responses WHERE org_id = $1 AND id = ANY($2::uuid[])', [orgId, stale]);
  if (drafts[0]?.patientId === from)
    await db.query('UPDATE intake_responses SET patient_id = $3 WHERE org_id = $1 AND id = $2', [
      orgId,
      drafts[0].id,
      to,
    ]);

  const versions = await db.query<IntakeVersionRow>(
    `SELECT id, patient_id AS "patientId", version FROM intake_responses
      WHERE org_id = $1 AND patient_id = ANY($2::uuid[]) AND status = 'completed'
      ORDER BY submitted_at, (patient_id = $3) DESC, version`,
    [orgId, [from, to], to],
  );
  const renumbered = versions.map((v, i) => ({ ...v, next: i + 1 }));
  // Clearances and clinical tasks name the version they answered; they follow it (no key to cascade).
  for (const table of ['clearances', 'clinical_tasks']) {
    await db.query(
      `UPDATE ${table} t SET intake_version = m.next
         FROM unnest($2::uuid[], $3::int[], $4::int[]) AS m(patient_id, version, next)
        WHERE t.org_id = $1 AND t.patient_id = m.patient_id AND t.intake_version = m.version`,
      [orgId, renumbered.map((v) => v.patientId), renumbered.map((v) => v.version), renumbered.map((v) => v.next)],
    );
  }
  const OFFSET = 1_000_000;
  await db.query(
    `UPDATE intake_responses SET version = version + ${OFFSET} WHERE org_id = $1 AND id = ANY($2::uuid[])`,
    [orgId, versions.map((v) => v.id)],
  );
  await db.query(
    `UPDATE intake_responses r SET patient_id = $2, version = m.next
       FROM unnest($3::uuid[], $4::int[]) AS m(id, next)
      WHERE r.org_id = $1 AND r.id = m.id`,
    [orgId, to, renumbered.map((v) => v.id), renumbered.map((v) => v.next)],
  );
  return { versions: versions.filter((v) => v.patientId === from).length, draftsDropped: stale.length };
}

export type MovedCounts = Record<string, number>;

/**
 * Moves everything of `from` to `to` and leaves `from` as a tombstone. Runs inside the caller's
 * transaction, which must have locked both rows; the flag lets the locked records move.
 */
export async function mergeInto(
  db: Queryable,
  orgId: string,
  from: string,
  to: string,
  by: string,
  now: Date,
): Promise<MovedCounts> {
  await db.query(`SELECT set_config('knotwork.merging', 'on', true)`);
  const moved: MovedCounts = {};
  const intake = await mergeIntake(db, orgId, from, to);
  moved.intake_responses = intake.versions;
  if (intake.draftsDropped > 0) moved.intake_drafts_dropped = intake.draftsDropped;
  moved.care_relationships = await mergeCareRelationships(db, orgId, from, to);
  moved.patient_sites = await mergeSites(db, orgId, from, to);
  moved.coverages = await mergeCoverages(db, orgId, from, to, now);
  for (const table of MERGE_PLAN.moved) moved[table] = await moveRows(db, table, orgId, from, to);
  await db.query(
    `UPDATE patients SET merged_into = $3, merged_at = $4, merged_by = $5, version = version + 1, updated_at = $4
      WHERE org_id = $1 AND id = $2`,
    [orgId, from, to, now, by],
  );
  await db.query(`SELECT set_config('knotwork.merging', 'off', true)`);
  return Object.fromEntries(Object.entries(moved).filter(([, n]) => n > 0));
}
