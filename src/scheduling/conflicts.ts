/**
 * Booked visits the schedule no longer allows: the site closed that day, its hours no longer cover
 * the visit, or the therapist is not on shift there then (time off, a changed week). The same rules
 * as booking (bookable.ts) minus everything about other bookings: a visit never conflicts with itself.
 */
import { formatDate } from '../time/calendar.ts';
import { containedIn } from './intervals.ts';
import type { SiteSchedule, TherapistSchedule } from './types.ts';
import {
  compileSite,
  compileTherapist,
  isClosedOn,
  openIntervals,
  shiftIntervals,
  type CompiledSite,
  type CompiledTherapist,
} from './working-time.ts';
import { localDayOf, zoneDay } from '../time/zones.ts';

export type ScheduleConflictCode = 'closed' | 'outside-hours' | 'not-on-shift';

export interface ScheduledVisit {
  id: string;
  start: number;
  end: number;
  therapistId: string;
  locationId: string;
}

/** A site whose closures may say why (a holiday, repairs); the engine itself ignores the reason. */
export type SiteWithClosureReasons = Omit<SiteSchedule, 'closures'> & {
  closures: Array<{ startsOn: string; endsOn: string; reason?: string }>;
};

export interface ScheduleConflict {
  code: ScheduleConflictCode;
  /** The visit's local date at its site, YYYY-MM-DD. */
  date: string;
  /** Why the site is closed that day, when a closure says. */
  closureReason?: string;
}

/**
 * Each visit that no longer fits, with the first reason in this order: the site is closed that day,
 * the site is not open then, the therapist is not on shift there then. A site or therapist missing
 * from `data` (no longer active) counts as closed or not on shift; its visit's date is then read in
 * the organisation's zone (`orgTimeZone`), as its own zone is no longer known.
 */
export function findScheduleConflicts(
  visits: readonly ScheduledVisit[],
  data: { sites: readonly SiteWithClosureReasons[]; therapists: readonly TherapistSchedule[]; orgTimeZone: string },
): Map<string, ScheduleConflict> {
  const sites = new Map<string, { raw: SiteWithClosureReasons; compiled: CompiledSite }>();
  for (const site of data.sites) sites.set(site.locationId, { raw: site, compiled: compileSite(site) });
  const therapists = new Map<string, CompiledTherapist>();
  for (const therapist of data.therapists) therapists.set(therapist.therapistId, compileTherapist(therapist));

  const found = new Map<string, ScheduleConflict>();
  for (const visit of visits) {
    const site = sites.get(visit.locationId);
    if (!site) {
      found.set(visit.id, { code: 'closed', date: formatDate(localDayOf(visit.start, data.orgTimeZone)) });
      continue;
    }
    const zd = zoneDay(localDayOf(visit.start, site.raw.timeZone), site.raw.timeZone);
    const date = formatDate(zd.day);
    if (isClosedOn(site.compiled, zd.day)) {
      const reason = site.raw.closures.find((c) => c.startsOn <= date && date <= c.endsOn)?.reason;
      found.set(visit.id, { code: 'closed', date, ...(reason ? { closureReason: reason } : {}) });
      continue;
    }
    if (!containedIn(openIntervals(site.compiled, zd), visit.start, visit.end)) {
      found.set(visit.id, { code: 'outside-hours', date });
      continue;
    }
    const therapist = therapists.get(visit.therapistId);
    if (!therapist || !containedIn(shiftIntervals(therapist, visit.locationId, zd), visit.start, visit.end)) {
      found.set(visit.id, { code: 'not-on-shift', date });
    }
  }
  return found;
}
