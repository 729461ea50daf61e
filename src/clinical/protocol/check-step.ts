import { isTechnique } from './techniques.ts';
import type { Technique } from './techniques.ts';
import { own } from './types.ts';
import type { DoseFlag, StepCheck, TreatmentStep } from './types.ts';
import { holdFlags, painFlags } from './hold-and-pain.ts';
import { layerFlags } from './layers.ts';
import { cautionFlags } from './cautions.ts';

function techniqueFlags(value: unknown): { technique: Technique | undefined; flags: DoseFlag[] } {
  if (isTechnique(value)) return { technique: value, flags: [] };
  if (typeof value !== 'string' || value.trim() === '') {
    return {
      technique: undefined,
      flags: [{ level: 'warning', code: 'technique-missing', field: 'technique', message: 'No technique charted.' }],
    };
  }
  return {
    technique: undefined,
    flags: [
      {
        level: 'warning',
        code: 'technique-unknown',
        field: 'technique',
        message: 'Unknown technique: only the general pain limits were checked.',
      },
    ],
  };
}

function runChecks(step: unknown, previous: unknown): DoseFlag[] {
  if (typeof step !== 'object' || step === null || Array.isArray(step)) {
    return [{ level: 'warning', code: 'step-invalid', message: 'The treatment step is not a record.' }];
  }
  const flags: DoseFlag[] = [];
  const { technique, flags: techniqueProblems } = techniqueFlags(own(step, 'technique'));
  flags.push(...techniqueProblems);
  flags.push(...cautionFlags(step, technique));
  flags.push(
    ...painFlags(technique, own(step, 'painRating'), own(own(step, 'cautions'), 'painRatingsUnreliable') === true),
  );
  flags.push(...holdFlags(technique, own(step, 'holdSeconds')));
  let earlier: readonly unknown[] = [];
  if (Array.isArray(previous)) earlier = previous;
  else if (previous !== undefined) {
    flags.push({
      level: 'info',
      code: 'previous-invalid',
      field: 'previous',
      message: 'Earlier steps could not be read; layer order not checked.',
    });
  }
  flags.push(...layerFlags(step, earlier));
  return flags;
}

/**
 * Checks one charted treatment step against the clinic's dose rules and the session so far
 * (`previous`, oldest first). Never throws: bad or missing values come back as flags naming the field.
 */
export function checkStep(step: TreatmentStep, previous?: TreatmentStep[]): StepCheck {
  let flags: DoseFlag[];
  try {
    flags = runChecks(step, previous);
  } catch {
    // Only a hostile value (a throwing getter or proxy) gets here.
    flags = [{ level: 'warning', code: 'step-unreadable', message: 'The treatment step could not be read.' }];
  }
  return { ok: flags.every((flag) => flag.level === 'info'), flags };
}
