// "What a therapist will check": the muscles whose referral patterns commonly send pain to the
// places a person described, in the patient wording the atlas already has. A place named without a
// side means one side, not known which, so each muscle is listed once, not once per side.
import { muscleById } from '../atlas/index.ts';
import { referrersOf } from '../referral/index.ts';
import { patientText } from '../referral/text.ts';
import type { Place, PlaceReading } from './resolve.ts';

export interface PlaceSuggestion {
  muscle: string;
  name: string;
  /** How a patient would picture the muscle ("the muscle along the top of your shoulder"). */
  plainName: string;
  /** The side the muscle is checked on: as named, 'unknown' when no side was named, or 'midline'. */
  side: 'left' | 'right' | 'both' | 'unknown' | 'midline';
  /** primary: the place is in the muscle's main referral zone; spillover: some patients feel it there. */
  weight: 'primary' | 'spillover';
  /** The matched places (bases) this muscle's pattern reaches. */
  places: string[];
  patientText: string;
}

const WEIGHT = { primary: 1, spillover: 0.5 } as const;
/** Among equal matches, muscles whose maps were reproduced by an independent study come first. */
const EVIDENCE_ORDER = { established: 0, reported: 1, 'expert-opinion': 2 } as const;

interface Gathered {
  best: Map<string, 'primary' | 'spillover'>;
  regions: Map<string, string>;
  midline: boolean;
}

/**
 * Muscles to check for the places read, best first: the share of the places in their main zone
 * (spillover counts half), then the strength of the evidence for the map, then muscle id.
 * At most `limit` (default 10).
 */
export function placeSuggestions(reading: PlaceReading, options: { limit?: number } = {}): PlaceSuggestion[] {
  const limit = options.limit ?? 10;
  const byMuscle = new Map<string, Gathered>();
  for (const place of reading.places) {
    for (const regionId of place.regionIds) {
      for (const referrer of referrersOf(regionId)) {
        const entry: Gathered = byMuscle.get(referrer.muscle) ?? {
          best: new Map(),
          regions: new Map(),
          midline: false,
        };
        const previous = entry.best.get(place.base);
        if (!previous || WEIGHT[referrer.weight] > WEIGHT[previous]) entry.best.set(place.base, referrer.weight);
        if (!entry.regions.has(place.base)) entry.regions.set(place.base, regionId);
        entry.midline ||= referrer.side === 'midline';
        byMuscle.set(referrer.muscle, entry);
      }
    }
  }
  const count = Math.max(reading.places.length, 1);
  const scored = [...byMuscle.entries()].map(([muscle, entry]) => ({
    muscle,
    entry,
    score: [...entry.best.values()].reduce((sum, w) => sum + WEIGHT[w], 0) / count,
  }));
  const evidence = (id: string) => EVIDENCE_ORDER[muscleById(id)!.evidence];
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      evidence(a.muscle) - evidence(b.muscle) ||
      (a.muscle < b.muscle ? -1 : a.muscle > b.muscle ? 1 : 0),
  );
  return scored.slice(0, Math.max(limit, 0)).map(({ muscle: id, entry }) => {
    const muscle = muscleById(id)!;
    const side = sideOf(reading.places, entry.midline, reading.side);
    const reasons = [...entry.regions.values()].map((region) => ({ region }));
    const weights = [...entry.best.values()];
    return {
      muscle: id,
      name: muscle.name,
      plainName: muscle.plainName,
      side,
      weight: weights.includes('primary') ? 'primary' : 'spillover',
      places: [...entry.best.keys()],
      patientText: patientText(muscle, side === 'left' || side === 'right' ? side : 'midline', reasons),
    };
  });
}

function sideOf(places: readonly Place[], midline: boolean, named: PlaceReading['side']): PlaceSuggestion['side'] {
  if (midline) return 'midline';
  if (named) return named;
  // Paired muscles for midline places only (the breastbone, the tailbone): either side may be the source.
  return places.some((p) => p.side === 'unknown') ? 'unknown' : 'both';
}
