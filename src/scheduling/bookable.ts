/**
 * Can this exact appointment be booked? The same rules as findSlots, checked one by one so the
 * answer names every reason it cannot (and which credential is missing).
 */
import { MINUTE_MS, formatDate } from '../time/calendar.ts';
import { credentialGaps, describeGap } from './credentials.ts';
import type { CredentialRequirement } from './credentials.ts';
import { firstFreeRoom, indexForDays, roomLanes, startBounds } from './availability.ts';
import type { ScheduleData } from './availability.ts';
import { containedIn, overlapsAny } from './intervals.ts';
import type { ServiceDef } from './services.ts';
import type { BookingWindow, Slot } from './types.ts';
import { compileSite, compileTherapist, isClosedOn, openIntervals, shiftIntervals } from './working-time.ts';
import { localDayOf, zoneDay } from '../time/zones.ts';

export interface BookingRequest {
  service: ServiceDef;
  start: number;
  therapistId: string;
  locationId: string;
  /** A specific room; when absent the lowest-id free active room is chosen. */
  roomId?: string | null;
  patientId?: string;
}

export type BookingProblemCode =
  | 'unknown-location'
  | 'unknown-therapist'
  | 'outside-hours'
  | 'closed'
  | 'not-on-shift'
  | 'therapist-busy'
  | 'room-busy'
  | 'patient-busy'
  | 'no-room'
  | 'not-qualified'
  | 'too-soon'
  | 'too-far'
  | 'wrong-discipline';

export interface BookingProblem {
  code: BookingProblemCode;
  message: string;
  missing?: CredentialRequirement[];
}

export type Bookability = { ok: true; roomId: string | null; slot: Slot } | { ok: false; reasons: BookingProblem[] };

/** Disciplines as people say them, for refusals. */
function disciplineWords(discipline: string): string {
  return discipline === 'nmt' ? 'neuromuscular therapy' : discipline.replace(/[-_]+/g, ' ');
}

export function checkBookable(request: BookingRequest, window: BookingWindow, data: ScheduleData): Bookability {
  const { service, start, therapistId, locationId } = request;
  const site = data.sites.find((s) => s.locationId === locationId);
  const therapist = data.therapists.find((t) => t.therapistId === therapistId);
  const reasons: BookingProblem[] = [];
  if (!site) reasons.push({ code: 'unknown-location', message: 'no such clinic' });
  if (!therapist) reasons.push({ code: 'unknown-therapist', message: 'no such therapist' });
  if (!site || !therapist) return { ok: false, reasons };

  const end = start + service.durationMinutes * MINUTE_MS;
  const bufferMs = service.bufferAfterMinutes * MINUTE_MS;
  const compiledSite = compileSite(site);
  const zd = zoneDay(localDayOf(start, site.timeZone), site.timeZone);
  const date = formatDate(zd.day);

  if (therapist.discipline !== service.discipline) {
    reasons.push({
      code: 'wrong-discipline',
      message:
        `the therapist practises ${disciplineWords(therapist.discipline)}, ` +
        `and this service is ${disciplineWords(service.discipline)}`,
    });
  }
  if (isClosedOn(compiledSite, zd.day)) {
    reasons.push({ code: 'closed', message: `the clinic is closed on ${date}` });
  } else if (!containedIn(openIntervals(compiledSite, zd), start, end)) {
    reasons.push({
      code: 'outside-hours',
      message: `the session does not fit inside the clinic's opening hours on ${date}`,
    });
  }
  if (!containedIn(shiftIntervals(compileTherapist(therapist), locationId, zd), start, end)) {
    reasons.push({
      code: 'not-on-shift',
      message: `the therapist is not on shift at this clinic for the whole session on ${date}`,
    });
  }
  const gaps = credentialGaps(service.requirements, therapist.credentials, site.state, date);
  if (gaps.length > 0) {
    reasons.push({
      code: 'not-qualified',
      message: gaps.map((gap) => describeGap(gap, site.state, date)).join('; '),
      missing: gaps.map((gap) => gap.requirement),
    });
  }
  const { earliest, latest } = startBounds(window);
  if (start < earliest)
    reasons.push({ code: 'too-soon', message: `bookings need ${window.minNoticeMinutes} minutes' notice` });
  if (start > latest) reasons.push({ code: 'too-far', message: `bookings open only ${window.horizonDays} days ahead` });

  const index = indexForDays(data.busy, zd.day, zd.day);
  const around = { start: start - 1, end: end + 1 };
  if (overlapsAny(index.therapistBlocks(therapistId, around, bufferMs, bufferMs), start, end)) {
    reasons.push({
      code: 'therapist-busy',
      message: 'the therapist has another booking (or the time to turn the room over) then',
    });
  }
  if (request.patientId && overlapsAny(index.patientBlocks(request.patientId, around), start, end)) {
    reasons.push({ code: 'patient-busy', message: 'the patient already has an appointment at that time' });
  }

  let roomId: string | null = null;
  if (service.needsRoom) {
    const active = compiledSite.activeRooms;
    if (request.roomId) {
      if (!active.includes(request.roomId)) {
        reasons.push({ code: 'no-room', message: 'that room is not in use at this clinic' });
      } else if (firstFreeRoom(roomLanes(index, [request.roomId], around, bufferMs), start, end) === null) {
        reasons.push({ code: 'room-busy', message: 'that room is taken (or being turned over) at that time' });
      } else {
        roomId = request.roomId;
      }
    } else {
      roomId = firstFreeRoom(roomLanes(index, active, around, bufferMs), start, end);
      if (roomId === null) {
        reasons.push({
          code: 'no-room',
          message:
            active.length === 0
              ? 'the clinic has no treatment room in use'
              : `all ${active.length} rooms at the clinic are taken at that time`,
        });
      }
    }
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, roomId, slot: { start, end, therapistId, locationId, roomId } };
}
