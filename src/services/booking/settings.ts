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
  const stored = ((await readOrgSettings(db, orgId))?.booking ?? {}) as Partial<BookingSettings>;
  const out = { ...DEFAULT_BOOKING_SETTINGS };
  for (const key of Object.keys(out) as (keyof BookingSettings)[]) {
    const value = stored[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

export async function getBookingSettings(ctx: ServiceContext, actor: Actor): Promise<BookingSettings> {
  authorize(actor, 'service.read');
  return bookingSettings(ctx.db, actor.orgId);
}

export async function updateBookingSettings(ctx: ServiceContext, actor: Actor, changes: Partial<BookingSettings>): Promise<BookingSettings> {
  authorize(actor, 'booking-settings.manage');
  return ctx.db.transaction(async (tx) => {
    const next = { ...(await bookingSettings(tx, actor.orgId)), ...changes };
    await writeOrgSetting(tx, actor.orgId, 'booking', next);
    await audit(tx, actor, [{ action: 'booking-settings.update', recordType: 'organization', recordId: actor.orgId, detail: { fields: Object.keys(changes).sort() } }]);
    return next;
  });
}
