/**
 * Inputs and outputs of the availability engine. Instants are epoch milliseconds (UTC); local
 * dates are 'YYYY-MM-DD' and wall times 'HH:MM' in the site's IANA time zone.
 */
import type { Weekday } from '../time/calendar.ts';
import type { Credential } from './credentials.ts';
import type { Discipline, ServiceDef } from './services.ts';

export type WeekdayKey = '0' | '1' | '2' | '3' | '4' | '5' | '6';

export interface OpeningHours {
  open: string;
  /** '24:00' closes at midnight; a close at or before open is ignored (no overnight opening). */
  close: string;
}

export interface SiteSchedule {
  locationId: string;
  timeZone: string;
  /** Two-letter state code; licences must come from here. */
  state: string;
  /** Keyed by weekday, '0' = Sunday; several ranges allow a lunch break. */
  hours: Record<WeekdayKey, OpeningHours[]>;
  /** Whole local days the site is shut, both ends inclusive. */
  closures: Array<{ startsOn: string; endsOn: string }>;
  /** Room ids are unique across all sites (busy intervals name a room by id alone). */
  rooms: Array<{ id: string; active: boolean }>;
}

export interface ShiftTemplate {
  locationId: string;
  weekday: Weekday;
  start: string;
  end: string;
  /** Inclusive local dates bounding when the template applies. */
  validFrom?: string;
  validTo?: string;
}

export interface ScheduleException {
  /** 'time-off' without a location blocks every site; 'extra-shift' needs its location. */
  kind: 'time-off' | 'extra-shift';
  locationId?: string;
  start: number;
  end: number;
}

export interface TherapistSchedule {
  therapistId: string;
  discipline: Discipline;
  credentials: Credential[];
  templates: ShiftTemplate[];
  exceptions: ScheduleException[];
}

/** An existing appointment or hold. */
export interface Busy {
  start: number;
  end: number;
  therapistId?: string;
  roomId?: string;
  patientId?: string;
  locationId?: string;
  /** Turnover that follows this booking; when absent the queried service's buffer is assumed. */
  bufferAfterMinutes?: number;
}

/** When a booking may be made: not before now + notice, not after now + horizon. */
export interface BookingWindow {
  now: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

export interface AvailabilityQuery extends BookingWindow {
  service: ServiceDef;
  /** Local dates, inclusive, read in each site's own zone. */
  from: string;
  to: string;
  locationIds?: string[];
  therapistId?: string;
  patientId?: string;
  /** Filters on the local start time; see TIME_OF_DAY_MINUTES. */
  timeOfDay?: TimeOfDay;
  weekdays?: number[];
  /** Starts sit on this grid of the local wall clock (15 → :00, :15, :30, :45). */
  slotStepMinutes: number;
}

export interface Slot {
  start: number;
  end: number;
  therapistId: string;
  locationId: string;
  roomId: string | null;
}

/** Local start-time bands, [from, to) in minutes after midnight. */
export const TIME_OF_DAY_MINUTES: Record<TimeOfDay, { from: number; to: number }> = {
  morning: { from: 0, to: 12 * 60 },
  afternoon: { from: 12 * 60, to: 17 * 60 },
  evening: { from: 17 * 60, to: 24 * 60 },
};
