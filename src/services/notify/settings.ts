import type { Queryable } from '../../store/database.ts';
import { organizationSettings } from '../../store/repos/outbox.ts';
import { bookingSettings } from '../booking/settings.ts';

export const DEFAULT_REMINDER_HOURS: readonly number[] = [48, 2];

export interface NotifySettings {
  /** Hours before a visit at which reminders go out. */
  reminderHours: number[];
  /** Inside this many hours before a visit, patients must call instead of cancelling online. */
  cancellationNoticeHours: number;
}

const validHours = (h: unknown): h is number => typeof h === 'number' && Number.isFinite(h) && h > 0 && h <= 24 * 60;

/**
 * Reads `organizations.settings.reminders` (hours, e.g. [48, 2]; anything malformed falls back to
 * the default rather than silently sending no reminder) and the booking's cancellation policy
 * (`settings.booking.cancellationPolicyHours`, default 24), so messages and the booking agree.
 */
export async function notifySettings(db: Queryable, orgId: string): Promise<NotifySettings> {
  const settings = await organizationSettings(db, orgId);
  const reminders = settings.reminders;
  const reminderHours = Array.isArray(reminders) && reminders.every(validHours) ? [...new Set(reminders)].sort((a, b) => b - a) : [...DEFAULT_REMINDER_HOURS];
  const { cancellationPolicyHours } = await bookingSettings(db, orgId);
  return { reminderHours, cancellationNoticeHours: cancellationPolicyHours };
}
