import type { Queryable } from '../../database.ts';
import { parameters } from '../../statement-parts.ts';
import { AUDIT_COLUMNS, auditRowsFrom, auditRowsJson, type AuditEventInput } from '../audit.ts';
import { keptCte, type KeyToKeep } from '../idempotency.ts';
import type { RangeOfMotion } from './notes.ts';

export interface StepFlag {
  level: 'info' | 'warning' | 'stop';
  code: string;
  message: string;
  field?: string;
}

export interface StepFields {
  muscle: string;
  triggerPoint: string | null;
  side: 'left' | 'right' | 'midline';
  region: string;
  technique: string;
  durationSeconds: number | null;
  holdSeconds: number | null;
  painRating: number | null;
  layer: 'superficial' | 'middle' | 'deep' | null;
  releaseAchieved: boolean | null;
}

export interface StepRow extends StepFields {
  id: string;
  sessionNoteId: string;
  seq: number;
  flags: StepFlag[];
  stop: boolean;
  recordedBy: string;
  recordedAt: Date;
}

const COLUMNS = `s.id, s.session_note_id AS "sessionNoteId", s.seq, s.muscle, s.trigger_point AS "triggerPoint",
  s.side, s.region,
  s.technique, s.duration_seconds AS "durationSeconds", s.hold_seconds AS "holdSeconds", s.pain_rating AS "painRating",
  s.layer, s.release_achieved AS "releaseAchieved", s.flags, s.stop, s.recorded_by AS "recordedBy",
  s.recorded_at AS "recordedAt"`;

export async function listSteps(db: Queryable, orgId: string, noteId: string): Promise<StepRow[]> {
  return db.query<StepRow>(
    `SELECT ${COLUMNS} FROM treatment_steps s WHERE s.org_id = $1 AND s.session_note_id = $2 ORDER BY s.seq`,
    [orgId, noteId],
  );
}

/**
 * Appends a step with its audit event and, given `key`, the answer kept under the request's key: one
 * statement, so a step costs one round trip for all three. The caller holds the note's row lock and chose
 * the id and the next `seq`. False when the key already held an answer: then nothing is written.
 */
export async function writeStep(
  db: Queryable,
  orgId: string,
  step: StepRow,
  audited: AuditEventInput,
  key: KeyToKeep | undefined,
  now: Date,
): Promise<boolean> {
  const { param, values } = parameters();
  // Each value typed, as a SELECT gives its nulls no column to take a type from.
  const typed: [unknown, string][] = [
    [step.id, 'uuid'],
    [orgId, 'uuid'],
    [step.sessionNoteId, 'uuid'],
    [step.seq, 'int'],
    [step.muscle, 'text'],
    [step.triggerPoint, 'text'],
    [step.side, 'text'],
    [step.region, 'text'],
    [step.technique, 'text'],
    [step.durationSeconds, 'int'],
    [step.holdSeconds, 'int'],
    [step.painRating, 'int'],
    [step.layer, 'text'],
    [step.releaseAchieved, 'boolean'],
    [JSON.stringify(step.flags), 'jsonb'],
    [step.stop, 'boolean'],
    [step.recordedBy, 'uuid'],
    [step.recordedAt, 'timestamptz'],
  ];
  const kept = key ? `${keptCte(param, orgId, key.userId, key.key, key.stored, now)}, ` : '';
  const rows = await db.query<{ id: string }>(
    `WITH ${kept}s AS (
       INSERT INTO treatment_steps (id, org_id, session_note_id, seq, muscle, trigger_point, side, region, technique,
         duration_seconds, hold_seconds, pain_rating, layer, release_achieved, flags, stop, recorded_by, recorded_at)
       SELECT ${typed.map(([value, type]) => `${param(value)}::${type}`).join(', ')}
        WHERE ${key ? 'EXISTS (SELECT 1 FROM kept)' : 'true'}
       RETURNING id
     ), logged AS (
       INSERT INTO audit_events (${AUDIT_COLUMNS}) ${auditRowsFrom(param(auditRowsJson([audited])))}
        WHERE EXISTS (SELECT 1 FROM s)
     )
     SELECT id FROM s`,
    values,
  );
  return rows.length > 0;
}

/** Muscles treated in a note, in the order first treated. */
export async function treatedMuscles(db: Queryable, orgId: string, noteId: string): Promise<string[]> {
  const rows = await db.query<{ muscle: string }>(
    `SELECT muscle FROM treatment_steps WHERE org_id = $1 AND session_note_id = $2 GROUP BY muscle ORDER BY min(seq)`,
    [orgId, noteId],
  );
  return rows.map((r) => r.muscle);
}

/** Every region a patient was treated on, for picking the regional outcome measure. */
export async function treatedRegions(db: Queryable, orgId: string, patientId: string): Promise<string[]> {
  const rows = await db.query<{ region: string }>(
    `SELECT DISTINCT s.region FROM treatment_steps s JOIN session_notes n ON n.org_id = s.org_id
      AND n.id = s.session_note_id
      WHERE s.org_id = $1 AND n.patient_id = $2 ORDER BY s.region`,
    [orgId, patientId],
  );
  return rows.map((r) => r.region);
}

export interface ReassessmentRow {
  sessionNoteId: string;
  painAfter: number;
  rom: RangeOfMotion[];
  recordedBy: string;
  recordedAt: Date;
}

const REASSESSMENT_COLUMNS =
  `session_note_id AS "sessionNoteId", pain_after AS "painAfter", rom, ` +
  `recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

export async function upsertReassessment(
  db: Queryable,
  orgId: string,
  noteId: string,
  r: { painAfter: number; rom: RangeOfMotion[]; recordedBy: string },
  now: Date,
): Promise<ReassessmentRow> {
  const rows = await db.query<ReassessmentRow>(
    `INSERT INTO session_reassessments (org_id, session_note_id, pain_after, rom, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (org_id, session_note_id) DO UPDATE SET pain_after = EXCLUDED.pain_after, rom = EXCLUDED.rom,
       recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
     RETURNING ${REASSESSMENT_COLUMNS}`,
    [orgId, noteId, r.painAfter, JSON.stringify(r.rom), r.recordedBy, now],
  );
  return rows[0]!;
}

export async function findReassessment(db: Queryable, orgId: string, noteId: string): Promise<ReassessmentRow | null> {
  const rows = await db.query<ReassessmentRow>(
    `SELECT ${REASSESSMENT_COLUMNS} FROM session_reassessments WHERE org_id = $1 AND session_note_id = $2`,
    [orgId, noteId],
  );
  return rows[0] ?? null;
}
