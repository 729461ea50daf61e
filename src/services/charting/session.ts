import { sqlState, SQLSTATE } from '../../store/database.ts';
import * as notes from '../../store/repos/sessions/notes.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { lockDraft, requireNote, requirePatient } from './session-access.ts';
import { billingOf, presentNote, unitRuleOf, type SessionNote } from './session-present.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { checkVisit, visitStarts } from './visit.ts';

export type { SessionNote } from './session-present.ts';

export interface NoteInput {
  appointmentId?: string | null;
  subjective: notes.Subjective;
  objective: notes.Objective;
  assessment?: string | null;
  plan?: string | null;
  cptMinutes: notes.CptMinutes[];
}

const noteRecord = (id: string) => ({ recordType: 'session_note', recordId: id });

/** Opens the note of a visit (or a walk-in) for a patient in the therapist's care. */
export async function createNote(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: NoteInput,
  once?: Once,
): Promise<SessionNote> {
  const { facts } = await requirePatient(ctx.db, actor, patientId, 'session-note.write', 'session-note.create');
  if (!actor.therapistId) throw new ForbiddenError('Only a therapist can chart a session.');
  const therapistId = actor.therapistId;
  const appointmentId = input.appointmentId ?? null;
  if (appointmentId) await checkVisit(ctx, actor, patientId, appointmentId);
  billingOf(input.cptMinutes, await unitRuleOf(ctx.db, actor.orgId));
  const now = ctx.now();
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const note = await notes.insertNote(
        tx,
        actor.orgId,
        {
          patientId,
          appointmentId,
          therapistId,
          createdBy: actor.userId,
          subjective: input.subjective,
          objective: input.objective,
          assessment: input.assessment ?? null,
          plan: input.plan ?? null,
          cptMinutes: input.cptMinutes,
        },
        now,
      );
      await audit(tx, actor, [{ action: 'session-note.create', patientId, ...noteRecord(note.id) }]);
      if (appointmentId) await visitStarts(tx, actor, appointmentId, ctx.now());
      return presentNote(tx, note, { actor, patient: facts.patient });
    });
  } catch (err) {
    if (sqlState(err) === SQLSTATE.uniqueViolation)
      throw new ConflictError('appointmentId', 'This visit already has a session note.');
    throw err;
  }
}

export async function getNote(ctx: ServiceContext, actor: Actor, noteId: string): Promise<SessionNote> {
  const { note, facts } = await requireNote(ctx.db, actor, noteId, 'session-note.read', 'session-note.read');
  await audit(ctx.db, actor, [{ action: 'session-note.read', patientId: note.patientId, ...noteRecord(note.id) }]);
  return presentNote(ctx.db, note, { actor, patient: facts.patient });
}

export async function listPatientNotes(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<{ notes: SessionNote[] }> {
  const { facts } = await requirePatient(ctx.db, actor, patientId, 'session-note.read', 'session-note.list');
  const rows = await notes.listNotes(ctx.db, actor.orgId, patientId);
  await audit(ctx.db, actor, [
    {
      action: 'session-note.list',
      patientId,
      recordType: 'patient',
      recordId: patientId,
      detail: { count: rows.length },
    },
  ]);
  const presented: SessionNote[] = [];
  for (const row of rows) presented.push(await presentNote(ctx.db, row, { actor, patient: facts.patient }));
  return { notes: presented };
}

export type NoteChanges = Partial<Omit<NoteInput, 'appointmentId'>>;

/** Edits a draft; a signed note is `note_signed` (409), a stale `version` a conflict. */
export async function updateNote(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  version: number,
  changes: NoteChanges,
): Promise<SessionNote> {
  const { facts } = await requireNote(ctx.db, actor, noteId, 'session-note.write', 'session-note.update');
  const rule = await unitRuleOf(ctx.db, actor.orgId);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const current = await lockDraft(tx, actor.orgId, noteId);
    const next: notes.NoteContent = {
      subjective: changes.subjective ?? current.subjective,
      objective: changes.objective ?? current.objective,
      assessment: changes.assessment === undefined ? current.assessment : changes.assessment,
      plan: changes.plan === undefined ? current.plan : changes.plan,
      cptMinutes: changes.cptMinutes ?? current.cptMinutes,
    };
    billingOf(next.cptMinutes, rule);
    const updated = await notes.updateDraft(tx, actor.orgId, noteId, version, next, now);
    if (!updated)
      throw new ConflictError('version', 'Someone else changed this note since you opened it. Reload and try again.');
    await audit(tx, actor, [
      {
        action: 'session-note.update',
        patientId: updated.patientId,
        ...noteRecord(noteId),
        detail: { fields: Object.keys(changes).sort() },
      },
    ]);
    return presentNote(tx, updated, { actor, patient: facts.patient });
  });
}
