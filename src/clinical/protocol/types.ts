export type Layer = 'superficial' | 'middle' | 'deep';
export const LAYERS: readonly Layer[] = ['superficial', 'middle', 'deep'];

/** One charted treatment step. Typed loosely on purpose: charting sends what the therapist typed. */
export interface TreatmentStep {
  technique: string;
  holdSeconds?: number;
  /** Pain during pressure, 0–10 as the patient rates it. */
  painRating?: number;
  layer?: Layer;
  muscle?: string;
  /** From screening, e.g. anticoagulants → no deep pressure. */
  cautions?: { noDeepPressure?: boolean; avoidTechniques?: string[]; painRatingsUnreliable?: boolean };
}

export interface DoseFlag {
  /** info: note only; warning: adjust now; stop: release / do not perform. */
  level: 'info' | 'warning' | 'stop';
  code: string;
  message: string;
  field?: string;
}

export interface StepCheck {
  /** True when no flag is a warning or a stop. */
  ok: boolean;
  flags: DoseFlag[];
}

/** Reads an own property of an unknown value without trusting its shape. */
export function own(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
