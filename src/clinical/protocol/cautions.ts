import { TECHNIQUES } from './techniques.ts';
import type { Technique } from './techniques.ts';
import { own } from './types.ts';
import type { DoseFlag } from './types.ts';

/**
 * Screening cautions turned into stops: with "no deep pressure" (anticoagulants, bleeding disorders;
 * REFERENCE.md relative contraindications) elbow/knuckle compression and deep-layer work are out, and
 * a technique screening said to avoid is out.
 */
export function cautionFlags(step: unknown, technique: Technique | undefined): DoseFlag[] {
  const cautions = own(step, 'cautions');
  if (cautions === undefined) return [];
  if (typeof cautions !== 'object' || cautions === null || Array.isArray(cautions)) {
    return [
      {
        level: 'warning',
        code: 'cautions-invalid',
        field: 'cautions',
        message: 'Cautions could not be read; check screening before treating.',
      },
    ];
  }
  const flags: DoseFlag[] = [];
  if (own(cautions, 'noDeepPressure') === true) {
    if (technique && TECHNIQUES[technique].deepPressure) {
      const label = TECHNIQUES[technique].label;
      flags.push({
        level: 'stop',
        code: 'caution-deep-pressure',
        field: 'technique',
        message: `Screening says no deep pressure: do not use ${label}; use light finger pressure.`,
      });
    }
    if (own(step, 'layer') === 'deep') {
      flags.push({
        level: 'stop',
        code: 'caution-deep-pressure',
        field: 'layer',
        message: 'Screening says no deep pressure: do not work the deep layer.',
      });
    }
  }
  const avoid = own(cautions, 'avoidTechniques');
  const stepTechnique = own(step, 'technique');
  if (Array.isArray(avoid) && typeof stepTechnique === 'string' && avoid.includes(stepTechnique)) {
    flags.push({
      level: 'stop',
      code: 'caution-avoid-technique',
      field: 'technique',
      message: 'Screening says to avoid this technique for this patient.',
    });
  }
  return flags;
}
