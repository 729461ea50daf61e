import type { Queryable } from '../../store/database.ts';
import { findPatient } from '../../store/repos/patients.ts';
import * as notes from '../../store/repos/sessions/notes.ts';
import { audit } from '../audit.ts';
import type { Actor } from '../context.ts';
import { ForbiddenError, NotFoundError, ServiceError } from '../errors.ts';
import { isAllowed, patientFacts, type Action, type PatientFacts } from '../policies.ts';

/**
 * A refusal of the visit's own rules, with a code the tablet can act on: `note_signed` (409),
 * `treatment_blocked`, `region_avoided`, `technique_not_allowed` (422). The HTTP layer reads `status`.
 */
export class ChartingRefusal extends ServiceError {
  constructor(
    code: 'note_signed' | 'treatment_blocked' | 'region_avoided' | 'technique_not_allowed',
    override readonly status: 409 | 422,
    message: string,
    fields?: Record<string, string>,
  ) {
    super(code, message, fields);
  }
}

export function noteSigned(): ChartingRefusal {
  return new ChartingRefusal('note_signed', 409, 'This note is signed and locked. Add an amendment to correct it.');
}

export interface PatientAccess {
  patient: {
    id: string;
    givenName: string;
    familyName: string;
    preferredName: string | null;
    /** The language the patient reads (a BCP 47 tag), for what is handed to them. */
    language?: string;
  };
  facts: { patient: PatientFacts };
}

/** The patient and the facts access depends on; another organisation's patient is "not found". */
export async function patientAccess(db: Queryable, orgId: string, patientId: string): Promise<PatientAccess> {
  const patient = await findPatient(db, orgId, patientId);
  if (!patient) throw new NotFoundError('No such patient.');
  return {
    patient: {
      id: patient.id,
      givenName: patient.givenName,
      familyName: patient.familyName,
      preferredName: patient.preferredName,
      language: patient.communication.language,
    },
    facts: { patient: patientFacts(patient) },
  };
}

/** Records the refused attempt, then refuses: a denial is an access event too. */
export async function refuse(
  db: Queryable,
  actor: Actor,
  action: string,
  patientId: string,
  record?: { type: string; id: string },
): Promise<never> {
  await audit(db, actor, [
    { action, outcome: 'denied', patientId, recordType: record?.type ?? 'patient', recordId: record?.id ?? patientId },
  ]);
  throw new ForbiddenError('You do not have access to this record.');
}

/** Checks `action` on a patient's records; audits and throws when it is not allowed. */
export async function requirePatient(
  db: Queryable,
  actor: Actor,
  patientId: string,
  action: Action,
  auditAction: string,
): Promise<PatientAccess> {
  const access = await patientAccess(db, actor.orgId, patientId);
  if (!isAllowed(actor, action, access.facts)) await refuse(db, actor, auditAction, patientId);
  return access;
}

export interface NoteAccess extends PatientAccess {
  note: notes.NoteRow;
}

/**
 * Loads a note and checks `action` on it, outside any transaction (PGlite runs one statement
 * stream, so a denial audited from inside a transaction that then rolls back would be lost).
 * Writes re-read the note locked inside their transaction: see `lockDraft`.
 */
export async function requireNote(
  db: Queryable,
  actor: Actor,
  noteId: string,
  action: Action,
  auditAction: string,
): Promise<NoteAccess> {
  const note = await notes.findNote(db, actor.orgId, noteId);
  if (!note) throw new NotFoundError('No such session note.');
  const access = await patientAccess(db, actor.orgId, note.patientId);
  const facts = { ...access.facts, noteTherapistId: note.therapistId };
  if (!isAllowed(actor, action, facts))
    await refuse(db, actor, auditAction, note.patientId, { type: 'session_note', id: note.id });
  return { ...access, note };
}

/** Inside a write's transaction: the note, row-locked, refused with `note_signed` once signed. */
export async function lockDraft(tx: Queryable, orgId: string, noteId: string): Promise<notes.NoteRow> {
  const note = await notes.findNote(tx, orgId, noteId, true);
  if (!note) throw new NotFoundError('No such session note.');
  requireDraft(note);
  return note;
}

export function requireDraft(note: notes.NoteRow): void {
  if (note.status === 'signed') throw noteSigned();
}
