import { ensureServiceRow, findService } from '../../src/services/booking/catalogue.ts';
import { signNote } from '../../src/services/charting/notes.ts';
import { actorOf, draftNote, intakeDocument, tickingContext } from './session-kit.ts';
import { createUser } from '../../src/services/users.ts';
import type { Database } from '../../src/store/database.ts';
import { seedScreenedIntake } from './session-seed.ts';
import type { World } from './world.ts';
import { buildCoverage, buildPayer } from './billing-kit.ts';

let counter = 0;

async function id(db: Database, sql: string, params: unknown[]): Promise<string> {
  return (await db.query<{ id: string }>(sql, params))[0]!.id;
}

/** A second record of the world's patient A (same name and birth date) at site A, treated by therapists A and B. */
export async function duplicateOfA(db: Database, world: World): Promise<string> {
  const [a] = await db.query<{ given_name: string; family_name: string }>(
    'SELECT given_name, family_name FROM patients WHERE id = $1',
    [world.patients.a],
  );
  const dup = await id(
    db,
    `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, phone, preferred_location_id)
     VALUES ($1, $2, $3, '1980-02-03', 'female', '+1 (971) 555-0177', $4) RETURNING id`,
    [world.orgId, a!.given_name, a!.family_name, world.sites.a],
  );
  await db.query(
    `INSERT INTO care_relationships (org_id, patient_id, therapist_id, started_on)
      VALUES ($1, $2, $3, '2026-01-05'), ($1, $2, $4, '2026-02-01')`,
    [world.orgId, dup, world.therapists.a, world.therapists.b],
  );
  // Registered at site B too (its desk saw the record there); the survivor inherits the registration.
  await db.query(
    `INSERT INTO patient_sites (org_id, patient_id, location_id, registered_at, reason)
      VALUES ($1, $2, $3, '2026-02-01T17:00:00Z', 'Seen at site B')`,
    [world.orgId, dup, world.sites.b],
  );
  return dup;
}

/** A visit of `patientId` with therapist A (or `therapistId`) at site A over `[start, end)`. */
export async function visit(
  db: Database,
  world: World,
  patientId: string,
  start: string,
  end: string,
  therapistId = world.therapists.a,
): Promise<string> {
  const service = (await findService(db, world.orgId, 'nmt-followup-60'))!;
  await ensureServiceRow(db, world.orgId, service);
  return id(
    db,
    `INSERT INTO appointments (org_id, patient_id, therapist_id, location_id, service_code, during, blocks)
     VALUES ($1, $2, $3, $4, 'nmt-followup-60', tstzrange($5, $6), tstzrange($5, $6)) RETURNING id`,
    [world.orgId, patientId, therapistId, world.sites.a, start, end],
  );
}

/**
 * Something in every table that holds a patient id, for `dup`: visits, waitlist and a hold, a
 * message, a letter with its clearance, a task, an assessment, a plan, a signed and a draft note
 * with home care, a measure, a portal sign-in, two intake versions with screening and an override,
 * and a draft. Intake versions are dated around the survivor's so renumbering can be checked.
 */
