/**
 * Time: calendar dates, wall times and IANA zones. Pure (no clock, no I/O), shared by the server,
 * the CLI and the web app; every other module does its date arithmetic through here.
 */
export type { DayNumber, Weekday } from './calendar.ts';
export {
  MINUTE_MS, HOUR_MS, DAY_MS, parseDate, requireDate, formatDate, weekdayOf, parseWallTime, requireWallTime, formatWallTime,
} from './calendar.ts';
export { isIsoDate, addDays, addYears, daysBetween, weekdayOfDate, mondayOf } from './dates.ts';
export type { ZonedParts, ZoneDay, WallClock } from './zones.ts';
export {
  isTimeZone, offsetAt, wallToInstant, zonedWallTimeToInstant, instantAt, instantToZonedParts, wallClock, dateIn, localDayOf,
  zoneDay, zoneDayWallToInstant, zoneDayOffsetAt,
} from './zones.ts';
