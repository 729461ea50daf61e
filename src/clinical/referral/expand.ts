// Turns the atlas's side-relative zones into concrete region ids, once, at module load:
// a paired muscle becomes a left and a right candidate, each with its own map of regions.
import { MUSCLES } from '../atlas/index.ts';
import type { Muscle, ReferralZone, TriggerPoint } from '../atlas/index.ts';
import { isLateralBase } from '../bodymap/regions.ts';

export type Weight = 'primary' | 'spillover';
export type CandidateSide = 'left' | 'right' | 'midline';

export const WEIGHT_VALUE: Record<Weight, number> = { primary: 1, spillover: 0.5 };

export interface ExpandedZone {
  region: string;
  weight: Weight;
  triggerPoint: string;
}

export interface Candidate {
  muscle: Muscle;
  side: CandidateSide;
  /** Best zone per region id (primary beats spillover; the earlier trigger point wins ties). */
  zones: Map<string, ExpandedZone>;
}

function regionIdsFor(zone: ReferralZone, pointSide: CandidateSide): string[] {
  if (!isLateralBase(zone.region)) return [zone.region];
  const both = [`${zone.region}-left`, `${zone.region}-right`];
  if (pointSide === 'midline' || zone.side === 'both') return both;
  const opposite = pointSide === 'left' ? 'right' : 'left';
  return [`${zone.region}-${zone.side === 'same' ? pointSide : opposite}`];
}

/** Region ids a set of trigger points reaches when the points lie on `side`. */
export function expandPoints(points: readonly TriggerPoint[], side: CandidateSide): Map<string, ExpandedZone> {
  const zones = new Map<string, ExpandedZone>();
  for (const point of points) {
    for (const zone of point.zones) {
      for (const region of regionIdsFor(zone, side)) {
        const previous = zones.get(region);
        if (!previous || WEIGHT_VALUE[zone.weight] > WEIGHT_VALUE[previous.weight]) {
          zones.set(region, { region, weight: zone.weight, triggerPoint: point.id });
        }
      }
    }
  }
  return zones;
}

function candidatesOf(muscle: Muscle): Candidate[] {
  const sides: CandidateSide[] = muscle.sideRule === 'paired' ? ['left', 'right'] : ['midline'];
  return sides.map((side) => ({ muscle, side, zones: expandPoints(muscle.triggerPoints, side) }));
}

export const CANDIDATES: readonly Candidate[] = MUSCLES.flatMap(candidatesOf);

/** region id → every candidate (by index in CANDIDATES) whose zones include it. */
export const CANDIDATES_BY_REGION: ReadonlyMap<
  string,
  ReadonlyArray<{ candidate: number; zone: ExpandedZone }>
> = (() => {
  const index = new Map<string, Array<{ candidate: number; zone: ExpandedZone }>>();
  CANDIDATES.forEach((candidate, i) => {
    for (const zone of candidate.zones.values()) {
      const list = index.get(zone.region) ?? [];
      list.push({ candidate: i, zone });
      index.set(zone.region, list);
    }
  });
  return index;
})();
