import { safeScheduleVisits, type PlanProposal } from '../../../../src/clinical/plan/index.ts';
import type { SeriesConflict, Slot } from '../../api/scheduling.ts';
import { hhmm, wallClock } from './time.ts';

export interface SeriesForm {
  startDate: string;
  visitsPerWeek: number;
  count: number;
  preferredDays: number[];
  time: string;
}

export interface PlannedVisit {
  visit: number;
  date: string;
  time: string;
}

/**
 * The preview uses the same pure scheduler as the server (src/clinical/plan), so the dates shown
 * are the dates that will be asked for.
 */
export function previewSeries(
  form: SeriesForm,
): { ok: true; visits: PlannedVisit[] } | { ok: false; errors: Record<string, string> } {
  const plan: PlanProposal = {
    stages: [
      { phase: 'acute', label: 'Booked series', visitsPerWeek: form.visitsPerWeek, visits: form.count, rationale: [] },
    ],
    totalVisits: form.count,
    reassessmentAtVisits: [],
    rationale: [],
    warnings: [],
  };
  const result = safeScheduleVisits(plan, { startDate: form.startDate, preferredDays: form.preferredDays });
  if (!result.ok) {
    const errors: Record<string, string> = {};
    for (const e of result.errors) {
      const field = e.field.includes('preferredDays')
        ? 'preferredDays'
        : e.field.includes('startDate')
          ? 'startDate'
          : 'count';
      errors[field] ??= e.message;
    }
    return { ok: false, errors };
  }
  return { ok: true, visits: result.value.map((v) => ({ visit: v.visit, date: v.date, time: form.time })) };
}

/** Alternatives a series can take: the same therapist (a series has one), at the series' site. */
export function usableAlternatives(conflict: SeriesConflict, therapistId: string, locationId: string): Slot[] {
  return conflict.alternatives.filter((s) => s.therapistId === therapistId && s.locationId === locationId);
}

/** The visits with each conflicting one replaced by the alternative picked for it. */
export function applyPicks(visits: PlannedVisit[], picks: Map<number, Slot>, timeZone: string): PlannedVisit[] {
  return visits.map((v) => {
    const slot = picks.get(v.visit);
    if (!slot) return v;
    const wall = wallClock(slot.start, timeZone);
    return { visit: v.visit, date: wall.date, time: hhmm(wall.minutes) };
  });
}
