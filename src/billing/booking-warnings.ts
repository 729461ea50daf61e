import { visitWarnings, type Authorization } from './authorizations.ts';

/**
 * The warnings booking shows the desk, in the desk's words: a visit on a day no authorization
 * covers, or one past the count authorized. A warning, never a refusal: the patient may pay, or the
 * payer may extend the authorization.
 */

export interface BookingWarning {
  /** The visit's local date. */
  date: string;
  message: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan 31", with the year only when it is not the visit's. */
function shortDate(date: string, besides: string): string {
  const [year, month, day] = date.split('-');
  const label = `${MONTHS[Number(month) - 1]} ${Number(day)}`;
  return year === besides.slice(0, 4) ? label : `${label}, ${year}`;
}

function outside(authorizations: readonly Authorization[], date: string): string {
  const ended = authorizations.filter((a) => a.endsOn < date).sort((x, y) => y.endsOn.localeCompare(x.endsOn))[0];
  if (ended) return `This visit is after the authorization ends on ${shortDate(ended.endsOn, date)}.`;
  const next = authorizations.filter((a) => a.startsOn > date).sort((x, y) => x.startsOn.localeCompare(y.startsOn))[0];
  if (next) return `This visit is before the authorization starts on ${shortDate(next.startsOn, date)}.`;
  return 'No authorization covers this visit.';
}

/**
 * Warnings for visits to be booked, each one visit (an authorization of units counts a visit as one
 * until charges are stored). `used` is what each authorization has used before these visits.
 */
export function bookingWarnings(
  authorizations: readonly Authorization[],
  used: ReadonlyMap<string, number>,
  dates: readonly string[],
): BookingWarning[] {
  if (authorizations.length === 0) return [];
  const beyond = new Map<string, number>();
  return visitWarnings(
    authorizations,
    used,
    dates.map((date) => ({ date, amount: 1 })),
  ).map((w) => {
    if (w.kind === 'outside') return { date: w.date, message: outside(authorizations, w.date) };
    const a = authorizations.find((x) => x.id === w.authorizationId)!;
    // Past the count: the visit's number counts from the authorized total (or from what was already over it).
    const over = (beyond.get(a.id) ?? 0) + 1;
    beyond.set(a.id, over);
    const number = Math.max(a.authorized, used.get(a.id) ?? 0) + over;
    return {
      date: w.date,
      message:
        a.unit === 'visits'
          ? `This is visit ${number} of ${a.authorized} authorized.`
          : `This visit goes past the ${a.authorized} units authorized.`,
    };
  });
}
