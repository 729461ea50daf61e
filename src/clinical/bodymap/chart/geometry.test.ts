import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  mirrorX,
  patchPoint,
  PARAM_GRID,
  polygonPathData,
  sampleParamEdge,
  segment,
  simplifyPolyline,
  spline,
  subCurve,
} from './geometry.ts';
import type { Patch, Point } from './geometry.ts';
import { drawnOnTemplateHalf } from './shapes.ts';

const coord = fc.double({ min: -500, max: 500, noNaN: true });
const point = fc.record({ x: coord, y: coord });
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const close = (a: Point, b: Point, eps = 1e-6) => Math.hypot(a.x - b.x, a.y - b.y) < eps;

describe('spline', () => {
  it('passes through every landmark at u = k / n (property)', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 9 }), (pts) => {
        const curve = spline(pts);
        pts.forEach((p, k) => expect(close(curve(k / (pts.length - 1)), p)).toBe(true));
      }),
    );
  });

  it('lets a sub-curve between landmarks reproduce that stretch exactly', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 10, y: 5 },
      { x: 20, y: 0 },
      { x: 30, y: 8 },
    ];
    const sub = subCurve(spline(pts), 1 / 3, 2 / 3);
    expect(sub(0)).toEqual(pts[1]);
    expect(close(sub(1), pts[2]!)).toBe(true);
    expect(close(sub(0.5), spline(pts)(0.5))).toBe(true);
  });
});

describe('patchPoint (Coons patch)', () => {
  const patch: Patch = {
    top: spline([
      { x: 0, y: 0 },
      { x: 5, y: -3 },
      { x: 10, y: 0 },
    ]),
    bottom: segment({ x: 0, y: 20 }, { x: 12, y: 22 }),
    near: spline([
      { x: 0, y: 0 },
      { x: -2, y: 10 },
      { x: 0, y: 20 },
    ]),
    far: segment({ x: 10, y: 0 }, { x: 12, y: 22 }),
  };

  it('follows all four boundary curves exactly (property)', () => {
    fc.assert(
      fc.property(unit, (u) => {
        expect(close(patchPoint(patch, u, 0), patch.top(u))).toBe(true);
        expect(close(patchPoint(patch, u, 1), patch.bottom(u))).toBe(true);
        expect(close(patchPoint(patch, 0, u), patch.near(u))).toBe(true);
        expect(close(patchPoint(patch, 1, u), patch.far(u))).toBe(true);
      }),
    );
  });

  it('reduces to bilinear interpolation on a parallelogram', () => {
    const square: Patch = {
      top: segment({ x: 0, y: 0 }, { x: 10, y: 0 }),
      bottom: segment({ x: 0, y: 10 }, { x: 10, y: 10 }),
      near: segment({ x: 0, y: 0 }, { x: 0, y: 10 }),
      far: segment({ x: 10, y: 0 }, { x: 10, y: 10 }),
    };
    fc.assert(
      fc.property(unit, unit, (s, t) => {
        expect(close(patchPoint(square, s, t), { x: 10 * s, y: 10 * t })).toBe(true);
      }),
    );
  });
});

describe('sampleParamEdge', () => {
  it('includes both ends and steps monotonically along the edge (property)', () => {
    fc.assert(
      fc.property(unit, unit, unit, (t, a, b) => {
        const samples = sampleParamEdge([a, t], [b, t]);
        expect(samples[0]).toEqual([a, t]);
        expect(samples.length).toBeGreaterThanOrEqual(1);
        const ss = [...samples.map((q) => q[0]), b];
        for (let i = 1; i < ss.length; i++) expect((ss[i]! - ss[i - 1]!) * (b - a)).toBeGreaterThanOrEqual(0);
        for (const q of samples.slice(1))
          expect(Number.isInteger(Math.round(q[0] * PARAM_GRID * 1e6) / 1e6)).toBe(true);
      }),
    );
  });

  it('puts the interior samples of overlapping collinear edges on the same grid, so shared borders coincide', () => {
    fc.assert(
      fc.property(unit, unit, unit, unit, (t, a, b, c) => {
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        const long = new Set(
          sampleParamEdge([lo, t], [hi, t])
            .slice(1)
            .map((q) => q[0]),
        );
        const shortEnd = lo + (hi - lo) * c;
        for (const q of sampleParamEdge([lo, t], [shortEnd, t]).slice(1)) expect(long.has(q[0])).toBe(true);
      }),
    );
  });
});

describe('simplifyPolyline', () => {
  const distanceToSegment = (q: Point, a: Point, b: Point): number => {
    const len2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
    const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((q.x - a.x) * (b.x - a.x) + (q.y - a.y) * (b.y - a.y)) / len2));
    return Math.hypot(q.x - a.x - u * (b.x - a.x), q.y - a.y - u * (b.y - a.y));
  };

  it('keeps both ends, keeps order, and leaves every dropped point within tolerance (property)', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 2, maxLength: 40 }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        (pts, tol) => {
          const out = simplifyPolyline(pts, tol);
          expect(out[0]).toBe(pts[0]);
          expect(out[out.length - 1]).toBe(pts[pts.length - 1]);
          const indices = out.map((q) => pts.indexOf(q));
          expect(indices).toEqual([...indices].sort((a, b) => a - b));
          for (let k = 0; k + 1 < indices.length; k++) {
            for (let i = indices[k]! + 1; i < indices[k + 1]!; i++) {
              expect(distanceToSegment(pts[i]!, out[k]!, out[k + 1]!)).toBeLessThanOrEqual(tol + 1e-9);
            }
          }
        },
      ),
    );
  });

  it('collapses a straight run to its ends', () => {
    const line = Array.from({ length: 10 }, (_, i) => ({ x: i, y: 2 * i }));
    expect(simplifyPolyline(line, 0.01)).toEqual([line[0], line[9]]);
  });
});

describe('helpers', () => {
  it('mirrors across a vertical axis as an involution (property)', () => {
    fc.assert(
      fc.property(point, coord, (p, axis) => {
        expect(close(mirrorX(mirrorX(p, axis), axis), p, 1e-9)).toBe(true);
      }),
    );
  });

  it('writes closed polygons without repeated points', () => {
    expect(
      polygonPathData([
        { x: 0, y: 0 },
        { x: 1.04, y: 0 },
        { x: 1, y: 0 },
        { x: 1, y: 2 },
      ]),
    ).toBe('M0 0L1 0L1 2Z');
    expect(
      boundingBox([
        { x: 3, y: -1 },
        { x: -2, y: 4 },
      ]),
    ).toEqual({ minX: -2, minY: -1, maxX: 3, maxY: 4 });
  });

  it('draws the patient right on the viewer left in front and on the viewer right from behind', () => {
    expect(drawnOnTemplateHalf('front', 'right')).toBe(true);
    expect(drawnOnTemplateHalf('front', 'left')).toBe(false);
    expect(drawnOnTemplateHalf('back', 'right')).toBe(false);
    expect(drawnOnTemplateHalf('back', 'left')).toBe(true);
  });
});
