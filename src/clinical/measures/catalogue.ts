import type { MeasureId } from './types.ts';

export interface MeasureInfo {
  id: MeasureId;
  name: string;
  /** Lowest and highest score in the measure's own unit (see MeasureScore.score). */
  minScore: number;
  maxScore: number;
  higherIsWorse: boolean;
  /** Number of items on the form (PSFS: the most activities a patient may name). */
  items: number;
  itemMax: number;
  /** LOINC code for the total score, only where we have confirmed one. */
  loinc?: string;
  source: string;
  licence?: string;
}

export const MEASURES: Record<MeasureId, MeasureInfo> = {
  nprs: {
    id: 'nprs',
    name: 'Numeric Pain Rating Scale (0–10)',
    minScore: 0,
    maxScore: 10,
    higherIsWorse: true,
    items: 1,
    itemMax: 10,
    // LOINC 72514-3: "Pain severity - 0-10 verbal numeric rating [Score] - Reported".
    loinc: '72514-3',
    source: 'Farrar JT et al. 2001, Pain 94(2):149-158 (0–10 numeric rating of pain intensity)',
  },
  ndi: {
    id: 'ndi',
    name: 'Neck Disability Index',
    minScore: 0,
    maxScore: 50,
    higherIsWorse: true,
    items: 10,
    itemMax: 5,
    source: 'Vernon H, Mior S 1991, J Manipulative Physiol Ther 14(7):409-415',
    licence: 'Form wording may need a licence for commercial use; scoring rules are facts.',
  },
  odi: {
    id: 'odi',
    name: 'Oswestry Disability Index',
    minScore: 0,
    maxScore: 100,
    higherIsWorse: true,
    items: 10,
    itemMax: 5,
    source: 'Fairbank JCT, Pynsent PB 2000, Spine 25(22):2940-2953',
    licence: 'Form wording is licensed (Mapi Research Trust); scoring rules are facts.',
  },
  psfs: {
    id: 'psfs',
    name: 'Patient-Specific Functional Scale',
    minScore: 0,
    maxScore: 10,
    higherIsWorse: false,
    items: 5,
    itemMax: 10,
    source: 'Stratford P et al. 1995, Physiotherapy Canada 47(4):258-263',
  },
};
