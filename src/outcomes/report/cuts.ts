import { CONDITION_GROUP_LABELS } from '../../clinical/diagnoses/index.ts';
import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import { CellAccumulator } from './cells.ts';
import type { EpisodeOutcomeRow } from './rows.ts';
import type { CutDimension, CutRow, PeriodUnit, ReportSettings } from './types.ts';

export const NOT_RECORDED = 'not-recorded';

const PHASE_LABELS: Record<string, string> = { acute: 'Acute', chronic: 'Chronic', maintenance: 'Maintenance' };

export interface CutLabels {
  site?: Readonly<Record<string, string>>;
  therapist?: Readonly<Record<string, string>>;
}

/** The period an episode belongs to: the month, quarter or year it started in. */
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

/**
 * Every cut in one pass over the rows: each row is added to its group in each dimension, and to
 * every definition's group.
 */
export function allCuts(
  rows: readonly EpisodeOutcomeRow[],
  definition: ResponderDefinition,
  definitions: readonly ResponderDefinition[],
  settings: ReportSettings,
  labels: CutLabels,
): Record<CutDimension, CutRow[]> {
  const dimensions = ['condition', 'site', 'therapist', 'phase', 'period'] as const;
  const groups = new Map(dimensions.map((d) => [d, new Map<string, CellAccumulator>()]));
  const byDefinition = definitions.map((d) => new CellAccumulator(d.id, settings));
  for (const row of rows) {
    for (const dimension of dimensions) {
      const key = keyOf(row, dimension, settings.period);
      const inDimension = groups.get(dimension)!;
      let cell = inDimension.get(key);
      if (!cell) {
        cell = new CellAccumulator(definition.id, settings);
        inDimension.set(key, cell);
      }
      cell.add(row);
    }
    for (const cell of byDefinition) cell.add(row);
  }
  const cutOf = (dimension: (typeof dimensions)[number]): CutRow[] => {
    const cells = groups.get(dimension)!;
    const order =
      dimension === 'condition'
        ? Object.keys(CONDITION_GROUP_LABELS)
        : dimension === 'phase'
          ? Object.keys(PHASE_LABELS)
          : [];
    const rank = (key: string) =>
      key === NOT_RECORDED ? Infinity : order.includes(key) ? order.indexOf(key) : order.length;
    return [...cells.keys()]
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((key) => ({ key, label: labelOf(dimension, key, labels), figures: cells.get(key)!.figures() }));
  };
  return {
    condition: cutOf('condition'),
    site: cutOf('site'),
    therapist: cutOf('therapist'),
    phase: cutOf('phase'),
    period: cutOf('period'),
    definition: definitions.map((d, i) => ({ key: d.id, label: d.label, figures: byDefinition[i]!.figures() })),
  };
}
