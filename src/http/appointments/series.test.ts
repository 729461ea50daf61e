import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { countAppointments } from '../../../test/support/booking-world.ts';
import { snapshot } from '../../../test/support/snapshot.ts';

describe.each(BACKENDS)('plan series on %s', (backend) => {
  const h = httpSuite(backend, { bookable: true });

  const series = (visits: unknown, over: object = {}) => ({
    patientId: h.world.patients.a,
    serviceCode: 'nmt-followup-60',
    therapistId: h.world.therapists.a,
    locationId: h.world.sites.a,
    visits,
    ...over,
  });

  it('expands the plan’s rhythm and books every visit in one go, under one series id', async () => {
    const res = await h.as(
      'front_desk',
      'POST',
      '/api/appointments/series',
      series({ startDate: '2026-11-23', visitsPerWeek: 2, count: 6, preferredDays: [1, 4], time: '10:00' }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json() as { seriesId: string; appointments: { start: string; seriesId: string }[] };
    // 10:00 in Los Angeles is 18:00Z in winter.
    expect(body.appointments.map((a) => a.start)).toEqual(
      ['2026-11-23', '2026-11-26', '2026-11-30', '2026-12-03', '2026-12-07', '2026-12-10'].map(
        (d) => `${d}T18:00:00.000Z`,
      ),
    );
    expect(body.appointments.every((a) => a.seriesId === body.seriesId)).toBe(true);
  });

  it('books nothing when one visit conflicts, and names it with reasons and alternatives', async () => {
    const taken = await h.as('admin', 'POST', '/api/appointments', {
      patientId: h.world.patients.b,
      serviceCode: 'nmt-followup-60',
      start: '2026-12-15T17:00:00Z',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(taken.statusCode).toBe(201);
    const before = await snapshot(h.db);
    const count = await countAppointments(h.db, h.world.orgId);
    const res = await h.as(
      'patient',
      'POST',
      '/api/appointments/series',
      series([
        { date: '2026-12-14', time: '09:00' },
        { date: '2026-12-15', time: '09:00' },
        { date: '2026-12-16', time: '09:00' },
      ]),
    );
    expect(res.statusCode).toBe(409);
    const body = res.json() as {
      error: { code: string };
      conflicts: { visit: number; reasons: { code: string }[]; alternatives: { start: string }[] }[];
    };
    expect(body.error.code).toBe('series_conflict');
    expect(body.conflicts).toHaveLength(1);
    expect(body.conflicts[0]).toMatchObject({ visit: 1, reasons: [{ code: 'therapist-busy' }] });
    expect(body.conflicts[0]!.alternatives.length).toBeGreaterThan(0);
    expect(await countAppointments(h.db, h.world.orgId)).toBe(count);
    expect(await snapshot(h.db)).toEqual(before);
  });

  it('refuses a series with an unqualified therapist, naming the credential, and books nothing', async () => {
    const count = await countAppointments(h.db, h.world.orgId);
    const res = await h.as(
      'admin',
      'POST',
      '/api/appointments/series',
      series([{ date: '2026-12-21', time: '10:00' }], {
        therapistId: h.world.therapists.b,
        locationId: h.world.sites.b,
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().conflicts[0].reasons[0]).toMatchObject({ code: 'not-qualified' });
    expect(res.json().conflicts[0].reasons[0].message).toMatch(/CNMT/);
    expect(await countAppointments(h.db, h.world.orgId)).toBe(count);
  });
});
