// Where each back-view region sits on the figure, keyed by region base (see layout-front.ts).
// In the back view the half left of the centre line is the patient's LEFT side.

import type { RegionFootprint } from './shapes.ts';

export const BACK_LAYOUT: Readonly<Record<string, RegionFootprint>> = {
  // Head and neck: the mastoid is a notch of the occiput just behind and below the ear.
  occiput: {
    part: 'head',
    poly: [
      [0, 0],
      [1, 0],
      [1, 0.58],
      [0.76, 0.58],
      [0.76, 0.74],
      [1, 0.74],
      [1, 1],
      [0, 1],
    ],
  },
  mastoid: { part: 'head', rect: [0.76, 1, 0.58, 0.74] },
  suboccipital: { part: 'neck', rect: [0, 1, 0, 0.35] },
  'posterior-neck': { part: 'neck', rect: [0, 0.38, 0.35, 1] },
  'posterolateral-neck': { part: 'neck', rect: [0.38, 1, 0.35, 1] },

  // Back: s = 0 is the spine; t = 0 the top of the shoulders, t = 1 the fold under the buttock.
  'upper-back': { part: 'trunkBack', rect: [0, 0.3, 0, 0.4] },
  'neck-angle': { part: 'trunkBack', rect: [0.3, 0.6, 0, 0.1] },
  suprascapular: {
    part: 'trunkBack',
    poly: [
      [0.6, 0],
      [1, 0],
      [1, 0.2],
      [0.42, 0.2],
      [0.42, 0.1],
      [0.6, 0.1],
    ],
  },
  'medial-scapular-border': { part: 'trunkBack', rect: [0.3, 0.42, 0.1, 0.47] },
  scapula: { part: 'trunkBack', rect: [0.42, 1, 0.2, 0.4] },
  'inferior-scapular-angle': { part: 'trunkBack', rect: [0.42, 1, 0.4, 0.47] },
  'mid-back': {
    part: 'trunkBack',
    poly: [
      [0, 0.4],
      [0.3, 0.4],
      [0.3, 0.47],
      [1, 0.47],
      [1, 0.58],
      [0, 0.58],
    ],
  },
  'lumbar-spine': { part: 'trunkBack', rect: [0, 0.14, 0.58, 0.72] },
  'low-back': {
    part: 'trunkBack',
    poly: [
      [0.14, 0.58],
      [1, 0.58],
      [1, 0.7],
      [0.26, 0.7],
      [0.26, 0.72],
      [0.14, 0.72],
    ],
  },
  'iliac-crest': { part: 'trunkBack', rect: [0.26, 1, 0.7, 0.76] },
  sacrum: { part: 'trunkBack', rect: [0, 0.14, 0.72, 0.88] },
  'si-joint': { part: 'trunkBack', rect: [0.14, 0.26, 0.72, 0.88] },
  coccyx: { part: 'trunkBack', rect: [0, 0.07, 0.88, 0.97] },
  'greater-trochanter': { part: 'trunkBack', rect: [0.82, 1, 0.86, 1] },
  buttock: {
    part: 'trunkBack',
    poly: [
      [0.26, 0.76],
      [1, 0.76],
      [1, 0.86],
      [0.82, 0.86],
      [0.82, 1],
      [0, 1],
      [0, 0.97],
      [0.07, 0.97],
      [0.07, 0.88],
      [0.26, 0.88],
    ],
  },

  // Arm seen from behind: s = 0 is still the outer edge.
  'posterior-shoulder': { part: 'upperArm', rect: [0, 1, 0, 0.3] },
  'posterior-arm': { part: 'upperArm', rect: [0, 1, 0.3, 1] },
  'lateral-epicondyle': { part: 'elbow', rect: [0, 0.4, 0, 1] },
  olecranon: { part: 'elbow', rect: [0.4, 1, 0, 1] },
  'dorsal-forearm': { part: 'forearm', rect: [0, 1, 0, 0.85] },
  'dorsal-wrist': { part: 'forearm', rect: [0, 1, 0.85, 1] },
  'back-of-hand': {
    part: 'palm',
    poly: [
      [0, 0],
      [1, 0],
      [1, 1],
      [0.34, 1],
      [0.34, 0.55],
      [0, 0.55],
    ],
  },
  'thumb-web': { part: 'palm', rect: [0, 0.34, 0.55, 1] },

  // Leg seen from behind, and the sole inset beside it.
  'posterior-thigh': { part: 'thighBack', rect: [0, 1, 0, 1] },
  'back-of-knee': { part: 'knee', rect: [0, 1, 0, 1] },
  calf: { part: 'leg', rect: [0, 1, 0, 0.68] },
  achilles: { part: 'leg', rect: [0.28, 0.72, 0.68, 1] },
  heel: [
    { part: 'heel', rect: [0, 1, 0, 1] },
    { part: 'sole', rect: [0, 1, 0, 0.24] },
  ],
  sole: { part: 'sole', rect: [0, 1, 0.24, 0.72] },
  'ball-of-foot': { part: 'sole', rect: [0, 1, 0.72, 1] },
};
