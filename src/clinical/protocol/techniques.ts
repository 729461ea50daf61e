import { DOSE_SOURCES } from './sources.ts';

export type Technique =
  | 'ischemic-compression-finger'
  | 'ischemic-compression-knuckle'
  | 'ischemic-compression-elbow'
  | 'layered-compression'
  | 'tissue-approximation'
  | 'positional-release'
  | 'muscle-energy'
  | 'pnf-stretch'
  | 'cross-fibre-friction'
  | 'neuromuscular-stripping'
  | 'microcurrent';

export interface Range {
  min: number;
  max: number;
}

export interface TechniqueDose {
  label: string;
  /** True when the technique is a sustained hold; false for strokes, contractions and current. */
  holdBased: boolean;
  /**
   * The charted seconds the technique expects: a hold for hold-based techniques, the isometric
   * contraction for MET and PNF. Absent when the technique has no timed unit per step.
   */
  holdSeconds?: Range;
  /** What `holdSeconds` measures, in plain words. */
  timedPart?: string;
  /** The pain (0–10) to aim for; absent where pain is not the dosing guide. */
  targetPain?: Range;
  /** Pressure that can reach deep tissue, so screening's "no deep pressure" caution applies. */
  deepPressure?: boolean;
  source: string;
}

const CLINIC_HOLD: Range = { min: 10, max: 30 };
const THERAPEUTIC_DISCOMFORT: Range = { min: 5, max: 7 };

export const TECHNIQUES: Record<Technique, TechniqueDose> = {
  'ischemic-compression-finger': {
    label: 'Ischemic compression (finger or thumb)',
    holdBased: true,
    holdSeconds: CLINIC_HOLD,
    timedPart: 'compression hold',
    targetPain: THERAPEUTIC_DISCOMFORT,
    source: `${DOSE_SOURCES.clinicProtocol} ${DOSE_SOURCES.simons} ${DOSE_SOURCES.hou2002}`,
  },
  'ischemic-compression-knuckle': {
    label: 'Ischemic compression (knuckle)',
    holdBased: true,
    holdSeconds: CLINIC_HOLD,
    timedPart: 'compression hold',
    targetPain: THERAPEUTIC_DISCOMFORT,
    deepPressure: true,
    source: `${DOSE_SOURCES.clinicProtocol} ${DOSE_SOURCES.simons} ${DOSE_SOURCES.hou2002}`,
  },
  'ischemic-compression-elbow': {
    label: 'Ischemic compression (elbow)',
    holdBased: true,
    holdSeconds: CLINIC_HOLD,
    timedPart: 'compression hold',
    targetPain: THERAPEUTIC_DISCOMFORT,
    deepPressure: true,
    source: `${DOSE_SOURCES.clinicProtocol} ${DOSE_SOURCES.simons} ${DOSE_SOURCES.hou2002}`,
  },
  'layered-compression': {
    label: 'Layered compression (superficial to deep)',
    holdBased: true,
    holdSeconds: CLINIC_HOLD,
    timedPart: 'compression hold at each layer',
    targetPain: THERAPEUTIC_DISCOMFORT,
    source: DOSE_SOURCES.clinicProtocol,
  },
  'tissue-approximation': {
    label: 'Tissue approximation',
    holdBased: true,
    holdSeconds: CLINIC_HOLD,
    timedPart: 'approximation hold',
    source: DOSE_SOURCES.approximation,
  },
  'positional-release': {
    label: 'Passive positional release (strain–counterstrain)',
    // Tenderness down by 70% or more in the position of ease; read on a 0–10 scale as 3 or less.
    holdBased: true,
    holdSeconds: { min: 90, max: 120 },
    timedPart: 'hold in the position of ease',
    targetPain: { min: 0, max: 3 },
    source: DOSE_SOURCES.jones,
  },
  'muscle-energy': {
    label: 'Muscle energy technique',
    holdBased: false,
    holdSeconds: { min: 5, max: 10 },
    timedPart: 'isometric contraction at about 20–25% effort',
    source: DOSE_SOURCES.chaitowMet,
  },
  'pnf-stretch': {
    label: 'PNF stretching (contract–relax)',
    holdBased: false,
    holdSeconds: { min: 5, max: 10 },
    timedPart: 'isometric contraction before the stretch',
    source: DOSE_SOURCES.pnf,
  },
  'cross-fibre-friction': {
    label: 'Cross-fibre friction',
    holdBased: false,
    source: DOSE_SOURCES.friction,
  },
  'neuromuscular-stripping': {
    label: 'Neuromuscular stripping (gliding strokes)',
    holdBased: false,
    targetPain: THERAPEUTIC_DISCOMFORT,
    source: `${DOSE_SOURCES.chaitowNmt} ${DOSE_SOURCES.clinicProtocol}`,
  },
  microcurrent: {
    label: 'Microcurrent',
    holdBased: false,
    source: DOSE_SOURCES.microcurrent,
  },
};

export function isTechnique(value: unknown): value is Technique {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TECHNIQUES, value);
}
