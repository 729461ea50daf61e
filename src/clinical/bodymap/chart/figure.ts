// The standing figure as Coons patches, drawn once for the half of the canvas left of the centre
// line (x < CENTRE_X) and mirrored for the other half: upright, arms slightly away from the body,
// palms forward. Proportions follow the eight-heads canon used in figure drawing: one head ≈ 105
// units, nipples at about two heads, navel about three, crotch about four, knees about 5¾.
//
// SIDE CONVENTION. Front view: the viewer faces the patient, so the patient's RIGHT side is drawn
// on the viewer's LEFT. Back view: the viewer stands behind the patient, so the patient's RIGHT
// side is on the viewer's RIGHT. `shapes.ts` applies this when it mirrors a region.

import { CENTRE_X, ear, head, neck, trunk, trunkBack } from './figure-axial.ts';
import * as limbs from './figure-limbs.ts';
import type { Patch } from './geometry.ts';

export { CENTRE_X };
export const CHART_WIDTH = 2 * CENTRE_X;
export const CHART_HEIGHT = 850;

export const PARTS = {
  head,
  ear,
  neck,
  trunk,
  trunkBack,
  upperArm: limbs.upperArm,
  elbow: limbs.elbow,
  forearm: limbs.forearm,
  palm: limbs.palm,
  thumb: limbs.thumb,
  indexFinger: limbs.indexFinger,
  middleFinger: limbs.middleFinger,
  ringFinger: limbs.ringFinger,
  littleFinger: limbs.littleFinger,
  thigh: limbs.thigh,
  thighBack: limbs.thighBack,
  knee: limbs.knee,
  leg: limbs.leg,
  footTop: limbs.footTop,
  bigToe: limbs.bigToe,
  secondToe: limbs.secondToe,
  thirdToe: limbs.thirdToe,
  fourthToe: limbs.fourthToe,
  littleToe: limbs.littleToe,
  heel: limbs.heel,
  sole: limbs.sole,
  soleLittleToe: limbs.soleToes[0]!,
  soleFourthToe: limbs.soleToes[1]!,
  soleThirdToe: limbs.soleToes[2]!,
  soleSecondToe: limbs.soleToes[3]!,
  soleBigToe: limbs.soleToes[4]!,
} satisfies Record<string, Patch>;

export type PartName = keyof typeof PARTS;

/** Parts whose s = 0 edge is the centre line: only these can carry a midline region. */
export const AXIAL_PARTS: readonly PartName[] = ['head', 'neck', 'trunk', 'trunkBack'];

const SHARED: readonly PartName[] = [
  'head',
  'ear',
  'neck',
  'upperArm',
  'elbow',
  'forearm',
  'palm',
  'thumb',
  'indexFinger',
  'middleFinger',
  'ringFinger',
  'littleFinger',
  'knee',
  'leg',
];

/** The parts that make up each view's silhouette. */
export const VIEW_PARTS: Record<'front' | 'back', readonly PartName[]> = {
  front: [...SHARED, 'trunk', 'thigh', 'footTop', 'bigToe', 'secondToe', 'thirdToe', 'fourthToe', 'littleToe'],
  back: [
    ...SHARED,
    'trunkBack',
    'thighBack',
    'heel',
    'sole',
    'soleLittleToe',
    'soleFourthToe',
    'soleThirdToe',
    'soleSecondToe',
    'soleBigToe',
  ],
};
