import { describe, expect, it } from 'vitest';
import { MUSCLES } from './index.ts';
import { selfCareSentence, stretchMuscleName } from './self-care-es.ts';

describe("the atlas's self-care in Spanish", () => {
  it('has Spanish for every title and step a patient can be sent', () => {
    const missing = MUSCLES.flatMap((m) => [m.selfCare.title, ...m.selfCare.steps].map((en) => ({ id: m.id, en })))
      .filter(({ en }) => selfCareSentence(en, 'es') === en)
      .map(({ id, en }) => `${id}: ${en}`);
    expect(missing).toEqual([]);
  });

  it('keeps the English for English readers and a sentence of the therapist’s own as written', () => {
    expect(selfCareSentence('Chin tuck', 'en')).toBe('Chin tuck');
    expect(selfCareSentence('Chin tuck', 'es')).toBe('Meter la barbilla');
    expect(selfCareSentence('Walk the dog twice a day.', 'es')).toBe('Walk the dog twice a day.');
  });

  it('names each atlas muscle a stretch is for in Spanish, and a muscle outside the atlas as written', () => {
    const unnamed = MUSCLES.filter((m) => stretchMuscleName(m.id, m.name, 'es') === m.name).map((m) => m.id);
    expect(unnamed).toEqual(['iliopsoas']);
    expect(stretchMuscleName('upper-trapezius', 'Upper trapezius', 'es')).toBe('Trapecio superior');
    expect(stretchMuscleName('upper-trapezius', 'Upper trapezius', 'en')).toBe('Upper trapezius');
    expect(stretchMuscleName('not-in-atlas', 'Hand muscles', 'es')).toBe('Hand muscles');
  });
});
