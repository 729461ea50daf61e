// Where each front-view region sits on the figure, keyed by region base. Shapes are given for the
// half left of the centre line (s, t as described in figure-axial.ts / figure-limbs.ts);
// lateral regions are mirrored for the other side, midline regions straddle the centre line.

import type { RegionFootprint } from './shapes.ts';

export const FRONT_LAYOUT: Readonly<Record<string, RegionFootprint>> = {
  // Head: t bands follow the face (brow ≈ 0.39–0.45, eyes ≈ 0.45–0.51, mouth ≈ 0.7).
  // The strip s < 0.14 between the eyes and the mouth is the nose, which has no region.
  vertex: { part: 'head', rect: [0, 1, 0, 0.2] },
  forehead: { part: 'head', rect: [0, 0.7, 0.2, 0.39] },
  temple: { part: 'head', rect: [0.7, 1, 0.2, 0.49] },
  eyebrow: { part: 'head', rect: [0.14, 0.7, 0.39, 0.45] },
  'behind-eye': { part: 'head', rect: [0.14, 0.7, 0.45, 0.51] },
  cheek: { part: 'head', rect: [0.14, 0.7, 0.51, 0.62] },
  tmj: { part: 'head', rect: [0.7, 1, 0.49, 0.6] },
  'jaw-angle': { part: 'head', rect: [0.7, 1, 0.6, 0.88] },
  'upper-incisors': { part: 'head', rect: [0, 0.38, 0.62, 0.7] },
  // Lower front teeth and the chin, which curls round under the jaw.
  'lower-incisors': {
    part: 'head',
    poly: [
      [0, 0.7],
      [0.38, 0.7],
      [0.38, 0.88],
      [1, 0.88],
      [1, 1],
      [0, 1],
    ],
  },
  'upper-molars': { part: 'head', rect: [0.38, 0.7, 0.62, 0.7] },
  'lower-molars': { part: 'head', rect: [0.38, 0.7, 0.7, 0.88] },
  ear: { part: 'ear', rect: [0, 1, 0, 1] },
  throat: { part: 'neck', rect: [0, 0.42, 0, 1] },
  'anterior-neck': { part: 'neck', rect: [0.42, 1, 0, 1] },

  // Trunk: t = 0 is the collarbone line, t ≈ 0.29 the armpit, t = 1 the groin fold.
  sternum: { part: 'trunk', rect: [0, 0.16, 0, 0.38] },
  acromion: { part: 'trunk', rect: [0.8, 1, 0, 0.1] },
  'anterior-chest': {
    part: 'trunk',
    poly: [
      [0.16, 0],
      [0.8, 0],
      [0.8, 0.1],
      [1, 0.1],
      [1, 0.2],
      [0.85, 0.2],
      [0.85, 0.38],
      [0.16, 0.38],
    ],
  },
  axilla: { part: 'trunk', rect: [0.85, 1, 0.2, 0.38] },
  'lateral-chest': { part: 'trunk', rect: [0.72, 1, 0.38, 0.58] },
  'upper-abdomen': { part: 'trunk', rect: [0, 0.72, 0.38, 0.58] },
  flank: { part: 'trunk', rect: [0.72, 1, 0.58, 0.82] },
  'lower-abdomen': {
    part: 'trunk',
    poly: [
      [0, 0.58],
      [0.72, 0.58],
      [0.72, 0.82],
      [0.3, 0.82],
      [0.3, 1],
      [0, 1],
    ],
  },
  groin: { part: 'trunk', rect: [0.3, 1, 0.82, 1] },

  // Arm: s = 0 outer edge, s = 1 inner edge.
  'lateral-shoulder': { part: 'upperArm', rect: [0, 0.4, 0, 0.3] },
  'anterior-shoulder': { part: 'upperArm', rect: [0.4, 1, 0, 0.3] },
  'lateral-arm': { part: 'upperArm', rect: [0, 0.3, 0.3, 1] },
  'anterior-arm': { part: 'upperArm', rect: [0.3, 0.7, 0.3, 1] },
  'medial-arm': { part: 'upperArm', rect: [0.7, 1, 0.3, 1] },
  'cubital-fossa': { part: 'elbow', rect: [0, 0.62, 0, 1] },
  'medial-epicondyle': { part: 'elbow', rect: [0.62, 1, 0, 1] },
  'radial-forearm': { part: 'forearm', rect: [0, 0.28, 0, 0.85] },
  'volar-forearm': { part: 'forearm', rect: [0.28, 0.7, 0, 0.85] },
  'ulnar-forearm': { part: 'forearm', rect: [0.7, 1, 0, 0.85] },
  'volar-wrist': { part: 'forearm', rect: [0, 1, 0.85, 1] },
  palm: { part: 'palm', rect: [0, 1, 0, 1] },
  thumb: { part: 'thumb', rect: [0, 1, 0, 1] },
  'index-finger': { part: 'indexFinger', rect: [0, 1, 0, 1] },
  'middle-finger': { part: 'middleFinger', rect: [0, 1, 0, 1] },
  'ring-finger': { part: 'ringFinger', rect: [0, 1, 0, 1] },
  'little-finger': { part: 'littleFinger', rect: [0, 1, 0, 1] },

  // Leg: s = 0 outer edge, s = 1 inner edge.
  'lateral-thigh': { part: 'thigh', rect: [0, 0.26, 0, 1] },
  'anterior-thigh': { part: 'thigh', rect: [0.26, 0.74, 0, 1] },
  'medial-thigh': { part: 'thigh', rect: [0.74, 1, 0, 1] },
  'lateral-knee': { part: 'knee', rect: [0, 0.25, 0, 1] },
  'anterior-knee': { part: 'knee', rect: [0.25, 0.75, 0, 1] },
  'medial-knee': { part: 'knee', rect: [0.75, 1, 0, 1] },
  'lateral-leg': { part: 'leg', rect: [0, 0.32, 0, 0.84] },
  shin: { part: 'leg', rect: [0.32, 1, 0, 0.84] },
  'lateral-ankle': { part: 'leg', rect: [0, 0.5, 0.84, 1] },
  'medial-ankle': { part: 'leg', rect: [0.5, 1, 0.84, 1] },
  instep: { part: 'footTop', rect: [0, 1, 0, 1] },
  'big-toe': { part: 'bigToe', rect: [0, 1, 0, 1] },
  'lesser-toes': [
    { part: 'secondToe', rect: [0, 1, 0, 1] },
    { part: 'thirdToe', rect: [0, 1, 0, 1] },
    { part: 'fourthToe', rect: [0, 1, 0, 1] },
    { part: 'littleToe', rect: [0, 1, 0, 1] },
  ],
};
