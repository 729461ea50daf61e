import { MUSCLES } from '../../../../../src/clinical/atlas/index.ts';
import type { Muscle } from '../../../../../src/clinical/atlas/index.ts';
import { regionById, REGIONS } from '../../../../../src/clinical/bodymap/regions.ts';
import type { Suggestion } from '../../../../../src/clinical/referral/index.ts';
import type { PalpatedPoint } from '../../../api/charting.ts';

export interface MuscleChoice {
  muscle: Muscle;
  /** The referral engine's score for this muscle on this side, when it suggested it. */
  score: number | null;
  /** The muscle refers pain to the tapped place itself. */
  refersHere: boolean;
}

/**
 * The atlas muscles worth offering after a tap on `regionId`: those of the same body area and those
 * whose referral zones include the place, ranked by the referral engine's suggestions for the pain
 * map first (what to examine), then local referrers, then by name. The atlas has no "lies under
 * this region" field, so area is the nearest honest filter; "Show all muscles" lifts it.
 */
export function musclesForRegion(regionId: string, suggestions: readonly Suggestion[], all = false): MuscleChoice[] {
  const region = regionById(regionId);
  if (!region) return [];
  const side = region.side;
  const choices: MuscleChoice[] = [];
  for (const muscle of MUSCLES) {
    const refersHere = muscle.triggerPoints.some((tp) => tp.zones.some((z) => z.region === region.base));
    const suggestion = suggestions.find((s) => s.muscle === muscle.id && (s.side === side || s.side === 'midline' || side === 'midline'));
    if (!all && muscle.area !== region.area && !refersHere && !suggestion) continue;
    choices.push({ muscle, score: suggestion?.score ?? null, refersHere });
  }
  return choices.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || Number(b.refersHere) - Number(a.refersHere) || a.muscle.name.localeCompare(b.muscle.name));
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
