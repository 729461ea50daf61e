import { segment, spline } from './geometry.ts';
import type { Patch, Point } from './geometry.ts';

/** A finger or toe: a tube tapering from its base segment to a rounded tip (s across, t along). */
export function digit(baseNear: Point, baseFar: Point, tip: Point, tipWidth: number): Patch {
  const baseMid = { x: (baseNear.x + baseFar.x) / 2, y: (baseNear.y + baseFar.y) / 2 };
  const length = Math.hypot(tip.x - baseMid.x, tip.y - baseMid.y);
  const d = { x: (tip.x - baseMid.x) / length, y: (tip.y - baseMid.y) / length };
  const normal = { x: -d.y, y: d.x };
  // +1 when the normal points towards the base's near corner, so "near" stays on one side.
  const sign = (baseNear.x - baseMid.x) * normal.x + (baseNear.y - baseMid.y) * normal.y > 0 ? 1 : -1;
  const r = tipWidth / 2;
  const at = (q: Point, along: number, across: number): Point => ({
    x: q.x + d.x * along + normal.x * across * sign,
    y: q.y + d.y * along + normal.y * across * sign,
  });
  const baseHalf = Math.hypot(baseFar.x - baseNear.x, baseFar.y - baseNear.y) / 2;
  const midHalf = (baseHalf + r) / 2 + 0.3;
  const middle = at(baseMid, length / 2 - r / 2, 0);
  const nearEnd = at(tip, -r, r);
  const farEnd = at(tip, -r, -r);
  return {
    top: segment(baseNear, baseFar),
    bottom: spline([nearEnd, at(tip, -r * 0.3, r * 0.72), tip, at(tip, -r * 0.3, -r * 0.72), farEnd]),
    near: spline([baseNear, at(middle, 0, midHalf), nearEnd]),
    far: spline([baseFar, at(middle, 0, -midHalf), farEnd]),
  };
}

/** Splits the segment a → b into consecutive bases whose widths are proportional to `widths`. */
export function splitBase(a: Point, b: Point, widths: readonly number[]): Point[] {
  const total = widths.reduce((x, y) => x + y, 0);
  let run = 0;
  const out = [a];
  for (const w of widths) {
    run += w;
    out.push({ x: a.x + ((b.x - a.x) * run) / total, y: a.y + ((b.y - a.y) * run) / total });
  }
  return out;
}
