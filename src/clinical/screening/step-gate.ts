import { regionById } from '../bodymap/regions.ts';
import { TECHNIQUES, isTechnique } from '../protocol/techniques.ts';

/** What of the screening gate a treatment step is checked against (the server's gate, or the tablet's kept copy). */
export interface StepGate {
  treatmentAllowed: boolean;
  blockedReason: string | null;
  avoidRegions: readonly string[];
  techniqueChanges: readonly string[];
  noDeepPressure: boolean;
}

/** Where and how the therapist means to treat. */
export interface GatedStep {
  region: string;
  technique: string;
  layer?: string | null;
}

export interface StepRefusal {
  code: 'treatment_blocked' | 'region_avoided' | 'technique_not_allowed';
  message: string;
  /** The field to correct, in the therapist's words; none when nothing on the step can be changed. */
  fields?: Record<string, string>;
}

/**
 * The screening gate's refusal of a step, in order of weight: no treatment at all, not here, not
 * this way; null when the step may go ahead. The one rule: the server applies it before recording a
 * step, and the tablet applies it to the gate it kept when charting without a connection.
 */
export function stepRefusal(gate: StepGate, step: GatedStep): StepRefusal | null {
  if (!gate.treatmentAllowed)
    return { code: 'treatment_blocked', message: gate.blockedReason ?? 'Screening does not allow treatment today.' };
  // A finding may name a whole region (its base id: both sides) or one side of it.
  const base = regionById(step.region)?.base;
  if (gate.avoidRegions.includes(step.region) || (base !== undefined && gate.avoidRegions.includes(base)))
    return {
      code: 'region_avoided',
      message: 'Screening says not to treat this region (a local contraindication).',
      fields: { region: 'Screening says not to treat this region.' },
    };
  if (gate.techniqueChanges.includes(step.technique))
    return {
      code: 'technique_not_allowed',
      message: 'Screening says to avoid this technique for this patient.',
      fields: { technique: 'Screening says to avoid this technique.' },
    };
  if (!gate.noDeepPressure) return null;
  if (isTechnique(step.technique) && TECHNIQUES[step.technique].deepPressure)
    return {
      code: 'technique_not_allowed',
      message: `Screening says no deep pressure: ${TECHNIQUES[step.technique].label} is not allowed.`,
      fields: { technique: 'Not allowed with no deep pressure; use light finger pressure.' },
    };
  if (step.layer === 'deep')
    return {
      code: 'technique_not_allowed',
      message: 'Screening says no deep pressure: the deep layer is not worked.',
      fields: { layer: 'Not allowed with no deep pressure.' },
    };
  return null;
}
