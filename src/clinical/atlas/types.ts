import type { BodyArea } from '../bodymap/regions.ts';

/**
 * Evidence tiers, weakest claim we are prepared to make about a muscle's referral map:
 * - 'established': described in Travell & Simons AND reproduced by an independent study that
 *   provoked the trigger point and mapped where patients felt the pain (e.g. Fernández-de-las-Peñas).
 * - 'reported': described in Travell & Simons (clinical observation over many patients),
 *   not yet replicated by an independent controlled study we could cite.
 * - 'expert-opinion': taken from secondary clinical guides or clinicians' consensus only.
 */
export type EvidenceTier = 'established' | 'reported' | 'expert-opinion';

export interface ReferralZone {
  /** A region base from the body map (e.g. 'temple'), not a sided id. */
  region: string;
  /** primary = the essential zone nearly every patient feels; spillover = felt by some. */
  weight: 'primary' | 'spillover';
  /** Relative to the trigger point: same side (the usual case), opposite side, or both sides. */
  side: 'same' | 'opposite' | 'both';
}

export interface TriggerPoint {
  id: string;
  muscleId: string;
  label: string;
  /** Where to palpate, in a therapist's words. */
  location: string;
  zones: ReferralZone[];
  /** Citation ids (keys of CITATIONS) for this point's referral map. */
  citations: string[];
}

export interface Muscle {
  id: string;
  name: string;
  aliases: string[];
  /** How a patient would picture it: "the muscle along the top of your shoulder". */
  plainName: string;
  area: BodyArea;
  /** paired = one muscle on each side; midline = a single structure (zones then apply to both sides). */
  sideRule: 'paired' | 'midline';
  triggerPoints: TriggerPoint[];
  associatedSymptoms: string[];
  perpetuatingFactors: string[];
  selfCare: { title: string; steps: string[] };
  citations: string[];
  /** Which chapter of the cited manual describes it, e.g. "T&S vol. 1, 2nd ed., trapezius chapter". */
  source: string;
  evidence: EvidenceTier;
}

export interface Citation {
  id: string;
  text: string;
  url?: string;
}
