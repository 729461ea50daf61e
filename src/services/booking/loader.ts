/** Loads what the pure engine needs for a range of local dates and turns rows into its types. */
import { DAY_MS, addDays, parseDate, type Weekday } from '../../time/index.ts';
import type { Busy, ScheduleData, SiteSchedule, TherapistSchedule, WeekdayKey } from '../../scheduling/index.ts';
import type { Queryable } from '../../store/database.ts';
import * as repo from '../../store/repos/schedule-data.ts';

export interface LoadRequest {
  /** Local dates, inclusive. */
  from: string;
  to: string;
  now: Date;
  locationIds?: string[];
  discipline?: string;
  therapistId?: string;
  /** Leave these out of the busy list (the appointment being moved, the hold being accepted). */
  excludeAppointmentId?: string;
  excludeHoldId?: string;
  /** Keeps the sites and therapists read (not the bookings) across requests, e.g. at the schedule stamp. */
  cached?: <T>(key: string, load: () => Promise<T>) => Promise<T>;
}

export interface LoadedSchedule extends ScheduleData {
  sites: SiteSchedule[];
  therapists: TherapistSchedule[];
  busy: Busy[];
}

export function toSite(row: repo.SiteData): SiteSchedule {
  return {
    locationId: row.locationId,
    timeZone: row.timeZone,
    state: row.state,
    hours: row.hours as Record<WeekdayKey, { open: string; close: string }[]>,
    closures: row.closures,
    rooms: row.rooms,
  };
}

export function toTherapist(row: repo.TherapistData): TherapistSchedule {
  return {
    therapistId: row.therapistId,
    discipline: row.discipline,
    credentials: row.credentials,
    templates: row.templates.map((t) => ({
      locationId: t.locationId,
      weekday: t.weekday as Weekday,
      start: t.start,
      end: t.end,
      ...(t.validFrom ? { validFrom: t.validFrom } : {}),
      ...(t.validTo ? { validTo: t.validTo } : {}),
    })),
    exceptions: row.exceptions.map((e) => ({
      kind: e.kind,
      start: e.start,
      end: e.end,
      ...(e.locationId ? { locationId: e.locationId } : {}),
    })),
  };
}

export function toBusy(row: repo.BusyData): Busy {
  return {
    start: row.start,
    end: row.end,
    therapistId: row.therapistId,
    patientId: row.patientId,
    locationId: row.locationId,
    bufferAfterMinutes: row.bufferAfterMinutes,
    ...(row.roomId ? { roomId: row.roomId } : {}),
  };
}

export async function loadSchedule(db: Queryable, orgId: string, request: LoadRequest): Promise<LoadedSchedule> {
  // Local dates span at most a day either side of UTC; a day more covers buffers and long sessions.
  const range = {
    fromDate: addDays(request.from, -1),
    toDate: addDays(request.to, 1),
    locationIds: request.locationIds,
  };
  const fromMs = (parseDate(request.from)! - 2) * DAY_MS;
  const toMs = (parseDate(request.to)! + 3) * DAY_MS;
  const keep = request.cached ?? (<T>(_key: string, load: () => Promise<T>) => load());
  const scope = `${range.fromDate}:${range.toDate}:${range.locationIds?.join(',') ?? '*'}`;
  // One after another: inside a transaction the three share one connection.
  // Kept as the engine's objects, so each is compiled once (working-time.ts); callers only read them.
  const sites = await keep(`sites:${scope}`, async () => (await repo.loadSites(db, orgId, range)).map(toSite));
  const filter = { discipline: request.discipline, therapistId: request.therapistId };
  const therapists = await keep(
    `therapists:${scope}:${filter.discipline ?? '*'}:${filter.therapistId ?? '*'}`,
    async () => (await repo.loadTherapists(db, orgId, range, filter)).map(toTherapist),
  );
  const busy = await repo.loadBusy(db, orgId, new Date(fromMs), new Date(toMs), request.now);
  return {
    sites,
    therapists,
    busy: busy
      .filter(
        (b) =>
          (!request.excludeAppointmentId || b.appointmentId !== request.excludeAppointmentId) &&
          (!request.excludeHoldId || b.holdId !== request.excludeHoldId),
      )
      .map(toBusy),
  };
}
