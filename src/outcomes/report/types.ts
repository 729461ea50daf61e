import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import type { IntervalTransform, KaplanMeierPoint, LogRankResult, SurvivalMedian } from '../stats/index.ts';

export const TOO_FEW = 'too few to report';

/** Figures withheld because too few episodes stand behind them (small cells identify patients). */
export interface TooFew {
  status: 'too-few';
  note: typeof TOO_FEW;
}

export type Reported<T> = ({ status: 'reported' } & T) | TooFew;

/** A share with its Wilson 95% interval; rate, lower and upper are fractions 0–1. */
export interface ShareFigures {
  numerator: number;
  denominator: number;
  rate: number;
  lower: number;
  upper: number;
}

export interface ClaimFigures {
  /** Every episode that started and can be judged; drop-outs count as not improved. */
  allStarted: Reported<ShareFigures>;
  /** Only episodes with at least `minimumSessions` sessions. */
  completedCourse: Reported<ShareFigures>;
  /** Still in care, short of the claim's session and not yet improved: not decidable yet. */
  stillInCare: number;
  /** No score for the definition's measure to judge from. */
  withoutBaseline: number;
}

export interface SummaryFigures {
  count: number;
  mean: number;
  median: number;
}

/** The figures for one group of episodes: the whole clinic, or one row of a cut. */
export interface CellFigures {
  episodes: number;
  claim: ClaimFigures;
  /** Kaplan–Meier median number of sessions to the first meaningful improvement. */
  medianSessions: Reported<SurvivalMedian>;
  /** Share of ended episodes (discharged or lapsed) that were drop-outs. */
  dropOut: Reported<ShareFigures>;
  /** Visits (signed sessions) per ended episode. */
  visitsPerEpisode: Reported<SummaryFigures>;
  /** PSFS last minus baseline (positive = better), per episode with both. */
  psfsChange: Reported<SummaryFigures>;
  /** Days of relief patients reported after a visit, over all reports. */
  reliefDays: Reported<SummaryFigures & { episodes: number }>;
}

export type CutDimension = 'condition' | 'site' | 'therapist' | 'phase' | 'period' | 'definition';
export const CUT_DIMENSIONS: readonly CutDimension[] = [
  'condition',
  'site',
  'therapist',
  'phase',
  'period',
  'definition',
];

export interface CutRow {
  key: string;
  label: string;
  figures: Reported<CellFigures>;
}

export interface CurveFigures {
  /** Points while at least `minimumCell` episodes are still followed. */
  points: KaplanMeierPoint[];
  median: SurvivalMedian;
  /** Sessions after which the curve stops because fewer remained followed; null if it never does. */
  truncatedAfter: number | null;
}

export type PeriodUnit = 'month' | 'quarter' | 'year';

export interface ReportSettings {
  claimSession: number;
  minimumSessions: number;
  minimumCell: number;
  period: PeriodUnit;
  transform: IntervalTransform;
  confidence: number;
}

export interface OutcomesReport {
  definition: Pick<ResponderDefinition, 'id' | 'label' | 'measure'> & { source?: string };
  settings: ReportSettings;
  overall: Reported<CellFigures>;
  curve: Reported<CurveFigures>;
  cuts: Record<CutDimension, CutRow[]>;
}

export interface GroupComparison {
  dimension: CutDimension;
  groups: [string, string];
  result: Reported<LogRankResult>;
}
