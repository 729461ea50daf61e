// Head, neck and trunk of the chart figure, drawn left of the centre line (see figure.ts for
// the side convention). Here s = 0 is the centre line and s = 1 the outer edge; t runs downwards.

import { pinned, reversed, spline, subCurve } from './geometry.ts';
import type { Curve, Patch, Point } from './geometry.ts';

export const CENTRE_X = 200;
export const p = (x: number, y: number): Point => ({ x, y });
const midline = (ys: readonly number[]): Curve => spline(ys.map((y) => p(CENTRE_X, y)));

// Head outline, crown to chin; its landmark ys are reused on the centre line so face bands stay level.
const HEAD_OUTLINE_POINTS = [
  p(200, 22),
  p(180, 25),
  p(166, 35),
  p(159, 51),
  p(158, 68),
  p(160, 86),
  p(164, 101),
  p(172, 114),
  p(186, 123),
  p(200, 127),
];
const headOutline = spline(HEAD_OUTLINE_POINTS);
const headSteps = HEAD_OUTLINE_POINTS.length - 1;
export const head: Patch = {
  near: midline(HEAD_OUTLINE_POINTS.map((q) => q.y)),
  far: headOutline,
  top: pinned(p(200, 22)),
  bottom: pinned(p(200, 127)),
};

// The ear hangs off the outline between the temple and the jaw angle.
const earRoot = subCurve(headOutline, 3.9 / headSteps, 5.7 / headSteps);
export const ear: Patch = {
  near: earRoot,
  far: spline([earRoot(0), p(152, 61), p(150, 73), p(153, 86), earRoot(1)]),
  top: pinned(earRoot(0)),
  bottom: pinned(earRoot(1)),
};

// Trunk top edge: sternal notch → base of neck → trapezius slope → acromion.
const TRUNK_TOP_POINTS = [p(200, 152), p(188, 151), p(176, 148), p(158, 152), p(135, 159), p(113, 168)];
const trunkTop = spline(TRUNK_TOP_POINTS);

export const neck: Patch = {
  top: reversed(subCurve(headOutline, 7 / headSteps, 1)),
  bottom: subCurve(trunkTop, 0, 2 / (TRUNK_TOP_POINTS.length - 1)),
  near: midline([127, 152]),
  far: spline([p(172, 114), p(174, 132), p(176, 148)]),
};

// Trunk side: acromion → armpit → chest → waist → iliac crest → outer hip.
const TRUNK_SIDE_POINTS = [
  p(113, 168),
  p(121, 196),
  p(131, 222),
  p(135, 258),
  p(142, 300),
  p(140, 340),
  p(132, 370),
  p(126, 394),
];
const trunkSide = spline(TRUNK_SIDE_POINTS);
/** Where the upper arm joins the trunk: acromion down to the armpit. */
export const ARM_ROOT = subCurve(trunkSide, 0, 2 / (TRUNK_SIDE_POINTS.length - 1));

export const CROTCH = p(200, 428);
/** Outer edge of the thigh from the hip down; the back view's buttock ends at its second landmark. */
export const HIP_AND_THIGH_OUTER = [p(126, 394), p(123, 430), p(127, 480), p(136, 540), p(143, 576)];

/** Front view: the groin fold, outer hip → crotch. */
export const GROIN = spline([p(126, 394), p(150, 405), p(176, 419), CROTCH]);
/** Back view: the fold under the buttock, outer thigh → crotch. */
export const GLUTEAL_FOLD = spline([HIP_AND_THIGH_OUTER[1]!, p(138, 440), p(160, 445), p(183, 441), CROTCH]);

// Centre-line landmarks level with the side landmarks through the chest and waist, so the bands
// across the trunk run level instead of dipping to a point at the centre line.
export const trunk: Patch = {
  top: trunkTop,
  bottom: reversed(GROIN),
  near: midline([152, 190, 220, 258, 300, 342, 380, CROTCH.y]),
  far: trunkSide,
};

/** Seen from behind the buttocks hang lower than the groin fold, so the back trunk reaches further. */
export const trunkBack: Patch = {
  top: trunkTop,
  bottom: reversed(GLUTEAL_FOLD),
  near: midline([152, 190, 220, 258, 300, 342, 376, 402, CROTCH.y]),
  far: spline([...TRUNK_SIDE_POINTS, HIP_AND_THIGH_OUTER[1]!]),
};
