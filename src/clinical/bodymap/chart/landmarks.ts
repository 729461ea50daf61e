// Orientation marks that are not regions: eyes, brows, nose, mouth, ear folds and the navel,
// so a patient recognises the front view at a glance. Drawn over the regions, never clickable.

import { CENTRE_X, PARTS } from './figure.ts';
import type { PartName } from './figure.ts';
import { mirrorX, patchPoint } from './geometry.ts';
import type { Point } from './geometry.ts';
import type { ParamPoint, View } from './shapes.ts';

const fmt = (v: number): string => String(Math.round(v * 10) / 10);

/** A quadratic curve in (s, t) passing through `mid` at its halfway point, sampled on the canvas. */
function paramCurve(part: PartName, from: ParamPoint, mid: ParamPoint, to: ParamPoint, steps = 12): Point[] {
  const cs = 2 * mid[0] - (from[0] + to[0]) / 2;
  const ct = 2 * mid[1] - (from[1] + to[1]) / 2;
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const u = i / steps;
    const a = (1 - u) * (1 - u);
    const b = 2 * u * (1 - u);
    const c = u * u;
    out.push(patchPoint(PARTS[part], a * from[0] + b * cs + c * to[0], a * from[1] + b * ct + c * to[1]));
  }
  return out;
}

function polyline(points: readonly Point[]): string {
  return points.map((q, i) => `${i === 0 ? 'M' : 'L'}${fmt(q.x)} ${fmt(q.y)}`).join('');
}

function circle(centre: Point, r: number): string {
  return (
    `M${fmt(centre.x - r)} ${fmt(centre.y)}A${r} ${r} 0 1 0 ${fmt(centre.x + r)} ${fmt(centre.y)}A${r} ${r} 0 1 ` +
    `0 ${fmt(centre.x - r)} ${fmt(centre.y)}Z`
  );
}

function bothSides(points: readonly Point[]): string {
  return polyline(points) + polyline(points.map((q) => mirrorX(q, CENTRE_X)));
}

function frontLandmarks(): string {
  const upperLid = paramCurve('head', [0.24, 0.482], [0.42, 0.457], [0.6, 0.48]);
  const lowerLid = paramCurve('head', [0.6, 0.48], [0.42, 0.5], [0.24, 0.482]);
  const iris = patchPoint(PARTS.head, 0.42, 0.479);
  const brow = paramCurve('head', [0.2, 0.43], [0.43, 0.405], [0.66, 0.425]);
  const noseSide = paramCurve('head', [0.12, 0.47], [0.125, 0.525], [0.15, 0.575]);
  const noseBase = paramCurve('head', [0.16, 0.576], [0.1, 0.598], [0, 0.606]);
  const mouth = paramCurve('head', [0.3, 0.696], [0.15, 0.708], [0, 0.706]);
  const navel = patchPoint(PARTS.trunk, 0, 0.6);
  return [
    bothSides([...upperLid, ...lowerLid.slice(1)]),
    circle(iris, 2.2),
    circle(mirrorX(iris, CENTRE_X), 2.2),
    bothSides(brow),
    bothSides(noseSide),
    bothSides(noseBase),
    bothSides(mouth),
    circle(navel, 1.8),
  ].join('');
}

/** The fold of the outer ear, seen in both views. */
function earFolds(): string {
  return bothSides(paramCurve('ear', [0.45, 0.14], [0.62, 0.5], [0.42, 0.84]));
}

/** Path data of the orientation marks of a view. */
export function landmarkPathData(view: View): string {
  return view === 'front' ? frontLandmarks() + earFolds() : earFolds();
}
