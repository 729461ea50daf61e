// The referral engine: given where it hurts, which muscles' trigger points are the likeliest
// sources to EXAMINE. It ranks candidates for palpation; it does not diagnose. Referral maps
// overlap and trigger-point palpation agreement is only moderate (κ≈0.45, Rathbone 2017).
//
// Score of a candidate (a muscle on one side) for a pain map with intensities I_r:
//   explained = Σ I_r · w_r / Σ I_r   where w_r = 1 if r is in the muscle's primary zone,
//                                     0.5 if only in its spillover zone, 0 otherwise
//   coverage  = (number of reported regions with w_r > 0) / (number of reported regions)
//   score     = 0.8 · explained + 0.2 · coverage                      (in [0, 1])
// Unexplained regions only dilute the score, they never subtract from it, so a muscle that
// explains the worst region ranks well even when the map also shows unrelated pain.
import { MUSCLES } from '../atlas/index.ts';
import { regionById, REGIONS } from '../bodymap/regions.ts';
import { CANDIDATES, CANDIDATES_BY_REGION, expandPoints, WEIGHT_VALUE } from './expand.ts';
import type { CandidateSide, ExpandedZone, Weight } from './expand.ts';
import { patientText, therapistText } from './text.ts';

export type PainMap = Array<{ region: string; intensity: number }>;

export interface Reason {
  region: string;
  weight: Weight;
  triggerPoint: string;
}

export interface Suggestion {
  muscle: string;
  name: string;
  side: CandidateSide;
  score: number;
  reasons: Reason[];
  therapistText: string;
  patientText: string;
}

const EXPLAINED_SHARE = 0.8;
const COVERAGE_SHARE = 0.2;
const regionOrder = new Map(REGIONS.map((r, i) => [r.id, i]));
const sideOrder: Record<CandidateSide, number> = { left: 0, right: 1, midline: 2 };

/** Validates a pain map and folds duplicates (highest intensity wins), sorted by region id. */
function normalizePainMap(painMap: PainMap): Array<{ region: string; intensity: number }> {
  const best = new Map<string, number>();
  for (const { region, intensity } of painMap) {
    if (!regionById(region)) throw new RangeError(`unknown region id "${region}"`);
    if (!Number.isFinite(intensity) || intensity < 0 || intensity > 10) {
      throw new RangeError(`intensity for "${region}" must be between 0 and 10, got ${intensity}`);
    }
    best.set(region, Math.max(best.get(region) ?? 0, intensity));
  }
  return [...best.entries()]
    .filter(([, intensity]) => intensity > 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([region, intensity]) => ({ region, intensity }));
}

/** Tie-break order: muscle id, then left < right < midline. Computed once. */
const tieOrder: readonly number[] = (() => {
  const order = CANDIDATES.map((c, i) => i).sort((a, b) => {
    const ma = CANDIDATES[a]!.muscle.id;
    const mb = CANDIDATES[b]!.muscle.id;
    return ma < mb ? -1 : ma > mb ? 1 : sideOrder[CANDIDATES[a]!.side] - sideOrder[CANDIDATES[b]!.side];
  });
  const rank = new Array<number>(CANDIDATES.length);
  order.forEach((candidate, position) => (rank[candidate] = position));
  return rank;
})();

/**
 * Muscles (per side) whose referral zones best explain the pain map, best first.
 * Deterministic and independent of the order of the pain map's entries.
 */
