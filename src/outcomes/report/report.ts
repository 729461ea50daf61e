import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import { DEFAULT_OUTCOME_DEFINITION, OUTCOME_RESPONDER_DEFINITIONS } from '../episodes/index.ts';
import type { Episode } from '../episodes/index.ts';
import { kaplanMeierFromTally, logRankFromTallies, SurvivalTally } from '../stats/index.ts';
import { tooFew } from './cells.ts';
import { episodeColumns } from './columns.ts';
import type { EpisodeColumns } from './columns.ts';
import { allCuts, dimensionGroups, outcomeColumnOf } from './cuts.ts';
import { episodeOutcomeRow, observationOf } from './rows.ts';
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

/**
 * Rows for episodes, judged by the given definitions (default: the four MCID ones); a report can only use definitions
 * its rows were judged by.
 */
export function outcomeRows(
  episodes: readonly Episode[],
  definitions?: readonly ResponderDefinition[],
): EpisodeOutcomeRow[] {
  const all = definitions ?? Object.values(OUTCOME_RESPONDER_DEFINITIONS);
  return episodes.map((episode) => episodeOutcomeRow(episode, all));
}

/** The definitions a report judges by: the one asked for, then those the 'definition' cut compares. */
export function reportDefinitionIds(options: Pick<ReportOptions, 'definition' | 'definitions'> = {}): string[] {
  const definition = options.definition ?? DEFAULT_OUTCOME_DEFINITION;
  const definitions = options.definitions ?? Object.values(OUTCOME_RESPONDER_DEFINITIONS);
  return [...new Set([definition.id, ...definitions.map((d) => d.id)])];
}

const columnsOf = (input: readonly EpisodeOutcomeRow[] | EpisodeColumns, definitionIds: readonly string[]) =>
  Array.isArray(input)
    ? episodeColumns(input as readonly EpisodeOutcomeRow[], definitionIds)
    : (input as EpisodeColumns);

/**
 * The outcomes report over precomputed episode rows (or the same episodes as columns, as a store
 * reads many): the claim both ways, the Kaplan–Meier curve of sessions to first meaningful
 * improvement, drop-out, visits, PSFS change and relief, and every cut. Plain data: the page, the
 * command line and the CSV files all render this one object.
 */
export function buildOutcomesReport(
  input: readonly EpisodeOutcomeRow[] | EpisodeColumns,
  options: ReportOptions = {},
): OutcomesReport {
  const settings = { ...DEFAULT_REPORT_SETTINGS, ...options.settings };
  const definition = options.definition ?? DEFAULT_OUTCOME_DEFINITION;
  const definitions = options.definitions ?? Object.values(OUTCOME_RESPONDER_DEFINITIONS);
  const columns = columnsOf(input, reportDefinitionIds(options));
  const { overall, overallOutcome, cuts } = allCuts(columns, definition, definitions, settings, options.labels ?? {});
  return {
    definition: {
      id: definition.id,
      label: definition.label,
      measure: definition.measure,
      ...(definition.source ? { source: definition.source } : {}),
    },
    settings,
    overall,
    curve: curveOf(overallOutcome.tally(), settings),
    cuts,
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
  const tally = new SurvivalTally();
  for (const row of rows) {
    const observation = observationOf(row, definitionId);
    if (observation) tally.add(observation.time, observation.event);
  }
  return curveOf(tally, settings);
}

function curveOf(tally: SurvivalTally, settings: ReportSettings): Reported<CurveFigures> {
  if (tally.total < settings.minimumCell) return tooFew();
  const fit = kaplanMeierFromTally(tally, { transform: settings.transform, confidence: settings.confidence });
  const shown = fit.points.filter((p) => p.atRisk >= settings.minimumCell);
  const cut = shown.length < fit.points.length ? (shown.at(-1)?.time ?? 0) : null;
  return { status: 'reported', points: shown, median: fit.median, truncatedAfter: cut };
}

/**
 * Log-rank comparison of sessions to improvement between two rows of a cut (two sites, two
 * phases…), from the events and censorings of each group counted per session.
 */
export function compareGroups(
  input: readonly EpisodeOutcomeRow[] | EpisodeColumns,
  dimension: Exclude<CutDimension, 'definition'>,
  groups: [string, string],
  options: { definition?: ResponderDefinition; settings?: Partial<ReportSettings> } = {},
): GroupComparison {
  const settings = { ...DEFAULT_REPORT_SETTINGS, ...options.settings };
  const definition = options.definition ?? DEFAULT_OUTCOME_DEFINITION;
  const columns = columnsOf(input, [definition.id]);
  const { keys, of, groupOf } = dimensionGroups(columns, dimension, settings.period);
  const { judged, improvedAt, censoredAt } = outcomeColumnOf(columns, definition.id);
  const sessions = columns.values.sessions;
  const [a, b] = groups.map((key) => {
    const tally = new SurvivalTally();
    const group = keys.indexOf(key);
    if (group < 0) return tally;
    for (let i = 0; i < columns.size; i++) {
      if (judged[i] === 0 || groupOf[of[i]!] !== group) continue;
      const improved = improvedAt[i]!;
      if (improved >= 0) tally.addCounts(sessions[improved]!, 1, 0);
      else tally.addCounts(sessions[censoredAt[i]!]!, 0, 1);
    }
    return tally;
  }) as [SurvivalTally, SurvivalTally];
  const result =
    a.total < settings.minimumCell || b.total < settings.minimumCell
      ? tooFew()
      : { status: 'reported' as const, ...logRankFromTallies(a, b) };
  return { dimension, groups, result };
}
