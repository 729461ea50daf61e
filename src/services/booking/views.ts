/** What the API shows of slots and appointments: instants as ISO strings. */
import type { BookingProblem, Slot } from '../../scheduling/index.ts';
import type { Queryable } from '../../store/database.ts';
import type { AppointmentRow } from '../../store/repos/appointments.ts';
import { accessFactsOf } from '../../store/repos/care.ts';
import { appointmentCan, type AppointmentCan } from '../can.ts';
import type { Actor } from '../context.ts';
import { patientFacts, type BookingFacts } from '../policies.ts';
import type { VisitConflict } from './conflicts.ts';
import type { ReasonView, SlotView } from './errors.ts';

export function slotView(slot: Slot): SlotView {
  return {
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.end).toISOString(),
    therapistId: slot.therapistId,
    locationId: slot.locationId,
    roomId: slot.roomId,
  };
}

/** Many slots share a start or end (one per therapist and room), so each instant is formatted once. */
export function slotViews(slots: readonly Slot[]): SlotView[] {
  const iso = new Map<number, string>();
  const format = (ms: number) => {
    let text = iso.get(ms);
    if (text === undefined) iso.set(ms, (text = new Date(ms).toISOString()));
    return text;
  };
  return slots.map((slot) => ({
    start: format(slot.start),
    end: format(slot.end),
    therapistId: slot.therapistId,
    locationId: slot.locationId,
    roomId: slot.roomId,
  }));
}

export function reasonView(problem: BookingProblem): ReasonView {
  return { code: problem.code, message: problem.message };
}

export type Appointment = Omit<AppointmentRow, 'bookedBy'> & {
  /** On reads: why the schedule no longer allows this booked visit (null when it fits). */
  conflict?: VisitConflict | null;
  /** What the caller may do with it now. */
  can: AppointmentCan;
};

/** Whether presenting a visit to this caller reads the patient's chart access (a note is, or may be, in play). */
export const readsChartAccess = (actor: Actor, row: Pick<AppointmentRow, 'sessionNoteId' | 'therapistId'>) =>
  row.sessionNoteId !== null || row.therapistId === actor.therapistId;

/**
 * Appointments as the caller sees them, each with what the caller may do with it. `conflicts`, when
 * given (reads), adds why the schedule no longer allows each booked visit.
 */
export async function presentAppointments(
  db: Queryable,
  actor: Actor,
  rows: readonly AppointmentRow[],
  conflicts?: ReadonlyMap<string, VisitConflict | null>,
): Promise<Appointment[]> {
  // The session note's actions rest on the patient's chart access; loaded only where a note is in play.
  const charted = rows.filter((r) => readsChartAccess(actor, r));
  const facts = new Map(
    (await accessFactsOf(db, actor.orgId, [...new Set(charted.map((r) => r.patientId))])).map((f) => [
      f.patientId,
      patientFacts(f),
    ]),
  );
  return rows.map((row) => {
    const { bookedBy: _bookedBy, ...rest } = row;
    const can = appointmentCan(actor, row, facts.get(row.patientId) ?? null);
    return conflicts ? { ...rest, conflict: conflicts.get(row.id) ?? null, can } : { ...rest, can };
  });
}

export async function presentAppointment(
  db: Queryable,
  actor: Actor,
  row: AppointmentRow,
  conflict?: VisitConflict | null,
): Promise<Appointment> {
  const known = conflict === undefined ? undefined : new Map([[row.id, conflict]]);
  return (await presentAppointments(db, actor, [row], known))[0]!;
}

export function bookingFacts(row: { patientId: string; therapistId: string; locationId: string }): BookingFacts {
  return { patientId: row.patientId, therapistId: row.therapistId, locationIds: [row.locationId] };
}
