import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestRegions, mirrorRegion, REGION_BASES, REGIONS, regionById, resolveRegion } from './regions.ts';

const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('region vocabulary', () => {
  it('has unique ids and unique bases', () => {
    expect(new Set(ids([...REGIONS])).size).toBe(REGIONS.length);
    expect(new Set(REGION_BASES.map((b) => b.base)).size).toBe(REGION_BASES.length);
  });

  it('is at the granularity therapists need (well over 100 regions)', () => {
    expect(REGIONS.length).toBeGreaterThanOrEqual(120);
  });

  it('gives every lateral base both a left and a right region, and midline ids equal their base', () => {
    for (const base of REGION_BASES) {
      if (base.lateral) {
        expect(regionById(`${base.base}-left`)?.side).toBe('left');
        expect(regionById(`${base.base}-right`)?.side).toBe('right');
        expect(regionById(base.base)).toBeUndefined();
      } else {
        expect(regionById(base.base)?.side).toBe('midline');
      }
    }
  });

  it('uses only lower-case kebab-case ids', () => {
    for (const region of REGIONS) expect(region.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('mirrorRegion', () => {
  it('swaps sides and keeps midline regions', () => {
    expect(mirrorRegion('temple-left')).toBe('temple-right');
    expect(mirrorRegion('thumb-web-right')).toBe('thumb-web-left');
    expect(mirrorRegion('sacrum')).toBe('sacrum');
  });

  it('round-trips for every region and always lands on an existing region', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REGIONS), (region) => {
        const mirrored = mirrorRegion(region.id);
        expect(regionById(mirrored)?.base).toBe(region.base);
        expect(mirrorRegion(mirrored)).toBe(region.id);
        expect(mirrored === region.id).toBe(region.side === 'midline');
      }),
    );
  });
});

describe('resolveRegion', () => {
  it('finds ids, names and synonyms whatever the case, spacing or hyphens', () => {
    expect(ids(resolveRegion('temple-left'))).toEqual(['temple-left']);
    expect(ids(resolveRegion('Tennis Elbow', 'right'))).toEqual(['lateral-epicondyle-right']);
    expect(ids(resolveRegion("golfer's elbow", 'left'))).toEqual(['medial-epicondyle-left']);
    expect(ids(resolveRegion('golfers-elbow', 'left'))).toEqual(['medial-epicondyle-left']);
    expect(ids(resolveRegion('jaw joint', 'left'))).toEqual(['tmj-left']);
    expect(ids(resolveRegion('shoulder blade', 'left'))).toEqual(['scapula-left']);
    expect(ids(resolveRegion('sciatic buttock', 'right'))).toEqual(['buttock-right']);
    expect(ids(resolveRegion('funny bone', 'right'))).toEqual(['medial-epicondyle-right']);
    expect(ids(resolveRegion('SHIN SPLINTS', 'left'))).toEqual(['shin-left']);
  });

  it('returns both sides for a lateral place named without a side', () => {
    expect(ids(resolveRegion('temple')).sort()).toEqual(['temple-left', 'temple-right']);
  });

  it('reads a side written in the query, before or after the place', () => {
    expect(ids(resolveRegion('left temple'))).toEqual(['temple-left']);
    expect(ids(resolveRegion('Tennis elbow right'))).toEqual(['lateral-epicondyle-right']);
    expect(ids(resolveRegion('temple left', 'right'))).toEqual(['temple-left']);
  });

  it('returns midline regions whatever side is asked for', () => {
    expect(ids(resolveRegion('tailbone', 'left'))).toEqual(['coccyx']);
  });

  it('returns every place an ambiguous word may mean', () => {
    expect(ids(resolveRegion('wrist', 'left')).sort()).toEqual(['dorsal-wrist-left', 'volar-wrist-left']);
  });

  it('returns nothing for unknown words', () => {
    expect(resolveRegion('tempel')).toEqual([]);
    expect(resolveRegion('')).toEqual([]);
  });
});

describe('closestRegions', () => {
  it('suggests temple for "tempel"', () => {
    expect(ids(closestRegions('tempel', 2)).sort()).toEqual(['temple-left', 'temple-right']);
  });

  it('keeps the side typed in a misspelt query', () => {
    expect(ids(closestRegions('left tempel', 1))).toEqual(['temple-left']);
  });

  it('matches reordered words and respects the limit', () => {
    expect(closestRegions('elbow tenis', 3)[0]?.base).toBe('lateral-epicondyle');
    expect(closestRegions('x', 4)).toHaveLength(4);
  });
});
