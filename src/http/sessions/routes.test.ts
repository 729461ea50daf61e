import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { clearGateFor, patientBehindGate } from '../../../test/support/session-kit.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('the visit through HTTP on %s', (backend) => {
  const suite = httpSuite(backend, {
    signIn: ['therapist', 'patient', 'front_desk'],
    setup: (s) => clearGateFor(s.db, s.world, s.world.patients.a),
  });

  const call = (role: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    suite.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${suite.tokens[role]}` },
      ...(payload ? { payload } : {}),
    });
  const openNote = async (patientId: string) =>
    (
      await call('therapist', 'POST', `/api/patients/${patientId}/sessions`, { subjective: { painToday: 6 } })
    ).json() as { id: string; version: number };
  const step = {
    muscle: 'middle-trapezius',
    side: 'midline',
    region: 'upper-back',
    technique: 'ischemic-compression-finger',
    holdSeconds: 20,
  };

  it('charts a visit end to end: steps with a stop, units, reassessment, sign, then locked (note_signed)', async () => {
    const created = await call('therapist', 'POST', `/api/patients/${suite.world.patients.a}/sessions`, {
      subjective: { painToday: 6 },
      cptMinutes: [{ code: '97140', minutes: 38 }],
    });
    expect(created.statusCode).toBe(201);
    const note = created.json() as { id: string; billing: { totalUnits: number } };
    expect(note.billing.totalUnits).toBe(3);
    expect(
      (await call('therapist', 'POST', `/api/sessions/${note.id}/steps`, { ...step, painRating: 6 })).statusCode,
    ).toBe(201);
    const stop = await call('therapist', 'POST', `/api/sessions/${note.id}/steps`, { ...step, painRating: 9 });
    expect(stop.statusCode).toBe(201);
    expect(stop.json()).toMatchObject({
      stop: true,
      alert: expect.stringMatching(/release/i),
      step: { stop: true, painRating: 9 },
    });
    expect(
      (await call('therapist', 'POST', `/api/sessions/${note.id}/reassessment`, { painAfter: 3 })).statusCode,
    ).toBe(201);
    expect((await call('therapist', 'POST', `/api/sessions/${note.id}/sign`)).statusCode).toBe(200);
    const patch = await call('therapist', 'PATCH', `/api/sessions/${note.id}`, { version: 2, plan: 'changed' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json()).toMatchObject({ error: { code: 'note_signed', message: expect.any(String) } });
    expect((await call('therapist', 'POST', `/api/sessions/${note.id}/steps`, step)).json()).toMatchObject({
      error: { code: 'note_signed' },
    });
  });

  it('answers the gate refusals with 422 and their codes, naming the field', async () => {
    const blocked = await openNote(await patientBehindGate(suite.db, suite.world, 'contraindicated'));
    const res = await call('therapist', 'POST', `/api/sessions/${blocked.id}/steps`, step);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'treatment_blocked' } });

    const local = await openNote(await patientBehindGate(suite.db, suite.world, 'local-upper-back'));
    const avoided = await call('therapist', 'POST', `/api/sessions/${local.id}/steps`, step);
    expect(avoided.statusCode).toBe(422);
    expect(avoided.json()).toMatchObject({ error: { code: 'region_avoided', fields: { region: expect.any(String) } } });

    const careful = await openNote(await patientBehindGate(suite.db, suite.world, 'no-deep-pressure'));
    const elbow = await call('therapist', 'POST', `/api/sessions/${careful.id}/steps`, {
      ...step,
      technique: 'ischemic-compression-elbow',
    });
    expect(elbow.statusCode).toBe(422);
    expect(elbow.json()).toMatchObject({
      error: { code: 'technique_not_allowed', fields: { technique: expect.any(String) } },
    });
  });

  it('serves the sent handout as a PDF to the patient', async () => {
    const note = await openNote(suite.world.patients.a);
    await call('therapist', 'POST', `/api/sessions/${note.id}/steps`, { ...step, painRating: 6 });
    expect((await call('therapist', 'POST', `/api/sessions/${note.id}/home-care/generate`)).statusCode).toBe(200);
    expect((await call('patient', 'GET', `/api/sessions/${note.id}/home-care.pdf`)).statusCode).toBe(403);
    expect((await call('therapist', 'POST', `/api/sessions/${note.id}/home-care/send`)).statusCode).toBe(200);
    const pdf = await call('patient', 'GET', `/api/sessions/${note.id}/home-care.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const mine = (await call('patient', 'GET', `/api/patients/${suite.world.patients.a}/home-care`)).json() as {
      plans: Array<{ sessionNoteId: string }>;
    };
    expect(mine.plans[0]!.sessionNoteId).toBe(note.id);
  });

  it('lets the patient submit a measure on their phone and see the series; the desk sees what is due', async () => {
    expect(
      (
        await call('patient', 'POST', `/api/patients/${suite.world.patients.a}/measures`, {
          measure: 'nprs',
          answers: [6],
        })
      ).statusCode,
    ).toBe(201);
    const bad = await call('patient', 'POST', `/api/patients/${suite.world.patients.a}/measures`, {
      measure: 'ndi',
      answers: [1, 2],
    });
    expect(bad.statusCode).toBe(422);
    const series = (await call('patient', 'GET', `/api/patients/${suite.world.patients.a}/measures`)).json() as {
      series: Array<{ measure: string }>;
    };
    expect(series.series.map((s) => s.measure)).toContain('nprs');
    const due = await call('front_desk', 'GET', `/api/patients/${suite.world.patients.a}/measures/due`);
    expect(due.json()).toMatchObject({
      measures: expect.arrayContaining([expect.objectContaining({ measure: 'nprs', status: 'due' })]),
    });
  });
});
