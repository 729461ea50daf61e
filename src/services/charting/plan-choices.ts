/**
 * The retry after a series_conflict: the front desk picked, for each conflicting visit, one of the
 * offered alternatives or "skip". Pure: the site time zones are passed in.
 */
import type { SeriesVisit } from '../../scheduling/index.ts';
import { instantToZonedParts } from '../../time/index.ts';
import { ValidationError } from '../errors.ts';

export interface VisitChoice {
  visit: number;
  start?: string;
  locationId?: string;
  skip?: true;
}

export interface ChosenVisits {
  visits: SeriesVisit[];
  /** For each visit sent to booking, its number in the plan: conflicts are reported by plan number. */
  planIndex: number[];
}

/**
 * The plan's visits with the choices applied: a chosen start becomes the local date and time at its
 * site (the booking engine checks it again), a skipped visit is left out.
 */
export function applyVisitChoices(
  visits: readonly SeriesVisit[],
  choices: readonly VisitChoice[],
  planLocationId: string,
  timeZoneOf: (locationId: string) => string | undefined,
): ChosenVisits {
  const fields: Record<string, string> = {};
  const byVisit = new Map<number, VisitChoice>();
  choices.forEach((choice, i) => {
    if (choice.visit >= visits.length)
      fields[`choices.${i}.visit`] = `The plan has ${visits.length} visits (0 to ${visits.length - 1}).`;
    else if (byVisit.has(choice.visit)) fields[`choices.${i}.visit`] = `Visit ${choice.visit} is chosen twice.`;
    else if (choice.start !== undefined && !timeZoneOf(choice.locationId ?? planLocationId))
      fields[`choices.${i}.locationId`] = 'No such location in this organisation.';
    byVisit.set(choice.visit, choice);
  });
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const result: ChosenVisits = { visits: [], planIndex: [] };
  visits.forEach((visit, i) => {
    const choice = byVisit.get(i);
    if (choice?.skip) return;
    result.planIndex.push(i);
    if (!choice) return void result.visits.push(visit);
    const locationId = choice.locationId ?? planLocationId;
    const { date, time } = instantToZonedParts(Date.parse(choice.start!), timeZoneOf(locationId)!);
    result.visits.push({ date, time, ...(locationId !== planLocationId ? { locationId } : {}) });
  });
  if (result.visits.length === 0) throw new ValidationError({ choices: 'Every visit is skipped: keep at least one.' });
  return result;
}
