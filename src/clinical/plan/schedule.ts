import { PlanProposalSchema, ScheduleOptionsSchema, fieldErrors } from './schema.ts';
import type { PlanProposal, PlanStage, Phase, ScheduleOptions } from './schema.ts';
import { formatDate, parseDate, weekdayOf, type DayNumber } from '../../time/index.ts';
import { widestMinimumGap } from './spread.ts';
import { PlanInputError } from './propose.ts';
import type { SafeResult } from './propose.ts';

export interface ScheduledVisit {
  /** 1-based visit number, as in reassessmentAtVisits. */
  visit: number;
  date: string;
  /** 1-based stage number, in the order of plan.stages. */
  stage: number;
  phase: Phase;
  reassessment: boolean;
}

interface Calendar {
  isOpen(day: DayNumber): boolean;
  /** First open preferred day on or after `day`. */
  nextOpen(day: DayNumber): DayNumber;
}

function calendarOf(options: ScheduleOptions): Calendar {
  const preferred = new Set<number>(options.preferredDays);
  const avoided = new Set<DayNumber>();
  for (const text of options.avoidDates ?? []) {
    const day = parseDate(text);
    if (day !== undefined) avoided.add(day);
  }
  const isOpen = (day: DayNumber) => preferred.has(weekdayOf(day)) && !avoided.has(day);
  // Each avoided date can cost at most a week, so this bound is never reached with valid options.
  const limit = 7 * (avoided.size + 2);
  return {
    isOpen,
    nextOpen(day) {
      for (let candidate = day; candidate < day + limit; candidate++) if (isOpen(candidate)) return candidate;
      throw new Error('no open preferred day found');
    },
  };
}

/**
 * Several visits a week: the visits go on open preferred days, no more than `visitsPerWeek` in each
 * 7-day block from the stage's start, and as far apart as the preferred days allow.
 */
function scheduleWeekly(
  stage: PlanStage,
  earliest: DayNumber,
  calendar: Calendar,
  options: ScheduleOptions,
): DayNumber[] {
  const perWeek = stage.visitsPerWeek ?? 1;
  const minGap = widestMinimumGap(options.preferredDays, perWeek);
  const dates: DayNumber[] = [];
  const stageStart = calendar.nextOpen(earliest);
  const perBlock = new Map<number, number>();
  let day = stageStart;
  while (dates.length < stage.visits) {
    day = calendar.nextOpen(day);
    const block = Math.floor((day - stageStart) / 7);
    const last = dates[dates.length - 1];
    const farEnough = last === undefined || day - last >= minGap;
    if (farEnough && (perBlock.get(block) ?? 0) < perWeek) {
      dates.push(day);
      perBlock.set(block, (perBlock.get(block) ?? 0) + 1);
    }
    day += 1;
  }
  return dates;
}

/**
 * One visit every N weeks on a fixed weekday: a visit that lands on a closure moves to the next open
 * preferred day, and the following visits return to the anchor weekday.
 */
function scheduleInterval(stage: PlanStage, earliest: DayNumber, calendar: Calendar): DayNumber[] {
  const step = 7 * (stage.intervalWeeks ?? 1);
  const anchor = calendar.nextOpen(earliest);
  const dates: DayNumber[] = [];
  for (let i = 0; i < stage.visits; i++) {
    const last = dates[dates.length - 1];
    const nominal = anchor + step * i;
    dates.push(calendar.nextOpen(last === undefined ? nominal : Math.max(nominal, last + 1)));
  }
  return dates;
}

function isWeekly(stage: PlanStage): boolean {
  return (stage.visitsPerWeek ?? 0) >= 2;
}

function buildSchedule(plan: PlanProposal, options: ScheduleOptions): ScheduledVisit[] {
  const calendar = calendarOf(options);
  const start = parseDate(options.startDate) ?? 0;
  const reassess = new Set(plan.reassessmentAtVisits);
  const visits: ScheduledVisit[] = [];
  let last: DayNumber | undefined;
  plan.stages.forEach((stage, index) => {
    if (stage.visits <= 0) return;
    const weekly = isWeekly(stage);
    const interval = weekly ? 0 : 7 * (stage.intervalWeeks ?? 1);
    // A new stage starts one interval after the previous visit (or on the next day for weekly blocks).
    const earliest = last === undefined ? start : last + (weekly ? 1 : interval);
    const days = weekly
      ? scheduleWeekly(stage, earliest, calendar, options)
      : scheduleInterval(stage, earliest, calendar);
    for (const day of days) {
      const visit = visits.length + 1;
      visits.push({
        visit,
        date: formatDate(day),
        stage: index + 1,
        phase: stage.phase,
        reassessment: reassess.has(visit),
      });
      last = day;
    }
  });
  return visits;
}

/** Dates for every visit of a plan; never throws. Invalid input comes back as errors naming the field. */
export function safeScheduleVisits(plan: unknown, options: unknown): SafeResult<ScheduledVisit[]> {
  const parsedPlan = PlanProposalSchema.safeParse(plan);
  const parsedOptions = ScheduleOptionsSchema.safeParse(options);
  const errors = [
    ...(parsedPlan.success ? [] : fieldErrors(parsedPlan.error, 'plan')),
    ...(parsedOptions.success ? [] : fieldErrors(parsedOptions.error)),
  ];
  if (!parsedPlan.success || !parsedOptions.success) return { ok: false, errors };
  try {
    return { ok: true, value: buildSchedule(parsedPlan.data, parsedOptions.data) };
  } catch (err) {
    // Unreachable with validated input; kept so the safe variant keeps its promise.
    return {
      ok: false,
      errors: [{ field: 'options', message: err instanceof Error ? err.message : 'scheduling failed' }],
    };
  }
}

/** Dates for every visit of a plan; throws PlanInputError on invalid input. */
export function scheduleVisits(plan: PlanProposal, options: ScheduleOptions): ScheduledVisit[] {
  const result = safeScheduleVisits(plan, options);
  if (!result.ok) throw new PlanInputError(result.errors);
  return result.value;
}
