import { describe, expect, it } from 'vitest';
import { checkStep } from './check-step.ts';
import { painGuidance } from './hold-and-pain.ts';
import type { TreatmentStep } from './types.ts';

const finger = (extra: Partial<TreatmentStep> = {}): TreatmentStep => ({
  technique: 'ischemic-compression-finger',
  holdSeconds: 20,
  painRating: 6,
  ...extra,
});
const codes = (step: TreatmentStep, previous?: TreatmentStep[]) => checkStep(step, previous).flags.map((f) => f.code);
const flag = (step: TreatmentStep, code: string, previous?: TreatmentStep[]) =>
  checkStep(step, previous).flags.find((f) => f.code === code);

describe('checkStep: a step inside the clinic protocol', () => {
  it('has no flags', () => {
    expect(checkStep(finger())).toEqual({ ok: true, flags: [] });
  });
});

describe('hold time (clinic 10–30 s)', () => {
  it('accepts both ends of the range', () => {
    expect(codes(finger({ holdSeconds: 10 }))).toEqual([]);
    expect(codes(finger({ holdSeconds: 30 }))).toEqual([]);
  });
  it('flags a hold under 10 s (hold longer next time) and warns over 30 s', () => {
    expect(flag(finger({ holdSeconds: 9.9 }), 'hold-short')).toMatchObject({ level: 'warning', field: 'holdSeconds' });
    expect(flag(finger({ holdSeconds: 3 }), 'hold-short')!.message).toBe(
      '3 s is shorter than the 10–30 s compression hold for Ischemic compression (finger or thumb): ' +
        'hold longer next time.',
    );
    expect(checkStep(finger({ holdSeconds: 9 })).ok).toBe(false);
    expect(flag(finger({ holdSeconds: 31 }), 'hold-long')).toMatchObject({ level: 'warning', field: 'holdSeconds' });
    expect(checkStep(finger({ holdSeconds: 31 })).ok).toBe(false);
  });
  it("uses a technique's own range: positional release 90–120 s, MET contraction 5–10 s", () => {
    expect(codes({ technique: 'positional-release', holdSeconds: 90, painRating: 2 })).toEqual([]);
    expect(codes({ technique: 'positional-release', holdSeconds: 30, painRating: 2 })).toEqual(['hold-short']);
    expect(codes({ technique: 'muscle-energy', holdSeconds: 7 })).toEqual([]);
    expect(codes({ technique: 'muscle-energy', holdSeconds: 20 })).toEqual(['hold-long']);
    expect(codes({ technique: 'pnf-stretch', holdSeconds: 4 })).toEqual(['hold-short']);
  });
  it('flags missing, invalid and not-applicable holds', () => {
    expect(flag(finger({ holdSeconds: undefined }), 'hold-missing')).toMatchObject({ level: 'info' });
    for (const bad of [Number.NaN, -5, 0, Number.POSITIVE_INFINITY, '20' as unknown as number]) {
      expect(flag(finger({ holdSeconds: bad }), 'hold-invalid')).toMatchObject({
        level: 'warning',
        field: 'holdSeconds',
      });
    }
    expect(codes({ technique: 'cross-fibre-friction', holdSeconds: 60 })).toEqual(['hold-not-applicable']);
    expect(codes({ technique: 'microcurrent' })).toEqual([]);
  });
});

