import { CONDITION_GROUP_LABELS } from '../../clinical/diagnoses/index.ts';
import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import { cellFigures, EpisodeTotals, OutcomeTotals, valueOrdersOf, verdictsOf } from './cells.ts';
import type { EpisodeColumns, KeyColumn, OutcomeColumn } from './columns.ts';
import type { EpisodeOutcomeRow } from './rows.ts';
import type { CellFigures, CutDimension, CutRow, PeriodUnit, Reported, ReportSettings } from './types.ts';

export const NOT_RECORDED = 'not-recorded';

const PHASE_LABELS: Record<string, string> = { acute: 'Acute', chronic: 'Chronic', maintenance: 'Maintenance' };

export interface CutLabels {
  site?: Readonly<Record<string, string>>;
  therapist?: Readonly<Record<string, string>>;
}

/** The period an episode belongs to: the month, quarter or year it started in (from YYYY-MM-DD or YYYY-MM). */
export function periodOf(startedOn: string, unit: PeriodUnit): string {
  const year = startedOn.slice(0, 4);
  const month = Number(startedOn.slice(5, 7));
  if (unit === 'year') return year;
  if (unit === 'month') return startedOn.slice(0, 7);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** The key an episode has in a dimension (all but 'definition', which splits by definition, not by episode). */
export function keyOf(
  row: EpisodeOutcomeRow,
  dimension: Exclude<CutDimension, 'definition'>,
  unit: PeriodUnit,
): string {
  switch (dimension) {
    case 'condition':
      return row.conditionGroup ?? NOT_RECORDED;
    case 'site':
      return row.site ?? NOT_RECORDED;
    case 'therapist':
      return row.therapist ?? NOT_RECORDED;
    case 'phase':
      return row.phase ?? NOT_RECORDED;
    case 'period':
      return periodOf(row.startedOn, unit);
  }
}

function labelOf(dimension: Exclude<CutDimension, 'definition'>, key: string, labels: CutLabels): string {
  if (key === NOT_RECORDED) return 'Not recorded';
  switch (dimension) {
    case 'condition':
      return CONDITION_GROUP_LABELS[key as keyof typeof CONDITION_GROUP_LABELS] ?? key;
    case 'site':
      return labels.site?.[key] ?? key;
    case 'therapist':
      return labels.therapist?.[key] ?? key;
    case 'phase':
      return PHASE_LABELS[key] ?? key;
    case 'period':
      return key;
  }
}

/** A dimension's groups: their keys, and each episode's group through `of` then `groupOf`. */
export interface DimensionGroups {
  keys: string[];
  of: Int32Array;
  groupOf: number[];
}

/** The groups of the columns in one dimension (stored keys that show as the same key are one group). */
export function dimensionGroups(
  columns: EpisodeColumns,
  dimension: Exclude<CutDimension, 'definition'>,
  unit: PeriodUnit,
): DimensionGroups {
  const column: KeyColumn = dimension === 'period' ? columns.month : columns[dimension];
  const keyOfStored = (stored: string | null) =>
    dimension === 'period' ? periodOf(stored!, unit) : (stored ?? NOT_RECORDED);
  const keys: string[] = [];
  const groupOf = column.keys.map((stored) => {
    const key = keyOfStored(stored);
    const found = keys.indexOf(key);
    return found >= 0 ? found : keys.push(key) - 1;
  });
  return { keys, of: column.of, groupOf };
}

const NOT_JUDGED_COLUMN = (size: number): OutcomeColumn => ({
  judged: new Uint8Array(size),
  improvedAt: new Int32Array(size).fill(-1),
  censoredAt: new Int32Array(size),
});

/** A definition's column; columns read without it hold no judgement by it. */
export function outcomeColumnOf(columns: EpisodeColumns, definitionId: string): OutcomeColumn {
  return columns.outcomes.get(definitionId) ?? NOT_JUDGED_COLUMN(columns.size);
}

const DIMENSIONS = ['condition', 'site', 'therapist', 'phase', 'period'] as const;

export interface AllCuts {
  overall: Reported<CellFigures>;
  /** The whole clinic's totals for the definition, which the curve is drawn from. */
  overallOutcome: OutcomeTotals;
  cuts: Record<CutDimension, CutRow[]>;
}

/**
 * The whole clinic and every cut in one pass over the episodes: each episode is counted in its
 * group of each dimension, and by every definition.
 */
export function allCuts(
  columns: EpisodeColumns,
  definition: ResponderDefinition,
  definitions: readonly ResponderDefinition[],
  settings: ReportSettings,
  labels: CutLabels,
): AllCuts {
  const verdicts = verdictsOf(columns, settings);
  const orders = valueOrdersOf(columns);
  const main = outcomeColumnOf(columns, definition.id);
  const overallEpisodes = new EpisodeTotals(columns);
  const overallOutcome = new OutcomeTotals(columns, main, verdicts);
  const byDefinition = definitions.map((d) => new OutcomeTotals(columns, outcomeColumnOf(columns, d.id), verdicts));
  const dimensions = DIMENSIONS.map((dimension) => {
    const groups = dimensionGroups(columns, dimension, settings.period);
    return {
      dimension,
      ...groups,
      episodes: groups.keys.map(() => new EpisodeTotals(columns)),
      outcomes: groups.keys.map(() => new OutcomeTotals(columns, main, verdicts)),
    };
  });

  for (let i = 0; i < columns.size; i++) {
    overallEpisodes.add(i);
    overallOutcome.add(i);
    for (const d of dimensions) {
      const group = d.groupOf[d.of[i]!]!;
      d.episodes[group]!.add(i);
      d.outcomes[group]!.add(i);
    }
    for (const totals of byDefinition) totals.add(i);
  }

  const cutOf = (d: (typeof dimensions)[number]): CutRow[] => {
    const order =
      d.dimension === 'condition'
        ? Object.keys(CONDITION_GROUP_LABELS)
        : d.dimension === 'phase'
          ? Object.keys(PHASE_LABELS)
          : [];
    const rank = (key: string) =>
      key === NOT_RECORDED ? Infinity : order.includes(key) ? order.indexOf(key) : order.length;
    return d.keys
      .map((key, group) => ({ key, group }))
      .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key))
      .map(({ key, group }) => ({
        key,
        label: labelOf(d.dimension, key, labels),
        figures: cellFigures(columns, orders, d.episodes[group]!, d.outcomes[group]!, settings),
      }));
  };
  const [condition, site, therapist, phase, period] = dimensions.map(cutOf) as [
    CutRow[],
    CutRow[],
    CutRow[],
    CutRow[],
    CutRow[],
  ];
  return {
    overall: cellFigures(columns, orders, overallEpisodes, overallOutcome, settings),
    overallOutcome,
    cuts: {
      condition,
      site,
      therapist,
      phase,
      period,
      definition: definitions.map((d, i) => ({
        key: d.id,
        label: d.label,
        figures: cellFigures(columns, orders, overallEpisodes, byDefinition[i]!, settings),
      })),
    },
  };
}
