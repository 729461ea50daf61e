import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import { DEFAULT_OUTCOME_DEFINITION, OUTCOME_RESPONDER_DEFINITIONS } from '../episodes/index.ts';
import type { Episode } from '../episodes/index.ts';
import { kaplanMeierFromTally, logRankTest } from '../stats/index.ts';
import type { SurvivalObservation } from '../stats/index.ts';
import { cellFigures, improvementObservations, improvementTally, tooFew } from './cells.ts';
import { allCuts, keyOf } from './cuts.ts';
import { episodeOutcomeRow } from './rows.ts';
import type { EpisodeOutcomeRow } from './rows.ts';
import type { CutLabels } from './cuts.ts';
import type { CurveFigures, CutDimension, GroupComparison, OutcomesReport, Reported, ReportSettings } from './types.ts';

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  claimSession: 6,
  minimumSessions: 4,
  // CMS withholds cells of 1–10 people in its public data: so do we.
  minimumCell: 11,
  period: 'quarter',
  transform: 'log-log',
  confidence: 0.95,
};

export interface ReportOptions {
  definition?: ResponderDefinition;
  /** The definitions compared in the 'definition' cut (default: NPRS, NDI, ODI, PSFS by their MCIDs). */
  definitions?: readonly ResponderDefinition[];
  settings?: Partial<ReportSettings>;
  labels?: CutLabels;
}

/** Rows for episodes, judged by the given definitions (default: the four MCID ones); a report can only use definitions its rows were judged by. */
export function outcomeRows(
  episodes: readonly Episode[],
  definitions?: readonly ResponderDefinition[],
): EpisodeOutcomeRow[] {
  const all = definitions ?? Object.values(OUTCOME_RESPONDER_DEFINITIONS);
  return episodes.map((episode) => episodeOutcomeRow(episode, all));
}

/**
 * The outcomes report over precomputed episode rows: the claim both ways, the Kaplan–Meier curve
 * of sessions to first meaningful improvement, drop-out, visits, PSFS change and relief, and every
 * cut. Plain data: the page, the command line and the CSV files all render this one object.
 */
export function buildOutcomesReport(rows: readonly EpisodeOutcomeRow[], options: ReportOptions = {}): OutcomesReport {
  const settings = { ...DEFAULT_REPORT_SETTINGS, ...options.settings };
  const definition = options.definition ?? DEFAULT_OUTCOME_DEFINITION;
  const definitions = options.definitions ?? Object.values(OUTCOME_RESPONDER_DEFINITIONS);
  return {
    definition: {
      id: definition.id,
      label: definition.label,
      measure: definition.measure,
      ...(definition.source ? { source: definition.source } : {}),
    },
    settings,
    overall: cellFigures(rows, definition.id, settings),
    curve: improvementCurve(rows, definition.id, settings),
    cuts: allCuts(rows, definition, definitions, settings, options.labels ?? {}),
  };
}

/**
 * The Kaplan–Meier curve of sessions to first meaningful improvement, cut where fewer than
 * `minimumCell` episodes are still followed: later steps rest on a handful of patients, who could
 * be recognised and whose few outcomes would swing the curve.
 */
export function improvementCurve(
  rows: readonly EpisodeOutcomeRow[],
  definitionId: string,
  settings: ReportSettings,
): Reported<CurveFigures> {
  const tally = improvementTally(rows, definitionId);
  if (tally.total < settings.minimumCell) return tooFew();
  const fit = kaplanMeierFromTally(tally, { transform: settings.transform, confidence: settings.confidence });
  const shown = fit.points.filter((p) => p.atRisk >= settings.minimumCell);
  const cut = shown.length < fit.points.length ? (shown.at(-1)?.time ?? 0) : null;
  return { status: 'reported', points: shown, median: fit.median, truncatedAfter: cut };
}

/** Log-rank comparison of sessions to improvement between two rows of a cut (two sites, two phases…). */
export function compareGroups(
  rows: readonly EpisodeOutcomeRow[],
  dimension: Exclude<CutDimension, 'definition'>,
  groups: [string, string],
  options: { definition?: ResponderDefinition; settings?: Partial<ReportSettings> } = {},
): GroupComparison {
  const settings = { ...DEFAULT_REPORT_SETTINGS, ...options.settings };
  const definition = options.definition ?? DEFAULT_OUTCOME_DEFINITION;
  const [a, b] = groups.map((key) =>
    improvementObservations(
      rows.filter((row) => keyOf(row, dimension, settings.period) === key),
      definition.id,
    ),
  ) as [SurvivalObservation[], SurvivalObservation[]];
  const result =
    a.length < settings.minimumCell || b.length < settings.minimumCell
      ? tooFew()
      : { status: 'reported' as const, ...logRankTest(a, b) };
  return { dimension, groups, result };
}
