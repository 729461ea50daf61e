/**
 * The words the screens should show, written out here rather than taken from the web app's own
 * formatting code: a test that borrows the code under test cannot catch it going wrong. The demo's
 * clock stands at 2026-11-26, so every day a test lands on (plans book weeks ahead) is in this table.
 */
import { wallClock } from '../../src/time/index.ts';

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Each day around the demo's: [as a heading ("Friday, November 27"), as in a list ("Fri, Nov 27")]. */
const DAYS: Record<string, readonly [string, string]> = {
  '2026-11-19': ['Thursday, November 19', 'Thu, Nov 19'],
  '2026-11-20': ['Friday, November 20', 'Fri, Nov 20'],
  '2026-11-21': ['Saturday, November 21', 'Sat, Nov 21'],
  '2026-11-22': ['Sunday, November 22', 'Sun, Nov 22'],
  '2026-11-23': ['Monday, November 23', 'Mon, Nov 23'],
  '2026-11-24': ['Tuesday, November 24', 'Tue, Nov 24'],
  '2026-11-25': ['Wednesday, November 25', 'Wed, Nov 25'],
  '2026-11-26': ['Thursday, November 26', 'Thu, Nov 26'],
  '2026-11-27': ['Friday, November 27', 'Fri, Nov 27'],
  '2026-11-28': ['Saturday, November 28', 'Sat, Nov 28'],
  '2026-11-29': ['Sunday, November 29', 'Sun, Nov 29'],
  '2026-11-30': ['Monday, November 30', 'Mon, Nov 30'],
  '2026-12-01': ['Tuesday, December 1', 'Tue, Dec 1'],
  '2026-12-02': ['Wednesday, December 2', 'Wed, Dec 2'],
  '2026-12-03': ['Thursday, December 3', 'Thu, Dec 3'],
  '2026-12-04': ['Friday, December 4', 'Fri, Dec 4'],
  '2026-12-05': ['Saturday, December 5', 'Sat, Dec 5'],
  '2026-12-06': ['Sunday, December 6', 'Sun, Dec 6'],
  '2026-12-07': ['Monday, December 7', 'Mon, Dec 7'],
  '2026-12-08': ['Tuesday, December 8', 'Tue, Dec 8'],
  '2026-12-09': ['Wednesday, December 9', 'Wed, Dec 9'],
  '2026-12-10': ['Thursday, December 10', 'Thu, Dec 10'],
  '2026-12-11': ['Friday, December 11', 'Fri, Dec 11'],
  '2026-12-12': ['Saturday, December 12', 'Sat, Dec 12'],
  '2026-12-13': ['Sunday, December 13', 'Sun, Dec 13'],
  '2026-12-14': ['Monday, December 14', 'Mon, Dec 14'],
  '2026-12-15': ['Tuesday, December 15', 'Tue, Dec 15'],
  '2026-12-16': ['Wednesday, December 16', 'Wed, Dec 16'],
  '2026-12-17': ['Thursday, December 17', 'Thu, Dec 17'],
  '2026-12-18': ['Friday, December 18', 'Fri, Dec 18'],
  '2026-12-19': ['Saturday, December 19', 'Sat, Dec 19'],
  '2026-12-20': ['Sunday, December 20', 'Sun, Dec 20'],
  '2026-12-21': ['Monday, December 21', 'Mon, Dec 21'],
  '2026-12-22': ['Tuesday, December 22', 'Tue, Dec 22'],
  '2026-12-23': ['Wednesday, December 23', 'Wed, Dec 23'],
  '2026-12-24': ['Thursday, December 24', 'Thu, Dec 24'],
  '2026-12-25': ['Friday, December 25', 'Fri, Dec 25'],
  '2026-12-26': ['Saturday, December 26', 'Sat, Dec 26'],
  '2026-12-27': ['Sunday, December 27', 'Sun, Dec 27'],
  '2026-12-28': ['Monday, December 28', 'Mon, Dec 28'],
  '2026-12-29': ['Tuesday, December 29', 'Tue, Dec 29'],
  '2026-12-30': ['Wednesday, December 30', 'Wed, Dec 30'],
  '2026-12-31': ['Thursday, December 31', 'Thu, Dec 31'],
  '2027-01-01': ['Friday, January 1', 'Fri, Jan 1'],
  '2027-01-02': ['Saturday, January 2', 'Sat, Jan 2'],
  '2027-01-03': ['Sunday, January 3', 'Sun, Jan 3'],
  '2027-01-04': ['Monday, January 4', 'Mon, Jan 4'],
  '2027-01-05': ['Tuesday, January 5', 'Tue, Jan 5'],
  '2027-01-06': ['Wednesday, January 6', 'Wed, Jan 6'],
  '2027-01-07': ['Thursday, January 7', 'Thu, Jan 7'],
  '2027-01-08': ['Friday, January 8', 'Fri, Jan 8'],
  '2027-01-09': ['Saturday, January 9', 'Sat, Jan 9'],
  '2027-01-10': ['Sunday, January 10', 'Sun, Jan 10'],
  '2027-01-11': ['Monday, January 11', 'Mon, Jan 11'],
  '2027-01-12': ['Tuesday, January 12', 'Tue, Jan 12'],
  '2027-01-13': ['Wednesday, January 13', 'Wed, Jan 13'],
  '2027-01-14': ['Thursday, January 14', 'Thu, Jan 14'],
  '2027-01-15': ['Friday, January 15', 'Fri, Jan 15'],
  '2027-01-16': ['Saturday, January 16', 'Sat, Jan 16'],
  '2027-01-17': ['Sunday, January 17', 'Sun, Jan 17'],
  '2027-01-18': ['Monday, January 18', 'Mon, Jan 18'],
  '2027-01-19': ['Tuesday, January 19', 'Tue, Jan 19'],
  '2027-01-20': ['Wednesday, January 20', 'Wed, Jan 20'],
  '2027-01-21': ['Thursday, January 21', 'Thu, Jan 21'],
  '2027-01-22': ['Friday, January 22', 'Fri, Jan 22'],
  '2027-01-23': ['Saturday, January 23', 'Sat, Jan 23'],
  '2027-01-24': ['Sunday, January 24', 'Sun, Jan 24'],
  '2027-01-25': ['Monday, January 25', 'Mon, Jan 25'],
  '2027-01-26': ['Tuesday, January 26', 'Tue, Jan 26'],
  '2027-01-27': ['Wednesday, January 27', 'Wed, Jan 27'],
  '2027-01-28': ['Thursday, January 28', 'Thu, Jan 28'],
  '2027-01-29': ['Friday, January 29', 'Fri, Jan 29'],
  '2027-01-30': ['Saturday, January 30', 'Sat, Jan 30'],
  '2027-01-31': ['Sunday, January 31', 'Sun, Jan 31'],
  '2027-02-01': ['Monday, February 1', 'Mon, Feb 1'],
  '2027-02-02': ['Tuesday, February 2', 'Tue, Feb 2'],
  '2027-02-03': ['Wednesday, February 3', 'Wed, Feb 3'],
  '2027-02-04': ['Thursday, February 4', 'Thu, Feb 4'],
  '2027-02-05': ['Friday, February 5', 'Fri, Feb 5'],
  '2027-02-06': ['Saturday, February 6', 'Sat, Feb 6'],
  '2027-02-07': ['Sunday, February 7', 'Sun, Feb 7'],
  '2027-02-08': ['Monday, February 8', 'Mon, Feb 8'],
  '2027-02-09': ['Tuesday, February 9', 'Tue, Feb 9'],
  '2027-02-10': ['Wednesday, February 10', 'Wed, Feb 10'],
  '2027-02-11': ['Thursday, February 11', 'Thu, Feb 11'],
  '2027-02-12': ['Friday, February 12', 'Fri, Feb 12'],
  '2027-02-13': ['Saturday, February 13', 'Sat, Feb 13'],
  '2027-02-14': ['Sunday, February 14', 'Sun, Feb 14'],
  '2027-02-15': ['Monday, February 15', 'Mon, Feb 15'],
  '2027-02-16': ['Tuesday, February 16', 'Tue, Feb 16'],
  '2027-02-17': ['Wednesday, February 17', 'Wed, Feb 17'],
  '2027-02-18': ['Thursday, February 18', 'Thu, Feb 18'],
  '2027-02-19': ['Friday, February 19', 'Fri, Feb 19'],
  '2027-02-20': ['Saturday, February 20', 'Sat, Feb 20'],
  '2027-02-21': ['Sunday, February 21', 'Sun, Feb 21'],
  '2027-02-22': ['Monday, February 22', 'Mon, Feb 22'],
  '2027-02-23': ['Tuesday, February 23', 'Tue, Feb 23'],
  '2027-02-24': ['Wednesday, February 24', 'Wed, Feb 24'],
  '2027-02-25': ['Thursday, February 25', 'Thu, Feb 25'],
  '2027-02-26': ['Friday, February 26', 'Fri, Feb 26'],
  '2027-02-27': ['Saturday, February 27', 'Sat, Feb 27'],
  '2027-02-28': ['Sunday, February 28', 'Sun, Feb 28'],
};

/** "2026-11-27" → "Friday, November 27"; `short`: "Fri, Nov 27". */
export function dayLabel(date: string, style: 'medium' | 'short' = 'medium'): string {
  const words = DAYS[date];
  if (!words) throw new Error(`No label written for ${date}: add the day to test/browser/labels.ts`);
  return words[style === 'medium' ? 0 : 1];
}

/** "2026-11-27" → "Nov 27". */
export const monthDay = (date: string): string => dayLabel(date, 'short').split(', ')[1]!;

/** An instant as the site's wall clock reads it: "9:15 am", "12 pm", "4:30 pm". */
export function timeLabel(instant: string, timeZone: string): string {
  const { minutes } = wallClock(instant, timeZone);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const shown = [12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11][hour % 12];
  return `${shown}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`} ${hour < 12 ? 'am' : 'pm'}`;
}
