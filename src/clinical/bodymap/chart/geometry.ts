// Small 2-D geometry kit for the body chart: smooth curves through landmarks, Coons patches
// spanned by four such curves, and SVG path-data output. Everything is pure and deterministic.

export interface Point {
  x: number;
  y: number;
}

/** A curve maps u ∈ [0, 1] to a point; u = 0 is its start, u = 1 its end. */
export type Curve = (u: number) => Point;

const clamp01 = (u: number): number => (u < 0 ? 0 : u > 1 ? 1 : u);

/**
 * A uniform Catmull-Rom spline through every landmark. The k-th landmark of n + 1 sits exactly at
 * u = k / n, which lets neighbouring parts share a stretch of one curve (see `subCurve`).
 */
export function spline(points: readonly Point[]): Curve {
  if (points.length < 2) throw new Error('a spline needs at least two points');
  const n = points.length - 1;
  const at = (i: number): Point => points[Math.max(0, Math.min(n, i))]!;
  return (u) => {
    const f = clamp01(u) * n;
    const i = Math.min(n - 1, Math.floor(f));
    const t = f - i;
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    const t2 = t * t;
    const t3 = t2 * t;
    const blend = (a: number, b: number, c: number, d: number): number =>
      0.5 * (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (3 * b - a - 3 * c + d) * t3);
    return { x: blend(p0.x, p1.x, p2.x, p3.x), y: blend(p0.y, p1.y, p2.y, p3.y) };
  };
}

export function segment(a: Point, b: Point): Curve {
  return (u) => ({ x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u });
}

/** The stretch of `curve` from u0 to u1, re-parametrised to [0, 1] (u1 < u0 runs it backwards). */
export function subCurve(curve: Curve, u0: number, u1: number): Curve {
  return (u) => curve(u0 + (u1 - u0) * u);
}

export function reversed(curve: Curve): Curve {
  return (u) => curve(1 - u);
}

/** The fixed point a degenerate patch edge collapses to (a crown, a fingertip). */
export function pinned(p: Point): Curve {
  return () => p;
}

/**
 * Four boundary curves of a body part. s runs across the part (`top` and `bottom` go s = 0 → 1),
 * t runs along it (`near` is the s = 0 side, `far` the s = 1 side, both going t = 0 → 1).
 * The corners must meet: top(0) = near(0), top(1) = far(0), bottom(0) = near(1), bottom(1) = far(1).
 */
export interface Patch {
  top: Curve;
  bottom: Curve;
  near: Curve;
  far: Curve;
}

/** Bilinearly blended Coons patch: interior points follow all four edges smoothly. */
export function patchPoint(patch: Patch, s: number, t: number): Point {
  const top = patch.top(s);
  const bottom = patch.bottom(s);
  const near = patch.near(t);
  const far = patch.far(t);
  const c00 = patch.top(0);
  const c10 = patch.top(1);
  const c01 = patch.bottom(0);
  const c11 = patch.bottom(1);
  const mix = (k: 'x' | 'y'): number =>
    (1 - t) * top[k] +
    t * bottom[k] +
    (1 - s) * near[k] +
    s * far[k] -
    ((1 - s) * (1 - t) * c00[k] + s * (1 - t) * c10[k] + (1 - s) * t * c01[k] + s * t * c11[k]);
  return { x: mix('x'), y: mix('y') };
}

/** Parameter steps used to sample edges; shared edges land on the same grid, so they coincide. */
export const PARAM_GRID = 48;

/** Points along the parameter-space segment a → b, endpoints included, on the shared grid. */
export function sampleParamEdge(a: readonly [number, number], b: readonly [number, number]): [number, number][] {
  const [s0, t0] = a;
  const [s1, t1] = b;
  const out: [number, number][] = [[s0, t0]];
  const axisAligned = s0 === s1 || t0 === t1;
  if (axisAligned) {
    const from = s0 === s1 ? t0 : s0;
    const to = s0 === s1 ? t1 : s1;
    const dir = to > from ? 1 : -1;
    let k = dir > 0 ? Math.floor(from * PARAM_GRID) + 1 : Math.ceil(from * PARAM_GRID) - 1;
    for (; dir > 0 ? k / PARAM_GRID < to - 1e-9 : k / PARAM_GRID > to + 1e-9; k += dir) {
      const v = k / PARAM_GRID;
      out.push(s0 === s1 ? [s0, v] : [v, t0]);
    }
  } else {
    const steps = Math.max(2, Math.ceil(Math.hypot(s1 - s0, t1 - t0) * PARAM_GRID));
    for (let i = 1; i < steps; i++) out.push([s0 + ((s1 - s0) * i) / steps, t0 + ((t1 - t0) * i) / steps]);
  }
  return out;
}

export function mirrorX(p: Point, axisX: number): Point {
  return { x: 2 * axisX - p.x, y: p.y };
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boundingBox(points: readonly Point[]): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of points) {
    box.minX = Math.min(box.minX, p.x);
    box.minY = Math.min(box.minY, p.y);
    box.maxX = Math.max(box.maxX, p.x);
    box.maxY = Math.max(box.maxY, p.y);
  }
  return box;
}

const fmt = (v: number): string => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Closed polygon as compact SVG path data ("M x y L x y … Z"), one decimal place. */
export function polygonPathData(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const parts = [`M${fmt(first.x)} ${fmt(first.y)}`];
  let prev = `${fmt(first.x)} ${fmt(first.y)}`;
  for (const p of rest) {
    const xy = `${fmt(p.x)} ${fmt(p.y)}`;
    if (xy !== prev) parts.push(`L${xy}`);
    prev = xy;
  }
  return `${parts.join('')}Z`;
}

export function roundPoint(p: Point): Point {
  return { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
}

function distanceToSegment(q: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / len2));
  return Math.hypot(q.x - a.x - u * dx, q.y - a.y - u * dy);
}

/**
 * Douglas–Peucker simplification of an open polyline: drops points closer than `tolerance` to the
 * chord (segment) that replaces them (Douglas & Peucker 1973, Cartographica 10(2)). Ends are always kept.
 */
export function simplifyPolyline(points: readonly Point[], tolerance: number): Point[] {
  if (points.length < 3) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    const a = points[from]!;
    const b = points[to]!;
    let worst = -1;
    let worstAt = -1;
    for (let i = from + 1; i < to; i++) {
      const distance = distanceToSegment(points[i]!, a, b);
      if (distance > worst) {
        worst = distance;
        worstAt = i;
      }
    }
    if (worst > tolerance) {
      keep[worstAt] = true;
      stack.push([from, worstAt], [worstAt, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}
