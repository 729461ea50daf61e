import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('diagnoses on the assessment and the plan, on %s', (backend) => {
  const h = httpSuite(backend, { bookable: true });

  const url = (rest: string) => `/api/patients/${h.world.patients.a}${rest}`;
  const codes = (res: { json: () => { diagnoses: Array<{ code: string }> } }) =>
    res.json().diagnoses.map((d) => d.code);

  it('stores the chosen codes, spelt as on a claim, with their plain names, and the plan carries them', async () => {
    const created = await h.as('therapist', 'POST', url('/assessments'), {
      findings: {},
      diagnoses: ['m542', 'S13.4XXA', 'M54.2'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().diagnoses).toEqual([
      expect.objectContaining({ code: 'M54.2', group: 'neck', plainName: expect.any(String) }),
      expect.objectContaining({ code: 'S13.4XXA', group: 'neck' }),
    ]);
    const { id, version } = created.json() as { id: string; version: number };
    const edited = await h.as('therapist', 'PATCH', `/api/assessments/${id}`, { version, diagnoses: ['M54.50'] });
    expect(edited.statusCode).toBe(200);
    expect(codes(edited)).toEqual(['M54.50']);
    expect(edited.json().diagnoses[0].group).toBe('low-back');

    const plan = await h.as('therapist', 'POST', url('/plans'), {
      phase: 'chronic',
      stages: [{ phase: 'chronic', label: 'Weekly', visitsPerWeek: 1, weeks: 6, visits: 6 }],
      totalVisits: 6,
      startDate: '2026-11-23',
      preferredDays: [1],
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
      serviceCode: 'nmt-followup-60',
      assessmentId: id,
    });
    expect(plan.statusCode).toBe(201);
    expect(plan.json()).toMatchObject({ assessmentId: id });
    expect(codes(plan)).toEqual(['M54.50']);
    expect(plan.json().plan).not.toHaveProperty('assessmentId');
  });

  it('refuses a code not on the list or not complete enough to bill, naming the diagnosis in plain words', async () => {
    const before = (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM assessments')).at(0)!.n;
    const res = await h.as('therapist', 'POST', url('/assessments'), {
      findings: {},
      diagnoses: ['M54.2', 'Z99.9', 'M54.5'],
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error as { message: string; fields: Record<string, string> };
    expect(error.fields['diagnoses.1']).toBe("Z99.9 is not a code on the clinic's list.");
    expect(error.fields['diagnoses.2']).toMatch(/M54\.5 .*needs more characters.*M54\.50/);
    expect(error.fields).not.toHaveProperty('diagnoses.0');
    expect(error.message).toMatch(/diagnosis 2 \(Z99\.9 is not a code on the clinic's list/);
    expect(error.message).not.toMatch(/diagnoses\.\d/);
    expect((await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM assessments')).at(0)!.n).toBe(before);

    const malformed = await h.as('therapist', 'POST', url('/assessments'), { findings: {}, diagnoses: ['neck pain'] });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.fields['diagnoses.0']).toMatch(/is not a diagnosis code; codes look like M54\.2/);
  });

  it('searches the list by code or words for staff, never for a patient', async () => {
    const byCode = await h.as('therapist', 'GET', '/api/diagnoses?q=m5450');
    expect(byCode.statusCode).toBe(200);
    expect(codes(byCode)[0]).toBe('M54.50');
    const byWords = await h.as('front_desk', 'GET', `/api/diagnoses?q=${encodeURIComponent('whiplash')}`);
    expect(byWords.statusCode).toBe(200);
    expect(codes(byWords).length).toBeGreaterThan(0);
    expect(codes(byWords)[0]).toBe('S13.4XXA');
    expect(codes(byWords).every((c) => /^S1[36]\./.test(c))).toBe(true);
    // Only billable codes are offered: the M54.5 heading is not, its children are.
    const heading = await h.as('therapist', 'GET', '/api/diagnoses?q=M54.5&limit=50');
    expect(codes(heading)).not.toContain('M54.5');
    expect(codes(heading)).toContain('M54.50');
    expect(codes(await h.as('therapist', 'GET', '/api/diagnoses?q=zebra'))).toEqual([]);

    const empty = await h.as('therapist', 'GET', '/api/diagnoses?q=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/Search/);
    expect((await h.as('patient', 'GET', '/api/diagnoses?q=neck')).statusCode).toBe(403);
  });
});
