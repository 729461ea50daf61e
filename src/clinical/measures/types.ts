/** The outcome measures Knotwork scores at assessment and reassessment. */
export type MeasureId = 'nprs' | 'ndi' | 'odi' | 'psfs';

export const MEASURE_IDS: readonly MeasureId[] = ['nprs', 'ndi', 'odi', 'psfs'];

/** One questionnaire answer; `null` means the patient skipped the item. */
export type ItemAnswer = number | null;

export interface MeasureScore {
  measure: MeasureId;
  /**
   * The score in the measure's own unit: NPRS 0–10, NDI raw 0–50, ODI percent 0–100,
   * PSFS mean 0–10. Change thresholds and responder rules work on this number.
   */
  score: number;
  /** The score on a 0–100 scale where the measure has one (NDI, ODI). */
  percent?: number;
  /** Severity band from the measure's published banding, where one exists. */
  band?: string;
  answered: number;
  skipped: number;
  maxScore: number;
  higherIsWorse: boolean;
  notes: string[];
}

export type ScoreErrorCode = 'wrong-count' | 'invalid-answer' | 'not-scorable';

/**
 * A questionnaire that cannot be scored. Returned, never thrown, so a half-filled form
 * in a batch cannot stop the others from scoring. Shaped like the API's error model.
 */
export interface ScoreError {
  error: {
    code: ScoreErrorCode;
    message: string;
    /** 1-based item (or activity) number the message is about, when there is one. */
    item?: number;
    /** Where the rule that refused the form comes from. */
    source?: string;
  };
}

export function isScoreError(result: MeasureScore | ScoreError): result is ScoreError {
  return 'error' in result;
}

export function scoreError(
  code: ScoreErrorCode,
  message: string,
  extra: { item?: number; source?: string } = {},
): ScoreError {
  return { error: { code, message, ...extra } };
}

/** Rounds to one decimal place, the precision the published worked examples print. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
