import type { MeasureId } from './types.ts';

/**
 * 'points' are the measure's own score unit (NPRS 0–10, NDI raw 0–50, ODI 0–100,
 * PSFS 0–10); 'percent-points' are points on the 0–100 version of the scale
 * (an NDI change of 19 percent-points is 9.5 raw points).
 */
export type ThresholdUnit = 'points' | 'percent-points';

export interface Threshold {
  value: number;
  unit: ThresholdUnit;
  source: string;
}

export interface McidThreshold extends Threshold {
  /** Alternative relative threshold as a fraction of the possible improvement (0.30 = 30%). */
  relative?: number;
}

export interface ThresholdSet {
  /** Absent on the default set; otherwise the condition key a caller passes to pick it. */
  condition?: string;
  population: string;
  /** Minimal detectable change (90% confidence unless the source says otherwise). */
  mdc?: Threshold;
  mcid: McidThreshold;
}

const FARRAR_2001 = 'Farrar JT et al. 2001, Pain 94(2):149-158 (about 2 points or 30% on the 0–10 scale)';
const OSTELO_2008 =
  'Ostelo RWJG et al. 2008, Spine 33(1):90-94 (consensus: pain 2 points / 15 of 100, ODI 10 points, ' +
  'or 30% from baseline)';
const CHILDS_2005 = 'Childs JD, Piva SR, Fritz JM 2005, Spine 30(11):1331-1334 (low back pain, NPRS MDC 2 points)';
const CLELAND_2008 = 'Cleland JA, Childs JD, Whitman JM 2008, Arch Phys Med Rehabil 89(1):69-74 (mechanical neck pain)';
const STRATFORD_1999 =
  'Stratford PW et al. 1999, Physiotherapy Canada 51:107-112 (NDI MDC90 5 raw points = 10 percent-points)';

/**
 * Published change thresholds. The first set of each list is the default; the others
 * apply when the caller names their condition. Where a set lacks its own MDC we borrow
 * the nearest published one and say so in its source.
 */
export const THRESHOLDS: Record<MeasureId, readonly ThresholdSet[]> = {
  nprs: [
    {
      population: 'chronic pain (general default)',
      mdc: { value: 2, unit: 'points', source: CHILDS_2005 },
      mcid: { value: 2, unit: 'points', relative: 0.3, source: FARRAR_2001 },
    },
    {
      condition: 'low-back-pain',
      population: 'low back pain',
      mdc: { value: 2, unit: 'points', source: CHILDS_2005 },
      mcid: { value: 2, unit: 'points', relative: 0.3, source: OSTELO_2008 },
    },
    {
      condition: 'neck-pain',
      population: 'mechanical neck pain',
      mdc: { value: 2.1, unit: 'points', source: `${CLELAND_2008}: NPRS MDC 2.1` },
      mcid: { value: 1.3, unit: 'points', source: `${CLELAND_2008}: NPRS MCID 1.3` },
    },
  ],
  ndi: [
    {
      population: 'neck pain (general default)',
      mdc: { value: 5, unit: 'points', source: STRATFORD_1999 },
      mcid: {
        value: 5,
        unit: 'points',
        source: 'Vernon H 2008, J Manipulative Physiol Ther 31(7):491-502 (MCID about 5 raw points)',
      },
    },
    {
      condition: 'neck-pain',
      population: 'mechanical neck pain, physical therapy outpatients',
      mdc: { value: 5, unit: 'points', source: STRATFORD_1999 },
      mcid: { value: 19, unit: 'percent-points', source: `${CLELAND_2008}: NDI MCID 19 percent-points` },
    },
  ],
  odi: [
    {
      population: 'low back pain (general default)',
      mdc: {
        value: 10,
        unit: 'percent-points',
        source:
          'Davidson M, Keating JL 2002, Phys Ther 82(1):8-24 (ODI MDC90 about 10 points, as printed on the common ' +
          'ODI scoring sheet)',
      },
      mcid: { value: 10, unit: 'percent-points', relative: 0.3, source: OSTELO_2008 },
    },
  ],
  psfs: [
    {
      population: 'musculoskeletal outpatients, mean of activities (default)',
      mdc: {
        value: 2,
        unit: 'points',
        source: 'Stratford P et al. 1995, Physiotherapy Canada 47(4):258-263 (MDC90 2 points, average score)',
      },
      mcid: {
        value: 1.3,
        unit: 'points',
        source:
          'Abbott JH, Schmitt JS 2014, J Orthop Sports Phys Ther 44(8):560-564 (MID 1.3 small, 2.3 medium, ' +
          '2.7 large change)',
      },
    },
    {
      condition: 'single-activity',
      population: 'one PSFS activity scored on its own',
      mdc: {
        value: 3,
        unit: 'points',
        source: 'Stratford P et al. 1995, Physiotherapy Canada 47(4):258-263 (MDC90 3 points, single activity)',
      },
      mcid: {
        value: 1.3,
        unit: 'points',
        source: 'Abbott JH, Schmitt JS 2014, J Orthop Sports Phys Ther 44(8):560-564 (MID 1.3, small change)',
      },
    },
  ],
};

/** The threshold set for a condition, falling back to the measure's default set. */
export function thresholdSetFor(measure: MeasureId, condition?: string): ThresholdSet {
  const sets = THRESHOLDS[measure];
  const match = condition === undefined ? undefined : sets.find((s) => s.condition === condition);
  const chosen = match ?? sets[0];
  if (!chosen) throw new Error(`no thresholds for ${measure}`); // unreachable: every list is non-empty
  return chosen;
}

/** Converts a threshold into the measure's own score unit. */
export function inScoreUnits(threshold: Threshold, maxScore: number): number {
  return threshold.unit === 'percent-points' ? (threshold.value * maxScore) / 100 : threshold.value;
}
