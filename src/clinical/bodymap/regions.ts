// REGIONS-READY
// The body-map vocabulary: every place a pain map, a referral zone or a chart mark can name.
// Ids are stable once published (the SVG chart and stored pain maps use them); add, never rename.
import { HEAD_AND_NECK_BASES } from './regions-head.ts';
import { LOWER_LIMB_BASES, UPPER_LIMB_BASES } from './regions-limbs.ts';
import { normalizeTerm, termDistance } from './regions-text.ts';
import { TRUNK_BASES } from './regions-trunk.ts';
import type { BodyRegion, RegionBase } from './regions-types.ts';

export type { BodyArea, BodyRegion, RegionBase } from './regions-types.ts';

export const REGION_BASES: readonly RegionBase[] = [
  ...HEAD_AND_NECK_BASES,
  ...TRUNK_BASES,
  ...UPPER_LIMB_BASES,
  ...LOWER_LIMB_BASES,
];

function expand(base: RegionBase): BodyRegion[] {
  const shared = { base: base.base, view: base.view, area: base.area, synonyms: [...base.synonyms] };
  if (!base.lateral) return [{ ...shared, id: base.base, name: base.name, side: 'midline' }];
  return (['left', 'right'] as const).map((side) => ({
    ...shared,
    id: `${base.base}-${side}`,
    name: `${base.name} (${side})`,
    side,
  }));
}

export const REGIONS: readonly BodyRegion[] = REGION_BASES.flatMap(expand);

const byId = new Map(REGIONS.map((region) => [region.id, region]));
const basesByBaseId = new Map(REGION_BASES.map((base) => [base.base, base]));

/** Every normalised id, base, name and synonym → the bases it can mean (a synonym may mean several). */
const basesByTerm = new Map<string, string[]>();
for (const base of REGION_BASES) {
  for (const term of [base.base, base.name, ...base.synonyms]) {
    const key = normalizeTerm(term);
    const list = basesByTerm.get(key) ?? [];
    if (!list.includes(base.base)) list.push(base.base);
    basesByTerm.set(key, list);
  }
}
const allTerms = [...basesByTerm.keys()];

const SIDE_WORDS: Record<string, 'left' | 'right'> = {
  left: 'left',
  l: 'left',
  lt: 'left',
  right: 'right',
  r: 'right',
  rt: 'right',
};

export function regionById(id: string): BodyRegion | undefined {
  return byId.get(id);
}

export function regionBase(base: string): RegionBase | undefined {
  return basesByBaseId.get(base);
}

/** True when `base` names a place drawn on both sides of the body. */
export function isLateralBase(base: string): boolean {
  return basesByBaseId.get(base)?.lateral ?? false;
}

/** Splits a leading or trailing "left"/"right" (or l, lt, r, rt) off a normalised query. */
function splitSide(normalized: string): { rest: string; side?: 'left' | 'right' } {
  const tokens = normalized.split(' ');
  if (tokens.length > 1) {
    const last = SIDE_WORDS[tokens[tokens.length - 1]!];
    if (last) return { rest: tokens.slice(0, -1).join(' '), side: last };
    const first = SIDE_WORDS[tokens[0]!];
    if (first) return { rest: tokens.slice(1).join(' '), side: first };
  }
  return { rest: normalized };
}

function regionsOfBases(bases: readonly string[], side?: 'left' | 'right'): BodyRegion[] {
  const wanted = new Set(bases);
  return REGIONS.filter((r) => wanted.has(r.base) && (side === undefined || r.side === 'midline' || r.side === side));
}

/**
 * Finds regions by id, name or synonym, ignoring case, spaces, hyphens and apostrophes.
 * A side written in the query ("left temple", "temple-left") wins over the `side` argument;
 * a lateral place named without any side returns both sides. Unknown → [].
 */
export function resolveRegion(query: string, side?: 'left' | 'right'): BodyRegion[] {
  const exact = byId.get(query.trim().toLowerCase());
  if (exact) return [exact];
  const normalized = normalizeTerm(query);
  if (normalized === '') return [];
  const whole = basesByTerm.get(normalized);
  if (whole) return regionsOfBases(whole, side);
  const split = splitSide(normalized);
  const bases = split.side ? basesByTerm.get(split.rest) : undefined;
  return bases ? regionsOfBases(bases, split.side) : [];
}

/** Regions whose id, name or a synonym is closest to `query`, best first ("did you mean"). */
export function closestRegions(query: string, limit = 5): BodyRegion[] {
  const { rest, side } = splitSide(normalizeTerm(query));
  const bestByBase = new Map<string, number>();
  for (const term of allTerms) {
    const distance = termDistance(rest, term);
    for (const base of basesByTerm.get(term)!) {
      const previous = bestByBase.get(base);
      if (previous === undefined || distance < previous) bestByBase.set(base, distance);
    }
  }
  const order = new Map(REGION_BASES.map((b, i) => [b.base, i]));
  const ranked = [...bestByBase.entries()].sort((a, b) => a[1] - b[1] || order.get(a[0])! - order.get(b[0])!);
  const result: BodyRegion[] = [];
  for (const [base] of ranked) {
    for (const region of regionsOfBases([base], side)) {
      if (result.length < limit) result.push(region);
    }
    if (result.length >= limit) break;
  }
  return result;
}

/** The same place on the other side; midline regions (and unknown ids) are returned unchanged. */
export function mirrorRegion(id: string): string {
  const region = byId.get(id);
  if (!region || region.side === 'midline') return id;
  return `${region.base}-${region.side === 'left' ? 'right' : 'left'}`;
}
