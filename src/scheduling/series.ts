/**
 * Plan series: check every visit of a treatment plan at its wanted date and time. Either all of
 * them can be booked (the caller then books them in one transaction), or we list each visit that
 * cannot, with why and the best alternatives, and the caller books nothing.
 */
import { DAY_MS, MINUTE_MS, formatDate, parseWallTime, requireDate } from '../time/calendar.ts';
import { BusyIndex } from './busy-index.ts';
import { compare, findSlots } from './availability.ts';
import type { ScheduleData } from './availability.ts';
import { checkBookable } from './bookable.ts';
import type { BookingProblem } from './bookable.ts';
import type { ServiceDef } from './services.ts';
import type { BookingWindow, Busy, Slot } from './types.ts';
import { localDayOf, offsetAt, zonedWallTimeToInstant } from '../time/zones.ts';

export interface SeriesVisit {
  date: string;
  time: string;
  /** Defaults to the request's site. */
  locationId?: string;
}

export interface SeriesRequest {
  service: ServiceDef;
  therapistId: string;
  locationId: string;
  patientId?: string;
  /** Sites where alternatives may be offered; defaults to the visit's own site. */
  alternativeLocationIds?: string[];
  alternativesPerVisit?: number;
  /** Alternatives are sought this many days either side of the wanted date. */
  searchDays?: number;
  slotStepMinutes?: number;
}

export interface SeriesConflict {
  /** Index into the wanted visits (0-based). */
  visit: number;
  wanted: SeriesVisit & { start: number | null };
  reasons: BookingProblem[];
  /**
   * Best first: same therapist and site, then same therapist elsewhere, then same site with another
   * therapist; within each, the nearest day, then the nearest time of day, then the earlier start.
   */
  alternatives: Slot[];
}

export type SeriesPlan =
  | { ok: true; bookings: Slot[] }
  | { ok: false; conflicts: SeriesConflict[]; bookable: Array<{ visit: number; slot: Slot }> };

function asBusy(slot: Slot, request: SeriesRequest): Busy {
  return {
    ...slot,
    roomId: slot.roomId ?? undefined,
    patientId: request.patientId,
    bufferAfterMinutes: request.service.bufferAfterMinutes,
  };
}

export function planSeries(
  wanted: readonly SeriesVisit[],
  request: SeriesRequest,
  window: BookingWindow,
  data: ScheduleData,
): SeriesPlan {
  const searchDays = request.searchDays ?? 3;
  const timeZoneOf = (locationId: string) => data.sites.find((s) => s.locationId === locationId)?.timeZone;
  // Only bookings near the series matter; narrowing first keeps re-indexing cheap.
  const days = wanted.map((v) => requireDate(v.date));
  const span = {
    start: (Math.min(...days) - searchDays - 2) * DAY_MS,
    end: (Math.max(...days) + searchDays + 2) * DAY_MS,
  };
  const raw = data.busy instanceof BusyIndex ? data.busy.entries : data.busy;
  const base = raw.filter((b) => b.end > span.start && b.start < span.end);

  let index = BusyIndex.from(base);
  const accepted: Array<{ visit: number; slot: Slot }> = [];
  const failed: Array<{ visit: number; start: number | null; locationId: string; reasons: BookingProblem[] }> = [];
  wanted.forEach((visit, i) => {
    const locationId = visit.locationId ?? request.locationId;
    const timeZone = timeZoneOf(locationId);
    if (!timeZone) {
      failed.push({
        visit: i,
        start: null,
        locationId,
        reasons: [{ code: 'unknown-location', message: 'no such clinic' }],
      });
      return;
    }
    const start = zonedWallTimeToInstant(visit.date, visit.time, timeZone);
    const verdict = checkBookable(
      { service: request.service, start, therapistId: request.therapistId, locationId, patientId: request.patientId },
      window,
      { ...data, busy: index },
    );
    if (verdict.ok) {
      accepted.push({ visit: i, slot: verdict.slot });
      index = index.with([asBusy(verdict.slot, request)]);
    } else {
      failed.push({ visit: i, start, locationId, reasons: verdict.reasons });
    }
  });
  if (failed.length === 0) return { ok: true, bookings: accepted.map((a) => a.slot) };

  // One session a day is enough: alternatives avoid the local dates the series already uses.
  const localDay = (slot: Slot) => localDayOf(slot.start, timeZoneOf(slot.locationId)!);
  const usedDays = new Set(accepted.map(({ slot }) => localDay(slot)));
  const conflicts = failed.map((f): SeriesConflict => {
    const wantedDay = requireDate(wanted[f.visit]!.date);
    const wantedMinutes = parseWallTime(wanted[f.visit]!.time) ?? 12 * 60;
    const candidates = findSlots(
      {
        ...window,
        service: request.service,
        from: formatDate(wantedDay - searchDays),
        to: formatDate(wantedDay + searchDays),
        locationIds: request.alternativeLocationIds ?? [f.locationId],
        patientId: request.patientId,
        slotStepMinutes: request.slotStepMinutes ?? 15,
      },
      { ...data, busy: index },
    ).filter((slot) => !usedDays.has(localDay(slot)));
    return {
      visit: f.visit,
      wanted: { ...wanted[f.visit]!, start: f.start },
      reasons: f.reasons,
      alternatives: rankAlternatives(
        candidates,
        { therapistId: request.therapistId, locationId: f.locationId, day: wantedDay, minutes: wantedMinutes },
        timeZoneOf,
      ).slice(0, request.alternativesPerVisit ?? 3),
    };
  });
  return { ok: false, conflicts, bookable: accepted };
}

export interface AlternativeTarget {
  therapistId: string;
  locationId: string;
  /** The wanted local day and wall time (minutes after midnight). */
  day: number;
  minutes: number;
}

export function rankAlternatives(
  slots: readonly Slot[],
  target: AlternativeTarget,
  timeZoneOf: (locationId: string) => string | undefined,
): Slot[] {
  const keyed = slots.map((slot) => {
    const local = slot.start + offsetAt(slot.start, timeZoneOf(slot.locationId) ?? 'UTC');
    const day = Math.floor(local / DAY_MS);
    const minutes = (local - day * DAY_MS) / MINUTE_MS;
    const tier = (slot.therapistId === target.therapistId ? 0 : 2) + (slot.locationId === target.locationId ? 0 : 1);
    return { slot, tier, days: Math.abs(day - target.day), minutes: Math.abs(minutes - target.minutes) };
  });
  keyed.sort(
    (a, b) =>
      a.tier - b.tier ||
      a.days - b.days ||
      a.minutes - b.minutes ||
      a.slot.start - b.slot.start ||
      compare(a.slot.locationId, b.slot.locationId) ||
      compare(a.slot.therapistId, b.slot.therapistId),
  );
  return keyed.map((k) => k.slot);
}
