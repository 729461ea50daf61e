import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCAL_ISSUE_KINDS, MEDICATION_CLASSES, type IntakeAnswers, type YesNoUnknown } from './answers.ts';
import { allNoAnswers } from './fixtures.ts';
import { CONDITION_CODES, CONDITIONS, QUESTION_IDS, type ConditionCode, type QuestionId } from './questions.ts';
import { screen } from './screen.ts';
import { DECISION_RANK } from './types.ts';

const today = '2026-06-15';
const TODAY_MS = Date.UTC(2026, 5, 15);
const daysAgo = (n: number) => new Date(TODAY_MS - n * 86_400_000).toISOString().slice(0, 10);
const REGION_SAMPLE = [
  'calf-left',
  'calf-right',
  'shin-right',
  'groin-left',
  'sacrum',
  'low-back-left',
  'axilla-right',
  'anterior-knee-left',
];

// Biased toward a fully answered, mostly "no" intake so every decision level is common and a
// rule that wrongly lowers the decision is visible (with many unknowns everything is 'refer').
const mostly = <T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: usual, weight: 8 }, { arbitrary: other, weight: 1 });
const answerValue = fc.oneof(
  { arbitrary: fc.constant<YesNoUnknown | undefined>('no'), weight: 40 },
  { arbitrary: fc.constantFrom<YesNoUnknown | undefined>('yes', 'unknown', undefined), weight: 1 },
);
const fewOrNone = <T>(arb: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<T[]> =>
  mostly<T[]>(fc.constant([]), fc.array(arb, { minLength: 1, maxLength }));
const present = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  mostly<T | undefined>(arb, fc.constant(undefined));
const regions = fc.uniqueArray(fc.constantFrom(...REGION_SAMPLE), { maxLength: 3 });
const surgery = fc.record(
  {
    what: fc.constantFrom('appendectomy', 'knee arthroscopy', 'hernia repair'),
    date: fc.integer({ min: -5, max: 150 }).map(daysAgo),
    regions,
  },
  { requiredKeys: ['what', 'date'] },
);
const localIssue = fc.record({ kind: fc.constantFrom(...LOCAL_ISSUE_KINDS), regions });
const medication = fc.record(
  { class: fc.constantFrom(...MEDICATION_CLASSES), name: fc.constantFrom('a', 'b', 'c') },
  { requiredKeys: ['class'] },
);

const questions = fc.tuple(...QUESTION_IDS.map(() => answerValue)).map((values) => {
  const out: Partial<Record<QuestionId, YesNoUnknown>> = {};
  QUESTION_IDS.forEach((id, i) => {
    const value = values[i];
    if (value !== undefined) out[id] = value;
  });
  return out;
});

type PregnancyAnswer = NonNullable<IntakeAnswers['pregnancy']>;
const pregnancy = mostly<PregnancyAnswer>(
  fc.constant<PregnancyAnswer>({ status: 'not-applicable' }),
  fc.record(
    {
      status: fc.constantFrom('yes', 'no', 'unknown'),
      trimester: fc.constantFrom(1, 2, 3),
      highRisk: fc.constantFrom('yes', 'no', 'unknown'),
    },
    { requiredKeys: ['status'] },
  ),
);

const answersArb: fc.Arbitrary<IntakeAnswers> = fc
  .record({
    questions: present(questions),
    conditions: present(
      mostly<ConditionCode[]>(
        fc.constant([]),
        fc.uniqueArray(fc.constantFrom(...CONDITION_CODES), { minLength: 1, maxLength: 2 }),
      ),
    ),
    medications: present(fewOrNone(medication, 3)),
    surgeries: present(fewOrNone(surgery, 2)),
    pregnancy: present(pregnancy),
    bloodPressure: present(
      mostly(
        fc.record({ systolic: fc.integer({ min: 95, max: 129 }), diastolic: fc.integer({ min: 55, max: 79 }) }),
        fc.record({ systolic: fc.integer({ min: 90, max: 200 }), diastolic: fc.integer({ min: 50, max: 130 }) }),
      ),
    ),
    temperatureC: present(
      mostly(fc.double({ min: 36, max: 37.5, noNaN: true }), fc.double({ min: 35, max: 39.5, noNaN: true })),
    ),
    lastStrokeOrTiaDate: present(fc.integer({ min: -3, max: 400 }).map(daysAgo)),
    localIssues: present(fewOrNone(localIssue, 2)),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as IntakeAnswers);

/** A fully answered all-"no" intake whose lists vary: isolates list-driven rules from noise. */
const listsOnlyArb: fc.Arbitrary<IntakeAnswers> = fc
  .record({
    conditions: mostly<ConditionCode[]>(
      fc.constant([]),
      fc.uniqueArray(fc.constantFrom(...CONDITION_CODES), { minLength: 1, maxLength: 2 }),
    ),
    medications: fc.array(medication, { maxLength: 2 }),
    surgeries: fewOrNone(surgery, 2),
    localIssues: fewOrNone(localIssue, 2),
  })
  .map((lists) => ({ ...allNoAnswers(), ...lists }));

const rank = (answers: IntakeAnswers) => DECISION_RANK[screen(answers, { today }).decision];

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('screening properties', () => {
  it('turning any "no" into "yes" never lowers the combined decision', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...QUESTION_IDS), (answers, question) => {
        const before: IntakeAnswers = { ...answers, questions: { ...answers.questions, [question]: 'no' } };
        const after: IntakeAnswers = { ...answers, questions: { ...answers.questions, [question]: 'yes' } };
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
      { numRuns: 400 },
    );
  });

  it('adding a condition, medication, surgery or local issue never lowers the combined decision', () => {
    const addition = fc.oneof(
      // A condition answers its question 'yes'. Turning an unknown into a yes may rightly lower the
      // decision (information gained), so the base answers that question 'no' on both sides.
      fc
        .constantFrom(...CONDITION_CODES)
        .map((c) => (a: IntakeAnswers): IntakeAnswers => ({ ...a, conditions: [...(a.conditions ?? []), c] })),
      medication.map((m) => (a: IntakeAnswers): IntakeAnswers => ({
        ...a,
        medications: [...(a.medications ?? []), m],
      })),
      surgery.map((s) => (a: IntakeAnswers): IntakeAnswers => ({ ...a, surgeries: [...(a.surgeries ?? []), s] })),
      localIssue.map((l) => (a: IntakeAnswers): IntakeAnswers => ({
        ...a,
        localIssues: [...(a.localIssues ?? []), l],
      })),
    );
    fc.assert(
      fc.property(fc.oneof(answersArb, listsOnlyArb), addition, (answers, add) => {
        const listed: IntakeAnswers = { conditions: [], medications: [], surgeries: [], localIssues: [], ...answers };
        listed.questions = { ...listed.questions };
        for (const code of CONDITION_CODES)
          if (!listed.conditions!.includes(code)) listed.questions[CONDITIONS[code]] ??= 'no';
        for (const id of QUESTION_IDS) if (listed.questions[id] === 'unknown') listed.questions[id] = 'no';
        expect(rank(add(listed))).toBeGreaterThanOrEqual(rank(listed));
      }),
      { numRuns: 2000 },
    );
  });

  it('the result does not depend on the order of list entries', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 1, max: 1_000_000 }), (answers, seed) => {
        const reordered: IntakeAnswers = { ...answers };
        if (answers.conditions) reordered.conditions = shuffled(answers.conditions, seed);
        if (answers.medications) reordered.medications = shuffled(answers.medications, seed);
        if (answers.surgeries)
          reordered.surgeries = shuffled(answers.surgeries, seed).map((s) => ({
            ...s,
            ...(s.regions ? { regions: shuffled(s.regions, seed + 1) } : {}),
          }));
        if (answers.localIssues)
          reordered.localIssues = shuffled(answers.localIssues, seed).map((l) => ({
            ...l,
            regions: shuffled(l.regions, seed + 2),
          }));
        expect(screen(reordered, { today })).toEqual(screen(answers, { today }));
      }),
      { numRuns: 300 },
    );
  });

  it('the generator reaches every decision level (guards the properties above from vacuity)', () => {
    const seen = new Set(fc.sample(answersArb, { numRuns: 600, seed: 7 }).map((a) => screen(a, { today }).decision));
    expect([...seen].sort()).toEqual(['caution', 'clear', 'contraindicated', 'local', 'refer']);
  });

  it('"clear" only when there is neither a finding nor an unknown', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = screen(answers, { today });
        expect(result.decision === 'clear').toBe(result.findings.length === 0 && result.unknowns.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
