import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { PUBLIC_SEARCH_LIMIT } from '../../services/public-places.ts';

describe.each(BACKENDS)('public place search on %s', (backend) => {
  let now = new Date('2026-11-20T18:00:00Z');
  const suite = httpSuite(backend, { now: () => now });
  const search = (query: string, remoteAddress = '198.51.100.7') =>
    suite.app.inject({ method: 'GET', url: `/api/public/places?${query}`, remoteAddress });

  it('answers without a sign-in: the place, its side, and each muscle once when no side is named', async () => {
    const res = await search(`q=${encodeURIComponent('the front part of my thigh')}`);
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer.side).toBeNull();
    expect(answer.places).toEqual([
      expect.objectContaining({
        base: 'anterior-thigh',
        side: 'unknown',
        regionIds: ['anterior-thigh-left', 'anterior-thigh-right'],
      }),
    ]);
    const muscles = answer.suggestions.map((s: { muscle: string }) => s.muscle);
    expect(muscles.length).toBeGreaterThan(0);
    expect(new Set(muscles).size).toBe(muscles.length);
    expect(answer.suggestions[0].patientText).toMatch(/not a diagnosis/);
    expect(answer.suggestions.every((s: { side: string }) => s.side === 'unknown' || s.side === 'midline')).toBe(true);
  });

  it('reads Spanish with a side, typos included, and keeps the side on every muscle', async () => {
    const res = await search(`q=${encodeURIComponent('detras de la rodiya isquierda')}&lang=es&limit=3`);
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer.side).toBe('left');
    expect(answer.places.map((p: { regionIds: string[] }) => p.regionIds)).toEqual([['back-of-knee-left']]);
    expect(answer.suggestions).toHaveLength(3);
    expect(answer.suggestions.every((s: { side: string }) => s.side === 'left' || s.side === 'midline')).toBe(true);
  });

  it('answers in Spanish for lang=es: the place, the muscles and what a therapist will check', async () => {
    const answer = (await search(`q=${encodeURIComponent('front of my thigh')}&lang=es&limit=2`)).json();
    expect(answer.places[0].name).toBe('Parte delantera del muslo');
    const english = (await search(`q=${encodeURIComponent('front of my thigh')}&lang=en&limit=2`)).json();
    expect(answer.suggestions.map((s: { muscle: string }) => s.muscle)).toEqual(
      english.suggestions.map((s: { muscle: string }) => s.muscle),
    );
    for (const s of answer.suggestions) {
      expect(s.patientText).toMatch(/^Los puntos tensos en .* la parte delantera de su muslo\..*no un diagnóstico\.$/);
      const same = english.suggestions.find((e: { muscle: string }) => e.muscle === s.muscle);
      expect(s.plainName).not.toBe(same.plainName);
    }
    expect(english.places[0].name).toBe('Front of thigh');
  });

  it('says plainly when nothing fits, with close places', async () => {
    const answer = (await search('q=xyzzy')).json();
    expect(answer.places).toEqual([]);
    expect(answer.suggestions).toEqual([]);
    expect(answer.closest.length).toBeGreaterThan(0);
    expect(answer.unknownWords).toEqual(['xyzzy']);
  });

  it('refuses bad input naming the field in plain words', async () => {
    const empty = await search('q=%20%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ q: 'Say where it hurts, in a few words.' });
    const lang = await search('q=knee&lang=fr');
    expect(lang.statusCode).toBe(400);
    expect(lang.json().error.fields).toEqual({ lang: 'Choose English (en) or Spanish (es).' });
    expect(lang.json().error.message).toContain('Language');
    const limit = await search('q=knee&limit=50');
    expect(limit.json().error.fields).toEqual({ limit: 'Give how many muscles to list, from 1 to 20.' });
  });

  it('limits each address per minute, and opens again after the minute', async () => {
    const address = '203.0.113.77';
    const answers = [];
    for (let i = 0; i < PUBLIC_SEARCH_LIMIT.perAddress + 2; i++) answers.push(await search('q=knee', address));
    expect(answers.slice(0, PUBLIC_SEARCH_LIMIT.perAddress).every((r) => r.statusCode === 200)).toBe(true);
    const refused = answers[PUBLIC_SEARCH_LIMIT.perAddress]!;
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/searches/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back by this one.
    expect((await search('q=knee', '203.0.113.78')).statusCode).toBe(200);
    now = new Date(now.getTime() + PUBLIC_SEARCH_LIMIT.windowMs + 1000);
    expect((await search('q=knee', address)).statusCode).toBe(200);
  });
});
