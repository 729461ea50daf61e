import type { LinkedAppointment } from '../../api/links.ts';
import { dateLabel, timeAt, wallClock } from '../schedule/time.ts';

/** "Tuesday, December 1 at 9 am": an instant as the clinic's clock reads it. */
export function atClinic(instant: string, timeZone: string): string {
  return `${dateLabel(wallClock(instant, timeZone).date)} at ${timeAt(instant, timeZone)}`;
}

/** What an appointment's status means to the patient, for a visit that can no longer be changed. */
const STATUS_WORDS: Record<string, string> = {
  cancelled: 'This appointment has been cancelled.',
  late_cancel: 'This appointment was cancelled late.',
  no_show: 'This appointment was missed.',
  completed: 'This appointment has taken place.',
  arrived: 'You have checked in for this appointment.',
  in_session: 'This appointment is under way.',
};

export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? 'This appointment can no longer be changed online.';
}

/** A "late cancellation" in plain words: the policy, its deadline, and what to do instead. */
export function policyWords(a: LinkedAppointment): { late: boolean; text: string } {
  const hours = a.cancellationNoticeHours;
  const until = atClinic(a.changeOnlineUntil, a.timeZone);
  if (a.canChangeOnline && a.conflict) {
    // The clinic cannot keep the visit: no late-cancellation rule applies to the patient.
    return {
      late: false,
      text: `You can choose a new time or cancel here until ${until}, with no late-cancellation fee.`,
    };
  }
  if (a.canChangeOnline) {
    return {
      late: false,
      text:
        `You can cancel or change this appointment here until ${until}. The clinic asks for ${hours} hours’ ` +
        `notice: after that it counts as a late cancellation, and you need to call the clinic.`,
    };
  }
  return {
    late: true,
    text:
      `Your visit is less than ${hours} hours away. Under the clinic’s cancellation policy, ` +
      `cancelling now is a late cancellation, so it can no longer be cancelled or changed online. Please call the ` +
      `clinic: they will record it and tell you whether a late-cancellation fee applies.`,
  };
}
