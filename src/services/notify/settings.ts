import type { Queryable } from '../../store/database.ts';
import { organizationSettings } from '../../store/repos/outbox.ts';
import { bookingSettingsOf, DEFAULT_REMINDER_HOURS, reminderHoursOf } from '../booking/settings.ts';

export { DEFAULT_REMINDER_HOURS };

export interface NotifySettings {
  /** Hours before a visit at which reminders go out. */
  reminderHours: number[];
  /** Inside this many hours before a visit, patients must call instead of cancelling online. */
  cancellationNoticeHours: number;
}

/**
 * Reads `organizations.settings.reminders` (hours, e.g. [48, 2]; see reminderHoursOf) and the
 * booking's cancellation policy (`settings.booking.cancellationPolicyHours`, default 24), so
 * messages and the booking agree.
 */
export async function notifySettings(db: Queryable, orgId: string): Promise<NotifySettings> {
  // One read of the organisation's settings serves both.
  const settings = await organizationSettings(db, orgId);
  const { cancellationPolicyHours } = bookingSettingsOf(settings);
  return { reminderHours: reminderHoursOf(settings), cancellationNoticeHours: cancellationPolicyHours };
}
