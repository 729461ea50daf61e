import * as notes from '../../store/repos/sessions/notes.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import { lockDraft, refuse, requireNote } from './session-access.ts';
import { billingOf, presentNote, unitRuleOf, type SessionNote } from './session-present.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { visitCompleted } from './visit.ts';
import { refreshPatientOutcomes } from '../outcomes/refresh.ts';
import { scheduleReliefCheckIn } from '../outcomes/relief.ts';
import { proposeOnSigning } from '../billing/charges.ts';

/** Signs a draft: only the treating therapist may; from then on the note is locked (`note_signed`). */
export async function signNote(ctx: ServiceContext, actor: Actor, noteId: string): Promise<SessionNote> {
  const { note, facts } = await requireNote(ctx.db, actor, noteId, 'session-note.sign', 'session-note.sign');
  // A note is signed by its therapist's own sign-in, never by another account naming the same record.
  if (!(await notes.isOwnSignIn(ctx.db, actor.orgId, actor.userId, note.therapistId))) {
    await refuse(ctx.db, actor, 'session-note.sign', note.patientId, { type: 'session_note', id: note.id });
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await lockDraft(tx, actor.orgId, noteId);
    const signed = await notes.signNote(tx, actor.orgId, noteId, actor.userId, now);
    // The draft is locked and still a draft: only a sign-in other than the therapist's own is left.
    if (!signed) throw new ForbiddenError('Only the treating therapist’s own sign-in can sign this note.');
    await audit(tx, actor, [
      { action: 'session-note.sign', patientId: signed.patientId, recordType: 'session_note', recordId: noteId },
    ]);
    if (signed.appointmentId) await visitCompleted(tx, actor, signed.appointmentId, now);
    await scheduleReliefCheckIn(tx, actor.orgId, signed, now, now);
    await refreshPatientOutcomes(tx, ctx, actor.orgId, signed.patientId);
    await proposeOnSigning(tx, actor, noteId, signed.patientId, now);
    return presentNote(tx, signed, { actor, patient: facts.patient });
  });
}

export interface AmendmentChanges {
  subjective?: notes.Subjective;
  objective?: notes.Objective;
  assessment?: string | null;
  plan?: string | null;
  cptMinutes?: notes.CptMinutes[];
  /** Free text added to the record ("late entry: …"). */
  addendum?: string;
}

/**
 * A correction to a signed note. The signed note is never rewritten (the database refuses it);
 * the amendment keeps what changed and why, and the history shows both.
 */
export async function amendNote(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  input: { reason: string; changes: AmendmentChanges },
  once?: Once,
): Promise<notes.AmendmentRow> {
  const { note } = await requireNote(ctx.db, actor, noteId, 'session-note.write', 'session-note.amend');
  if (note.status !== 'signed')
    throw new ConflictError('status', 'This note is still a draft: edit it instead of amending it.');
  if (Object.keys(input.changes).length === 0)
    throw new ValidationError({ changes: 'Say what the amendment changes.' });
  if (input.changes.cptMinutes) billingOf(input.changes.cptMinutes, await unitRuleOf(ctx.db, actor.orgId));
  return createOnce(ctx, actor, once, async (tx) => {
    const row = await notes.insertAmendment(
      tx,
      actor.orgId,
      {
        sessionNoteId: noteId,
        reason: input.reason,
        changes: input.changes as Record<string, unknown>,
        authorUserId: actor.userId,
        authorRole: actor.role,
      },
      ctx.now(),
    );
    await audit(tx, actor, [
      {
        action: 'session-note.amend',
        patientId: note.patientId,
        recordType: 'session_note',
        recordId: noteId,
        detail: { fields: Object.keys(input.changes).sort() },
      },
    ]);
    return row;
  });
}

export interface NoteHistory {
  /** The note as signed (or the draft as it stands), never rewritten. */
  original: SessionNote;
  amendments: notes.AmendmentRow[];
  /** What the record says now: the original with each amendment's fields applied in order; addenda collected. */
  current: notes.NoteContent & { addenda: string[] };
  events: Array<{ at: Date; what: 'created' | 'signed' | 'amended'; by: string | null; reason?: string }>;
}

export async function noteHistory(ctx: ServiceContext, actor: Actor, noteId: string): Promise<NoteHistory> {
  const { note, facts } = await requireNote(ctx.db, actor, noteId, 'session-note.read', 'session-note.history');
  const [original, amendments, createdBy, signedBy] = await Promise.all([
    presentNote(ctx.db, note, { actor, patient: facts.patient }),
    notes.listAmendments(ctx.db, actor.orgId, noteId),
    notes.userName(ctx.db, actor.orgId, note.createdBy),
    notes.userName(ctx.db, actor.orgId, note.signedBy),
  ]);
  const current: NoteHistory['current'] = {
    subjective: note.subjective,
    objective: note.objective,
    assessment: note.assessment,
    plan: note.plan,
    cptMinutes: note.cptMinutes,
    addenda: [],
  };
  for (const a of amendments) {
    const { addendum, ...fields } = a.changes as AmendmentChanges;
    Object.assign(current, fields);
    if (addendum) current.addenda.push(addendum);
  }
  const events: NoteHistory['events'] = [{ at: note.createdAt, what: 'created', by: createdBy }];
  if (note.signedAt) events.push({ at: note.signedAt, what: 'signed', by: signedBy });
  for (const a of amendments) events.push({ at: a.amendedAt, what: 'amended', by: a.authorName, reason: a.reason });
  await audit(ctx.db, actor, [
    { action: 'session-note.history', patientId: note.patientId, recordType: 'session_note', recordId: noteId },
  ]);
  return { original, amendments, current, events };
}
