import { MUSCLES } from '../../../../../src/clinical/atlas/index.ts';
import type { Muscle } from '../../../../../src/clinical/atlas/index.ts';
import { regionById, REGIONS } from '../../../../../src/clinical/bodymap/regions.ts';
import { referrersOf, type Suggestion } from '../../../../../src/clinical/referral/index.ts';
import type { PalpatedPoint } from '../../../api/charting.ts';

export interface MuscleChoice {
  muscle: Muscle;
  /** The referral engine's score for this muscle on this side, when it suggested it. */
  score: number | null;
  /** How the muscle's trigger points refer pain to the tapped place itself (null: they do not). */
  refersHere: 'primary' | 'spillover' | null;
}

const WEIGHT_RANK = { primary: 2, spillover: 1 } as const;

/**
 * The atlas muscles worth offering after a tap on `regionId`, ranked for that spot: first those the
 * referral engine says refer pain to this very place (primary zones before spillover, muscles of
 * the place's own body area first), then the engine's suggestions for the whole pain map, then the
 * rest of the area by name. The atlas has no "lies under this region" field, so area is the nearest
 * honest filter; "Show all muscles" lifts it.
 */
export function musclesForRegion(regionId: string, suggestions: readonly Suggestion[], all = false): MuscleChoice[] {
  const region = regionById(regionId);
  if (!region) return [];
  const side = region.side;
  const spot = new Map<string, 'primary' | 'spillover'>();
  for (const referrer of referrersOf(regionId))
    if (!spot.has(referrer.muscle)) spot.set(referrer.muscle, referrer.weight);
  const choices: MuscleChoice[] = [];
  for (const muscle of MUSCLES) {
    const refersHere = spot.get(muscle.id) ?? null;
    const suggestion = suggestions.find(
      (s) => s.muscle === muscle.id && (s.side === side || s.side === 'midline' || side === 'midline'),
    );
    if (!all && muscle.area !== region.area && !refersHere && !suggestion) continue;
    choices.push({ muscle, score: suggestion?.score ?? null, refersHere });
  }
  const rank = (c: MuscleChoice) => (c.refersHere ? WEIGHT_RANK[c.refersHere] : 0);
  const local = (c: MuscleChoice) => Number(c.muscle.area === region.area);
  return choices.sort(
    (a, b) =>
      rank(b) - rank(a) ||
      local(b) - local(a) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      a.muscle.name.localeCompare(b.muscle.name),
  );
}

const PLACED = 'Found at: ';

/** Palpated points keep where they were placed as a readable note ("Found at: Upper back (left)"). */
export function placedNote(regionId: string): string {
  return `${PLACED}${regionById(regionId)?.name ?? regionId}`;
}

export function placedRegion(point: PalpatedPoint): string | null {
  if (!point.note?.startsWith(PLACED)) return null;
  const name = point.note.slice(PLACED.length).split('\n')[0]!.trim();
  return REGIONS.find((r) => r.name === name)?.id ?? null;
}

export function sideOfRegion(regionId: string): 'left' | 'right' | 'midline' {
  return regionById(regionId)?.side ?? 'midline';
}
