import { describe, expect, it } from 'vitest';
import { REGION_BASES } from '../bodymap/regions.ts';
import { CITATIONS, closestMuscles, findMuscle, MUSCLES, muscleById, triggerPointById } from './index.ts';

const regionBases = new Set(REGION_BASES.map((b) => b.base));

describe('atlas schema', () => {
  it('covers at least 70 muscles with unique ids', () => {
    expect(MUSCLES.length).toBeGreaterThanOrEqual(70);
    expect(new Set(MUSCLES.map((m) => m.id)).size).toBe(MUSCLES.length);
  });

  it('gives trigger points globally unique ids that point back to their muscle', () => {
    const ids = MUSCLES.flatMap((m) => m.triggerPoints.map((tp) => tp.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of MUSCLES) {
      expect(m.triggerPoints.length).toBeGreaterThan(0);
      for (const tp of m.triggerPoints) {
        expect(tp.muscleId).toBe(m.id);
        expect(triggerPointById(tp.id)).toBe(tp);
      }
    }
  });

  it('refers only to regions that exist in the body map', () => {
    for (const m of MUSCLES) {
      for (const tp of m.triggerPoints) {
        expect(tp.zones.length, tp.id).toBeGreaterThan(0);
        for (const zone of tp.zones) expect(regionBases.has(zone.region), `${tp.id} → ${zone.region}`).toBe(true);
      }
    }
  });

  it('gives every trigger point at least one primary zone', () => {
    for (const m of MUSCLES) {
      for (const tp of m.triggerPoints)
        expect(
          tp.zones.some((z) => z.weight === 'primary'),
          tp.id,
        ).toBe(true);
    }
  });

  it('cites an existing source for every muscle and every trigger point', () => {
    for (const m of MUSCLES) {
      expect(m.citations.length, m.id).toBeGreaterThan(0);
      for (const id of m.citations) expect(CITATIONS[id], `${m.id} cites ${id}`).toBeDefined();
      for (const tp of m.triggerPoints) {
        expect(tp.citations.length, tp.id).toBeGreaterThan(0);
        for (const id of tp.citations) expect(CITATIONS[id], `${tp.id} cites ${id}`).toBeDefined();
      }
    }
  });

  it('only calls a map established when an independent study is cited beside Travell & Simons', () => {
    for (const m of MUSCLES.filter((x) => x.evidence === 'established')) {
      expect(
        m.citations.some((c) => !c.startsWith('ts-')),
        m.id,
      ).toBe(true);
    }
  });

  it('has self-care, symptoms and perpetuating factors for every muscle', () => {
    for (const m of MUSCLES) {
      expect(m.selfCare.steps.length, m.id).toBeGreaterThan(0);
      expect(m.associatedSymptoms.length, m.id).toBeGreaterThan(0);
      expect(m.perpetuatingFactors.length, m.id).toBeGreaterThan(0);
      expect(m.plainName, m.id).not.toBe('');
    }
  });

  it('reaches every region of the body map with at least one zone', () => {
    const reached = new Set(MUSCLES.flatMap((m) => m.triggerPoints.flatMap((tp) => tp.zones.map((z) => z.region))));
    const unreached = REGION_BASES.map((b) => b.base).filter((base) => !reached.has(base));
    expect(unreached).toEqual([]);
  });

  it('encodes the reference facts for a few well-known patterns', () => {
    const zonesOf = (id: string) =>
      new Set(muscleById(id)!.triggerPoints.flatMap((tp) => tp.zones.map((z) => z.region)));
    expect([...zonesOf('upper-trapezius')]).toEqual(
      expect.arrayContaining(['posterolateral-neck', 'mastoid', 'temple']),
    );
    expect([...zonesOf('soleus')]).toEqual(expect.arrayContaining(['heel', 'achilles', 'si-joint']));
    expect([...zonesOf('scalenes')]).toEqual(
      expect.arrayContaining(['anterior-chest', 'medial-scapular-border', 'thumb', 'index-finger']),
    );
    const scmForehead = muscleById('sternocleidomastoid')!
      .triggerPoints.flatMap((tp) => tp.zones)
      .find((z) => z.region === 'forehead');
    expect(scmForehead?.side).toBe('both');
  });
});

describe('findMuscle', () => {
  it('finds by id, name or alias regardless of case and punctuation', () => {
    expect(findMuscle('upper-trapezius')?.id).toBe('upper-trapezius');
    expect(findMuscle('SCM')?.id).toBe('sternocleidomastoid');
    expect(findMuscle('Quadratus Lumborum')?.id).toBe('quadratus-lumborum');
    expect(findMuscle('peroneus longus')?.id).toBe('fibularis-longus-brevis');
    expect(findMuscle('nonsense')).toBeUndefined();
  });

  it('suggests close names for a misspelling', () => {
    expect(closestMuscles('piriformus', 3).map((m) => m.id)).toContain('piriformis');
    expect(closestMuscles('supinater', 1)[0]?.id).toBe('supinator');
  });
});
