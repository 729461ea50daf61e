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
      ? [
          {
            level: 'info',
            code: 'hold-missing',
            field: 'holdSeconds',
            message: `No ${timed} time charted; expected ${range.min}–${range.max} s.`,
          },
        ]
      : [];
  }
  if (!isFiniteNumber(hold) || hold <= 0) {
    return [
      {
        level: 'warning',
        code: 'hold-invalid',
        field: 'holdSeconds',
        message: 'Hold time must be a positive number of seconds.',
      },
    ];
  }
  if (!dose) return [];
  if (!range) {
    return [
      {
        level: 'info',
        code: 'hold-not-applicable',
        field: 'holdSeconds',
        message: `${dose.label} has no timed hold; the ${hold} s charted is not checked.`,
      },
    ];
  }
  if (hold < range.min) {
    // Not a safety matter, but a hold too short to release the point is a dose to adjust now.
    return [
      {
        level: 'warning',
        code: 'hold-short',
        field: 'holdSeconds',
        message:
          `${hold} s is shorter than the ${range.min}–${range.max} s ${timed} for ${dose.label}: ` +
          `hold longer next time.`,
      },
    ];
  }
  if (hold > range.max) {
    return [
      {
        level: 'warning',
        code: 'hold-long',
        field: 'holdSeconds',
        message: `${hold} s is longer than the ${range.min}–${range.max} s ${timed} for ${dose.label}.`,
      },
    ];
  }
  return [];
}

/**
 * What the hold timer tells the therapist about pain, for the technique and today's screening.
 * When screening says pain ratings are blunted (pain killers, muscle relaxants), it never says
 * "aim for 5–7": it says not to push to the target, and why.
 */
export function painGuidance(technique: Technique | undefined, unreliableBecause: string | null): string {
  const target = technique ? TECHNIQUES[technique].targetPain : undefined;
  const stop = `At ${PAIN_STOP_AT} or 10, release now.`;
  if (unreliableBecause) {
    const push = target
      ? ` do not push to the ${target.min}–${target.max} target on ratings alone.`
      : ' do not go by ratings alone.';
    return `Pain ratings are less reliable today (${unreliableBecause}): keep the pressure moderate;${push} ${stop}`;
  }
  if (!target) return stop;
  const easeOff =
    target.max < PAIN_EASE_OFF_ABOVE
      ? `Above ${target.max}, ease off or reposition.`
      : `Above ${target.max}, ease off.`;
  return `Aim for ${target.min}–${target.max}. ${easeOff} ${stop}`;
}

export function painFlags(technique: Technique | undefined, pain: unknown, unreliable = false): DoseFlag[] {
  const target = technique ? TECHNIQUES[technique].targetPain : undefined;
  if (pain === undefined) {
    if (!target) return [];
    const message = unreliable
      ? 'No pain rating charted; ratings are less reliable today, so keep the pressure moderate and check in.'
      : `No pain rating charted; aim for ${target.min}–${target.max} of 10 and check in.`;
    return [{ level: 'info', code: 'pain-missing', field: 'painRating', message }];
  }
  if (!isFiniteNumber(pain) || pain < 0 || pain > 10) {
    return [
      {
        level: 'warning',
        code: 'pain-invalid',
        field: 'painRating',
        message: 'Pain rating must be a number from 0 to 10.',
      },
    ];
  }
  if (pain >= PAIN_STOP_AT) {
    return [
      {
        level: 'stop',
        code: 'pain-stop',
        field: 'painRating',
        message: `Pain ${pain} of 10: release the pressure now.`,
      },
    ];
  }
  if (pain > PAIN_EASE_OFF_ABOVE) {
    return [
      {
        level: 'warning',
        code: 'pain-high',
        field: 'painRating',
        message: `Pain ${pain} of 10 is above therapeutic discomfort (5–7): ease off.`,
      },
    ];
  }
  if (target && pain > target.max) {
    return [
      {
        level: 'warning',
        code: 'pain-above-target',
        field: 'painRating',
        message:
          `Pain ${pain} of 10 is above the ${target.min}–${target.max} aimed for with this technique: ` +
          `ease off or reposition.`,
      },
    ];
  }
  // With blunted pain feedback a low rating is no reason to press harder (screening's caution).
  if (target && pain < target.min && !unreliable) {
    return [
      {
        level: 'info',
        code: 'pain-low',
        field: 'painRating',
        message: `Pain ${pain} of 10 is below ${target.min}–${target.max}: pressure may be increased.`,
      },
    ];
  }
  return [];
}
