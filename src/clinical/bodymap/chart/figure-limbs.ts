// Arms, hands, legs and feet of the chart figure, drawn left of the centre line. Within a limb
// s = 0 is the outer (lateral) edge and s = 1 the inner edge; t runs from the root to the tip.
// Palms face forward, so the thumb sits on the outer edge in both views.

import { ARM_ROOT, CROTCH, GLUTEAL_FOLD, GROIN, HIP_AND_THIGH_OUTER, p } from './figure-axial.ts';
import { digit, splitBase } from './figure-digit.ts';
import { segment, spline, subCurve } from './geometry.ts';
import type { Curve, Patch, Point } from './geometry.ts';

/** The stretch of a landmark spline between landmark i and landmark j. */
function between(points: readonly Point[], i: number, j: number): Curve {
  const n = points.length - 1;
  return subCurve(spline(points), i / n, j / n);
}

function band(outer: readonly Point[], inner: readonly Point[], o: [number, number], i: [number, number]): Patch {
  return {
    top: segment(outer[o[0]]!, inner[i[0]]!),
    bottom: segment(outer[o[1]]!, inner[i[1]]!),
    near: between(outer, o[0], o[1]),
    far: between(inner, i[0], i[1]),
  };
}

// Arm edges from the shoulder to the wrist; the elbow band runs from landmark 4 to 5 (outer)
// and 2 to 3 (inner).
const ARM_OUTER = [p(113, 168), p(101, 186), p(96, 215), p(95, 255), p(93, 302), p(89, 340), p(84, 380), p(78, 420)];
const ARM_INNER = [p(131, 222), p(130, 256), p(127, 300), p(121, 338), p(112, 380), p(104, 421)];
export const upperArm: Patch = { ...band(ARM_OUTER, ARM_INNER, [0, 4], [0, 2]), top: ARM_ROOT };
export const elbow = band(ARM_OUTER, ARM_INNER, [4, 5], [2, 3]);
export const forearm = band(ARM_OUTER, ARM_INNER, [5, 7], [3, 5]);

const wristOuter = ARM_OUTER[7]!;
const wristInner = ARM_INNER[5]!;
const PALM_OUTER = [wristOuter, p(76, 432), p(73, 450), p(74, 468)];
const knuckleOuter = PALM_OUTER[3]!;
const knuckleInner = p(107, 469);
export const palm: Patch = {
  top: segment(wristOuter, wristInner),
  bottom: segment(knuckleOuter, knuckleInner),
  near: spline(PALM_OUTER),
  far: spline([wristInner, p(108, 440), p(109, 455), knuckleInner]),
};

const thumbRoot = subCurve(spline(PALM_OUTER), 1.15 / 3, 2.4 / 3);
export const thumb = digit(thumbRoot(1), thumbRoot(0), p(56, 484), 9.5);
const knuckles = splitBase(knuckleOuter, knuckleInner, [1, 1, 1, 1]);
const knuckle = (k: number): Point => knuckles[k]!;
export const indexFinger = digit(knuckle(0), knuckle(1), p(71, 505), 7);
export const middleFinger = digit(knuckle(1), knuckle(2), p(84, 512), 7.2);
export const ringFinger = digit(knuckle(2), knuckle(3), p(96, 507), 6.8);
export const littleFinger = digit(knuckle(3), knuckle(4), p(107, 497), 6.2);

// Leg edges from the hip to the ankle; the knee band runs from landmark 4 to 5 (outer)
// and 3 to 4 (inner).
const LEG_OUTER = [...HIP_AND_THIGH_OUTER, p(144, 624), p(144, 660), p(148, 700), p(154, 750), p(158, 786)];
const LEG_INNER = [
  CROTCH,
  p(197, 470),
  p(192, 530),
  p(186, 576),
  p(187, 624),
  p(188, 660),
  p(186, 700),
  p(178, 755),
  p(176, 786),
];
export const thigh: Patch = { ...band(LEG_OUTER, LEG_INNER, [0, 4], [0, 3]), top: GROIN };
/** Back view: the thigh starts under the buttock. */
export const thighBack: Patch = { ...band(LEG_OUTER, LEG_INNER, [1, 4], [0, 3]), top: GLUTEAL_FOLD };
export const knee = band(LEG_OUTER, LEG_INNER, [4, 5], [3, 4]);
export const leg = band(LEG_OUTER, LEG_INNER, [5, 9], [4, 8]);

// Front view: the top of the foot, foreshortened, with five toes below it (big toe inside).
const ankleOuter = LEG_OUTER[9]!;
const ankleInner = LEG_INNER[8]!;
const toeLineOuter = p(151, 814);
const toeLineInner = p(185, 812);
export const footTop: Patch = {
  top: segment(ankleOuter, ankleInner),
  bottom: segment(toeLineOuter, toeLineInner),
  near: spline([ankleOuter, p(155, 800), toeLineOuter]),
  far: spline([ankleInner, p(181, 800), toeLineInner]),
};
const TOE_WIDTHS = [5.2, 5.6, 6, 6.4, 10.8]; // little toe → big toe, outer to inner
const toeBases = splitBase(toeLineOuter, toeLineInner, TOE_WIDTHS);
const TOE_TIPS = [p(152.5, 822), p(157.5, 824.5), p(163.5, 826.5), p(170, 828), p(179.5, 830)];
const toes = TOE_TIPS.map((tip, k) => digit(toeBases[k]!, toeBases[k + 1]!, tip, TOE_WIDTHS[k]! - 0.6));
export const [littleToe, fourthToe, thirdToe, secondToe, bigToe] = toes as [Patch, Patch, Patch, Patch, Patch];

// Back view: the heel seen from behind instead of the toes.
export const heel: Patch = {
  top: segment(ankleOuter, ankleInner),
  bottom: spline([p(158, 816), p(162, 824), p(167.5, 826), p(173, 824), p(177, 816)]),
  near: spline([ankleOuter, p(155, 802), p(158, 816)]),
  far: spline([ankleInner, p(180, 802), p(177, 816)]),
};

// Back view inset: the sole as if the patient knelt facing away — heel up, toes down, big toe
// towards the centre line, beside the lower leg of the same side.
const SOLE_OUTER = [p(68, 722), p(63, 745), p(61, 770), p(62, 795)];
const SOLE_INNER = [p(88, 722), p(92, 742), p(91, 765), p(96, 785), p(100, 798)];
export const sole: Patch = {
  top: spline([SOLE_OUTER[0]!, p(72, 712), p(78, 709), p(84, 712), SOLE_INNER[0]!]),
  bottom: segment(SOLE_OUTER[3]!, SOLE_INNER[4]!),
  near: spline(SOLE_OUTER),
  far: spline(SOLE_INNER),
};
const SOLE_TOE_WIDTHS = [5.6, 6, 6.6, 7.2, 12.4];
const soleToeBases = splitBase(SOLE_OUTER[3]!, SOLE_INNER[4]!, SOLE_TOE_WIDTHS);
const SOLE_TOE_TIPS = [p(63, 806), p(69, 810), p(76, 814), p(84, 817), p(95, 819)];
export const soleToes = SOLE_TOE_TIPS.map((tip, k) =>
  digit(soleToeBases[k]!, soleToeBases[k + 1]!, tip, SOLE_TOE_WIDTHS[k]! - 0.8),
);
