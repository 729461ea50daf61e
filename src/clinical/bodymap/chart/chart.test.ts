import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BODY_CHARTS, chartGaps } from './chart.ts';
import type { BodyChart } from './chart.ts';
import { CENTRE_X } from './figure.ts';
import { boundingBox } from './geometry.ts';
import type { Box, Point } from './geometry.ts';
import { isValidPathData, parsePathData, pathDataPoints } from './pathdata.ts';
import { REGIONS, regionById } from '../regions.ts';

const VIEWS = ['front', 'back'] as const;

/** Closed pieces of a region path (regions are drawn with absolute M, L and Z only). */
function pieces(d: string): Point[][] {
  const out: Point[][] = [];
  for (const { command, args } of parsePathData(d)) {
    if (command === 'M') out.push([{ x: args[0]!, y: args[1]! }]);
    else if (command === 'L') out[out.length - 1]!.push({ x: args[0]!, y: args[1]! });
    else if (command !== 'Z') throw new Error(`unexpected ${command} in a region path`);
  }
  return out;
}

/** Even-odd point-in-polygon over all pieces. */
function contains(polys: readonly Point[][], q: Point): boolean {
  let inside = false;
  for (const poly of polys) {
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const a = poly[i]!;
      const b = poly[j]!;
      if (a.y > q.y !== b.y > q.y && q.x < ((b.x - a.x) * (q.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

function distanceToEdges(polys: readonly Point[][], q: Point): number {
  let best = Infinity;
  for (const poly of polys) {
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const a = poly[i]!;
      const b = poly[j]!;
      const len2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2 || 1;
      const u = Math.max(0, Math.min(1, ((q.x - a.x) * (b.x - a.x) + (q.y - a.y) * (b.y - a.y)) / len2));
      best = Math.min(best, Math.hypot(q.x - (a.x + u * (b.x - a.x)), q.y - (a.y + u * (b.y - a.y))));
    }
  }
  return best;
}

const boxOf = (d: string): Box => boundingBox(pieces(d).flat());
const pathOf = (chart: BodyChart, id: string) => chart.paths.find((p) => p.region === id);

describe('BODY_CHARTS coverage', () => {
  it('draws every region of the vocabulary', () => {
    expect(chartGaps()).toEqual([]);
  });

  it.each(VIEWS)('%s view: one path per region of that view, none of the other view', (view) => {
    const ids = BODY_CHARTS[view].paths.map((p) => p.region);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = REGIONS.filter((r) => r.view === view).map((r) => r.id);
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it('names only known regions, each in exactly one view', () => {
    const all = [...BODY_CHARTS.front.paths, ...BODY_CHARTS.back.paths].map((p) => p.region);
    for (const id of all) expect(regionById(id), id).toBeDefined();
    expect(all).toHaveLength(REGIONS.length);
  });
});

describe.each(VIEWS)('%s chart geometry', (view) => {
  const chart = BODY_CHARTS[view];
  const polys = new Map(chart.paths.map((p) => [p.region, pieces(p.d)]));
  const silhouette = parsePathData(chart.outline);

  it('has valid path data everywhere', () => {
    for (const p of chart.paths) expect(isValidPathData(p.d), p.region).toBe(true);
    expect(silhouette.length).toBeGreaterThan(50);
    if (chart.landmarks) expect(isValidPathData(chart.landmarks)).toBe(true);
    expect(chart.viewBox).toMatch(/^0 0 \d+ \d+$/);
  });

  it('keeps every region and its label inside the canvas and inside its own bounding box', () => {
    const [, , width, height] = chart.viewBox.split(' ').map(Number) as [number, number, number, number];
    for (const p of chart.paths) {
      const box = boxOf(p.d);
      expect(box.minX, p.region).toBeGreaterThanOrEqual(0);
      expect(box.maxX, p.region).toBeLessThanOrEqual(width);
      expect(box.minY, p.region).toBeGreaterThanOrEqual(0);
      expect(box.maxY, p.region).toBeLessThanOrEqual(height);
      expect(p.label.x, p.region).toBeGreaterThanOrEqual(box.minX);
      expect(p.label.x, p.region).toBeLessThanOrEqual(box.maxX);
      expect(p.label.y, p.region).toBeGreaterThanOrEqual(box.minY);
      expect(p.label.y, p.region).toBeLessThanOrEqual(box.maxY);
    }
  });

  it('puts each label inside its own region and inside no other', () => {
    for (const p of chart.paths) {
      expect(contains(polys.get(p.region)!, p.label), `${p.region} own`).toBe(true);
      for (const [other, poly] of polys) {
        if (other !== p.region) expect(contains(poly, p.label), `${p.region} in ${other}`).toBe(false);
      }
    }
  });

  it('tiles without overlaps: no point lies inside two regions except on a shared edge', () => {
    const boxes = new Map(chart.paths.map((p) => [p.region, boxOf(p.d)]));
    for (let y = 20; y < 850; y += 2.5) {
      for (let x = 20; x < 380; x += 2.5) {
        const q = { x, y };
        const hits = chart.paths.filter((p) => {
          const b = boxes.get(p.region)!;
          return x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY && contains(polys.get(p.region)!, q);
        });
        if (hits.length > 1) {
          const near = Math.min(...hits.map((h) => distanceToEdges(polys.get(h.region)!, q)));
          expect(near, `${hits.map((h) => h.region).join(' & ')} at ${x},${y}`).toBeLessThan(0.35);
        }
      }
    }
  });

  it('keeps lateral regions on one half and midline regions across the centre line', () => {
    for (const p of chart.paths) {
      const region = regionById(p.region)!;
      const box = boxOf(p.d);
      if (region.side === 'midline') {
        expect(box.minX, p.region).toBeLessThan(CENTRE_X);
        expect(box.maxX, p.region).toBeGreaterThan(CENTRE_X);
        expect(box.minX + box.maxX, p.region).toBeCloseTo(2 * CENTRE_X, 0);
        expect(p.label.x).toBe(CENTRE_X);
      } else {
        // Front: the patient's right is on the viewer's left; back: on the viewer's right.
        const onViewersLeft = (view === 'front') === (region.side === 'right');
        if (onViewersLeft) expect(box.maxX, p.region).toBeLessThanOrEqual(CENTRE_X + 0.05);
        else expect(box.minX, p.region).toBeGreaterThanOrEqual(CENTRE_X - 0.05);
      }
    }
  });

  it('draws left and right regions as mirror images across the centre line', () => {
    for (const p of chart.paths) {
      const region = regionById(p.region)!;
      if (region.side !== 'left') continue;
      const right = pathOf(chart, `${region.base}-right`);
      expect(right, region.base).toBeDefined();
      const l = boxOf(p.d);
      const r = boxOf(right!.d);
      expect(Math.abs(l.minX - (2 * CENTRE_X - r.maxX)), region.base).toBeLessThanOrEqual(0.11);
      expect(Math.abs(l.maxX - (2 * CENTRE_X - r.minX)), region.base).toBeLessThanOrEqual(0.11);
      expect(l.minY).toBeCloseTo(r.minY, 5);
      expect(l.maxY).toBeCloseTo(r.maxY, 5);
      expect(p.label.x + right!.label.x).toBeCloseTo(2 * CENTRE_X, 0);
      expect(p.label.y).toBe(right!.label.y);
    }
  });

  it('keeps every region within the silhouette (label points inside the body outline)', () => {
    const outlinePieces: Point[][] = [];
    for (const { command, args } of silhouette) {
      if (command === 'M') outlinePieces.push([{ x: args[0]!, y: args[1]! }]);
      else if (command === 'L') outlinePieces[outlinePieces.length - 1]!.push({ x: args[0]!, y: args[1]! });
    }
    for (const p of chart.paths) {
      expect(
        outlinePieces.some((piece) => contains([piece], p.label)),
        p.region,
      ).toBe(true);
    }
  });
});

describe('anatomical placement', () => {
  const centreY = (view: 'front' | 'back', id: string): number => {
    const b = boxOf(pathOf(BODY_CHARTS[view], id)!.d);
    return (b.minY + b.maxY) / 2;
  };

  it('orders regions from head to foot', () => {
    const front = [
      'vertex',
      'forehead-left',
      'eyebrow-left',
      'cheek-left',
      'throat',
      'sternum',
      'upper-abdomen',
      'lower-abdomen',
      'anterior-thigh-left',
      'anterior-knee-left',
      'shin-left',
      'instep-left',
      'big-toe-left',
    ];
    const ys = front.map((id) => centreY('front', id));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const back = [
      'occiput-left',
      'suboccipital-left',
      'posterior-neck',
      'upper-back',
      'mid-back',
      'lumbar-spine',
      'sacrum',
      'posterior-thigh-left',
      'back-of-knee-left',
      'calf-left',
      'achilles-left',
    ];
    const backYs = back.map((id) => centreY('back', id));
    expect(backYs).toEqual([...backYs].sort((a, b) => a - b));
  });

  it('puts the thumb on the outer edge of the hand and the big toe on the inner edge of the foot', () => {
    const distance = (id: string) => {
      const b = boxOf(pathOf(BODY_CHARTS.front, id)!.d);
      return Math.abs((b.minX + b.maxX) / 2 - CENTRE_X);
    };
    expect(distance('thumb-right')).toBeGreaterThan(distance('index-finger-right'));
    expect(distance('index-finger-right')).toBeGreaterThan(distance('little-finger-right'));
    expect(distance('big-toe-right')).toBeLessThan(distance('lesser-toes-right'));
  });

  it('draws the four smaller toes as four separate pieces of one region', () => {
    expect(pieces(pathOf(BODY_CHARTS.front, 'lesser-toes-left')!.d)).toHaveLength(4);
  });

  it('gives every region a label whose coordinates are finite numbers (property over all regions)', () => {
    const all = [...BODY_CHARTS.front.paths, ...BODY_CHARTS.back.paths];
    fc.assert(
      fc.property(fc.constantFrom(...all), (p) => {
        expect(Number.isFinite(p.label.x) && Number.isFinite(p.label.y)).toBe(true);
        expect(pathDataPoints(p.d).every((q) => Number.isFinite(q.x) && Number.isFinite(q.y))).toBe(true);
      }),
    );
  });
});
