/**
 * Availability reads the same sites, therapists, services and settings over and over; they change
 * rarely, bookings often. Those reads are kept per database and key, valid while the organisation's
 * schedule stamp (migration 0007: bumped by triggers on every table they come from) is unchanged, so a
 * manager's edit shows at once, on every instance sharing the database. Bookings are never cached.
 */
import type { Queryable } from '../../store/database.ts';
import { readScheduleStamp } from '../../store/repos/schedule-versions.ts';

interface Entry {
  stamp: string;
  value: Promise<unknown>;
}

/** Per database object: tests open several databases in one process, with the same seeded ids. */
const caches = new WeakMap<Queryable, Map<string, Entry>>();
const MAX_ENTRIES = 500;

/** The organisation's current stamp; '0' before its first schedule change since migration 0007. */
export function scheduleStamp(db: Queryable, orgId: string): Promise<string> {
  return readScheduleStamp(db, orgId);
}

/** `load()`'s answer for `key`, reused while the stamp it was read at is current. Callers must not mutate it. */
export function cachedAtStamp<T>(db: Queryable, stamp: string, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) {
    // Least recently used goes first: move the hit to the end.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const entry: Entry = { stamp, value: load() };
  cache.set(key, entry);
  // A failed read (an unknown service, a lost connection) is not remembered.
  entry.value.catch(() => cache.get(key) === entry && cache.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry.value as Promise<T>;
}