export function suggestMuscles(painMap: PainMap, options: { limit?: number } = {}): Suggestion[] {
  const limit = options.limit ?? 10;
  const pain = normalizePainMap(painMap);
  if (pain.length === 0 || limit <= 0) return [];
  const totalIntensity = pain.reduce((sum, p) => sum + p.intensity, 0);

  // Typed arrays indexed by candidate keep the hot loop free of allocations.
  const explained = new Float64Array(CANDIDATES.length);
  const covered = new Int32Array(CANDIDATES.length);
  const touched: number[] = [];
  for (const { region, intensity } of pain) {
    for (const { candidate, zone } of CANDIDATES_BY_REGION.get(region) ?? []) {
      if (covered[candidate] === 0) touched.push(candidate);
      explained[candidate]! += intensity * WEIGHT_VALUE[zone.weight];
      covered[candidate]! += 1;
    }
  }

  const scored = touched.map((index) => {
    const raw =
      EXPLAINED_SHARE * (explained[index]! / totalIntensity) + COVERAGE_SHARE * (covered[index]! / pain.length);
    return { index, score: Math.round(raw * 1e6) / 1e6 };
  });
  scored.sort((a, b) => b.score - a.score || tieOrder[a.index]! - tieOrder[b.index]!);

  const intensityOf = new Map(pain.map((p) => [p.region, p.intensity]));
  return scored.slice(0, limit).map(({ index, score }) => {
    const candidate = CANDIDATES[index]!;
    const reasons: Reason[] = pain
      .map((p) => candidate.zones.get(p.region))
      .filter((zone): zone is ExpandedZone => zone !== undefined)
      .sort(
        (a, b) =>
          WEIGHT_VALUE[b.weight] - WEIGHT_VALUE[a.weight] ||
          intensityOf.get(b.region)! - intensityOf.get(a.region)! ||
          regionOrder.get(a.region)! - regionOrder.get(b.region)!,
      )
      .map(({ region, weight, triggerPoint }) => ({ region, weight, triggerPoint }));
    return {
      muscle: candidate.muscle.id,
      name: candidate.muscle.name,
      side: candidate.side,
      score,
      reasons,
      therapistText: therapistText(reasons, pain.length),
      patientText: patientText(candidate.muscle, candidate.side, reasons),
    };
  });
}

/**
 * Where a muscle's (or one trigger point's) pain is felt, as region ids. With `side`, the
 * trigger points lie on that side; without it, on both sides (as in a bilateral presentation).
 * Midline muscles ignore `side`. Unknown ids give []. Primary zones first, then body-map order.
 */
export function referralOf(
  muscleOrTriggerPointId: string,
  side?: 'left' | 'right',
): Array<{ region: string; weight: Weight; triggerPoint: string }> {
  const muscle = MUSCLES.find((m) => m.id === muscleOrTriggerPointId);
  const owner = muscle ?? MUSCLES.find((m) => m.triggerPoints.some((tp) => tp.id === muscleOrTriggerPointId));
  if (!owner) return [];
  const points = muscle ? owner.triggerPoints : owner.triggerPoints.filter((tp) => tp.id === muscleOrTriggerPointId);
  const sides: CandidateSide[] = owner.sideRule === 'midline' ? ['midline'] : side ? [side] : ['left', 'right'];
  const merged = new Map<string, ExpandedZone>();
  for (const s of sides) {
    for (const zone of expandPoints(points, s).values()) {
      const previous = merged.get(zone.region);
      if (!previous || WEIGHT_VALUE[zone.weight] > WEIGHT_VALUE[previous.weight]) merged.set(zone.region, zone);
    }
  }
  return [...merged.values()]
    .sort(
      (a, b) =>
        WEIGHT_VALUE[b.weight] - WEIGHT_VALUE[a.weight] || regionOrder.get(a.region)! - regionOrder.get(b.region)!,
    )
    .map(({ region, weight, triggerPoint }) => ({ region, weight, triggerPoint }));
}

export interface SpotReferrer {
  muscle: string;
  side: CandidateSide;
  weight: Weight;
  triggerPoint: string;
}

/**
 * The referral engine for one tapped spot: every muscle (per side) whose trigger points refer pain
 * to `regionId`, primary zones first, then by muscle id. Where the spot is sided, only muscles on
 * that side (or midline ones): the spot is where the hands are. Unknown ids give [].
 */
export function referrersOf(regionId: string): SpotReferrer[] {
  const region = regionById(regionId);
  if (!region) return [];
  return (CANDIDATES_BY_REGION.get(regionId) ?? [])
    .map(({ candidate, zone }) => ({ candidate: CANDIDATES[candidate]!, zone }))
    .filter(
      ({ candidate }) => region.side === 'midline' || candidate.side === 'midline' || candidate.side === region.side,
    )
    .sort(
      (a, b) =>
        WEIGHT_VALUE[b.zone.weight] - WEIGHT_VALUE[a.zone.weight] ||
        tieOrder[CANDIDATES.indexOf(a.candidate)]! - tieOrder[CANDIDATES.indexOf(b.candidate)]!,
    )
    .map(({ candidate, zone }) => ({
      muscle: candidate.muscle.id,
      side: candidate.side,
      weight: zone.weight,
      triggerPoint: zone.triggerPoint,
    }));
}
