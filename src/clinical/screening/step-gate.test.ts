import { describe, expect, it } from 'vitest';
import { stepRefusal, type StepGate } from './step-gate.ts';

const clear: StepGate = {
  treatmentAllowed: true,
  blockedReason: null,
  avoidRegions: [],
  techniqueChanges: [],
  noDeepPressure: false,
};
const step = { region: 'calf-left', technique: 'ischemic-compression-finger' };

describe('the screening gate on a treatment step', () => {
  it('lets a step go ahead on a clear gate', () => {
    expect(stepRefusal(clear, { ...step, layer: 'deep' })).toBeNull();
  });

  it('refuses every step when screening blocks treatment, saying why', () => {
    const gate = { ...clear, treatmentAllowed: false, blockedReason: 'Needs a physician’s clearance.' };
    expect(stepRefusal(gate, step)).toEqual({ code: 'treatment_blocked', message: 'Needs a physician’s clearance.' });
    expect(stepRefusal({ ...gate, blockedReason: null }, step)?.message).toBe(
      'Screening does not allow treatment today.',
    );
  });

  it('refuses a region avoided on that side or as a whole, but not the other side', () => {
    expect(stepRefusal({ ...clear, avoidRegions: ['calf-left'] }, step)?.code).toBe('region_avoided');
    expect(stepRefusal({ ...clear, avoidRegions: ['calf'] }, step)?.fields).toEqual({
      region: 'Screening says not to treat this region.',
    });
    expect(stepRefusal({ ...clear, avoidRegions: ['calf-right'] }, step)).toBeNull();
  });

  it('refuses a technique screening changed', () => {
    const gate = { ...clear, techniqueChanges: ['ischemic-compression-finger'] };
    expect(stepRefusal(gate, step)?.fields).toEqual({ technique: 'Screening says to avoid this technique.' });
  });

  it('with no deep pressure, refuses deep techniques and the deep layer, not light finger pressure', () => {
    const gate = { ...clear, noDeepPressure: true };
    expect(stepRefusal(gate, step)).toBeNull();
    const elbow = stepRefusal(gate, { ...step, technique: 'ischemic-compression-elbow' });
    expect(elbow?.code).toBe('technique_not_allowed');
    expect(elbow?.message).toBe('Screening says no deep pressure: Ischemic compression (elbow) is not allowed.');
    expect(stepRefusal(gate, { ...step, layer: 'deep' })?.fields).toEqual({
      layer: 'Not allowed with no deep pressure.',
    });
  });
});
