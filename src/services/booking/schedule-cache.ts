/**
 * Availability reads the same sites, therapists, services and settings over and over; they change
 * rarely, bookings often. Those reads are kept per database and key, valid while the organisation's
 * schedule stamp (migration 0007: bumped by triggers on every table they come from) is unchanged, so a
 * manager's edit shows at once, on every instance sharing the database. Bookings are never cached,
 * except in an answer kept a few seconds by cachedBriefly (the public list of next free times).
 */
import type { Queryable } from '../../store/database.ts';
import { readScheduleStamp } from '../../store/repos/schedule-versions.ts';
import type { Actor } from '../context.ts';

interface Entry {
  stamp: string;
  value: Promise<unknown>;
  /** Epoch ms [read at, stale at) within which the entry serves, for answers that also read bookings. */
  fresh?: { from: number; until: number };
}

/** Per database object: tests open several databases in one process, with the same seeded ids. */
const caches = new WeakMap<Queryable, Map<string, Entry>>();
const MAX_ENTRIES = 500;

/** Bookings this process has made, per organisation (see bookingsNoted). */
const bookingsSeen = new Map<string, number>();

/** A time was just taken (booked, moved to, held): answers kept briefly for the organisation are read again. */
export function noteBooking(orgId: string): void {
  bookingsSeen.set(orgId, (bookingsSeen.get(orgId) ?? 0) + 1);
}

/**
 * How many times this process has been told of a booking in the organisation: part of a brief answer's stamp, so a
 * booking made here shows at once; one made by another instance shows once the answer's time is up. (A booking
 * rolled back only costs one extra read.)
 */
export function bookingsNoted(orgId: string): number {
  return bookingsSeen.get(orgId) ?? 0;
}

/** The organisation's current stamp; '0' before its first schedule change since migration 0007. */
export function scheduleStamp(db: Queryable, orgId: string): Promise<string> {
  return readScheduleStamp(db, orgId);
}

/** The newest stamp each organisation's schedule was seen at, per database (see stampToTry). */
const stampsSeen = new WeakMap<Queryable, Map<string, string>>();

/** A stamp just read (with a statement that also read what it stamps, or on its own). */
export function noteStampSeen(db: Queryable, orgId: string, stamp: string): void {
  let seen = stampsSeen.get(db);
  if (!seen) stampsSeen.set(db, (seen = new Map()));
  seen.set(orgId, stamp);
}

/**
 * The stamp a read may key its caches by before it reads the current one: the session's, read afresh with it, when
 * the actor came with one (`checked` true); else the last one this server saw, which the read must then compare
 * with the stamp its own statement returns, and read again at that one when they differ. Only before any stamp was
 * seen is it read on its own.
 */
export async function stampToTry(db: Queryable, actor: Actor): Promise<{ stamp: string; checked: boolean }> {
  if (actor.scheduleStamp !== undefined) return { stamp: actor.scheduleStamp, checked: true };
  const seen = stampsSeen.get(db)?.get(actor.orgId);
  if (seen !== undefined) return { stamp: seen, checked: false };
  const stamp = await readScheduleStamp(db, actor.orgId);
  noteStampSeen(db, actor.orgId, stamp);
  return { stamp, checked: true };
}

/** `load()`'s answer for `key`, reused while the stamp it was read at is current. Callers must not mutate it. */
export function cachedAtStamp<T>(db: Queryable, stamp: string, key: string, load: () => Promise<T>): Promise<T> {
  return remembered(db, { stamp }, key, load);
}

/**
 * Like cachedAtStamp, for an answer that also reads bookings (which never change the stamp): reused for at most
 * `forMs` after `now`, so a booking shows within that time and a schedule edit at once, on every instance.
 */
export function cachedBriefly<T>(
  db: Queryable,
  stamp: string,
  key: string,
  fresh: { now: Date; forMs: number },
  load: () => Promise<T>,
): Promise<T> {
  const from = fresh.now.getTime();
  return remembered(db, { stamp, fresh: { from, until: from + fresh.forMs } }, key, load);
}

function remembered<T>(
  db: Queryable,
  at: { stamp: string; fresh?: { from: number; until: number } },
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  // A clock set back (a test's, a corrected one) never reuses an answer read "later".
  const now = at.fresh?.from;
  const fresh = !hit?.fresh || (now !== undefined && now >= hit.fresh.from && now < hit.fresh.until);
  if (hit && hit.stamp === at.stamp && fresh) {
    // Least recently used goes first: move the hit to the end.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const entry: Entry = { stamp: at.stamp, value: load(), ...(at.fresh ? { fresh: at.fresh } : {}) };
  cache.set(key, entry);
  // A failed read (an unknown service, a lost connection) is not remembered.
  entry.value.catch(() => cache.get(key) === entry && cache.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry.value as Promise<T>;
}
