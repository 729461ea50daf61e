import { bandFor, NDI_BANDING, ODI_BANDING } from './bands.ts';
import { MEASURES } from './catalogue.ts';
import { round1, scoreError } from './types.ts';
import type { ItemAnswer, MeasureId, MeasureScore, ScoreError } from './types.ts';

/** The NDI tolerates one missing item; with two or more it is not scored. */
export const NDI_MAX_MISSING = 1;
const NDI_MISSING_SOURCE =
  'Vernon H 2008, J Manipulative Physiol Ther 31(7):491-502 (one missing item: add the mean of the answered items; ' +
  'more: do not score)';

/**
 * Fairbank & Pynsent give the per-section rule (drop 5 from the denominator for each
 * skipped section) but print no cut-off. We refuse to score when more than two sections
 * are skipped, so a percentage never rests on less than 80% of the form: a project
 * decision, recorded as such.
 */
export const ODI_MAX_SKIPPED = 2;
const ODI_SKIP_SOURCE =
  'Fairbank JCT, Pynsent PB 2000, Spine 25(22):2940-2953 (16/50 = 32%; one section skipped: 16/45 = 35.6%)';

export const PSFS_MIN_ACTIVITIES = 3;
export const PSFS_MAX_ACTIVITIES = 5;
const PSFS_SOURCE = 'Stratford P et al. 1995, Physiotherapy Canada 47(4):258-263';

