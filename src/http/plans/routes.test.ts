import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { countAppointments } from '../../../test/support/booking-world.ts';

describe.each(BACKENDS)('treatment plan API on %s', (backend) => {
  const h = httpSuite(backend, { bookable: true });

  const url = (rest: string) => `/api/patients/${h.world.patients.a}${rest}`;
  const planBody = (over: object = {}) => ({
    phase: 'acute',
    stages: [{ phase: 'acute', label: 'Settle the pain', visitsPerWeek: 2, weeks: 2, visits: 4 }],
    totalVisits: 4,
    reassessmentAtVisits: [4],
    goals: [
      { kind: 'nprs', baseline: 7, target: 3, byVisit: 4 },
      { kind: 'psfs', activity: 'check the blind spot when driving', target: 8 },
      { kind: 'rom', joint: 'cervical', motion: 'rotation', side: 'left', targetDegrees: 60 },
    ],
    integration: [{ service: 'corrective-exercise', note: 'Deep neck flexor endurance' }],
    startDate: '2026-11-23',
    preferredDays: [1, 4],
    preferredTime: '10:00',
    therapistId: h.world.therapists.a,
    locationId: h.world.sites.a,
    serviceCode: 'nmt-followup-60',
    ...over,
  });

  it('proposes from the clinical core without storing, and names a bad factor', async () => {
    const res = await h.as('therapist', 'POST', url('/plans/proposal'), {
      factors: { phase: 'acute', severity: 'moderate' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().totalVisits).toBeGreaterThan(0);
    expect(res.json().stages[0].phase).toBe('acute');
    const bad = await h.as('therapist', 'POST', url('/plans/proposal'), {
      factors: { phase: 'sub-acute', severity: 'moderate' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toHaveProperty(['factors.phase']);
    expect(
      (await h.as('front_desk', 'POST', url('/plans/proposal'), { factors: { phase: 'acute', severity: 'mild' } }))
        .statusCode,
    ).toBe(403);
  });

  it('stores an edited plan, refuses one whose stages do not add up, and moves status only forward', async () => {
    const inconsistent = await h.as('therapist', 'POST', url('/plans'), planBody({ totalVisits: 6 }));
    expect(inconsistent.statusCode).toBe(422);
    expect(inconsistent.json().error.fields).toHaveProperty('totalVisits');
    const created = await h.as('therapist', 'POST', url('/plans'), planBody());
    expect(created.statusCode).toBe(201);
    const plan = created.json() as { id: string; version: number; status: string };
    expect(plan.status).toBe('draft');
    const edited = await h.as('therapist', 'PATCH', `/api/plans/${plan.id}`, {
      version: 1,
      goals: [{ kind: 'nprs', target: 2 }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().plan.goals).toEqual([{ kind: 'nprs', target: 2 }]);
    expect(edited.json().plan.integration).toHaveLength(1);
    expect((await h.as('therapist', 'PATCH', `/api/plans/${plan.id}`, { version: 1, goals: [] })).statusCode).toBe(409);
    expect((await h.as('patient', 'GET', url('/plans'))).json().plans.map((p: { id: string }) => p.id)).toContain(
      plan.id,
    );
    expect((await h.as('patient', 'PATCH', `/api/plans/${plan.id}`, { version: 2, goals: [] })).statusCode).toBe(403);
    expect(
      (await h.as('therapist', 'PATCH', `/api/plans/${plan.id}`, { version: 2, status: 'active' })).json().status,
    ).toBe('active');
    const backwards = await h.as('therapist', 'PATCH', `/api/plans/${plan.id}`, { version: 3, status: 'draft' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields).toHaveProperty('status');
  });

  it('books the whole series in one action and marks the plan active; a second booking is refused', async () => {
    const plan = (await h.as('therapist', 'POST', url('/plans'), planBody({ startDate: '2026-12-07' }))).json() as {
      id: string;
    };
    const before = await countAppointments(h.db, h.world.orgId);
    expect((await h.as('therapist', 'POST', `/api/plans/${plan.id}/book`, {})).statusCode).toBe(403);
    const booked = await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, {});
    expect(booked.statusCode).toBe(201);
    const body = booked.json() as {
      plan: { status: string; seriesId: string };
      appointments: { start: string; seriesId: string }[];
    };
    expect(body.plan.status).toBe('active');
    expect(body.appointments.map((a) => a.start)).toEqual(
      ['2026-12-07', '2026-12-10', '2026-12-14', '2026-12-17'].map((d) => `${d}T18:00:00.000Z`),
    );
    expect(body.appointments.every((a) => a.seriesId === body.plan.seriesId)).toBe(true);
    expect(await countAppointments(h.db, h.world.orgId)).toBe(before + 4);
    expect((await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, {})).statusCode).toBe(409);
  });

  it('books nothing and leaves the plan a draft when one visit conflicts', async () => {
    const plan = (await h.as('therapist', 'POST', url('/plans'), planBody({ startDate: '2026-12-07' }))).json() as {
      id: string;
    };
    const before = await countAppointments(h.db, h.world.orgId);
    const res = await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('series_conflict');
    expect(await countAppointments(h.db, h.world.orgId)).toBe(before);
    const plans = (await h.as('therapist', 'GET', url('/plans'))).json().plans as {
      id: string;
      status: string;
      seriesId: string | null;
    }[];
    expect(plans.find((p) => p.id === plan.id)).toMatchObject({ status: 'draft', seriesId: null });
  });

  it('after a series_conflict, books the series with the chosen alternative or a skip, all or nothing', async () => {
    // Visits fall on Mon 4, Thu 7, Mon 11, Thu 14 January at 10:00 Pacific; patient B takes the second one first.
    const taken = await h.as('admin', 'POST', '/api/appointments', {
      patientId: h.world.patients.b,
      serviceCode: 'nmt-followup-60',
      start: '2027-01-07T18:00:00Z',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(taken.statusCode).toBe(201);
    const plan = (await h.as('therapist', 'POST', url('/plans'), planBody({ startDate: '2027-01-04' }))).json() as {
      id: string;
    };
    const refused = await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, {});
    expect(refused.statusCode).toBe(409);
    const conflicts = refused.json().conflicts as {
      visit: number;
      alternatives: { start: string; locationId: string }[];
    }[];
    expect(conflicts.map((c) => c.visit)).toEqual([1]);
    const alternative = conflicts[0]!.alternatives[0]!;
    expect(alternative).toBeDefined();

    const before = await countAppointments(h.db, h.world.orgId);
    const pastThePlan = await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, {
      choices: [
        { visit: 1, start: alternative.start },
        { visit: 9, skip: true },
      ],
    });
    expect(pastThePlan.statusCode).toBe(422);
    expect(pastThePlan.json().error.fields).toHaveProperty(['choices.1.visit']);
    const neither = await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, { choices: [{ visit: 1 }] });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields).toHaveProperty(['choices.0.start']);
    expect(await countAppointments(h.db, h.world.orgId)).toBe(before);

    const booked = await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, {
      choices: [{ visit: 1, start: alternative.start, locationId: alternative.locationId }],
    });
    expect(booked.statusCode).toBe(201);
    const starts = (booked.json().appointments as { start: string }[]).map((a) => a.start);
    expect(starts).toEqual([
      '2027-01-04T18:00:00.000Z',
      new Date(alternative.start).toISOString(),
      '2027-01-11T18:00:00.000Z',
      '2027-01-14T18:00:00.000Z',
    ]);
    expect(await countAppointments(h.db, h.world.orgId)).toBe(before + 4);
  });

  it('books the series without a skipped visit, and names later conflicts by their number in the plan', async () => {
    for (const start of ['2027-01-21T18:00:00Z', '2027-01-28T18:00:00Z']) {
      const taken = await h.as('admin', 'POST', '/api/appointments', {
        patientId: h.world.patients.b,
        serviceCode: 'nmt-followup-60',
        start,
        therapistId: h.world.therapists.a,
        locationId: h.world.sites.a,
      });
      expect(taken.statusCode).toBe(201);
    }
    const plan = (await h.as('therapist', 'POST', url('/plans'), planBody({ startDate: '2027-01-18' }))).json() as {
      id: string;
    };
    const refused = await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, {
      choices: [{ visit: 1, skip: true }],
    });
    expect(refused.statusCode).toBe(409);
    const conflicts = refused.json().conflicts as { visit: number; alternatives: { start: string }[] }[];
    expect(conflicts.map((c) => c.visit)).toEqual([3]);
    const retry = {
      choices: [
        { visit: 1, skip: true },
        { visit: 3, start: conflicts[0]!.alternatives[0]!.start },
      ],
    };
    const booked = await h.as('front_desk', 'POST', `/api/plans/${plan.id}/book`, retry);
    expect(booked.statusCode).toBe(201);
    const starts = (booked.json().appointments as { start: string }[]).map((a) => a.start);
    expect(starts).toEqual([
      '2027-01-18T18:00:00.000Z',
      '2027-01-25T18:00:00.000Z',
      new Date(conflicts[0]!.alternatives[0]!.start).toISOString(),
    ]);
  });
});