describe('pain during pressure (clinic 5–7)', () => {
  it('5 to 7 is therapeutic discomfort', () => {
    for (const pain of [5, 6, 7]) expect(codes(finger({ painRating: pain }))).toEqual([]);
  });
  it('below 5 is a note that pressure may increase', () => {
    expect(flag(finger({ painRating: 4 }), 'pain-low')).toMatchObject({ level: 'info', field: 'painRating' });
    expect(codes(finger({ painRating: 0 }))).toEqual(['pain-low']);
  });
  it('above 7 warns to ease off; 9 or more says release now', () => {
    expect(flag(finger({ painRating: 8 }), 'pain-high')).toMatchObject({ level: 'warning' });
    expect(flag(finger({ painRating: 7.5 }), 'pain-high')).toMatchObject({ level: 'warning' });
    expect(flag(finger({ painRating: 8.9 }), 'pain-high')).toMatchObject({ level: 'warning' });
    for (const pain of [9, 10]) {
      expect(flag(finger({ painRating: pain }), 'pain-stop')).toMatchObject({ level: 'stop', field: 'painRating' });
      expect(codes(finger({ painRating: pain }))).not.toContain('pain-high');
    }
  });
  it('positional release aims for little pain: above 3 is a warning, no "increase pressure" note', () => {
    expect(codes({ technique: 'positional-release', holdSeconds: 90, painRating: 5 })).toEqual(['pain-above-target']);
    expect(codes({ technique: 'positional-release', holdSeconds: 90, painRating: 0 })).toEqual([]);
  });
  it('the general limits apply to every technique, even unknown ones', () => {
    expect(codes({ technique: 'microcurrent', painRating: 9 })).toEqual(['pain-stop']);
    expect(codes({ technique: 'cupping', painRating: 8 })).toEqual(['technique-unknown', 'pain-high']);
  });
  it('flags a missing or impossible rating by field', () => {
    expect(flag(finger({ painRating: undefined }), 'pain-missing')).toMatchObject({
      level: 'info',
      field: 'painRating',
    });
    for (const bad of [-1, 11, Number.NaN, null as unknown as number]) {
      expect(flag(finger({ painRating: bad }), 'pain-invalid')).toMatchObject({
        level: 'warning',
        field: 'painRating',
      });
    }
  });
});

describe('technique', () => {
  it('warns on a missing or unknown technique, naming the field', () => {
    expect(flag({ technique: '' }, 'technique-missing')).toMatchObject({ field: 'technique', level: 'warning' });
    expect(flag({} as TreatmentStep, 'technique-missing')).toBeDefined();
    expect(flag({ technique: 'dry-needling' }, 'technique-unknown')).toMatchObject({ field: 'technique' });
  });
  it('non-record steps come back as a flag, not a throw', () => {
    for (const bad of [null, undefined, 42, 'step', [1, 2]]) {
      const result = checkStep(bad as unknown as TreatmentStep);
      expect(result.ok).toBe(false);
      expect(result.flags[0]?.code).toBe('step-invalid');
    }
  });
  it('a hostile object is reported, not thrown', () => {
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    expect(checkStep(hostile as TreatmentStep).flags[0]?.code).toBe('step-unreadable');
  });
});

describe('layered progression (superficial to deep)', () => {
  const layered = (layer: TreatmentStep['layer'], muscle = 'upper trapezius'): TreatmentStep => ({
    technique: 'layered-compression',
    holdSeconds: 20,
    painRating: 6,
    layer,
    muscle,
  });

  it('superficial → middle → deep on one muscle is clean', () => {
    const session: TreatmentStep[] = [];
    for (const layer of ['superficial', 'middle', 'deep'] as const) {
      expect(codes(layered(layer), session)).toEqual([]);
      session.push(layered(layer));
    }
  });
  it('deep first, or deep after only superficial, is a layer skip', () => {
    expect(flag(layered('deep'), 'layer-skip')).toMatchObject({ level: 'warning', field: 'layer' });
    expect(flag(layered('deep'), 'layer-skip', [layered('superficial')])?.message).toMatch(/middle/);
    expect(flag(layered('middle'), 'layer-skip', [])?.message).toMatch(/superficial/);
  });
  it('only counts earlier work on the same muscle (case and spacing ignored)', () => {
    expect(codes(layered('middle', 'Upper Trapezius '), [layered('superficial')])).toEqual([]);
    expect(codes(layered('middle', 'levator scapulae'), [layered('superficial')])).toEqual(['layer-skip']);
  });
  it('superficial work never skips a layer', () => {
    expect(codes(layered('superficial'), [layered('deep')])).toEqual([]);
  });
  it('notes when the muscle is missing, and flags bad layer or muscle values', () => {
    expect(flag({ ...layered('deep'), muscle: undefined }, 'layer-unchecked')).toMatchObject({
      level: 'info',
      field: 'muscle',
    });
    expect(flag({ ...layered('deep'), layer: 'bone' as TreatmentStep['layer'] }, 'layer-invalid')).toMatchObject({
      level: 'warning',
    });
    expect(flag({ ...layered('superficial'), muscle: '  ' }, 'muscle-invalid')).toMatchObject({ field: 'muscle' });
  });
  it('unreadable earlier steps are noted and skipped', () => {
    expect(codes(finger(), 'nope' as unknown as TreatmentStep[])).toEqual(['previous-invalid']);
    expect(codes(layered('middle'), [null, 3, layered('superficial')] as unknown as TreatmentStep[])).toEqual([]);
  });
});

