/**
 * The availability read path's loader: sites and therapists as loadSchedule reads them, but what is
 * busy comes pre-merged per lane (see repos/busy-lanes.ts) and only for the lanes the engine will
 * consult: the qualified discipline's therapists with a shift at the wanted sites, the rooms of those
 * sites when the service needs one, and the asking patient. The engine gets a ready BusyIndex of
 * those merged spans.
 *
 * Merging first changes nothing: a therapist's blocks are widened by the new booking's turnover at
 * their start only, and widening a union of intervals at each start covers exactly what widening
 * every interval does (an inner start moved back stays inside the merged interval or its widening).
 */
import { DAY_MS, MINUTE_MS, addDays, parseDate } from '../../time/index.ts';
import { BusyIndex, worksAtAny, type Busy, type ScheduleData, type TherapistSchedule } from '../../scheduling/index.ts';
import type { Queryable } from '../../store/database.ts';
import { loadBusyLanes, type BusyLane } from '../../store/repos/busy-lanes.ts';
import * as repo from '../../store/repos/schedule-data.ts';
import { toSite, toTherapist } from './loader.ts';

export interface AvailabilityLoadRequest {
  /** Local dates, inclusive. */
  from: string;
  to: string;
  now: Date;
  locationIds?: string[];
  /** Omitted to read a named therapist whatever they practise (a booking's check says which is wrong). */
  discipline?: string;
  therapistId?: string;
  needsRoom: boolean;
  /** The queried service's turnover: how far past a day's end a booking can still matter. */
  bufferAfterMinutes: number;
  patientId?: string;
  /** Reuses sites and therapists read at the current schedule stamp (see schedule-cache.ts). */
  cached?: <T>(key: string, load: () => Promise<T>) => Promise<T>;
}

const uncached = <T>(_key: string, load: () => Promise<T>) => load();

export function laneEntries(lanes: readonly BusyLane[]): Busy[] {
  const out: Busy[] = [];
  for (const lane of lanes) {
    const key = lane.kind === 'therapist' ? 'therapistId' : lane.kind === 'room' ? 'roomId' : 'patientId';
    // Own turnover is already inside the merged blocks, hence 0 (not "unknown").
    for (let i = 0; i + 1 < lane.spans.length; i += 2)
      out.push({ start: lane.spans[i]!, end: lane.spans[i + 1]!, [key]: lane.id, bufferAfterMinutes: 0 });
  }
  return out;
}

/** The engine's data, and the schedule stamp the busy lanes' statement saw (see availability's prepare). */
export async function loadForAvailability(
  db: Queryable,
  orgId: string,
  request: AvailabilityLoadRequest,
): Promise<ScheduleData & { stamp: string }> {
  const range = {
    fromDate: addDays(request.from, -1),
    toDate: addDays(request.to, 1),
    locationIds: request.locationIds,
  };
  // Sent together (a transaction's single connection simply queues them); the lanes need both.
  const cached = request.cached ?? uncached;
  const filter = { discipline: request.discipline, therapistId: request.therapistId };
  // Kept as the engine's objects, not rows: the engine compiles each schedule object once (working-time.ts).
  const [sites, therapists] = await Promise.all([
    cached(`sites:${JSON.stringify(range)}`, () => repo.loadSites(db, orgId, range)),
    cached(`therapist-schedules:${JSON.stringify([range, filter])}`, async () =>
      (await repo.loadTherapists(db, orgId, range, filter)).map(toTherapist),
    ),
  ]);
  // A therapist with no shift at the wanted sites in these days cannot be offered there: their lanes are not read.
  // One asked for by name is read whatever their shifts (a booking's check names why the time is refused).
  const sitesWanted = request.locationIds;
  const laned = (t: TherapistSchedule) =>
    !sitesWanted || t.therapistId === request.therapistId || worksAtAny(t, sitesWanted);
  const { lanes, stamp } = await loadBusyLanes(db, orgId, {
    // A local day lies within UTC [day − 14 h, day + 1 day + 12 h] in every zone; a booking that starts
    // up to the new session's turnover after a day's end still blocks the last start of that day.
    from: new Date((parseDate(request.from)! - 1) * DAY_MS),
    to: new Date((parseDate(request.to)! + 2) * DAY_MS + request.bufferAfterMinutes * MINUTE_MS),
    now: request.now,
    therapistIds: therapists.filter(laned).map((t) => t.therapistId),
    roomIds: request.needsRoom ? sites.flatMap((s) => s.rooms.filter((r) => r.active).map((r) => r.id)) : [],
    patientId: request.patientId,
  });
  return {
    sites: sites.map(toSite),
    therapists,
    busy: BusyIndex.from(laneEntries(lanes)),
    stamp,
  };
}