function isWholeInRange(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

/** Checks a fixed-length form of 0..itemMax answers, nulls allowed; returns the answered values. */
function readItems(measure: MeasureId, items: readonly ItemAnswer[]): number[] | ScoreError {
  const info = MEASURES[measure];
  if (!Array.isArray(items) || items.length !== info.items) {
    const got = Array.isArray(items) ? items.length : 0;
    return scoreError('wrong-count', `${measure.toUpperCase()} has ${info.items} items; got ${got}`);
  }
  const answered: number[] = [];
  for (const [index, answer] of items.entries()) {
    if (answer === null) continue;
    if (!isWholeInRange(answer, info.itemMax)) {
      return scoreError(
        'invalid-answer',
        `item ${index + 1}: ${String(answer)} is not a whole number from 0 to ${info.itemMax}`,
        { item: index + 1 },
      );
    }
    answered.push(answer);
  }
  return answered;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** NPRS: one 0–10 whole-number rating, higher is worse. */
export function scoreNprs(answer: ItemAnswer): MeasureScore | ScoreError {
  if (answer === null) {
    return scoreError('not-scorable', 'NPRS: the pain rating was skipped', { item: 1 });
  }
  if (!isWholeInRange(answer, 10)) {
    return scoreError('invalid-answer', `item 1: ${String(answer)} is not a whole number from 0 to 10`, {
      item: 1,
    });
  }
  return {
    measure: 'nprs',
    score: answer,
    answered: 1,
    skipped: 0,
    maxScore: 10,
    higherIsWorse: true,
    notes: [`LOINC ${MEASURES.nprs.loinc}`],
  };
}

/**
 * NDI: ten items 0–5, raw total out of 50 (percent = raw × 2). One missing item is
 * replaced by the mean of the nine answered (equivalently total ÷ 45 × 50); the raw
 * score is then reported to one decimal.
 */
export function scoreNdi(items: readonly ItemAnswer[]): MeasureScore | ScoreError {
  const answered = readItems('ndi', items);
  if (!Array.isArray(answered)) return answered;
  const skipped = MEASURES.ndi.items - answered.length;
  if (skipped > NDI_MAX_MISSING) {
    return scoreError('not-scorable', `NDI: ${skipped} items missing; at most ${NDI_MAX_MISSING} can be imputed`, {
      source: NDI_MISSING_SOURCE,
    });
  }
  const total = sum(answered);
  const raw = skipped === 0 ? total : total + total / answered.length;
  const notes = [`bands: ${NDI_BANDING.source}`];
  if (skipped === 1) {
    const missingItem = items.findIndex((a) => a === null) + 1;
    notes.unshift(
      `item ${missingItem} missing: added the mean of the other ${answered.length} (` +
        `${round1(total / answered.length)}) — ${NDI_MISSING_SOURCE}`,
    );
  }
  return {
    measure: 'ndi',
    score: round1(raw),
    percent: round1(raw * 2),
    band: bandFor(NDI_BANDING, raw),
    answered: answered.length,
    skipped,
    maxScore: 50,
    higherIsWorse: true,
    notes,
  };
}

/** ODI: ten sections 0–5; percent = total ÷ (5 × sections answered) × 100. */
export function scoreOdi(items: readonly ItemAnswer[]): MeasureScore | ScoreError {
  const answered = readItems('odi', items);
  if (!Array.isArray(answered)) return answered;
  const skipped = MEASURES.odi.items - answered.length;
  if (skipped > ODI_MAX_SKIPPED) {
    return scoreError(
      'not-scorable',
      `ODI: ${skipped} sections skipped; Knotwork scores at most ${ODI_MAX_SKIPPED} skipped (project rule; ` +
        `the denominator rule is from Fairbank & Pynsent 2000)`,
      { source: ODI_SKIP_SOURCE },
    );
  }
  const total = sum(answered);
  const percent = (total / (5 * answered.length)) * 100;
  const notes = [`scoring and bands: ${ODI_SKIP_SOURCE}`];
  if (skipped > 0) {
    notes.unshift(`${skipped} section(s) skipped: scored out of ${5 * answered.length} instead of 50`);
  }
  return {
    measure: 'odi',
    score: round1(percent),
    percent: round1(percent),
    band: bandFor(ODI_BANDING, percent),
    answered: answered.length,
    skipped,
    maxScore: 100,
    higherIsWorse: true,
    notes,
  };
}

export interface PsfsActivity {
  activity: string;
  score: number | null;
}

/**
 * PSFS: the patient names 3–5 activities and rates each 0 (unable) to 10 (as before the
 * problem); the score is the mean of the rated activities. Higher is better.
 */
export function scorePsfs(activities: readonly PsfsActivity[]): MeasureScore | ScoreError {
  if (
    !Array.isArray(activities) ||
    activities.length < PSFS_MIN_ACTIVITIES ||
    activities.length > PSFS_MAX_ACTIVITIES
  ) {
    const got = Array.isArray(activities) ? activities.length : 0;
    return scoreError(
      'wrong-count',
      `PSFS needs ${PSFS_MIN_ACTIVITIES}–${PSFS_MAX_ACTIVITIES} activities; got ${got}`,
      { source: PSFS_SOURCE },
    );
  }
  const rated: number[] = [];
  for (const [index, entry] of activities.entries()) {
    if (entry.score === null) continue;
    if (!isWholeInRange(entry.score, 10)) {
      return scoreError(
        'invalid-answer',
        `activity ${index + 1} (${entry.activity}): ${String(entry.score)} is not a whole number from 0 to 10`,
        { item: index + 1 },
      );
    }
    rated.push(entry.score);
  }
  if (rated.length < PSFS_MIN_ACTIVITIES) {
    return scoreError(
      'not-scorable',
      `PSFS: only ${rated.length} activities rated; at least ${PSFS_MIN_ACTIVITIES} are needed`,
      { source: PSFS_SOURCE },
    );
  }
  const skipped = activities.length - rated.length;
  return {
    measure: 'psfs',
    score: round1(sum(rated) / rated.length),
    answered: rated.length,
    skipped,
    maxScore: 10,
    higherIsWorse: false,
    notes: [`mean of ${rated.length} rated activities — ${PSFS_SOURCE}`],
  };
}

/** Scores any measure from a flat answer list (PSFS activities are numbered, not named). */
export function scoreMeasure(measure: MeasureId, answers: readonly ItemAnswer[]): MeasureScore | ScoreError {
  switch (measure) {
    case 'nprs':
      if (answers.length !== 1) {
        return scoreError('wrong-count', `NPRS has 1 item; got ${answers.length}`);
      }
      return scoreNprs(answers[0] ?? null);
    case 'ndi':
      return scoreNdi(answers);
    case 'odi':
      return scoreOdi(answers);
    case 'psfs':
      return scorePsfs(answers.map((score, i) => ({ activity: `activity ${i + 1}`, score })));
  }
}
