/**
 * Freed slots go to the waitlist: the first matching patient (first come, first served) gets an
 * expiring hold that blocks the slot for everyone else, and a message. When the hold expires, a job
 * passes the slot to the next matching patient; accepting books it.
 */
import { TIME_OF_DAY_MINUTES } from '../../scheduling/index.ts';
import { instantToZonedParts, parseWallTime } from '../../time/index.ts';
import type { Queryable } from '../../store/database.ts';
import { insertAuditEvents } from '../../store/repos/audit.ts';
import { claimJob, completeJob, enqueueJob, failJob } from '../../store/repos/jobs.ts';
import * as repo from '../../store/repos/waitlist.ts';
import type { ServiceContext } from '../context.ts';
import { findService } from './catalogue.ts';
import { onOffered } from './notify-hook.ts';
import { bookingSettings } from './settings.ts';

export const OFFER_EXPIRY_JOB = 'waitlist-offer-expiry';

export interface FreedSlot {
  serviceCode: string;
  therapistId: string;
  locationId: string;
  roomId: string | null;
  start: Date;
  end: Date;
  bufferAfterMinutes: number;
}

/** Who caused the offer, for the audit log (null: the system, e.g. an expiry job). */
export interface OfferCause {
  userId: string | null;
  role: string;
}

function fitsTimeOfDay(entry: repo.WaitlistRow, localTime: string): boolean {
  if (!entry.timeOfDay) return true;
  const minutes = parseWallTime(localTime)!;
  const band = TIME_OF_DAY_MINUTES[entry.timeOfDay];
  return minutes >= band.from && minutes < band.to;
}

/** Offers a freed slot to the next matching waiting patient; returns the hold, or null when nobody fits. */
export async function offerFreedSlot(
  tx: Queryable,
  orgId: string,
  freed: FreedSlot,
  now: Date,
  cause: OfferCause,
): Promise<repo.HoldRow | null> {
  const settings = await bookingSettings(tx, orgId);
  if (freed.start.getTime() < now.getTime() + settings.minNoticeMinutes * 60_000) return null;
  const site = await repo.siteInfo(tx, orgId, freed.locationId);
  if (!site) return null;
  const local = instantToZonedParts(freed.start.getTime(), site.timeZone);
  await repo.lapseExpiredHolds(tx, orgId, now);
  const entries = await repo.matchingEntries(tx, orgId, { ...freed, localDate: local.date });
  const blocksEnd = new Date(freed.end.getTime() + freed.bufferAfterMinutes * 60_000);
  for (const entry of entries) {
    if (!fitsTimeOfDay(entry, local.time)) continue;
    if (await repo.slotTaken(tx, orgId, { ...freed, patientId: entry.patientId, blocksEnd }, now)) continue;
    const expiresAt = new Date(Math.min(now.getTime() + settings.offerHoldMinutes * 60_000, freed.start.getTime()));
    const hold = await repo.insertHoldIfFree(
      tx,
      orgId,
      { ...freed, waitlistEntryId: entry.id, patientId: entry.patientId, expiresAt },
      now,
    );
    // Another live offer holds part of this time: nobody else can be offered it either.
    if (!hold) return null;
    await repo.setEntryStatus(tx, orgId, entry.id, 'offered');
    await enqueueJob(tx, {
      kind: OFFER_EXPIRY_JOB,
      runAt: expiresAt,
      orgId,
      payload: { holdId: hold.id },
      dedupeKey: `${OFFER_EXPIRY_JOB}:${hold.id}`,
    });
    await insertAuditEvents(tx, [
      {
        orgId,
        actorUserId: cause.userId,
        actorRole: cause.role,
        action: 'waitlist.offer',
        outcome: 'allowed',
        patientId: entry.patientId,
        recordType: 'hold',
        recordId: hold.id,
      },
    ]);
    const contact = await repo.patientContact(tx, orgId, entry.patientId);
    const service = await findService(tx, orgId, freed.serviceCode);
    if (contact?.email && contact.emailAllowed) {
      await onOffered(
        tx,
        {
          orgId,
          holdId: hold.id,
          patientId: entry.patientId,
          email: contact.email,
          serviceName: service?.name ?? freed.serviceCode,
          when: `${local.date} at ${local.time}`,
          siteName: site.name,
          expiresAt,
        },
        now,
      );
    }
    return hold;
  }
  return null;
}

/** Lapses one hold whose time is up and passes its slot on; false when there was nothing to do. */
export async function expireHold(tx: Queryable, orgId: string, holdId: string, now: Date): Promise<boolean> {
  const hold = await repo.findHold(tx, orgId, holdId, true);
  if (!hold || hold.status === 'accepted' || hold.status === 'withdrawn') return false;
  if (hold.status === 'offered' && hold.expiresAt.getTime() > now.getTime()) return false;
  await repo.setHoldStatus(tx, orgId, holdId, 'expired');
  const entry = await repo.findEntry(tx, orgId, hold.waitlistEntryId);
  if (entry?.status === 'offered') await repo.setEntryStatus(tx, orgId, entry.id, 'waiting');
  await insertAuditEvents(tx, [
    {
      orgId,
      actorUserId: null,
      actorRole: 'system',
      action: 'waitlist.offer.expire',
      outcome: 'allowed',
      patientId: hold.patientId,
      recordType: 'hold',
      recordId: holdId,
    },
  ]);
  await offerFreedSlot(tx, orgId, hold, now, { userId: null, role: 'system' });
  return true;
}

/** Runs due offer expiries; any instance may run it, the job table hands each job to one. */
export async function runWaitlistJobs(ctx: ServiceContext): Promise<number> {
  let ran = 0;
  for (;;) {
    const now = ctx.now();
    const job = await claimJob(ctx.db, [OFFER_EXPIRY_JOB], now, 60_000);
    if (!job) return ran;
    try {
      const holdId = String(job.payload.holdId);
      await ctx.db.transaction((tx) => expireHold(tx, job.orgId!, holdId, now));
      await completeJob(ctx.db, job.id, now);
    } catch (err) {
      await failJob(ctx.db, job.id, (err as Error).message, new Date(now.getTime() + 60_000 * job.attempts));
    }
    ran++;
  }
}
