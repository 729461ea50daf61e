/**
 * Booked visits the schedule no longer allows (the site closed that day, its hours shrank, the
 * therapist is away), computed on every read rather than stored, so a flag can never go stale: it
 * shows on the desk's calendar and the patient's appointments until the visit is moved or cancelled,
 * or the schedule changes back.
 */
import {
  findScheduleConflicts,
  type ScheduleConflict,
  type ScheduleConflictCode,
  type SiteWithClosureReasons,
  type TherapistSchedule,
} from '../../scheduling/index.ts';
import type { Queryable } from '../../store/database.ts';
import type { AppointmentRow } from '../../store/repos/appointments.ts';
import { organizationZoneAndStamp } from '../../store/repos/organizations.ts';
import * as repo from '../../store/repos/schedule-data.ts';
import { lastNotices, therapistNames } from '../../store/repos/visit-conflicts.ts';
import { toSite, toTherapist } from './loader.ts';
import { cachedAtStamp } from './schedule-cache.ts';
import { addDays, dateIn } from '../../time/index.ts';

export interface VisitConflict {
  code: ScheduleConflictCode;
  /**
   * Why, in words a patient and the desk both read, e.g. "The clinic is closed on Thursday, December 10 (Floor
   * repairs)."
   */
  message: string;
  /** When the patient was last sent a link to choose a new time, if they were. */
  notifiedAt: Date | null;
}

/** What conflicts are judged against; a preview passes a changed copy. */
export interface ScheduleSnapshot {
  sites: SiteWithClosureReasons[];
  therapists: TherapistSchedule[];
  /** Dates of visits at a site no longer active are read in this zone. */
  orgTimeZone: string;
}

/** What judging a visit needs of it. */
export type VisitTimes = Pick<AppointmentRow, 'id' | 'status' | 'start' | 'end' | 'therapistId' | 'locationId'>;

/** Only a visit still to happen and still booked can need a new time. */
export function mayConflict(row: VisitTimes, now: Date): boolean {
  return row.status === 'booked' && row.end.getTime() > now.getTime();
}

/** The sites and therapists in force around the given visits, read once per schedule stamp. */
export async function scheduleAround(
  db: Queryable,
  orgId: string,
  rows: readonly VisitTimes[],
  /** The caller (a preview) changes what it gets: copies, not the kept objects. */
  forChange = false,
  /** The organisation's zone and schedule stamp, when the caller has just read them. */
  at?: { timeZone: string; stamp: string },
): Promise<ScheduleSnapshot> {
  const { timeZone: orgTimeZone, stamp } = at ?? (await organizationZoneAndStamp(db, orgId));
  if (rows.length === 0) return { sites: [], therapists: [], orgTimeZone };
  const first = Math.min(...rows.map((r) => r.start.getTime()));
  const last = Math.max(...rows.map((r) => r.end.getTime()));
  // Only a window to load: UTC dates are deliberate here. A site's local date lies within a day of
  // the UTC date (offsets stay under 15 hours), so two days more each side covers every zone.
  const range = {
    fromDate: addDays(dateIn('UTC', first), -2),
    toDate: addDays(dateIn('UTC', last), 2),
  };
  const cached = <T>(key: string, load: () => Promise<T>) =>
    cachedAtStamp(db, stamp, `${orgId}:conflicts:${key}`, load);
  // Kept as the engine's objects, so each is compiled once (working-time.ts) while the stamp holds.
  const sites = await cached(`site-schedules:${JSON.stringify(range)}`, async () =>
    (await repo.loadSites(db, orgId, range)).map(toSite),
  );
  const therapists = await cached(`therapist-schedules:${JSON.stringify(range)}`, async () =>
    (await repo.loadTherapists(db, orgId, range, {})).map(toTherapist),
  );
  if (!forChange) return { sites, therapists, orgTimeZone };
  // Copies for a preview to change: the cache must keep what was read.
  return {
    sites: sites.map((s) => ({ ...s, closures: s.closures.map((c) => ({ ...c })) })),
    therapists: therapists.map((t) => ({ ...t, templates: [...t.templates], exceptions: [...t.exceptions] })),
    orgTimeZone,
  };
}

function longDay(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  });
}

function wordsFor(conflict: ScheduleConflict, therapistName: string): string {
  const day = longDay(conflict.date);
  switch (conflict.code) {
    case 'closed':
      return `The clinic is closed on ${day}${conflict.closureReason ? ` (${conflict.closureReason})` : ''}.`;
    case 'outside-hours':
      return `The clinic is not open at this time on ${day}.`;
    case 'not-on-shift':
      return `${therapistName} is not working at this time on ${day}.`;
  }
}

/**
 * The conflict of each visit that has one. `schedule` replaces the schedule in force (a preview of
 * a change); `notices` false skips looking up whom the desk has told already.
 */
export async function conflictsOf(
  db: Queryable,
  orgId: string,
  rows: readonly VisitTimes[],
  now: Date,
  options: { schedule?: ScheduleSnapshot; notices?: boolean; at?: { timeZone: string; stamp: string } } = {},
): Promise<Map<string, VisitConflict>> {
  const candidates = rows.filter((r) => mayConflict(r, now));
  if (candidates.length === 0) return new Map();
  const schedule = options.schedule ?? (await scheduleAround(db, orgId, candidates, false, options.at));
  const found = findScheduleConflicts(
    candidates.map((r) => ({
      id: r.id,
      start: r.start.getTime(),
      end: r.end.getTime(),
      therapistId: r.therapistId,
      locationId: r.locationId,
    })),
    schedule,
  );
  if (found.size === 0) return new Map();
  const ids = [...found.keys()];
  const names = await therapistNames(db, orgId, [
    ...new Set(candidates.filter((r) => found.has(r.id)).map((r) => r.therapistId)),
  ]);
  const notices = options.notices === false ? new Map<string, Date>() : await lastNotices(db, orgId, ids);
  const out = new Map<string, VisitConflict>();
  for (const row of candidates) {
    const conflict = found.get(row.id);
    if (!conflict) continue;
    out.set(row.id, {
      code: conflict.code,
      message: wordsFor(conflict, names.get(row.therapistId) ?? 'The therapist'),
      notifiedAt: notices.get(row.id) ?? null,
    });
  }
  return out;
}

/** The one visit's conflict, or null when it fits the schedule (or is not booked and ahead). */
export async function conflictOf(
  db: Queryable,
  orgId: string,
  row: VisitTimes,
  now: Date,
): Promise<VisitConflict | null> {
  return (await conflictsOf(db, orgId, [row], now)).get(row.id) ?? null;
}
