// Calendar-date arithmetic on YYYY-MM-DD strings, in UTC so no time zone or DST can shift a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real calendar date, or undefined (e.g. 2025-02-30, 2025-2-3). */
export function epochDay(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function isIsoDate(date: string): boolean {
  return epochDay(date) !== undefined;
}

/** Whole days from `from` to `to` (negative when `from` is later). Both must be valid dates. */
export function daysBetween(from: string, to: string): number {
  const a = epochDay(from);
  const b = epochDay(to);
  if (a === undefined || b === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${a === undefined ? from : to}`);
  return b - a;
}