export async function chartEverything(db: Database, world: World, dup: string): Promise<void> {
  const { orgId } = world;
  const admin = world.users.admin.id;
  const n = ++counter;
  const appointment = await visit(
    db,
    world,
    dup,
    `2026-12-0${1 + (n % 8)}T17:00:00Z`,
    `2026-12-0${1 + (n % 8)}T18:00:00Z`,
  );
  const entry = await id(
    db,
    `INSERT INTO waitlist_entries (org_id, patient_id, service_code, location_ids, earliest, latest)
      VALUES ($1, $2, 'nmt-followup-60', $3, '2026-12-01', '2026-12-20') RETURNING id`,
    [orgId, dup, [world.sites.a]],
  );
  await db.query(
    `INSERT INTO holds (org_id, waitlist_entry_id, patient_id, therapist_id, location_id, service_code, during,
      blocks, expires_at, status)
     VALUES ($1, $2, $3, $4, $5, 'nmt-followup-60', tstzrange('2027-01-04T17:00Z', '2027-01-04T18:00Z'),
     tstzrange('2027-01-04T17:00Z', '2027-01-04T18:00Z'), '2026-11-21T00:00Z', 'expired')`,
    [orgId, entry, dup, world.therapists.a, world.sites.a],
  );
  await db.query(
    `INSERT INTO outbox_messages (org_id, kind, appointment_id, patient_id, to_address, subject, text, send_at,
      message_id, dedupe_key)
     VALUES ($1, 'confirmation', $2, $3, 'dup@example.test', 'Your visit', 'See you soon', now(), $4, $4)`,
    [orgId, appointment, dup, `<merge-${n}-${dup}@test>`],
  );
  const letter = await id(
    db,
    `INSERT INTO files (org_id, patient_id, filename, content_type, size, sha256, data, uploaded_by, uploaded_at)
     VALUES ($1, $2, 'letter.pdf', 'application/pdf', 9, repeat('b', 64), convert_to('%PDF-1.4\n', 'UTF8'), $3, now())
     RETURNING id`,
    [orgId, dup, admin],
  );
  await seedScreenedIntake(db, orgId, dup, admin, intakeDocument('clear'), new Date('2026-10-01T10:00:00Z'));
  await seedScreenedIntake(db, orgId, dup, admin, intakeDocument('contraindicated'), new Date('2026-11-10T10:00:00Z'));
  await db.query(
    `INSERT INTO gate_overrides (org_id, patient_id, intake_version, reason, decided_by, decided_role, decided_at)
      VALUES ($1, $2, 2, 'Re-taken: 36.9 C', $3, 'manager', now())`,
    [orgId, dup, admin],
  );
  await db.query(
    `INSERT INTO intake_responses (org_id, patient_id, status, answers, submitted_by, submitted_role, submitted_at)
      VALUES ($1, $2, 'in-progress', '{}', $3, 'patient', '2026-11-15T10:00Z')`,
    [orgId, dup, admin],
  );
  await db.query(
    `INSERT INTO clearances (org_id, patient_id, physician, cleared_on, scope, file_id, covers, intake_version,
      recorded_by, recorded_at)
     VALUES ($1, $2, 'Dr. Rivera', '2026-10-02', 'Massage cleared', $3, '{}', 1, $4, now())`,
    [orgId, dup, letter, admin],
  );
  await db.query(
    `INSERT INTO clinical_tasks (org_id, patient_id, kind, reason, intake_version, created_at, created_by)
      VALUES ($1, $2, 'physician-clearance', 'Fever', 2, now(), $3)`,
    [orgId, dup, admin],
  );
  await db.query(
    `INSERT INTO assessments (org_id, patient_id, appointment_id, assessed_on, therapist_id, findings, created_by,
      created_at, updated_by, updated_at)
     VALUES ($1, $2, $3, '2026-11-20', $4, '{"painMap":[],"rom":[],"triggerPoints":[]}', $5, now(), $5, now())`,
    [orgId, dup, appointment, world.therapists.a, world.users.therapist.id],
  );
  await db.query(
    `INSERT INTO treatment_plans (org_id, patient_id, plan, therapist_id, location_id, created_by, created_at,
      updated_by, updated_at)
     VALUES ($1, $2, '{}', $3, $4, $5, now(), $5, now())`,
    [orgId, dup, world.therapists.a, world.sites.a, world.users.therapist.id],
  );
  const signed = await draftNote(db, world, dup, 'Signed before the merge');
  await signNote(tickingContext(db), actorOf(world, 'therapist'), signed);
  const draft = await draftNote(db, world, dup, 'Still a draft');
  await db.query(
    `INSERT INTO home_care_plans (org_id, session_note_id, patient_id, content, generated_by, generated_at)
      VALUES ($1, $2, $3, '{}', $4, now())`,
    [orgId, draft, dup, world.users.therapist.id],
  );
  await db.query(
    `INSERT INTO measure_responses (org_id, patient_id, measure, answers, score, taken_at, session_note_id,
      entered_by, entered_role)
     VALUES ($1, $2, 'nprs', '[6]', 6, now(), $3, $4, 'therapist')`,
    [orgId, dup, signed, world.users.therapist.id],
  );
  await createUser(db, {
    orgId,
    email: `dup-${n}-${dup.slice(0, 8)}@example.test`,
    displayName: 'Alice (second sign-in)',
    role: 'patient',
    password: 'a-long-patient-password',
    patientId: dup,
  });
  await buildCoverage(db, orgId, dup, await buildPayer(db, orgId, `Merge Health ${n}`));
}

/** Every (table, column) that refers to a patient: columns named patient_id and foreign keys to patients. */
export async function patientReferences(db: Database): Promise<{ table: string; column: string }[]> {
  const named = await db.query<{ table: string; column: string }>(
    `SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name = 'patient_id'`,
  );
  const keyed = await db.query<{ table: string; column: string }>(
    `SELECT cl.relname AS "table", a.attname AS "column"
       FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
      WHERE k.contype = 'f' AND k.confrelid = 'patients'::regclass AND a.attname <> 'org_id'`,
  );
  const all = new Map([...named, ...keyed].map((r) => [`${r.table}.${r.column}`, r]));
  return [...all.values()].sort((x, y) => `${x.table}.${x.column}`.localeCompare(`${y.table}.${y.column}`));
}
