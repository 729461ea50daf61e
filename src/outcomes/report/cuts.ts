import { CONDITION_GROUP_LABELS } from '../../clinical/diagnoses/index.ts';
import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import type { Episode } from '../episodes/index.ts';
import { cellFigures } from './cells.ts';
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
export function keyOf(episode: Episode, dimension: Exclude<CutDimension, 'definition'>, unit: PeriodUnit): string {
  switch (dimension) {
    case 'condition':
      return episode.conditionGroup ?? NOT_RECORDED;
    case 'site':
      return episode.site ?? NOT_RECORDED;
    case 'therapist':
      return episode.therapist ?? NOT_RECORDED;
    case 'phase':
      return episode.phase ?? NOT_RECORDED;
    case 'period':
      return periodOf(episode.startedOn, unit);
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

/** Rows of one cut, in a stable order (condition groups and phases in their own order, else by key). */
export function cutRows(
  episodes: readonly Episode[],
  dimension: CutDimension,
  definition: ResponderDefinition,
  definitions: readonly ResponderDefinition[],
  settings: ReportSettings,
  labels: CutLabels,
): CutRow[] {
  if (dimension === 'definition') {
    return definitions.map((d) => ({ key: d.id, label: d.label, figures: cellFigures(episodes, d, settings) }));
  }
  const groups = new Map<string, Episode[]>();
  for (const episode of episodes) {
    const key = keyOf(episode, dimension, settings.period);
    groups.set(key, [...(groups.get(key) ?? []), episode]);
  }
  const order = dimension === 'condition' ? Object.keys(CONDITION_GROUP_LABELS) : dimension === 'phase' ? Object.keys(PHASE_LABELS) : [];
  const rank = (key: string) => (key === NOT_RECORDED ? Infinity : order.includes(key) ? order.indexOf(key) : order.length);
  return [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => ({
      key,
      label: labelOf(dimension, key, labels),
      figures: cellFigures(groups.get(key)!, definition, settings),
    }));
}
