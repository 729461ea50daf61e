import { screen } from '../../../clinical/screening/index.ts';
import { cautionsOf, painRatingsUnreliable, type GateCaution } from './cautions.ts';
import type { Queryable } from '../../../store/database.ts';
import * as gateRepo from '../../../store/repos/charting-gate.ts';
import { blockingKeys, blockingKeyWords, blocks, describeBlock, noDeepPressure, uncovered } from './evaluate.ts';
import { screeningAnswersOf } from '../intake-document.ts';

/**
 * May this patient be treated today, and how? Read by the session log (part B) before every
 * treatment step, and by the chart for its banner and greyed regions.
 */
export interface TreatmentGate {
  decision: 'clear' | 'caution' | 'refer' | 'local' | 'contraindicated';
  screenedAt: Date | null;
  intakeVersion: number | null;
  /** false when contraindicated or refer without a covering clearance (or override), or when no intake exists. */
  treatmentAllowed: boolean;
  blockedReason: string | null;
  /** Body-map region ids not to be treated. */
  avoidRegions: string[];
  techniqueChanges: string[];
  /** Each finding that changes the technique: what triggered it (a medicine, a condition) and why. */
  cautions: GateCaution[];
  /** What makes the patient's pain ratings unreliable today (e.g. "takes ibuprofen (a pain killer)"), else null. */
  painRatingsUnreliable: string | null;
  noDeepPressure: boolean;
  clearances: Array<{ id: string; scope: string; physician: string; clearedOn: string }>;
  openTasks: Array<{ id: string; kind: 'physician-clearance'; reason: string }>;
  /** Manager/admin overrides of the current intake version: who, when and why. */
  overrides: GateOverride[];
}

export interface GateOverride {
  id: string;
  reason: string;
  decidedAt: Date;
  decidedBy: { userId: string; role: string; name: string | null };
}

/**
 * Unauthorised and unaudited on purpose: callers are services that have already authorised the
 * visit. The latest intake is screened again for `today`, because date rules (weeks since
 * surgery or a stroke) move on after the intake was submitted; clearances dated after today do not count.
 */
export async function treatmentGate(
  db: Queryable,
  orgId: string,
  patientId: string,
  today: string,
): Promise<TreatmentGate> {
  const { intake, screenedAt, clearances, openTasks, overrides } = await gateRepo.gateRecords(db, orgId, patientId);
  const clearanceList = clearances.map((c) => ({
    id: c.id,
    scope: c.scope,
    physician: c.physician,
    clearedOn: c.clearedOn,
  }));
  if (!intake || !screenedAt) {
    return {
      decision: 'refer',
      screenedAt: null,
      intakeVersion: null,
      treatmentAllowed: false,
      blockedReason: 'No intake questionnaire has been submitted: screening has not run.',
      avoidRegions: [],
      techniqueChanges: [],
      cautions: [],
      painRatingsUnreliable: null,
      noDeepPressure: false,
      clearances: clearanceList,
      openTasks,
      overrides: [],
    };
  }
  const result = screen(screeningAnswersOf(intake.answers), { today });
  const valid = clearances.filter((c) => c.clearedOn <= today);
  let treatmentAllowed = true;
  let blockedReason: string | null = null;
  const gateOverrides = overrides.map((o) => ({
    id: o.id,
    reason: o.reason,
    decidedAt: o.decidedAt,
    decidedBy: { userId: o.decidedBy, role: o.decidedRole, name: o.decidedByName },
  }));
  if (blocks(result.decision)) {
    const missing = uncovered(blockingKeys(result), valid);
    if (missing.length > 0 && gateOverrides.length === 0) {
      treatmentAllowed = false;
      blockedReason =
        `${describeBlock(result)}. A physician clearance covering ` +
        `${missing.map(blockingKeyWords).join(', ')} must be recorded first.`;
    }
  }
  return {
    decision: result.decision,
    screenedAt,
    intakeVersion: intake.version,
    treatmentAllowed,
    blockedReason,
    avoidRegions: result.avoidRegions,
    techniqueChanges: result.techniqueChanges,
    cautions: cautionsOf(result),
    painRatingsUnreliable: painRatingsUnreliable(result),
    noDeepPressure: noDeepPressure(result.techniqueChanges),
    clearances: clearanceList,
    openTasks,
    overrides: gateOverrides,
  };
}
