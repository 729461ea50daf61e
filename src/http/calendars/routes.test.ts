import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { parseIcs } from '../../../test/support/notify-kit.ts';

describe.each(BACKENDS)('calendar routes on %s', (backend) => {
  const h = httpSuite(backend, { bookable: true });

  it('a therapist makes a feed, a calendar app reads it without signing in, and revoking it makes it 404', async () => {
    const booked = await h.as('front_desk', 'POST', '/api/appointments', {
      patientId: h.world.patients.a,
      serviceCode: 'nmt-followup-60',
      start: '2026-11-30T17:30:00Z',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const created = await h.as('therapist', 'POST', '/api/calendars', {
      kind: 'therapist',
      subjectId: h.world.therapists.a,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, url } = created.json() as { id: string; url: string };
    const path = new URL(url).pathname;

    const feed = await h.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { events } = await parseIcs(feed.body);
    expect(events.find((e) => e.uid.startsWith((booked.json() as { id: string }).id))).toMatchObject({
      localStart: '2026-11-30T09:30:00',
      summary: 'A.A. · NMT follow-up (60 min)',
    });

    const listed = await h.as('therapist', 'GET', '/api/calendars');
    expect((listed.json() as { feeds: { id: string }[] }).feeds.map((f) => f.id)).toContain(id);
    expect(listed.body).not.toContain(path.slice(5, 48));

    expect((await h.as('therapist', 'DELETE', `/api/calendars/${id}`)).statusCode).toBe(204);
    const gone = await h.app.inject({ method: 'GET', url: path });
    expect(gone.statusCode).toBe(404);
    expect((gone.json() as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('a feed stops when its creator is disabled, and follows the creator’s sites when a manager moves', async () => {
    const booked = await h.as('front_desk', 'POST', '/api/appointments', {
      patientId: h.world.patients.a,
      serviceCode: 'nmt-followup-60',
      start: '2026-12-02T17:30:00Z',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const visit = (booked.json() as { id: string }).id;
    const pathOf = (res: { json: () => unknown }) => new URL((res.json() as { url: string }).url).pathname;
    const therapistFeed = pathOf(
      await h.as('therapist', 'POST', '/api/calendars', { kind: 'therapist', subjectId: h.world.therapists.a }),
    );
    const siteFeed = pathOf(
      await h.as('manager', 'POST', '/api/calendars', { kind: 'site', subjectId: h.world.sites.a }),
    );
    const uids = async (path: string) =>
      (await parseIcs((await h.app.inject({ method: 'GET', url: path })).body)).events.map((e) => e.uid);
    expect(await uids(siteFeed)).toContain(`${visit}@knotwork.local`);

    const moved = await h.as('admin', 'PATCH', `/api/staff/${h.world.users.manager.id}`, {
      locationIds: [h.world.sites.b],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await uids(siteFeed)).toEqual([]);

    const disabled = await h.as('admin', 'PATCH', `/api/staff/${h.world.users.therapist.id}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const stopped = await h.app.inject({ method: 'GET', url: therapistFeed });
    expect(stopped.statusCode).toBe(404);
    expect(stopped.body).not.toContain('VCALENDAR');
  });

  it('serves one appointment as a downloadable .ics to its patient', async () => {
    const booked = await h.as('patient', 'POST', '/api/appointments', {
      patientId: h.world.patients.a,
      serviceCode: 'nmt-followup-60',
      start: '2026-12-01T18:00:00Z',
      therapistId: h.world.therapists.a,
      locationId: h.world.sites.a,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const res = await h.as('patient', 'GET', `/api/appointments/${(booked.json() as { id: string }).id}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="appointment.ics"');
    const { events } = await parseIcs(res.body);
    expect(events).toHaveLength(1);
    expect(events[0]!.start.toISOString()).toBe('2026-12-01T18:00:00.000Z');
  });
});
