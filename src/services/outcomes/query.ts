import { OUTCOME_RESPONDER_DEFINITIONS } from '../../outcomes/index.ts';
import type { CutDimension, PeriodUnit } from '../../outcomes/index.ts';
import type { ResponderDefinition } from '../../clinical/measures/index.ts';
import { ValidationError } from '../errors.ts';

/** What a person asks of the outcomes report; dates are calendar days the episodes started on. */
export interface OutcomesQuery {
  from?: string;
  to?: string;
  /** One cut to show; every cut when left out. */
  by?: CutDimension;
  /** A responder definition id, e.g. "nprs-mcid"; pain (NPRS) when left out. */
  definition?: string;
  period?: PeriodUnit;
}

export interface CompareQuery extends Omit<OutcomesQuery, 'by'> {
  by: Exclude<CutDimension, 'definition'>;
  a: string;
  b: string;
}

export const DEFINITION_IDS: readonly string[] = Object.values(OUTCOME_RESPONDER_DEFINITIONS).map((d) => d.id);

/** The definition asked for, refused in words when the clinic has no such definition. */
export function definitionOf(id: string | undefined): ResponderDefinition {
  if (id === undefined) return OUTCOME_RESPONDER_DEFINITIONS.nprs;
  const found = Object.values(OUTCOME_RESPONDER_DEFINITIONS).find((d) => d.id === id);
  if (!found) {
    throw new ValidationError(
      { definition: `Choose one of: ${DEFINITION_IDS.join(', ')}.` },
      `There is no improvement definition called "${id.slice(0, 40)}". Choose one of: ${DEFINITION_IDS.join(', ')}.`,
    );
  }
  return found;
}

/** A range that ends before it starts is a mistake worth naming rather than an empty report. */
export function checkRange(query: { from?: string; to?: string }): void {
  if (query.from && query.to && query.to < query.from) {
    throw new ValidationError({ to: 'The end date must be on or after the start date.' });
  }
}

export function checkGroups(query: CompareQuery): void {
  if (query.a === query.b) throw new ValidationError({ b: 'Choose two different groups to compare.' });
}
