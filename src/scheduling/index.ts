/** Scheduling: pure availability, qualification gating and series planning (no I/O, no clock). */
export type { Interval } from './intervals.ts';
export { subtract, intersect, merge, containedIn, overlapsAny, totalLength } from './intervals.ts';
export type { Credential, CredentialRequirement, CredentialGap, CredentialProblem } from './credentials.ts';
export { missingCredentials, credentialGaps, describeGap, qualifiedOnDay } from './credentials.ts';
export type { Discipline, ServiceDef } from './services.ts';
export {
  DEFAULT_SERVICES,
  serviceByCode,
  MASSAGE_LICENCE,
  NMT_CERTIFICATION,
  CHIROPRACTIC_LICENCE,
  ACUPUNCTURE_LICENCE,
  CORRECTIVE_EXERCISE_CERTIFICATION,
} from './services.ts';
export type {
  SiteSchedule,
  TherapistSchedule,
  ShiftTemplate,
  ScheduleException,
  Busy,
  BookingWindow,
  AvailabilityQuery,
  Slot,
  TimeOfDay,
  OpeningHours,
  WeekdayKey,
} from './types.ts';
export { TIME_OF_DAY_MINUTES } from './types.ts';
export { BusyIndex, indexBusy } from './busy-index.ts';
export { worksAtAny } from './working-time.ts';
export type { ScheduleData } from './availability.ts';
export { findSlots, startBounds, stableSortByStart } from './availability.ts';
export type { BookingRequest, BookingProblem, BookingProblemCode, Bookability } from './bookable.ts';
export { checkBookable } from './bookable.ts';
export type { SeriesVisit, SeriesRequest, SeriesConflict, SeriesPlan, AlternativeTarget } from './series.ts';
export { planSeries, rankAlternatives } from './series.ts';
export type { ScheduledVisit, ScheduleConflict, ScheduleConflictCode, SiteWithClosureReasons } from './conflicts.ts';
export { findScheduleConflicts } from './conflicts.ts';
