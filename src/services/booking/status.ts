/**
 * The appointment state machine, in one place:
 *
 *   booked ──► arrived ──► in_session ──► completed
 *     │  ◄──────┘ (an arrival recorded by mistake is undone)
 *     │
 *     ├──► cancelled     (cancelled before the policy window)
 *     ├──► late_cancel   (cancelled inside the window)
 *     └──► no_show       (the start passed without the patient)
 *
 * Every state but `booked`, `arrived` and `in_session` is final. Cancelled, late-cancelled and
 * no-show appointments stop occupying the therapist, room and patient (the `occupies` column), so
 * their time can be booked again.
 */
import type { AppointmentStatus } from '../../store/repos/appointments.ts';

export const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['arrived', 'cancelled', 'late_cancel', 'no_show'],
  arrived: ['in_session', 'booked'],
  in_session: ['completed'],
  completed: [],
  cancelled: [],
  late_cancel: [],
  no_show: [],
};

/** Each status as a person says it ("this one is cancelled late"), never its code. */
export const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'booked',
  arrived: 'marked arrived',
  in_session: 'in session',
  completed: 'completed',
  cancelled: 'cancelled',
  late_cancel: 'cancelled late',
  no_show: 'a no-show',
};

export function canMove(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What the visit itself is doing: a therapist may record these on their own appointments (and undo an arrival). */
export const ATTENDANCE: readonly AppointmentStatus[] = ['arrived', 'in_session', 'completed', 'booked'];
export const CANCELLATIONS: readonly AppointmentStatus[] = ['cancelled', 'late_cancel'];

/** Inside the policy window a cancellation is late (the clinic may charge for it). */
export function isLateCancellation(start: Date, now: Date, policyHours: number): boolean {
  return start.getTime() - now.getTime() < policyHours * 3_600_000;
}
