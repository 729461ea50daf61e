import type { PlanStage } from './schema.ts';

/** The clinic reassesses every 4–6 visits (clinic convention; see PLAN_SOURCES.progressReport). */
export const REASSESS_MIN_GAP = 4;
export const REASSESS_MAX_GAP = 6;

/**
 * Visit numbers (1-based) for reassessment. A stage's last visit is a natural decision point, so
 * it is taken once at least 4 visits have passed; otherwise the 6th visit since the last
 * reassessment is. Every gap (and the first point) is therefore 4–6 visits.
 */
export function reassessmentPoints(stages: ReadonlyArray<Pick<PlanStage, 'visits'>>): number[] {
  const stageEnds = new Set<number>();
  let total = 0;
  for (const stage of stages) {
    total += stage.visits;
    stageEnds.add(total);
  }
  const points: number[] = [];
  let last = 0;
  for (let visit = 1; visit <= total; visit++) {
    const gap = visit - last;
    if (gap >= REASSESS_MAX_GAP || (gap >= REASSESS_MIN_GAP && stageEnds.has(visit))) {
      points.push(visit);
      last = visit;
    }
  }
  return points;
}
