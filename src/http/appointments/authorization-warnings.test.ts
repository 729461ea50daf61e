import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { buildAuthorization, buildCoverage, buildPayer, freshPatient } from '../../../test/support/billing-kit.ts';

describe.each(BACKENDS)('booking warns the desk about authorizations, on %s', (backend) => {
  let payerId: string;
  let n = 0;
  const h = httpSuite(backend, {
    bookable: true,
    setup: async (suite) => {
      payerId = await buildPayer(suite.db, suite.world.orgId);
    },
  });

  /** A patient of site A whose plan authorized `authorized` visits in November. */
  const authorizedPatient = async (authorized: number, patientId?: string) => {
    const id = patientId ?? (await freshPatient(h.db, h.world.orgId, h.world.sites.a, `Auth${++n}`));
    const coverageId = await buildCoverage(h.db, h.world.orgId, id, payerId);
    await buildAuthorization(h.db, h.world.orgId, coverageId, {
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      authorized,
    });
    return id;
  };
  const booking = (patientId: string, start: string) => ({
    patientId,
    serviceCode: 'nmt-followup-60',
    start,
    therapistId: h.world.therapists.a,
    locationId: h.world.sites.a,
  });

  it('books a visit past the count or after the end, and tells the desk so in plain words', async () => {
    const patientId = await authorizedPatient(1);
    const first = await h.as('front_desk', 'POST', '/api/appointments', booking(patientId, '2026-11-23T17:00:00Z'));
    expect(first.statusCode).toBe(201);
    expect(first.json().warnings).toEqual([]);

    const second = await h.as('front_desk', 'POST', '/api/appointments', booking(patientId, '2026-11-24T17:00:00Z'));
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      status: 'booked',
      warnings: [{ date: '2026-11-24', message: 'This is visit 2 of 1 authorized.' }],
    });

    // 16:00 on 2 December in the site's zone: a day the authorization no longer covers.
    const after = await h.as('manager', 'POST', '/api/appointments', booking(patientId, '2026-12-03T00:00:00Z'));
    expect(after.statusCode).toBe(201);
    expect(after.json().warnings).toEqual([
      { date: '2026-12-02', message: 'This visit is after the authorization ends on Nov 30.' },
    ]);
    const audited = await h.db.query<{ outcome: string }>(
      `SELECT outcome FROM audit_events WHERE org_id = $1 AND action = 'authorization.read' AND patient_id = $2`,
      [h.world.orgId, patientId],
    );
    expect(audited.map((e) => e.outcome)).toEqual(['allowed', 'allowed']);
  });

  it('says nothing for a patient without coverage', async () => {
    const patientId = await freshPatient(h.db, h.world.orgId, h.world.sites.a, `Plain${++n}`);
    const res = await h.as('front_desk', 'POST', '/api/appointments', booking(patientId, '2026-11-25T19:00:00Z'));
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings).toEqual([]);
  });

  it('warns for each visit of a series past the count, and books them all; a replay answers the same', async () => {
    const patientId = await authorizedPatient(2);
    const { start: _start, ...visit } = booking(patientId, '');
    const series = {
      ...visit,
      visits: ['2026-11-23', '2026-11-25', '2026-11-30', '2026-12-01'].map((date) => ({ date, time: '13:00' })),
    };
    const key = { 'idempotency-key': `series-${patientId}` };
    const res = await h.as('front_desk', 'POST', '/api/appointments/series', series, key);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().appointments).toHaveLength(4);
    expect(res.json().warnings).toEqual([
      { date: '2026-11-30', message: 'This is visit 3 of 2 authorized.' },
      { date: '2026-12-01', message: 'This visit is after the authorization ends on Nov 30.' },
    ]);
    const again = await h.as('front_desk', 'POST', '/api/appointments/series', series, key);
    expect(again.json()).toEqual(res.json());
  });

  // The demo patient's own record (the patient account books for it), authorized once in November.
  let patientA: Promise<string> | undefined;
  const authorizedA = () => (patientA ??= authorizedPatient(1, h.world.patients.a));

  it('tells a patient booking themselves nothing of the payer', async () => {
    const patientId = await authorizedA();
    await h.as('front_desk', 'POST', '/api/appointments', booking(patientId, '2026-11-24T21:00:00Z'));
    const own = await h.as('patient', 'POST', '/api/appointments', booking(patientId, '2026-11-27T17:00:00Z'));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().warnings).toEqual([]);
  });

  it("warns the desk booking a plan's visits that fall after the authorization ends", async () => {
    const patientId = await authorizedA();
    const plan = await h.as('therapist', 'POST', `/api/patients/${patientId}/plans`, {
      phase: 'acute',
      stages: [{ phase: 'acute', label: 'Settle the pain', visitsPerWeek: 2, weeks: 1, visits: 2 }],
      totalVisits: 2,
      reassessmentAtVisits: [2],
      goals: [{ kind: 'nprs', baseline: 7, target: 3, byVisit: 2 }],
      integration: [],
      startDate: '2026-12-07',
      preferredDays: [1, 4],
      preferredTime: '10:00',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
      serviceCode: 'nmt-followup-60',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const booked = await h.as('front_desk', 'POST', `/api/plans/${plan.json().id}/book`, {});
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().warnings).toEqual(
      ['2026-12-07', '2026-12-10'].map((date) => ({
        date,
        message: 'This visit is after the authorization ends on Nov 30.',
      })),
    );
  });
});
