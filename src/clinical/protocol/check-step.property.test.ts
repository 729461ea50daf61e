import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkStep } from './check-step.ts';
import { TECHNIQUES } from './techniques.ts';
import type { TreatmentStep } from './types.ts';

const techniqueArb = fc.oneof(fc.constantFrom(...Object.keys(TECHNIQUES)), fc.string());
const stepArb: fc.Arbitrary<unknown> = fc.record(
  {
    technique: fc.oneof(techniqueArb, fc.anything()),
    holdSeconds: fc.oneof(fc.double(), fc.anything()),
    painRating: fc.oneof(fc.double({ min: -2, max: 12 }), fc.anything()),
    layer: fc.oneof(fc.constantFrom('superficial', 'middle', 'deep'), fc.anything()),
    muscle: fc.oneof(fc.constantFrom('soleus', 'Soleus', 'masseter'), fc.anything()),
    cautions: fc.oneof(
      fc.record({ noDeepPressure: fc.boolean(), avoidTechniques: fc.array(techniqueArb) }, { requiredKeys: [] }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);
const anyStep = fc.oneof(stepArb, fc.anything());
const anyPrevious = fc.oneof(fc.array(anyStep, { maxLength: 6 }), fc.anything());

describe('checkStep properties', () => {
  it('never throws, and always returns flags with a level, code and message', () => {
    fc.assert(
      fc.property(anyStep, anyPrevious, (step, previous) => {
        const result = checkStep(step as TreatmentStep, previous as TreatmentStep[]);
        expect(Array.isArray(result.flags)).toBe(true);
        for (const f of result.flags) {
          expect(['info', 'warning', 'stop']).toContain(f.level);
          expect(typeof f.code).toBe('string');
          expect(typeof f.message).toBe('string');
        }
        expect(result.ok).toBe(result.flags.every((f) => f.level === 'info'));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same input gives the same flags', () => {
    fc.assert(
      fc.property(anyStep, anyPrevious, (step, previous) => {
        const first = checkStep(step as TreatmentStep, previous as TreatmentStep[]);
        const second = checkStep(
          structuredCloneSafe(step) as TreatmentStep,
          structuredCloneSafe(previous) as TreatmentStep[],
        );
        expect(second).toEqual(first);
      }),
    );
  });

  it('pain of 9 or more is always a stop, whatever the technique', () => {
    fc.assert(
      fc.property(techniqueArb, fc.double({ min: 9, max: 10, noNaN: true }), (technique, painRating) => {
        const result = checkStep({ technique, painRating });
        expect(result.ok).toBe(false);
        expect(result.flags.some((f) => f.level === 'stop' && f.code === 'pain-stop')).toBe(true);
      }),
    );
  });
});

/** A deep copy when the value can be copied, else the value itself (still a same-input rerun). */
function structuredCloneSafe(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
