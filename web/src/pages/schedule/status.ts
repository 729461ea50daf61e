import type { AppointmentStatus } from '../../api/scheduling.ts';

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

/**
 * The next steps the server allows (its state machine lives in src/services/booking/status.ts):
 * booked → arrived → in session → completed; a booked visit may also be cancelled or a no-show,
 * and an arrival recorded by mistake can be undone.
 */
const NEXT: Record<AppointmentStatus, AppointmentStatus[]> = {
  booked: ['arrived', 'no_show'],
  arrived: ['in_session', 'booked'],
  in_session: ['completed'],
  completed: [],
  cancelled: [],
  late_cancel: [],
  no_show: [],
};

/** Attendance steps one may record; a no-show is marked only by those who mark visits (the desk), not by therapists. */
export function nextSteps(status: AppointmentStatus, marksVisits: boolean): AppointmentStatus[] {
  return NEXT[status].filter((next) => marksVisits || next !== 'no_show');
}

/** Undoing and no-shows are the quieter buttons. */
export function isSecondaryStep(status: AppointmentStatus): boolean {
  return status === 'booked' || status === 'no_show';
}

/** Cancelled, late-cancelled and no-show visits no longer take up time on the calendar. */
export function isInactive(status: AppointmentStatus): boolean {
  return status === 'cancelled' || status === 'late_cancel' || status === 'no_show';
}