describe('screening cautions', () => {
  const noDeep = { noDeepPressure: true };
  it('no deep pressure stops elbow and knuckle compression and deep-layer work', () => {
    expect(
      flag({ ...finger(), technique: 'ischemic-compression-elbow', cautions: noDeep }, 'caution-deep-pressure'),
    ).toMatchObject({ level: 'stop', field: 'technique' });
    expect(
      flag({ ...finger(), technique: 'ischemic-compression-knuckle', cautions: noDeep }, 'caution-deep-pressure'),
    ).toMatchObject({ level: 'stop' });
    expect(
      flag({ ...finger(), layer: 'deep', muscle: 'gluteus medius', cautions: noDeep }, 'caution-deep-pressure'),
    ).toMatchObject({ level: 'stop', field: 'layer' });
  });
  it('light finger work at a superficial layer is allowed under the caution', () => {
    expect(checkStep({ ...finger(), layer: 'superficial', muscle: 'soleus', cautions: noDeep })).toEqual({
      ok: true,
      flags: [],
    });
    expect(
      codes({ ...finger(), technique: 'ischemic-compression-elbow', cautions: { noDeepPressure: false } }),
    ).toEqual([]);
  });
  it('a technique screening said to avoid is a stop', () => {
    expect(
      flag({ technique: 'microcurrent', cautions: { avoidTechniques: ['microcurrent'] } }, 'caution-avoid-technique'),
    ).toMatchObject({ level: 'stop' });
    expect(codes({ technique: 'microcurrent', cautions: { avoidTechniques: ['cross-fibre-friction'] } })).toEqual([]);
  });
  it('unreadable cautions are a warning', () => {
    expect(
      flag({ ...finger(), cautions: 'anticoagulants' as unknown as TreatmentStep['cautions'] }, 'cautions-invalid'),
    ).toMatchObject({ level: 'warning' });
  });
});

describe('pain guidance when screening says ratings are blunted', () => {
  const blunted = (extra: Partial<TreatmentStep> = {}) =>
    finger({ cautions: { painRatingsUnreliable: true }, ...extra });
  it('never suggests pressing harder on a low rating', () => {
    expect(codes(finger({ painRating: 3 }))).toEqual(['pain-low']);
    expect(codes(blunted({ painRating: 3 }))).toEqual([]);
  });
  it('still stops at 9 and warns above 7', () => {
    expect(codes(blunted({ painRating: 9 }))).toEqual(['pain-stop']);
    expect(codes(blunted({ painRating: 8 }))).toEqual(['pain-high']);
  });
  it('the timer text says not to push to the target, and why, instead of "aim for 5–7"', () => {
    expect(painGuidance('ischemic-compression-finger', null)).toBe(
      'Aim for 5–7. Above 7, ease off. At 9 or 10, release now.',
    );
    const text = painGuidance('ischemic-compression-finger', 'takes ibuprofen (a pain killer)');
    expect(text).toBe(
      'Pain ratings are less reliable today (takes ibuprofen (a pain killer)): keep the pressure moderate; ' +
        'do not push to the 5–7 target on ratings alone. At 9 or 10, release now.',
    );
    expect(text).not.toMatch(/Aim for/);
    expect(painGuidance('positional-release', null)).toBe(
      'Aim for 0–3. Above 3, ease off or reposition. At 9 or 10, release now.',
    );
    expect(painGuidance('microcurrent', null)).toBe('At 9 or 10, release now.');
  });
});
