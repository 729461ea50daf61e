import { describe, expect, it } from 'vitest';
import { defaultAboutText, LOCALES } from './about.ts';
import { SAFETY_QUESTION_IDS, evaluateSafety, safetyQuestions, type SafetyAnswers } from './safety.ts';
import { SIGN_IDS, evaluateSelfCheck, selfCheckList } from './self-check.ts';

const TODAY = '2026-11-20';
const allNo = (): SafetyAnswers => Object.fromEntries(SAFETY_QUESTION_IDS.map((id) => [id, 'no'])) as SafetyAnswers;
const yes = (...ids: (keyof SafetyAnswers)[]) => ({ ...allNo(), ...Object.fromEntries(ids.map((i) => [i, 'yes'])) });

describe('the public self-check', () => {
  it('lists every sign in both languages and bands the result; never a diagnosis, always a next step', () => {
    for (const locale of LOCALES) expect(selfCheckList(locale).signs.map((s) => s.id)).toEqual([...SIGN_IDS]);
    expect(evaluateSelfCheck('en', []).band).toBe('none');
    expect(evaluateSelfCheck('en', ['jaw', 'knots']).band).toBe('some');
    const several = evaluateSelfCheck('es', ['jaw', 'knots', 'movesOrSpreads']);
    expect(several.band).toBe('several');
    expect(several.ticked.map((t) => t.id)).toEqual(['movesOrSpreads', 'knots', 'jaw']);
    expect(several.notDiagnosis).toMatch(/no es un diagnóstico/);
    expect(several.nextStep).toEqual({ action: 'book-first-visit', label: 'Reservar una primera visita' });
    for (const r of [several, evaluateSelfCheck('en', ['stiffness'])])
      expect(`${r.result} ${r.notDiagnosis}`).not.toMatch(/you have|usted tiene/i);
  });
});

describe('"Is it safe for me?"', () => {
  it('asks the same questions in both languages', () => {
    expect(safetyQuestions('en').questions.map((q) => q.id)).toEqual(safetyQuestions('es').questions.map((q) => q.id));
  });

  it('all no is clear, with booking as the next step', () => {
    const r = evaluateSafety('en', allNo(), TODAY);
    expect(r).toMatchObject({ outcome: 'clear', clearance: null, nextStep: { action: 'book-first-visit' } });
  });

  it.each(['feverOrInfection', 'bloodClot', 'unstableHeart', 'strokeOrTia', 'activeCancer', 'pregnant'] as const)(
    '%s yes: please see your doctor first, with a clearance request naming it',
    (id) => {
      const r = evaluateSafety('es', yes(id), TODAY);
      expect(r.outcome).toBe('see-doctor-first');
      expect(r.message).toMatch(/consulte primero a su médico/);
      expect(r.clearance!.reasons).toEqual([safetyQuestions('es').questions.find((q) => q.id === id)!.text]);
      expect(r.clearance!.fields).toContain('Firma');
      expect(r.nextStep.action).toBe('print-clearance');
    },
  );

  it('a relative contraindication continues, with the rule’s words for the therapist', () => {
    const r = evaluateSafety('en', yes('osteoporosis', 'epilepsy'), TODAY);
    expect(r.outcome).toBe('note-for-therapist');
    expect(r.clearance).toBeNull();
    expect(r.therapistNote.length).toBeGreaterThanOrEqual(2);
    expect(r.nextStep.action).toBe('book-first-visit');
  });

  it('an absolute one outweighs relative ones', () => {
    expect(evaluateSafety('en', yes('osteoporosis', 'contagiousSkin'), TODAY).outcome).toBe('see-doctor-first');
  });
});

describe('the default "what to expect" text', () => {
  it('has the same sections in both languages, with the visit, hold, scale, soreness and water facts', () => {
    const en = defaultAboutText('en');
    const es = defaultAboutText('es');
    expect(en.sections).toHaveLength(es.sections.length);
    const all = (t: typeof en) => t.sections.map((s) => s.body).join(' ');
    for (const fact of [/60 to 90 minutes/, /10 to 30 seconds/, /5 to 7/, /24 to 36 hours/, /water/])
      expect(all(en)).toMatch(fact);
    for (const fact of [/60 a 90 minutos/, /10 a 30 segundos/, /entre 5 y 7/, /24 a 36 horas/, /agua/])
      expect(all(es)).toMatch(fact);
  });
});
