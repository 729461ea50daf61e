import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { allNoAnswers } from '../../clinical/screening/fixtures.ts';
import { QUESTIONS } from '../../clinical/screening/index.ts';

/** Every health question answered no, then the given ones removed or changed. */
function answersWith(change: { drop?: string[]; set?: Record<string, string> }) {
  const answers = allNoAnswers();
  const questions: Record<string, string> = { ...answers.questions };
  for (const q of change.drop ?? []) delete questions[q];
  Object.assign(questions, change.set ?? {});
  return { ...answers, questions };
}

const body = (answers: object) => ({
  answers,
  goals: ['sleep through the night'],
  painMap: [{ region: 'temple-right', intensity: 5 }],
});

describe.each(BACKENDS)('intake health questions on %s', (backend) => {
  const h = httpSuite(backend, { bookable: true });

  const url = (rest: string) => `/api/patients/${h.world.patients.a}${rest}`;

  it('refuses a submission with unanswered questions (422), naming each in plain words; stores nothing', async () => {
    const res = await h.as('patient', 'POST', url('/intake'), body(answersWith({ drop: ['bloodClot', 'epilepsy'] })));
    expect(res.statusCode).toBe(422);
    const error = res.json().error as { code: string; message: string; fields: Record<string, string> };
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields).sort()).toEqual(['answers.questions.bloodClot', 'answers.questions.epilepsy']);
    expect(error.fields['answers.questions.bloodClot']).toBe(`Answer yes, no or not sure: ${QUESTIONS.bloodClot}`);
    // The message is for a person: the questions as asked, no field names.
    expect(error.message).toContain('2 health questions have no answer yet');
    expect(error.message).toContain(QUESTIONS.epilepsy);
    expect(error.message).not.toMatch(/bloodClot|answers\.|questions\./);
    const stored = (await h.as('patient', 'GET', url('/intake'))).json() as { latest: unknown; versions: unknown[] };
    expect(stored.latest).toBeNull();
    expect(stored.versions).toEqual([]);
  });

  it('refuses an intake with no health answers at all rather than reading silence as "no"', async () => {
    const res = await h.as('front_desk', 'POST', url('/intake'), body({ ...allNoAnswers(), questions: {} }));
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields)).toHaveLength(Object.keys(QUESTIONS).length);
  });

  it('takes "not sure" as an answer that reaches screening as unknown, never as "no"', async () => {
    const res = await h.as('patient', 'POST', url('/intake'), body(answersWith({ set: { bloodClot: 'unknown' } })));
    expect(res.statusCode).toBe(201);
    const submitted = res.json() as {
      intake: { version: number; document: { answers: { questions: Record<string, string> } } };
      screening: { decision: string; explanation: string[] };
    };
    expect(submitted.intake.document.answers.questions.bloodClot).toBe('unknown');
    // All "no" would be clear; a clot the patient is unsure of needs the answer or a physician first.
    expect(submitted.screening.decision).toBe('refer');
    expect(submitted.screening.explanation.join(' ')).toContain(QUESTIONS.bloodClot);
    const gate = (await h.as('therapist', 'GET', url('/gate'))).json() as { treatmentAllowed: boolean };
    expect(gate.treatmentAllowed).toBe(false);
  });

  it('counts a listed condition as the answer to its question', async () => {
    const res = await h.as(
      'patient',
      'POST',
      url('/intake'),
      body({ ...answersWith({ drop: ['diabetes'] }), conditions: ['diabetes-type-2'] }),
    );
    expect(res.statusCode).toBe(201);
  });
});
