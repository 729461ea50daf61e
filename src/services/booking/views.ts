/** What the API shows of slots and appointments: instants as ISO strings. */
import type { BookingProblem, Slot } from '../../scheduling/index.ts';
import type { AppointmentRow } from '../../store/repos/appointments.ts';
import type { BookingFacts } from '../policies.ts';
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

export function reasonView(problem: BookingProblem): ReasonView {
  return { code: problem.code, message: problem.message };
}

export type Appointment = Omit<AppointmentRow, 'bookedBy'>;

export function appointmentView(row: AppointmentRow): Appointment {
  const { bookedBy: _bookedBy, ...rest } = row;
  return rest;
}

export function bookingFacts(row: { patientId: string; therapistId: string; locationId: string }): BookingFacts {
  return { patientId: row.patientId, therapistId: row.therapistId, locationIds: [row.locationId] };
}
