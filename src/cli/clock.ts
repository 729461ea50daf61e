import { dateIn } from '../time/index.ts';

/** Today's calendar date in a zone; the CLI is where the clock is read. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateIn(timeZone, now);
}
