import type { LinkedAppointment } from '../../api/links.ts';
import { useFormat, useT, type MessageId } from '../../i18n/t.ts';
import { wallClock } from '../schedule/time.ts';

/** "Tuesday, December 1 at 9 am" / "martes, 1 de diciembre a las 9:00 a.m.": an instant on the clinic's clock. */
export function useAtClinic(): (instant: string, timeZone: string) => string {
  const t = useT();
  const format = useFormat();
  return (instant, timeZone) =>
    t('book.confirm.at', {
      date: format.date(wallClock(instant, timeZone).date),
      time: format.time(instant, timeZone),
    });
}

/** What an appointment's status means to the patient, for a visit that can no longer be changed. */
const STATUS_WORDS: Record<string, MessageId> = {
  cancelled: 'link.status.cancelled',
  late_cancel: 'link.status.late_cancel',
  no_show: 'link.status.no_show',
  completed: 'link.status.completed',
  arrived: 'link.status.arrived',
  in_session: 'link.status.in_session',
};

export function statusWords(status: string): MessageId {
  return STATUS_WORDS[status] ?? 'link.status.other';
}

/** A "late cancellation" in plain words: the policy, its deadline, and what to do instead. */
export function usePolicyWords(): (a: LinkedAppointment) => { late: boolean; text: string } {
  const t = useT();
  const atClinic = useAtClinic();
  return (a) => {
    const hours = a.cancellationNoticeHours;
    const until = atClinic(a.changeOnlineUntil, a.timeZone);
    // The clinic cannot keep the visit: no late-cancellation rule applies to the patient.
    if (a.canChangeOnline && a.conflict) return { late: false, text: t('link.policy.conflict', { until }) };
    if (a.canChangeOnline) return { late: false, text: t('link.policy.open', { until, hours }) };
    return { late: true, text: t('link.policy.late', { hours }) };
  };
}
