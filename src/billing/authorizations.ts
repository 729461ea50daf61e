import { isIsoDate } from '../time/index.ts';
import type { FieldProblems } from './coverage.ts';

/**
 * Authorizations: a payer's approval of so many visits (or units) between two dates. What is used
 * is counted from the visits themselves, never kept as a number that could drift; this module
 * turns those counts into what the desk sees ("3 of 12 visits left") and the warnings booking and
 * the plan's series give.
 */

export interface Authorization {
  id: string;
  /** What the payer counts. */
  unit: 'visits' | 'units';
  authorized: number;
  startsOn: string;
  endsOn: string;
}

export function checkAuthorization(a: Omit<Authorization, 'id'>): FieldProblems {
  const problems: FieldProblems = {};
  if (a.unit !== 'visits' && a.unit !== 'units') problems.unit = 'Choose visits or units.';
  if (!Number.isInteger(a.authorized) || a.authorized < 1 || a.authorized > 999) {
    problems.authorized = 'Enter how many were authorized, 1 to 999.';
  }
  if (!isIsoDate(a.startsOn)) problems.startsOn = 'This is not a date.';
  if (!isIsoDate(a.endsOn)) problems.endsOn = 'This is not a date.';
  else if (!problems.startsOn && a.endsOn < a.startsOn)
    problems.endsOn = 'The authorization cannot end before it starts.';
  return problems;
}

export interface AuthorizationStatus {
  used: number;
  remaining: number;
  /** "3 of 12 visits left". */
  label: string;
  /** At or below the clinic's alert threshold (and not yet used up). */
  runningOut: boolean;
  usedUp: boolean;
}

/** `used` is what the visits already booked or billed against it count; `alertAt` the clinic's threshold. */
export function authorizationStatus(a: Authorization, used: number, alertAt: number): AuthorizationStatus {
  const remaining = Math.max(0, a.authorized - used);
  // "1 of 12 visits left": the noun goes with the authorized count.
  const noun = a.authorized === 1 ? a.unit.slice(0, -1) : a.unit;
  return {
    used,
    remaining,
    label: `${remaining} of ${a.authorized} ${noun} left`,
    runningOut: remaining > 0 && remaining <= alertAt,
    usedUp: remaining === 0,
  };
}

export type VisitWarning =
  | { date: string; kind: 'outside'; message: string }
  | { date: string; kind: 'beyond'; authorizationId: string; message: string };

/**
 * Warnings for visits to be booked (one date, or a plan's whole series), each needing `amount`
 * visits or units. Visits are matched in date order to the authorization covering their date, using
 * up what remains; a date no authorization covers is "outside", one past the count is "beyond".
 */
export function visitWarnings(
  authorizations: readonly Authorization[],
  used: ReadonlyMap<string, number>,
  visits: ReadonlyArray<{ date: string; amount: number }>,
): VisitWarning[] {
  const left = new Map(authorizations.map((a) => [a.id, Math.max(0, a.authorized - (used.get(a.id) ?? 0))]));
  const warnings: VisitWarning[] = [];
  for (const visit of [...visits].sort((x, y) => x.date.localeCompare(y.date))) {
    const covering = authorizations
      .filter((a) => a.startsOn <= visit.date && visit.date <= a.endsOn)
      .sort((x, y) => x.endsOn.localeCompare(y.endsOn) || x.id.localeCompare(y.id));
    if (covering.length === 0) {
      warnings.push({ date: visit.date, kind: 'outside', message: `${visit.date} is outside every authorization.` });
      continue;
    }
    // Use the authorization that ends first, so later ones are kept for later visits.
    const chosen = covering.find((a) => (left.get(a.id) ?? 0) >= visit.amount);
    if (!chosen) {
      const first = covering[0]!;
      warnings.push({
        date: visit.date,
        kind: 'beyond',
        authorizationId: first.id,
        message: `${visit.date} goes beyond the ${first.authorized} ${first.unit} authorized.`,
      });
      continue;
    }
    left.set(chosen.id, (left.get(chosen.id) ?? 0) - visit.amount);
  }
  return warnings;
}
