import type { Appointment, AppointmentStatus } from '../../api/scheduling.ts';

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  arrived: 'Arrived',
  in_session: 'In session',
  completed: 'Completed',
  cancelled: 'Cancelled',
  late_cancel: 'Late cancellation',
  no_show: 'No-show',
};

/** Badge colour repeats the word: green for done, amber for under way, red for missed. */
export const STATUS_BADGE: Record<AppointmentStatus, string> = {
  booked: 'badge-neutral',
  arrived: 'badge-warning',
  in_session: 'badge-warning',
  completed: 'badge-success',
  cancelled: 'badge-neutral',
  late_cancel: 'badge-danger',
  no_show: 'badge-danger',
};

/** The button wording for moving to a status. */
export const STATUS_ACTION: Partial<Record<AppointmentStatus, string>> = {
  booked: 'Undo arrival',
  arrived: 'Mark arrived',
  in_session: 'Start session',
  completed: 'Mark completed',
  no_show: 'Record no-show',
};

/** Each attendance step with the flag the server sends for it, in the order the buttons appear. */
const STEPS: [AppointmentStatus, keyof Appointment['can']][] = [
  ['arrived', 'markArrived'],
  ['in_session', 'startSession'],
  ['completed', 'complete'],
  ['booked', 'undoArrived'],
  ['no_show', 'noShow'],
];

/** The attendance steps the server says the caller may record on this visit now. */
export function nextSteps(can: Appointment['can']): AppointmentStatus[] {
  return STEPS.filter(([, flag]) => can[flag]).map(([status]) => status);
}

/** Undoing and no-shows are the quieter buttons. */
export function isSecondaryStep(status: AppointmentStatus): boolean {
  return status === 'booked' || status === 'no_show';
}

/** Cancelled, late-cancelled and no-show visits no longer take up time on the calendar. */
export function isInactive(status: AppointmentStatus): boolean {
  return status === 'cancelled' || status === 'late_cancel' || status === 'no_show';
}
