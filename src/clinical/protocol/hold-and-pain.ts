import { TECHNIQUES } from './techniques.ts';
import type { Technique } from './techniques.ts';
import { isFiniteNumber } from './types.ts';
import type { DoseFlag } from './types.ts';

/** Pain above this (0–10) is more than therapeutic discomfort: ease off (clinic protocol). */
export const PAIN_EASE_OFF_ABOVE = 7;
/** Pain at or above this: release now (clinic protocol). */
export const PAIN_STOP_AT = 9;

export function holdFlags(technique: Technique | undefined, hold: unknown): DoseFlag[] {
  const dose = technique ? TECHNIQUES[technique] : undefined;
  const range = dose?.holdSeconds;
  const timed = dose?.timedPart ?? 'hold';
  if (hold === undefined) {
    return range
      ? [{ level: 'info', code: 'hold-missing', field: 'holdSeconds', message: `No ${timed} time charted; expected ${range.min}–${range.max} s.` }]
      : [];
  }
  if (!isFiniteNumber(hold) || hold <= 0) {
    return [{ level: 'warning', code: 'hold-invalid', field: 'holdSeconds', message: 'Hold time must be a positive number of seconds.' }];
  }
  if (!dose) return [];
  if (!range) {
    return [{ level: 'info', code: 'hold-not-applicable', field: 'holdSeconds', message: `${dose.label} has no timed hold; the ${hold} s charted is not checked.` }];
  }
  if (hold < range.min) {
    // Too short is a dose question, not a safety one.
    return [{ level: 'info', code: 'hold-short', field: 'holdSeconds', message: `${hold} s is shorter than the ${range.min}–${range.max} s ${timed} for ${dose.label}.` }];
  }
  if (hold > range.max) {
    return [{ level: 'warning', code: 'hold-long', field: 'holdSeconds', message: `${hold} s is longer than the ${range.min}–${range.max} s ${timed} for ${dose.label}.` }];
  }
  return [];
}

export function painFlags(technique: Technique | undefined, pain: unknown): DoseFlag[] {
  const target = technique ? TECHNIQUES[technique].targetPain : undefined;
  if (pain === undefined) {
    return target
      ? [{ level: 'info', code: 'pain-missing', field: 'painRating', message: `No pain rating charted; aim for ${target.min}–${target.max} of 10 and check in.` }]
      : [];
  }
  if (!isFiniteNumber(pain) || pain < 0 || pain > 10) {
    return [{ level: 'warning', code: 'pain-invalid', field: 'painRating', message: 'Pain rating must be a number from 0 to 10.' }];
  }
  if (pain >= PAIN_STOP_AT) {
    return [{ level: 'stop', code: 'pain-stop', field: 'painRating', message: `Pain ${pain} of 10: release the pressure now.` }];
  }
  if (pain > PAIN_EASE_OFF_ABOVE) {
    return [{ level: 'warning', code: 'pain-high', field: 'painRating', message: `Pain ${pain} of 10 is above therapeutic discomfort (5–7): ease off.` }];
  }
  if (target && pain > target.max) {
    return [{ level: 'warning', code: 'pain-above-target', field: 'painRating', message: `Pain ${pain} of 10 is above the ${target.min}–${target.max} aimed for with this technique: ease off or reposition.` }];
  }
  if (target && pain < target.min) {
    return [{ level: 'info', code: 'pain-low', field: 'painRating', message: `Pain ${pain} of 10 is below ${target.min}–${target.max}: pressure may be increased.` }];
  }
  return [];
}
