import type { PlanFactors, PlanStage } from './schema.ts';
import type { Intensity } from './intensity.ts';
import { PLAN_SOURCES } from './sources.ts';

/**
 * Each phase's stages as the clinic describes them (PLAN_SOURCES.clinicFrequency); the intensity
 * score chooses where inside the clinic's ranges a patient lands. Numbers the clinic leaves open
 * (taper length, how long each later chronic stage lasts) are our convention and say so.
 */

function weekly(
  phase: PlanStage['phase'],
  label: string,
  visitsPerWeek: number,
  weeks: number,
  rationale: string[],
): PlanStage {
  return { phase, label, visitsPerWeek, weeks, visits: visitsPerWeek * weeks, rationale };
}

function everyNWeeks(
  phase: PlanStage['phase'],
  label: string,
  intervalWeeks: number,
  visits: number,
  rationale: string[],
): PlanStage {
  return { phase, label, intervalWeeks, weeks: intervalWeeks * visits, visits, rationale };
}

/** Acute: 2–3 visits a week for 2–3 weeks, then a taper. Rows: intensity 0…3. */
const ACUTE_INTENSIVE: ReadonlyArray<{ perWeek: number; weeks: number }> = [
  { perWeek: 2, weeks: 2 },
  { perWeek: 2, weeks: 3 },
  { perWeek: 3, weeks: 2 },
  { perWeek: 3, weeks: 3 },
];
/** The clinic says "tapering" without numbers: one visit a week for two weeks is our convention. */
const ACUTE_TAPER_WEEKS = 2;

/** Chronic corrective stage: 1–2 visits a week for 4–6 weeks. Rows: intensity 0…3. */
const CHRONIC_CORRECTIVE: ReadonlyArray<{ perWeek: number; weeks: number }> = [
  { perWeek: 1, weeks: 4 },
  { perWeek: 1, weeks: 6 },
  { perWeek: 2, weeks: 4 },
  { perWeek: 2, weeks: 6 },
];
/** Our convention for the stages the clinic leaves open-ended: 6 weeks of consolidation, 3 monthly visits. */
const CHRONIC_CONSOLIDATION_WEEKS = 6;
const CHRONIC_MONTHLY_VISITS = 3;

/** Maintenance intervals in weeks; a year of visits is proposed (52 weeks ÷ interval). */
const MAINTENANCE_INTERVAL: Record<NonNullable<PlanFactors['maintenanceGoal']>, number> = {
  active: 4,
  'less-demanding': 8,
  preventive: 13,
};
const MAINTENANCE_HORIZON_WEEKS = 52;

function row<T>(table: ReadonlyArray<T>, score: number): T {
  const picked = table[score] ?? table[table.length - 1];
  if (picked === undefined) throw new Error('empty dosing table');
  return picked;
}

export function acuteStages(intensity: Intensity): PlanStage[] {
  const dose = row(ACUTE_INTENSIVE, intensity.score);
  return [
    weekly('acute', 'Acute: settle pain and guarding', dose.perWeek, dose.weeks, [
      `${dose.perWeek} visits a week for ${dose.weeks} weeks, inside the clinic's 2–3 a week for 2–3 weeks ` +
        `(intensity ${intensity.score}).`,
      PLAN_SOURCES.clinicFrequency,
    ]),
    weekly('acute', 'Acute: taper', 1, ACUTE_TAPER_WEEKS, [
      `One visit a week for ${ACUTE_TAPER_WEEKS} weeks: the clinic tapers after the acute block; ` +
        `the taper length is clinic convention.`,
    ]),
  ];
}

export function chronicStages(intensity: Intensity): PlanStage[] {
  const dose = row(CHRONIC_CORRECTIVE, intensity.score);
  const consolidationInterval = intensity.score >= 2 ? 1 : 2;
  const consolidationVisits = CHRONIC_CONSOLIDATION_WEEKS / consolidationInterval;
  return [
    weekly('chronic', 'Chronic: corrective', dose.perWeek, dose.weeks, [
      `${dose.perWeek} visit(s) a week for ${dose.weeks} weeks, inside the clinic's 1–2 a week for 4–6 weeks ` +
        `(intensity ${intensity.score}).`,
      PLAN_SOURCES.clinicFrequency,
      PLAN_SOURCES.shermanDose,
    ]),
    everyNWeeks('chronic', 'Chronic: consolidate', consolidationInterval, consolidationVisits, [
      `Every ${consolidationInterval === 1 ? 'week' : '2 weeks'} for ${CHRONIC_CONSOLIDATION_WEEKS} weeks (clinic: ` +
        `every 1–2 weeks; stage length is clinic convention).`,
    ]),
    everyNWeeks('chronic', 'Chronic: monthly step-down', 4, CHRONIC_MONTHLY_VISITS, [
      `Monthly for ${CHRONIC_MONTHLY_VISITS} visits before moving to maintenance or discharge (stage length is ` +
        `clinic convention).`,
    ]),
  ];
}

/** Without an explicit goal, the patient's physical demands choose the maintenance interval. */
export function maintenanceGoalOf(factors: PlanFactors): NonNullable<PlanFactors['maintenanceGoal']> {
  if (factors.maintenanceGoal) return factors.maintenanceGoal;
  if (factors.demands === 'high') return 'active';
  if (factors.demands === 'low') return 'preventive';
  return 'less-demanding';
}

export function maintenanceStages(factors: PlanFactors, intensity: Intensity): PlanStage[] {
  const goal = maintenanceGoalOf(factors);
  let interval = MAINTENANCE_INTERVAL[goal];
  const notes: string[] = [];
  // The clinic's 6–8 week band: the busier end for heavier intensity.
  if (goal === 'less-demanding' && intensity.score >= 2) {
    interval = 6;
    notes.push("Intensity 2 or more: the 6-week end of the clinic's 6–8 week band.");
  }
  const visits = Math.floor(MAINTENANCE_HORIZON_WEEKS / interval);
  return [
    everyNWeeks('maintenance', `Maintenance (${goal})`, interval, visits, [
      `Every ${interval} weeks for a year (${visits} visits) for a ${goal} maintenance goal` +
        `${factors.maintenanceGoal ? '' : ", chosen from the patient's physical demands"}.`,
      ...notes,
      PLAN_SOURCES.clinicFrequency,
    ]),
  ];
}
