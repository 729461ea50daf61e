import { describe, expect, it } from 'vitest';
import type { TreatmentGate } from '../../web/src/api/charting.ts';
import { gateRefusal } from '../../web/src/offline/kept-day.ts';

// The tablet, without a connection, refuses a treatment step as the server would: same code, same
// words, same field to correct, from the gate it kept this morning.

const kept = (patch: Partial<TreatmentGate>): TreatmentGate => ({
  decision: 'local',
  screenedAt: '2026-11-26T16:00:00.000Z',
  intakeVersion: 1,
  treatmentAllowed: true,
  blockedReason: null,
  avoidRegions: [],
  techniqueChanges: [],
  cautions: [],
  painRatingsUnreliable: null,
  noDeepPressure: false,
  clearances: [],
  openTasks: [],
  overrides: [],
  can: { override: false, recordClearance: false },
  ...patch,
});
const step = { muscle: 'gastrocnemius', side: 'left', region: 'calf-left', technique: 'ischemic-compression-finger' };

describe('the offline tablet’s screening check', () => {
  it('refuses a step on a region screening avoids on both sides, naming the region', () => {
    const refusal = gateRefusal(kept({ avoidRegions: ['calf'] }), step);
    expect(refusal).toMatchObject({ status: 422, code: 'region_avoided' });
    expect(refusal?.fields).toEqual({ region: 'Screening says not to treat this region.' });
  });

  it('refuses the deep layer when screening says no deep pressure, and lets light pressure through', () => {
    const gate = kept({ noDeepPressure: true });
    expect(gateRefusal(gate, { ...step, layer: 'deep' })).toMatchObject({
      code: 'technique_not_allowed',
      message: 'Screening says no deep pressure: the deep layer is not worked.',
    });
    expect(gateRefusal(gate, { ...step, layer: 'superficial' })).toBeNull();
  });
});
