/**
 * A session note belongs to its visit: opening the note from an appointment starts the visit
 * (in session), and signing the note completes it. Each move is audited like one made by hand.
 */
import type { Queryable } from '../../store/database.ts';
import * as appointments from '../../store/repos/appointments.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ValidationError } from '../errors.ts';

const MISSED: readonly appointments.AppointmentStatus[] = ['cancelled', 'late_cancel', 'no_show'];

/** The visit a new note is for: this patient's, with this therapist, and not cancelled or missed. */
export async function checkVisit(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  appointmentId: string,
): Promise<void> {
  const visit = await appointments.findAppointment(ctx.db, actor.orgId, appointmentId);
  if (!visit || visit.patientId !== patientId)
    throw new ValidationError(
      { appointmentId: 'No such appointment for this patient.' },
      'That visit is not one of this patient’s appointments.',
    );
  if (visit.therapistId !== actor.therapistId) {
    throw new ValidationError(
      { appointmentId: 'This visit is booked with another therapist.' },
      'Only the therapist the visit is booked with can open its session note.',
    );
  }
  if (MISSED.includes(visit.status)) {
    throw new ValidationError(
      { appointmentId: 'This visit was cancelled or missed.' },
      'This visit was cancelled or missed, so it has no session. Start a note without a visit instead.',
    );
  }
}

async function moveVisit(
  tx: Queryable,
  actor: Actor,
  appointmentId: string,
  from: readonly appointments.AppointmentStatus[],
  to: appointments.AppointmentStatus,
  because: string,
  now: Date,
): Promise<void> {
  const visit = await appointments.findAppointment(tx, actor.orgId, appointmentId, true);
  if (!visit || !from.includes(visit.status)) return;
  await appointments.setStatus(tx, actor.orgId, appointmentId, to, null, now);
  await audit(tx, actor, [
    {
      action: 'appointment.status',
      patientId: visit.patientId,
      recordType: 'appointment',
      recordId: appointmentId,
      detail: { from: visit.status, to, because },
    },
  ]);
}

/** The note is open: a booked or arrived visit is now in session. */
export function visitStarts(tx: Queryable, actor: Actor, appointmentId: string, now: Date): Promise<void> {
  return moveVisit(tx, actor, appointmentId, ['booked', 'arrived'], 'in_session', 'session-note.create', now);
}

/** The note is signed: the visit took place, whatever the desk recorded of it so far. */
export function visitCompleted(tx: Queryable, actor: Actor, appointmentId: string, now: Date): Promise<void> {
  return moveVisit(
    tx,
    actor,
    appointmentId,
    ['booked', 'arrived', 'in_session'],
    'completed',
    'session-note.sign',
    now,
  );
}
