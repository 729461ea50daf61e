/**
 * Time: calendar dates, wall times and IANA zones. Pure (no clock, no I/O), shared by the server,
 * the CLI and the web app; every other module does its date arithmetic through here. The
 * scheduling engine also uses the per-day zone tables in zones.ts directly.
 */
export type { DayNumber, Weekday } from './calendar.ts';
export { MINUTE_MS, DAY_MS, parseDate, formatDate, weekdayOf, parseWallTime, formatWallTime } from './calendar.ts';
export { isIsoDate, addDays, addYears, daysBetween, weekdayOfDate, mondayOf } from './dates.ts';
export {
  isTimeZone,
  offsetAt,
  zonedWallTimeToInstant,
  instantAt,
  instantToZonedParts,
  wallClock,
  dateIn,
  localDayOf,
} from './zones.ts';
