import { describe, expect, it } from 'vitest';
import { TECHNIQUES, isTechnique } from './techniques.ts';

describe('TECHNIQUES', () => {
  it('covers the eleven NMT techniques of the protocol, each with a source and sane ranges', () => {
    expect(Object.keys(TECHNIQUES)).toHaveLength(11);
    for (const dose of Object.values(TECHNIQUES)) {
      expect(dose.source.length).toBeGreaterThan(20);
      if (dose.holdSeconds) expect(dose.holdSeconds.min).toBeLessThanOrEqual(dose.holdSeconds.max);
      if (dose.targetPain) expect(dose.targetPain.max).toBeLessThanOrEqual(7);
      if (dose.holdBased) expect(dose.holdSeconds).toBeDefined();
    }
  });
  it("encodes the clinic protocol for ischemic compression, and the techniques' own parameters elsewhere", () => {
    expect(TECHNIQUES['ischemic-compression-elbow']).toMatchObject({
      holdBased: true,
      holdSeconds: { min: 10, max: 30 },
      targetPain: { min: 5, max: 7 },
      deepPressure: true,
    });
    expect(TECHNIQUES['positional-release'].holdSeconds).toEqual({ min: 90, max: 120 });
    expect(TECHNIQUES['muscle-energy']).toMatchObject({ holdBased: false, holdSeconds: { min: 5, max: 10 } });
    for (const id of ['neuromuscular-stripping', 'cross-fibre-friction', 'microcurrent'] as const) {
      expect(TECHNIQUES[id].holdBased).toBe(false);
    }
  });
  it('isTechnique accepts only known ids, not inherited names', () => {
    expect(isTechnique('microcurrent')).toBe(true);
    expect(isTechnique('toString')).toBe(false);
    expect(isTechnique(3)).toBe(false);
  });
});
