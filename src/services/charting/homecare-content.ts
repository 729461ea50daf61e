import { muscleById } from '../../clinical/atlas/index.ts';
import type { HomeCareContent } from '../../store/repos/sessions/homecare.ts';
import { AFTER_CARE } from '../../words/after-care.ts';

/**
 * The after-care a clinic hands out, in plain words. The figures (16–24 oz of extra water, soreness
 * for 24–36 hours, possible tiredness, a brief flare before improvement) are the clinic's own
 * after-treatment guidance as recorded in /work/shared/clinical/REFERENCE.md ("The service as the
 * clinic runs it", After). The reasons to call are the clinic's own list. Sources are shown to
 * patients: they name the reference, never a file or a tracker.
 */
const AFTER_CARE_SOURCE =
  'Clinic after-treatment guidance, Knotwork clinical reference ("The service as the clinic runs it": After)';
const CALL_SOURCE = 'Clinic guidance: when to call the clinic after a treatment';
const MAX_ACTIVITY_CHANGES = 8;

export const HYDRATION = AFTER_CARE.en.hydration;
export const SORENESS = AFTER_CARE.en.soreness;
export const FATIGUE = AFTER_CARE.en.fatigue;
export const CALL_CLINIC_IF: readonly string[] = AFTER_CARE.en.callClinicIf;

export interface HomeCareFindings {
  /** Atlas ids of the muscles treated, in the order first treated. */
  muscles: readonly string[];
  /** Pain before and after the session, when both were charted. */
  painBefore: number | null;
  painAfter: number | null;
}

/** Turns a perpetuating factor ("heavy shoulder bag") into something to do about it. */
function activityAdvice(factor: string, muscleName: string): string {
  return `Cut down on ${factor.replace(/\.$/, '')} — it keeps the ${muscleName.toLowerCase()} tight.`;
}

export function generateHomeCare(findings: HomeCareFindings): HomeCareContent {
  const stretches: HomeCareContent['stretches'] = [];
  const activityChanges: string[] = [];
  const seenFactors = new Set<string>();
  for (const id of new Set(findings.muscles)) {
    const muscle = muscleById(id);
    if (!muscle) continue;
    stretches.push({
      muscle: muscle.id,
      muscleName: muscle.name,
      title: muscle.selfCare.title,
      steps: [...muscle.selfCare.steps],
    });
    for (const factor of muscle.perpetuatingFactors) {
      const key = factor.trim().toLowerCase();
      if (seenFactors.has(key) || activityChanges.length >= MAX_ACTIVITY_CHANGES) continue;
      seenFactors.add(key);
      activityChanges.push(activityAdvice(factor, muscle.name));
    }
  }
  const worseAfter =
    findings.painBefore !== null && findings.painAfter !== null && findings.painAfter > findings.painBefore;
  return {
    hydration: HYDRATION,
    soreness: SORENESS,
    fatigue: FATIGUE,
    stretches,
    activityChanges,
    callClinicIf: [...CALL_CLINIC_IF],
    notes: worseAfter
      ? `Your pain was ${findings.painAfter} of 10 after treatment, higher than the ${findings.painBefore} before. ` +
        `It should settle within 2 days; call us if it does not.`
      : null,
    sources: [
      AFTER_CARE_SOURCE,
      CALL_SOURCE,
      "Self-care stretches: Knotwork trigger-point atlas, per muscle (see each muscle's sources)",
    ],
  };
}
