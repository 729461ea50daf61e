export { TECHNIQUES, isTechnique } from './techniques.ts';
export type { Range, Technique, TechniqueDose } from './techniques.ts';
export { LAYERS } from './types.ts';
export type { DoseFlag, Layer, StepCheck, TreatmentStep } from './types.ts';
export { checkStep } from './check-step.ts';
export { PAIN_EASE_OFF_ABOVE, PAIN_STOP_AT, painGuidance } from './hold-and-pain.ts';
export { DOSE_SOURCES } from './sources.ts';
