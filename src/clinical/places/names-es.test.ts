import { describe, expect, it } from 'vitest';
import { MUSCLES } from '../atlas/index.ts';
import { REGION_BASES } from '../bodymap/regions.ts';
import { findPlaces } from './index.ts';
import { MUSCLE_NAMES_ES, SAME_IN_BOTH } from './names-es-muscles.ts';
import { REGION_NAMES_ES } from './names-es-regions.ts';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

describe('Spanish names for the body map and the atlas', () => {
  it('names every body-map place in Spanish, none spelled as in English', () => {
    const missing = REGION_BASES.filter((b) => !REGION_NAMES_ES[b.base]).map((b) => b.base);
    expect(missing).toEqual([]);
    const same = REGION_BASES.filter(
      (b) => fold(REGION_NAMES_ES[b.base]!.name) === fold(b.name) && !SAME_IN_BOTH.has(b.name),
    );
    expect(same.map((b) => b.base)).toEqual([]);
    expect(Object.keys(REGION_NAMES_ES).filter((base) => !REGION_BASES.some((b) => b.base === base))).toEqual([]);
  });

  it('names every muscle the resolver can return, with a plain name, none spelled as in English but cognates', () => {
    expect(MUSCLES.filter((m) => !MUSCLE_NAMES_ES[m.id]).map((m) => m.id)).toEqual([]);
    const same = MUSCLES.filter((m) => {
      const es = MUSCLE_NAMES_ES[m.id]!;
      return (fold(es.name) === fold(m.name) && !SAME_IN_BOTH.has(m.name)) || fold(es.plainName) === fold(m.plainName);
    });
    expect(same.map((m) => m.id)).toEqual([]);
    expect(Object.keys(MUSCLE_NAMES_ES).filter((id) => !MUSCLES.some((m) => m.id === id))).toEqual([]);
    // The cognates listed are real: each is some muscle's name in both languages.
    for (const name of SAME_IN_BOTH) expect(MUSCLES.some((m) => m.name === name)).toBe(true);
  });

  it('answers in Spanish for lang=es: places, muscles and what a therapist will check', () => {
    const answer = findPlaces('detrás de la rodilla izquierda', { lang: 'es', limit: 3 });
    expect(answer.places).toEqual([
      expect.objectContaining({ base: 'back-of-knee', name: 'Parte de atrás de la rodilla' }),
    ]);
    expect(answer.suggestions).toHaveLength(3);
    for (const s of answer.suggestions) {
      expect(s.name).toBe(MUSCLE_NAMES_ES[s.muscle]!.name);
      expect(s.patientText).toContain(MUSCLE_NAMES_ES[s.muscle]!.plainName);
      expect(s.patientText).toContain('del lado izquierdo');
      expect(s.patientText).toContain('la parte de atrás de su rodilla');
      expect(s.patientText).toMatch(/no un diagnóstico\.$/);
    }
  });

  it('finds the same places and muscles in either language; only the words change', () => {
    for (const phrase of ['front of my thigh', 'sien', 'tailbone', 'talón derecho', 'xyzzy']) {
      const en = findPlaces(phrase, { lang: 'en' });
      const es = findPlaces(phrase, { lang: 'es' });
      expect(es.places.map((p) => p.regionIds)).toEqual(en.places.map((p) => p.regionIds));
      expect(es.closest.map((p) => p.base)).toEqual(en.closest.map((p) => p.base));
      expect(es.suggestions.map((s) => [s.muscle, s.side, s.weight])).toEqual(
        en.suggestions.map((s) => [s.muscle, s.side, s.weight]),
      );
      expect(es.suggestions.every((s) => !/Tight spots|your/.test(s.patientText))).toBe(true);
    }
  });

  it('joins several places the Spanish way, "al" for "a el"', () => {
    const answer = findPlaces('sien y nuca', { lang: 'es', limit: 20 });
    const both = answer.suggestions.find((s) => s.places.length > 1);
    expect(both?.patientText).toMatch(/ y /);
    const heel = findPlaces('tendón de aquiles', { lang: 'es', limit: 1 }).suggestions[0]!;
    expect(heel.patientText).toContain('dolor al tendón de encima de su talón');
  });
});
