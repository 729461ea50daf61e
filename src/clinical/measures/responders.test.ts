import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPONDER_DEFINITIONS, isResponder, validateResponderDefinition } from './responders.ts';
import type { ResponderDefinition } from './responders.ts';

function byId(id: string): ResponderDefinition {
  const def = DEFAULT_RESPONDER_DEFINITIONS.find((d) => d.id === id);
  if (!def) throw new Error(`no default ${id}`);
  return def;
}

describe('default responder definitions', () => {
  it('all pass their own validation and cite a source', () => {
    for (const def of DEFAULT_RESPONDER_DEFINITIONS) {
      expect(validateResponderDefinition(def)).toEqual({ ok: true, value: def });
      expect(def.source).toBeTruthy();
    }
  });

  it('NPRS (Farrar): 2 points or 30%', () => {
    const def = byId('nprs-farrar');
    expect(isResponder(def, 8, 6)).toBe(true); // 2 points
    expect(isResponder(def, 3, 2)).toBe(true); // 1 point but 33%
    expect(isResponder(def, 8, 7)).toBe(false); // 1 point, 12.5%
    expect(isResponder(def, 0, 0)).toBe(false); // nothing to improve
    expect(isResponder(def, 5, 7)).toBe(false); // worse
  });

  it('ODI (Ostelo): 10 points or 30%', () => {
    const def = byId('odi-ostelo');
    expect(isResponder(def, 60, 50)).toBe(true);
    expect(isResponder(def, 20, 14)).toBe(true); // 30%
    expect(isResponder(def, 60, 51)).toBe(false);
  });

  it('NDI (Cleland): 19 percent-points is 9.5 raw points', () => {
    const def = byId('ndi-cleland');
    expect(isResponder(def, 20, 10.5)).toBe(true);
    expect(isResponder(def, 20, 10.6)).toBe(false);
  });

  it('PSFS responders improve upward', () => {
    const def = byId('psfs-mdc');
    expect(isResponder(def, 3, 5)).toBe(true);
    expect(isResponder(def, 5, 3)).toBe(false);
  });

  it("the clinic's claim only counts follow-ups at sessions 4–6", () => {
    const def = byId('clinic-claim-nprs-4-6');
    expect(isResponder(def, 7, 4, { session: 5 })).toBe(true);
    expect(isResponder(def, 7, 4, { session: 3 })).toBe(false);
    expect(isResponder(def, 7, 4, { session: 7 })).toBe(false);
    expect(isResponder(def, 7, 4)).toBe(false);
  });
});

describe('custom rules', () => {
  const base = { id: 'x', label: 'x', measure: 'odi' as const };
  it("'both' needs the absolute and the percent threshold", () => {
    const def: ResponderDefinition = { ...base, rule: 'both', absolute: 10, percent: 30 };
    expect(isResponder(def, 60, 45)).toBe(false); // 15 points, 25%
    expect(isResponder(def, 40, 28)).toBe(true); // 12 points, 30%
  });
  it("'percent' ignores the absolute size", () => {
    const def: ResponderDefinition = { ...base, rule: 'percent', percent: 50 };
    expect(isResponder(def, 10, 5)).toBe(true);
    expect(isResponder(def, 80, 45)).toBe(false);
  });
});

describe('validateResponderDefinition names the field', () => {
  function fields(input: unknown): string[] {
    const r = validateResponderDefinition(input);
    return r.ok ? [] : r.errors.map((e) => e.field);
  }
  const good = { id: 'our-rule', label: 'Our rule', measure: 'nprs', rule: 'either', absolute: 2, percent: 30 };

  it('accepts a well-formed definition', () => {
    expect(validateResponderDefinition(good).ok).toBe(true);
  });
  it('rejects a missing threshold for the rule', () => {
    expect(fields({ ...good, percent: undefined })).toEqual(['percent']);
    expect(fields({ ...good, rule: 'absolute', absolute: undefined, percent: undefined })).toEqual(['absolute']);
  });
  it('rejects unknown measures, bad ids, bad windows and thresholds beyond the scale', () => {
    expect(fields({ ...good, measure: 'vas' })).toContain('measure');
    expect(fields({ ...good, id: 'Has Spaces' })).toContain('id');
    expect(fields({ ...good, withinSessions: { min: 6, max: 4 } })).toContain('withinSessions.min');
    expect(fields({ ...good, absolute: 11 })).toContain('absolute');
    expect(fields({ ...good, percent: 120 })).toContain('percent');
    expect(fields({ ...good, extra: 1 })).toEqual(['(definition)']);
    expect(fields('nonsense')).toEqual(['(definition)']);
  });
});
