import type { Queryable } from '../../src/store/database.ts';

/**
 * Test seeding only: a submitted intake version and its stored screening row, written directly so
 * session tests can put a patient behind any gate without going through the intake API.
 * The gate re-screens the stored answers, so `decision` here is only the stored label.
 */
export async function seedScreenedIntake(
  db: Queryable,
  orgId: string,
  patientId: string,
  userId: string,
  document: Record<string, unknown>,
  at: Date,
): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    `INSERT INTO intake_responses (org_id, patient_id, version, status, answers, submitted_by, submitted_role,
      submitted_at)
     VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM intake_responses WHERE org_id = $1 AND patient_id = $2),
             'completed', $3, $4, 'patient', $5) RETURNING version`,
    [orgId, patientId, JSON.stringify(document), userId, at],
  );
  await db.query(
    `INSERT INTO screening_results (org_id, patient_id, intake_version, decision, result, screened_for, screened_at,
      screened_by)
     VALUES ($1, $2, $3, 'clear', '{}', $4, $5, $6)`,
    [orgId, patientId, row!.version, at.toISOString().slice(0, 10), at, userId],
  );
  return row!.version;
}

/** Test seeding only: a patient at a site in a care relationship with a therapist. */
export async function seedTreatedPatient(
  db: Queryable,
  orgId: string,
  locationId: string,
  therapistId: string,
  familyName: string,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, preferred_location_id)
     VALUES ($1, 'Gina', $2, '1984-03-03', 'female', $3) RETURNING id`,
    [orgId, familyName, locationId],
  );
  await db.query('INSERT INTO care_relationships (org_id, patient_id, therapist_id) VALUES ($1, $2, $3)', [
    orgId,
    row!.id,
    therapistId,
  ]);
  return row!.id;
}
