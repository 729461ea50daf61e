import { describe, expect, it } from 'vitest';
import { classifyChange } from './change.ts';
import { THRESHOLDS, thresholdSetFor } from './thresholds.ts';

describe('classifyChange at threshold edges', () => {
  it('NPRS default: 2 points reaches the MCID (and the MDC); 1 point is no change', () => {
    expect(classifyChange('nprs', 7, 5).class).toBe('beyond-mcid');
    expect(classifyChange('nprs', 7, 6).class).toBe('no-change');
    expect(classifyChange('nprs', 7, 7).class).toBe('no-change');
  });

  it('NPRS: 30% alone does not count when the change is inside the 2-point MDC', () => {
    const c = classifyChange('nprs', 3, 2); // 33% but 1 point
    expect(c.percentImprovement).toBe(33.3);
    expect(c.class).toBe('no-change');
    expect(c.explanation).toContain('MCID but not the MDC');
  });

  it('NPRS worsening: 2 points is worse, 1 point is within measurement error', () => {
    expect(classifyChange('nprs', 4, 6).class).toBe('worse');
    expect(classifyChange('nprs', 4, 5).class).toBe('no-change');
  });

  it('NPRS neck pain uses Cleland 2008: MCID 1.3 but MDC 2.1 decides', () => {
    const set = thresholdSetFor('nprs', 'neck-pain');
    expect(set.mcid.value).toBe(1.3);
    expect(set.mcid.source).toContain('Cleland');
    expect(classifyChange('nprs', 6, 4.5, { condition: 'neck-pain' }).class).toBe('no-change');
    expect(classifyChange('nprs', 6, 3.9, { condition: 'neck-pain' }).class).toBe('beyond-mcid');
    expect(classifyChange('nprs', 6, 4, { condition: 'neck-pain' }).class).toBe('no-change');
  });

  it('falls back to the default set for an unknown condition', () => {
    expect(classifyChange('nprs', 7, 5, { condition: 'no-such-thing' }).threshold).toBe(THRESHOLDS.nprs[0]);
  });

  it('ODI: 10 points or 30% reaches the MCID (Ostelo 2008)', () => {
    expect(classifyChange('odi', 40, 30).class).toBe('beyond-mcid');
    expect(classifyChange('odi', 40, 31).class).toBe('no-change');
    expect(classifyChange('odi', 50, 40).class).toBe('beyond-mcid');
    expect(classifyChange('odi', 30, 40).class).toBe('worse');
    expect(classifyChange('odi', 30, 39).class).toBe('no-change');
  });

  it('NDI neck-pain set converts 19 percent-points to 9.5 raw points', () => {
    expect(classifyChange('ndi', 20, 10.5, { condition: 'neck-pain' }).class).toBe('beyond-mcid');
    expect(classifyChange('ndi', 20, 11, { condition: 'neck-pain' }).class).toBe('beyond-mdc');
    expect(classifyChange('ndi', 20, 15.1, { condition: 'neck-pain' }).class).toBe('no-change');
  });

  it('NDI default: an imputed 17.8 → 12.8 is the 5-point change it prints as', () => {
    expect(classifyChange('ndi', 17.8, 12.8).class).toBe('beyond-mcid');
  });

  it('PSFS: higher is better; MDC 2 decides before the 1.3 MCID', () => {
    expect(classifyChange('psfs', 3, 5).class).toBe('beyond-mcid');
    expect(classifyChange('psfs', 3, 4.5).class).toBe('no-change');
    expect(classifyChange('psfs', 5, 3).class).toBe('worse');
    expect(classifyChange('psfs', 3, 5.5, { condition: 'single-activity' }).class).toBe('no-change');
    expect(classifyChange('psfs', 3, 6, { condition: 'single-activity' }).class).toBe('beyond-mcid');
  });

  it('reports the signed change and the direction-free improvement', () => {
    const c = classifyChange('odi', 40, 30);
    expect(c.change).toBe(-10);
    expect(c.improvement).toBe(10);
    expect(c.percentImprovement).toBe(25);
  });

  it('every threshold carries a source', () => {
    for (const sets of Object.values(THRESHOLDS)) {
      for (const set of sets) {
        expect(set.mcid.source.length).toBeGreaterThan(10);
        if (set.mdc) expect(set.mdc.source.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('beyond-mdc requires an MCID above the MDC', () => {
  it('NDI neck pain has MDC 5 raw below MCID 9.5 raw, so 5–9 raw points is beyond-mdc', () => {
    for (const drop of [5, 6, 7, 8, 9]) {
      expect(classifyChange('ndi', 30, 30 - drop, { condition: 'neck-pain' }).class).toBe('beyond-mdc');
    }
    expect(classifyChange('ndi', 30, 26, { condition: 'neck-pain' }).class).toBe('no-change');
  });
});
