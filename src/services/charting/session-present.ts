import {
  computeUnits,
  isUnitsError,
  UNIT_RULES,
  type UnitResult,
  type UnitRule,
} from '../../clinical/billing/index.ts';
import type { Queryable } from '../../store/database.ts';
import * as notes from '../../store/repos/sessions/notes.ts';
import * as steps from '../../store/repos/sessions/steps.ts';
import { noteCan, type NoteCan } from '../can.ts';
import type { Actor } from '../context.ts';
import { ValidationError } from '../errors.ts';
import type { PatientFacts } from '../policies.ts';

/**
 * The organisation's setting `settings.billing.unitRule`; CMS's 8-minute rule when unset (REFERENCE.md, Coding and
 * billing).
 */
export async function unitRuleOf(db: Queryable, orgId: string): Promise<UnitRule> {
  const rule = await notes.orgUnitRule(db, orgId);
  return (UNIT_RULES as readonly string[]).includes(rule ?? '') ? (rule as UnitRule) : 'cms';
}

export type Billing = Pick<UnitResult, 'rule' | 'totalMinutes' | 'totalUnits' | 'lines' | 'explanation'>;

/** Units by the clinical core; a line it refuses is a 422 naming that line's field. */
export function billingOf(cptMinutes: readonly notes.CptMinutes[], rule: UnitRule): Billing | null {
  if (cptMinutes.length === 0) return null;
  const result = computeUnits(cptMinutes, rule);
  if (isUnitsError(result)) {
    const field =
      result.error.line === undefined
        ? 'cptMinutes'
        : `cptMinutes.${result.error.line}.${result.error.code === 'invalid-minutes' ? 'minutes' : 'code'}`;
    throw new ValidationError({ [field]: result.error.message });
  }
  return result;
}

export interface SessionNote extends notes.NoteRow {
  billing: Billing | null;
  steps: steps.StepRow[];
  reassessment: steps.ReassessmentRow | null;
  /** True when any step hit the stop rule (pain ≥ 9): the chart shows it at the top of the note. */
  hadStop: boolean;
  /** What the reader may do with this note now. */
  can: NoteCan;
}

/** Who reads the note: the actor and the facts of the patient it belongs to. */
export interface NoteReader {
  actor: Actor;
  patient: PatientFacts;
}

export async function presentNote(db: Queryable, note: notes.NoteRow, reader: NoteReader): Promise<SessionNote> {
  // One after another: inside a transaction a PostgreSQL client runs one query at a time.
  const rule = await unitRuleOf(db, note.orgId);
  const stepRows = await steps.listSteps(db, note.orgId, note.id);
  const reassessment = await steps.findReassessment(db, note.orgId, note.id);
  return {
    ...note,
    billing: billingOf(note.cptMinutes, rule),
    steps: stepRows,
    reassessment,
    hadStop: stepRows.some((s) => s.stop),
    can: noteCan(reader.actor, reader.patient, note),
  };
}
