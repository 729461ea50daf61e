import type { TreatmentPlan } from './charting.ts';
import { ApiError, create } from './http.ts';
import { BookingRefusal, type Appointment, type BookingWarning, type SeriesConflict } from './scheduling.ts';

/** For a visit a series_conflict named: the alternative picked, or leave the visit out. */
export type VisitChoice = { visit: number; start: string; locationId?: string } | { visit: number; skip: true };

export interface BookedPlan {
  plan: TreatmentPlan;
  seriesId: string;
  appointments: Appointment[];
  /** Visits outside or past the patient's authorizations (the desk's; empty for others). */
  warnings: BookingWarning[];
}

/**
 * Books the plan's series; a 409 series_conflict comes back as a BookingRefusal with the conflicts by plan visit
 * number.
 */
export async function bookPlanSeries(planId: string, choices: VisitChoice[], key: string): Promise<BookedPlan> {
  try {
    return await create<BookedPlan>(
      `/api/plans/${encodeURIComponent(planId)}/book`,
      choices.length ? { choices } : {},
      key,
    );
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 409) throw err;
    const extras = (err.payload ?? {}) as { conflicts?: SeriesConflict[] };
    throw new BookingRefusal(err.status, err.code, err.message, err.fields, [], extras.conflicts ?? []);
  }
}
