// The trigger-point atlas: muscle → trigger points → referral zones, with sources.
// Maps overlap heavily and palpation agreement is only moderate (Rathbone 2017), so the atlas
// feeds a ranking of muscles to examine, never a diagnosis.
import { normalizeTerm, termDistance } from '../bodymap/regions-text.ts';
import { ARM_HAND_MUSCLES } from './arm-hand.ts';
import { HEAD_FACE_MUSCLES } from './head-face.ts';
import { HIP_THIGH_MUSCLES } from './hip-thigh.ts';
import { LEG_FOOT_MUSCLES } from './leg-foot.ts';
import { NECK_MUSCLES } from './neck.ts';
import { SHOULDER_MUSCLES } from './shoulder.ts';
import { TRUNK_MUSCLES } from './trunk.ts';
import type { Muscle, TriggerPoint } from './types.ts';

export { CITATIONS } from './citations.ts';
export type { Citation, EvidenceTier, Muscle, ReferralZone, TriggerPoint } from './types.ts';

export const MUSCLES: readonly Muscle[] = [
  ...HEAD_FACE_MUSCLES,
  ...NECK_MUSCLES,
  ...SHOULDER_MUSCLES,
  ...ARM_HAND_MUSCLES,
  ...TRUNK_MUSCLES,
  ...HIP_THIGH_MUSCLES,
  ...LEG_FOOT_MUSCLES,
];

const byId = new Map(MUSCLES.map((m) => [m.id, m]));
const pointsById = new Map<string, TriggerPoint>(
  MUSCLES.flatMap((m) => m.triggerPoints.map((tp) => [tp.id, tp] as const)),
);
const byTerm = new Map<string, Muscle>();
for (const m of MUSCLES) {
  for (const term of [m.id, m.name, ...m.aliases]) {
    const key = normalizeTerm(term);
    if (!byTerm.has(key)) byTerm.set(key, m);
  }
}

export function muscleById(id: string): Muscle | undefined {
  return byId.get(id);
}

export function triggerPointById(id: string): TriggerPoint | undefined {
  return pointsById.get(id);
}

/** By id, name or alias, ignoring case, spaces, hyphens and apostrophes. */
export function findMuscle(query: string): Muscle | undefined {
  return byId.get(query) ?? byTerm.get(normalizeTerm(query));
}

/** Muscles whose id, name or an alias is closest to `query`, best first ("did you mean"). */
export function closestMuscles(query: string, limit = 5): Muscle[] {
  const normalized = normalizeTerm(query);
  const best = new Map<Muscle, number>();
  for (const [term, m] of byTerm) {
    const distance = termDistance(normalized, term);
    if (distance < (best.get(m) ?? Infinity)) best.set(m, distance);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].id.localeCompare(b[0].id))
    .slice(0, limit)
    .map(([m]) => m);
}
