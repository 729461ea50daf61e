/** What the API shows of slots and appointments: instants as ISO strings. */
import type { BookingProblem, Slot } from '../../scheduling/index.ts';
import type { AppointmentRow } from '../../store/repos/appointments.ts';
import type { BookingFacts } from '../policies.ts';
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
};

export function appointmentView(row: AppointmentRow): Appointment {
  const { bookedBy: _bookedBy, ...rest } = row;
  return rest;
}

export function bookingFacts(row: { patientId: string; therapistId: string; locationId: string }): BookingFacts {
  return { patientId: row.patientId, therapistId: row.therapistId, locationIds: [row.locationId] };
}
