import { readOrgSettings, writeOrgSetting } from '../../store/repos/services-catalogue.ts';
import type { Queryable } from '../../store/database.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { authorize } from '../policies.ts';

/** How an organisation books: stored under `settings.booking`, each missing value taking its default. */
export interface BookingSettings {
  /** No booking closer than this to its start (the desk needs time to prepare the room). */
  minNoticeMinutes: number;
  /** Bookings open this many days ahead. */
  horizonDays: number;
  /** Starts offered on this grid of the local clock. */
  slotStepMinutes: number;
  /** A cancellation within this many hours of the start is a late cancellation. */
  cancellationPolicyHours: number;
  /** How long a freed slot is held for the waitlisted patient it is offered to. */
  offerHoldMinutes: number;
}

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  minNoticeMinutes: 120,
  horizonDays: 90,
  slotStepMinutes: 15,
  cancellationPolicyHours: 24,
  offerHoldMinutes: 120,
};

export async function bookingSettings(db: Queryable, orgId: string): Promise<BookingSettings> {
  return bookingSettingsOf(await readOrgSettings(db, orgId));
}

/** The booking settings within an organisation's settings, already read. */
export function bookingSettingsOf(settings: Record<string, unknown> | null | undefined): BookingSettings {
  const stored = (settings?.booking ?? {}) as Partial<BookingSettings>;
  const out = { ...DEFAULT_BOOKING_SETTINGS };
  for (const key of Object.keys(out) as (keyof BookingSettings)[]) {
    const value = stored[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

export const DEFAULT_REMINDER_HOURS: readonly number[] = [48, 2];

const validHours = (h: unknown): h is number => typeof h === 'number' && Number.isFinite(h) && h > 0 && h <= 24 * 60;

/**
 * Hours before a visit at which reminders go out, from `settings.reminders` (e.g. [48, 2]), latest
 * first; anything malformed falls back to the default rather than silently sending no reminder.
 */
export function reminderHoursOf(settings: Record<string, unknown> | null): number[] {
  const stored = settings?.reminders;
  return Array.isArray(stored) && stored.every(validHours)
    ? [...new Set(stored)].sort((a, b) => b - a)
    : [...DEFAULT_REMINDER_HOURS];
}

/** What the booking-settings screen edits: the booking rules and when reminders go out. */
export interface BookingSettingsView extends BookingSettings {
  reminderHours: number[];
}

async function settingsView(db: Queryable, orgId: string): Promise<BookingSettingsView> {
  return { ...(await bookingSettings(db, orgId)), reminderHours: reminderHoursOf(await readOrgSettings(db, orgId)) };
}

export async function getBookingSettings(ctx: ServiceContext, actor: Actor): Promise<BookingSettingsView> {
  authorize(actor, 'service.read');
  return settingsView(ctx.db, actor.orgId);
}

export async function updateBookingSettings(
  ctx: ServiceContext,
  actor: Actor,
  changes: Partial<BookingSettingsView>,
): Promise<BookingSettingsView> {
  authorize(actor, 'booking-settings.manage');
  const { reminderHours, ...booking } = changes;
  return ctx.db.transaction(async (tx) => {
    await writeOrgSetting(tx, actor.orgId, 'booking', { ...(await bookingSettings(tx, actor.orgId)), ...booking });
    // An empty list is a choice (no reminders), unlike a malformed one.
    if (reminderHours)
      await writeOrgSetting(
        tx,
        actor.orgId,
        'reminders',
        [...new Set(reminderHours)].sort((a, b) => b - a),
      );
    await audit(tx, actor, [
      {
        action: 'booking-settings.update',
        recordType: 'organization',
        recordId: actor.orgId,
        detail: { fields: Object.keys(changes).sort() },
      },
    ]);
    return settingsView(tx, actor.orgId);
  });
}
