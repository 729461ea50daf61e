// Turns a region's footprint — polygons in the (s, t) parameter space of body parts — into canvas
// outlines, placing them on the correct half of the canvas for the region's view and side.

import { AXIAL_PARTS, CENTRE_X, PARTS, VIEW_PARTS } from './figure.ts';
import type { PartName } from './figure.ts';
import { mirrorX, patchPoint, polygonPathData, roundPoint, sampleParamEdge, simplifyPolyline } from './geometry.ts';
import type { Point } from './geometry.ts';

/** Canvas units a simplified edge may stray from the sampled curve (well under a screen pixel). */
const SIMPLIFY_TOLERANCE = 0.05;

export type ParamPoint = readonly [s: number, t: number];

/** Footprint on one part: a rectangle [s0, s1, t0, t1] or a polygon of (s, t) corners. */
export type PartShape =
  | { part: PartName; rect: readonly [s0: number, s1: number, t0: number, t1: number] }
  | { part: PartName; poly: readonly ParamPoint[] };

/** A region is usually one shape; a few (lesser toes, heel) need several separate pieces. */
export type RegionFootprint = PartShape | readonly PartShape[];

export type View = 'front' | 'back';
export type Side = 'left' | 'right' | 'midline';

/**
 * Parts are drawn left of the centre line. In the front view that half shows the patient's right
 * side; in the back view it shows the patient's left side. The other side is the mirror image.
 */
export function drawnOnTemplateHalf(view: View, side: 'left' | 'right'): boolean {
  return view === 'front' ? side === 'right' : side === 'left';
}

export function corners(shape: PartShape): readonly ParamPoint[] {
  if ('poly' in shape) return shape.poly;
  const [s0, s1, t0, t1] = shape.rect;
  return [
    [s0, t0],
    [s1, t0],
    [s1, t1],
    [s0, t1],
  ];
}

function trace(part: PartName, path: readonly ParamPoint[], closed: boolean): Point[] {
  const patch = PARTS[part];
  const out: Point[] = [];
  const edges = closed ? path.length : path.length - 1;
  for (let i = 0; i < edges; i++) {
    const a = path[i]!;
    const b = path[(i + 1) % path.length]!;
    const run = [...sampleParamEdge(a, b), b].map(([s, t]) => patchPoint(patch, s, t));
    // Each edge is simplified on its own, so its corners stay exactly where the layout put them.
    out.push(...simplifyPolyline(run, SIMPLIFY_TOLERANCE).slice(0, -1));
  }
  if (!closed) {
    const end = path[path.length - 1]!;
    out.push(patchPoint(patch, end[0], end[1]));
  }
  return out;
}

/**
 * A midline shape lies on an axial part and starts and ends on s = 0 (the centre line): trace its
 * own half, then the mirror image back, so it straddles the centre line as one closed outline.
 */
function midlineOutline(shape: PartShape): Point[] {
  const path = corners(shape);
  const first = path[0];
  const last = path[path.length - 1];
  if (!AXIAL_PARTS.includes(shape.part) || first?.[0] !== 0 || last?.[0] !== 0) {
    throw new Error(`a midline shape must start and end on the centre line of ${AXIAL_PARTS.join('/')}`);
  }
  const half = trace(shape.part, path, false);
  const otherHalf = half
    .slice(1, -1)
    .reverse()
    .map((q) => mirrorX(q, CENTRE_X));
  return [...half, ...otherHalf];
}

function labelParams(shape: PartShape): ParamPoint {
  if ('rect' in shape) return [(shape.rect[0] + shape.rect[1]) / 2, (shape.rect[2] + shape.rect[3]) / 2];
  const cs = shape.poly;
  return [cs.reduce((a, c) => a + c[0], 0) / cs.length, cs.reduce((a, c) => a + c[1], 0) / cs.length];
}

export interface PlacedRegion {
  /** One closed outline per piece. */
  outlines: Point[][];
  label: Point;
}

/** Canvas outlines and label point of a region; the label sits in the first piece. */
export function placeRegion(footprint: RegionFootprint, view: View, side: Side): PlacedRegion {
  const shapes: readonly PartShape[] = Array.isArray(footprint) ? footprint : [footprint as PartShape];
  const first = shapes[0];
  if (!first) throw new Error('a region needs at least one shape');
  const [sl, tl] = labelParams(first);
  if (side === 'midline') {
    const onAxis = patchPoint(PARTS[first.part], 0, tl);
    return { outlines: shapes.map(midlineOutline), label: roundPoint({ x: CENTRE_X, y: onAxis.y }) };
  }
  const outlines = shapes.map((shape) => trace(shape.part, corners(shape), true));
  const label = patchPoint(PARTS[first.part], sl, tl);
  if (drawnOnTemplateHalf(view, side)) return { outlines, label: roundPoint(label) };
  return {
    outlines: outlines.map((outline) => outline.map((q) => mirrorX(q, CENTRE_X))),
    label: roundPoint(mirrorX(label, CENTRE_X)),
  };
}

/** The body silhouette of a view: every part's outline on both halves (axial parts as one piece). */
export function silhouettePathData(view: View): string {
  const whole: readonly ParamPoint[] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  return VIEW_PARTS[view]
    .flatMap((part) => {
      if (AXIAL_PARTS.includes(part))
        return [
          midlineOutline({
            part,
            poly: [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
            ],
          }),
        ];
      const half = trace(part, whole, true);
      return [half, half.map((q) => mirrorX(q, CENTRE_X))];
    })
    .map(polygonPathData)
    .join('');
}
