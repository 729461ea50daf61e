import type { Queryable } from '../../src/store/database.ts';

/**
 * Test seeding only: the records the FHIR API reads as documents and range-of-motion Observations —
 * a physician's clearance with its letter, an assessment that measured motion, a visit's motion
 * before and after treatment and (when asked) its home-care handout, sent — written directly.
 */
export async function seedFhirChartExtras(
  db: Queryable,
  orgId: string,
  /** Without `noteId`, a draft visit of the patient's own is charted for the motion and the handout. */
  who: { patientId: string; therapistId: string; userId: string; noteId?: string; homeCare?: boolean },
  at: Date,
): Promise<{ clearanceId: string; fileId: string; assessmentId: string }> {
  const [file] = await db.query<{ id: string }>(
    `INSERT INTO files (org_id, patient_id, filename, content_type, size, sha256, data, uploaded_by, uploaded_at)
     VALUES ($1, $2, 'clearance.pdf', 'application/pdf', 9, repeat('c', 64), convert_to('%PDF-1.4\n', 'UTF8'), $3, $4)
     RETURNING id`,
    [orgId, who.patientId, who.userId, at],
  );
  const [clearance] = await db.query<{ id: string }>(
    `INSERT INTO clearances (org_id, patient_id, physician, cleared_on, scope, file_id, covers, intake_version,
      recorded_by, recorded_at)
     VALUES ($1, $2, 'Dr. Rivera', $3, 'Massage cleared', $4, '{}', NULL, $5, $6) RETURNING id`,
    [orgId, who.patientId, at.toISOString().slice(0, 10), file!.id, who.userId, at],
  );
  const rom = [
    {
      joint: 'cervical',
      motion: 'rotation',
      side: 'left',
      degrees: 40,
      normal: 60,
      percentOfNormal: 66.7,
      painOnMotion: true,
    },
    { joint: 'thoracic', motion: 'rotation', degrees: 30, normal: 35, percentOfNormal: 85.7, painOnMotion: false },
  ];
  const [assessment] = await db.query<{ id: string }>(
    `INSERT INTO assessments (org_id, patient_id, assessed_on, therapist_id, findings, created_by, created_at,
      updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7) RETURNING id`,
    [
      orgId,
      who.patientId,
      at.toISOString().slice(0, 10),
      who.therapistId,
      JSON.stringify({ painMap: [], rom, triggerPoints: [] }),
      who.userId,
      at,
    ],
  );
  const beforeTreatment = { rom: [{ joint: 'cervical', motion: 'rotation', side: 'left', degrees: 45 }] };
  let noteId = who.noteId;
  if (noteId)
    await db.query(`UPDATE session_notes SET objective = objective || $3::jsonb WHERE org_id = $1 AND id = $2`, [
      orgId,
      noteId,
      JSON.stringify(beforeTreatment),
    ]);
  else {
    // A signed note is never changed, so a visit of its own (a walk-in, still a draft) carries the motion.
    const [note] = await db.query<{ id: string }>(
      `INSERT INTO session_notes (org_id, patient_id, therapist_id, objective, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [orgId, who.patientId, who.therapistId, JSON.stringify(beforeTreatment), who.userId, at],
    );
    noteId = note!.id;
  }
  await db.query(
    `INSERT INTO session_reassessments (org_id, session_note_id, pain_after, rom, recorded_by, recorded_at)
     VALUES ($1, $2, 3, $3, $4, $5)`,
    [
      orgId,
      noteId,
      JSON.stringify([{ joint: 'cervical', motion: 'rotation', side: 'left', degrees: 55 }]),
      who.userId,
      at,
    ],
  );
  if (who.homeCare)
    await db.query(
      `INSERT INTO home_care_plans (org_id, session_note_id, patient_id, content, generated_by, generated_at, sent_at,
        sent_by)
       VALUES ($1, $2, $3, '{}', $4, $5, $5, $4)`,
      [orgId, noteId, who.patientId, who.userId, at],
    );
  return { clearanceId: clearance!.id, fileId: file!.id, assessmentId: assessment!.id };
}
