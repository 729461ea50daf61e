// Clinical vignettes: typical presentations and the muscles Travell & Simons (vols 1-2) and the
// studies cited in the atlas would have a therapist examine first. Each asserts a ranking
// window (top N), not an exact order, because referral maps overlap by design.
import { describe, expect, it } from 'vitest';
import { suggestMuscles } from './index.ts';
import type { PainMap } from './index.ts';

function top(painMap: PainMap, n: number): string[] {
  return suggestMuscles(painMap, { limit: n }).map((s) => s.muscle);
}
const left = (...regions: string[]): PainMap => regions.map((r) => ({ region: `${r}-left`, intensity: 6 }));
const right = (...regions: string[]): PainMap => regions.map((r) => ({ region: `${r}-right`, intensity: 6 }));

describe('referral vignettes', () => {
  it('temple + posterolateral neck → upper trapezius first; SCM, temporalis, splenius cervicis, suboccipitals', () => {
    const ranked = top(
      [
        { region: 'temple-left', intensity: 7 },
        { region: 'posterolateral-neck-left', intensity: 5 },
      ],
      8,
    );
    expect(ranked[0]).toBe('upper-trapezius');
    expect(ranked).toEqual(
      expect.arrayContaining(['sternocleidomastoid', 'temporalis', 'splenius-cervicis', 'suboccipitals']),
    );
  });

  it('lateral epicondyle + dorsal forearm (tennis elbow) → supinator, brachioradialis, ECRL, supraspinatus', () => {
    const ranked = top(right('lateral-epicondyle', 'dorsal-forearm'), 8);
    expect(ranked).toEqual(
      expect.arrayContaining(['supinator', 'brachioradialis', 'extensor-carpi-radialis-longus', 'supraspinatus']),
    );
  });

  it('low back + buttock + greater trochanter → quadratus lumborum first; gluteus medius, minimus, piriformis', () => {
    const ranked = top(left('low-back', 'buttock', 'greater-trochanter'), 8);
    expect(ranked[0]).toBe('quadratus-lumborum');
    expect(ranked).toEqual(expect.arrayContaining(['gluteus-medius', 'gluteus-minimus', 'piriformis']));
  });

  it('medial knee → vastus medialis and the adductors in the top 4', () => {
    expect(top(right('medial-knee'), 4)).toEqual(expect.arrayContaining(['vastus-medialis', 'adductor-longus-brevis']));
  });

  it('heel → soleus and quadratus plantae in the top 3', () => {
    expect(top(left('heel'), 3)).toEqual(expect.arrayContaining(['soleus', 'quadratus-plantae']));
  });

  it('upper and lower molars + TMJ → masseter first; temporalis and lateral pterygoid in the top 4', () => {
    const ranked = top(left('upper-molars', 'lower-molars', 'tmj'), 4);
    expect(ranked[0]).toBe('masseter');
    expect(ranked).toEqual(expect.arrayContaining(['temporalis', 'lateral-pterygoid']));
  });

  it('medial scapular border → rhomboids, levator scapulae, scalenes, middle trapezius in the top 6', () => {
    expect(top(right('medial-scapular-border'), 6)).toEqual(
      expect.arrayContaining(['rhomboids', 'levator-scapulae', 'scalenes', 'middle-trapezius']),
    );
  });

  it('posterior thigh + calf ("sciatica-like") → gluteus minimus first; hamstrings and piriformis in the top 8', () => {
    const ranked = top(left('posterior-thigh', 'calf'), 8);
    expect(ranked[0]).toBe('gluteus-minimus');
    expect(ranked).toEqual(expect.arrayContaining(['medial-hamstrings', 'biceps-femoris', 'piriformis']));
  });

  it('chest + arm + radial forearm + thumb + index finger (thoracic-outlet-like) → scalenes first', () => {
    expect(top(right('anterior-chest', 'lateral-arm', 'radial-forearm', 'thumb', 'index-finger'), 1)).toEqual([
      'scalenes',
    ]);
  });

  it('deep front of shoulder + outer arm → infraspinatus in the top 2', () => {
    expect(top(left('anterior-shoulder', 'lateral-arm'), 2)).toContain('infraspinatus');
  });

  it('inferior angle of scapula + ring and little fingers → latissimus dorsi or serratus anterior first', () => {
    expect(['latissimus-dorsi', 'serratus-anterior']).toContain(
      top(left('inferior-scapular-angle', 'ring-finger', 'little-finger'), 1)[0],
    );
  });

  it('top of head → splenius capitis and SCM in the top 3', () => {
    expect(top([{ region: 'vertex', intensity: 5 }], 3)).toEqual(
      expect.arrayContaining(['splenius-capitis', 'sternocleidomastoid']),
    );
  });

  it('kneecap → rectus femoris in the top 3', () => {
    expect(top(right('anterior-knee'), 3)).toContain('rectus-femoris');
  });

  it('tailbone → gluteus maximus, lumbar multifidi and pelvic floor in the top 5', () => {
    expect(top([{ region: 'coccyx', intensity: 6 }], 5)).toEqual(
      expect.arrayContaining(['gluteus-maximus', 'lumbar-multifidi', 'pelvic-floor']),
    );
  });

  it('heel + calf + same-side SI joint → soleus first', () => {
    expect(top(left('heel', 'calf', 'si-joint'), 1)).toEqual(['soleus']);
  });
});

describe('side awareness', () => {
  it('a left temple suggests the left upper trapezius and never the right one', () => {
    const suggestions = suggestMuscles([{ region: 'temple-left', intensity: 6 }], { limit: 50 });
    const traps = suggestions.filter((s) => s.muscle === 'upper-trapezius');
    expect(traps.map((s) => s.side)).toEqual(['left']);
  });

  it('a bilateral pattern suggests both sides of the same muscle', () => {
    const bilateral = [...left('temple', 'posterolateral-neck'), ...right('temple', 'posterolateral-neck')];
    const firstTwo = suggestMuscles(bilateral, { limit: 2 });
    expect(firstTwo.map((s) => `${s.muscle}:${s.side}`)).toEqual(['upper-trapezius:left', 'upper-trapezius:right']);
  });

  it('forehead on both sides is explained by one SCM clavicular division (it refers to both sides)', () => {
    const [best] = suggestMuscles(left('forehead').concat(right('forehead')), { limit: 1 });
    expect(best?.muscle).toBe('sternocleidomastoid');
    expect(best?.reasons.map((r) => r.region).sort()).toEqual(['forehead-left', 'forehead-right']);
  });
});
