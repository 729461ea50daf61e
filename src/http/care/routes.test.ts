import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { buildPatient } from '../../../test/support/factories.ts';

describe.each(BACKENDS)('who may see whose chart, on %s', (backend) => {
  let bruno: { givenName: string; familyName: string; dateOfBirth: string };

  const h = httpSuite(backend, {
    bookable: true,
    async setup() {
      bruno = (
        await h.db.query<typeof bruno>(
          `SELECT given_name AS "givenName", family_name AS "familyName", date_of_birth AS "dateOfBirth" FROM patients
            WHERE id = $1`,
          [h.world.patients.b],
        )
      )[0]!;
    },
  });
  const events = (action: string, patientId: string) =>
    h.db.query<{ outcome: string; actor: string; detail: Record<string, unknown> }>(
      `SELECT outcome, actor_user_id AS actor, detail FROM audit_events WHERE org_id = $1 AND action = $2
        AND patient_id = $3 ORDER BY id`,
      [h.world.orgId, action, patientId],
    );
  const care = (patientId: string) =>
    h.db.query<{ therapistId: string; endedOn: string | null; grantedBy: string | null }>(
      `SELECT therapist_id AS "therapistId", ended_on AS "endedOn", granted_by AS "grantedBy" FROM care_relationships
        WHERE org_id = $1 AND patient_id = $2`,
      [h.world.orgId, patientId],
    );
  const booking = (patientId: string, start: string) => ({
    patientId,
    serviceCode: 'nmt-followup-60',
    start,
    therapistId: h.world.therapists.a,
    locationId: h.world.sites.a,
  });

  it('refuses the desk a booking of a patient registered elsewhere, says what to do, and books nothing', async () => {
    const res = await h.as(
      'front_desk',
      'POST',
      '/api/appointments',
      booking(h.world.patients.b, '2026-11-24T17:00:00Z'),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/not registered at your sites.*register them at your site first/);
    expect(
      (
        await h.db.query('SELECT 1 FROM appointments WHERE org_id = $1 AND patient_id = $2', [
          h.world.orgId,
          h.world.patients.b,
        ])
      ).length,
    ).toBe(0);
    expect(await care(h.world.patients.b)).toEqual([
      { therapistId: h.world.therapists.b, endedOn: null, grantedBy: null },
    ]);
    expect((await events('patient.book', h.world.patients.b)).map((e) => e.outcome)).toEqual(['denied']);
  });

  it('finds a patient of another site only by exact names and birth date, showing what registering needs', async () => {
    const exact = await h.as('front_desk', 'POST', '/api/patients/lookup', {
      givenName: ` ${bruno.givenName.toUpperCase()} `,
      familyName: bruno.familyName.toLowerCase(),
      dateOfBirth: bruno.dateOfBirth,
    });
    expect(exact.statusCode).toBe(200);
    expect(exact.json()).toEqual({ matches: [{ id: h.world.patients.b, ...bruno, registeredAtYourSites: false }] });
    for (const wrong of [
      { ...bruno, familyName: bruno.familyName.slice(0, 3) },
      { ...bruno, dateOfBirth: '1975-06-08' },
      { ...bruno, givenName: 'Bru' },
    ]) {
      expect((await h.as('front_desk', 'POST', '/api/patients/lookup', wrong)).json()).toEqual({ matches: [] });
    }
    expect((await events('patient.lookup', h.world.patients.b)).map((e) => e.actor)).toEqual([
      h.world.users.front_desk.id,
    ]);
    // A patient already registered at the desk's site is said to be so.
    const alice = await h.as('front_desk', 'POST', '/api/patients/lookup', {
      givenName: 'Alice',
      familyName: (await h.as('admin', 'GET', `/api/patients/${h.world.patients.a}`)).json().familyName,
      dateOfBirth: '1980-02-03',
    });
    expect(alice.json().matches).toEqual([
      expect.objectContaining({ id: h.world.patients.a, registeredAtYourSites: true }),
    ]);
  });

  it('registers the patient at the desk’s site; booking them then puts the therapist in their care', async () => {
    const registered = await h.as('front_desk', 'POST', `/api/patients/${h.world.patients.b}/sites`, {
      locationId: h.world.sites.a,
      reason: 'Works near Alpha now; asked by phone',
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({
      sites: [
        { locationId: h.world.sites.b, preferred: true },
        { locationId: h.world.sites.a, preferred: false, reason: 'Works near Alpha now; asked by phone' },
      ],
    });
    expect((await events('patient.site.register', h.world.patients.b)).map((e) => e.detail)).toEqual([
      { locationId: h.world.sites.a, reason: 'Works near Alpha now; asked by phone' },
    ]);
    const again = await h.as('front_desk', 'POST', `/api/patients/${h.world.patients.b}/sites`, {
      locationId: h.world.sites.a,
      reason: 'Asked again',
    });
    expect(again.json()).toEqual(registered.json());
    expect(await events('patient.site.register', h.world.patients.b)).toHaveLength(1);

    // The desk now sees the patient (also in a search of its site) and the therapist does not, yet.
    expect((await h.as('front_desk', 'GET', `/api/patients/${h.world.patients.b}`)).statusCode).toBe(200);
    const search = (
      await h.as('front_desk', 'GET', `/api/patients?q=${bruno.familyName}&location=${h.world.sites.a}`)
    ).json() as { patients: { id: string }[] };
    expect(search.patients.map((p) => p.id)).toEqual([h.world.patients.b]);
    expect((await h.as('therapist', 'GET', `/api/patients/${h.world.patients.b}/intake`)).statusCode).toBe(403);

    const booked = await h.as(
      'front_desk',
      'POST',
      '/api/appointments',
      booking(h.world.patients.b, '2026-11-24T17:00:00Z'),
    );
    expect(booked.statusCode).toBe(201);
    expect(await care(h.world.patients.b)).toContainEqual({
      therapistId: h.world.therapists.a,
      endedOn: null,
      grantedBy: h.world.users.front_desk.id,
    });
    expect((await events('care.grant', h.world.patients.b)).map((e) => e.detail)).toEqual([
      { therapistId: h.world.therapists.a, via: 'appointment' },
    ]);
    expect((await h.as('therapist', 'GET', `/api/patients/${h.world.patients.b}/intake`)).statusCode).toBe(200);
    // A second visit with the same therapist grants nothing new.
    expect(
      (await h.as('front_desk', 'POST', '/api/appointments', booking(h.world.patients.b, '2026-11-25T17:00:00Z')))
        .statusCode,
    ).toBe(201);
    expect(await events('care.grant', h.world.patients.b)).toHaveLength(1);
  });

  it('grants nothing when the booking itself fails (one transaction)', async () => {
    const taken = await h.as('admin', 'POST', '/api/appointments', booking(h.world.patients.a, '2026-11-26T17:00:00Z'));
    expect(taken.statusCode).toBe(201);
    const fresh = await buildPatient(h.db, h.world.orgId, {
      givenName: 'Dora',
      familyName: 'Fourth',
      dateOfBirth: '1990-01-01',
      preferredLocationId: h.world.sites.a,
    });
    expect(
      (await h.as('front_desk', 'POST', '/api/appointments', booking(fresh, '2026-11-26T17:00:00Z'))).statusCode,
    ).toBe(409);
    expect(await care(fresh)).toEqual([]);
    expect(await events('care.grant', fresh)).toEqual([]);
  });

  it('lets a manager end a therapist’s care (the chart closes, appointments stay) and grant it again', async () => {
    const ended = await h.as(
      'manager',
      'POST',
      `/api/patients/${h.world.patients.b}/care-team/${h.world.therapists.a}/end`,
      { reason: 'Back with the Beta team' },
    );
    expect(ended.statusCode).toBe(200);
    expect(ended.json().careTeam).toContainEqual(
      expect.objectContaining({
        therapistId: h.world.therapists.a,
        endedOn: '2026-11-20',
        endReason: 'Back with the Beta team',
      }),
    );
    expect((await events('care.end', h.world.patients.b)).map((e) => e.actor)).toEqual([h.world.users.manager.id]);
    expect(
      (
        await h.db.query('SELECT 1 FROM appointments WHERE org_id = $1 AND patient_id = $2 AND occupies', [
          h.world.orgId,
          h.world.patients.b,
        ])
      ).length,
    ).toBe(2);
    for (const url of ['', '/intake', '/assessments', '/sessions']) {
      expect((await h.as('therapist', 'GET', `/api/patients/${h.world.patients.b}${url}`)).statusCode, url).toBe(403);
    }
    expect(
      (
        await h.as('therapist', 'POST', `/api/patients/${h.world.patients.b}/sessions`, {
          subjective: { painToday: 4 },
          cptMinutes: [],
        })
      ).statusCode,
    ).toBe(403);

    const granted = await h.as('manager', 'POST', `/api/patients/${h.world.patients.b}/care-team`, {
      therapistId: h.world.therapists.a,
      reason: 'Covering during leave',
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().careTeam[0]).toMatchObject({
      therapistId: h.world.therapists.a,
      endedOn: null,
      reason: 'Covering during leave',
    });
    // Repeating it (a retry) answers the same and grants nothing more.
    const repeated = await h.as('manager', 'POST', `/api/patients/${h.world.patients.b}/care-team`, {
      therapistId: h.world.therapists.a,
      reason: 'Covering during leave',
    });
    expect(repeated.json()).toEqual(granted.json());
    expect(
      (await events('care.grant', h.world.patients.b)).filter((e) => e.actor === h.world.users.manager.id),
    ).toHaveLength(1);
    expect(
      (
        await h.as('therapist', 'POST', `/api/patients/${h.world.patients.b}/sessions`, {
          subjective: { painToday: 4 },
          cptMinutes: [],
        })
      ).statusCode,
    ).toBe(201);
    // A manager of site A cannot hand the chart to a therapist who works only at site B.
    const elsewhere = await h.as('manager', 'POST', `/api/patients/${h.world.patients.b}/care-team`, {
      therapistId: h.world.therapists.b,
      reason: 'Second opinion',
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('keeps a patient registered at the site they leave when their preferred site changes', async () => {
    const moved = (
      await h.as('front_desk', 'POST', '/api/patients', {
        givenName: 'Mona',
        familyName: 'Mover',
        dateOfBirth: '1985-05-05',
        sexAtBirth: 'female',
        preferredLocationId: h.world.sites.a,
      })
    ).json() as { id: string; version: number };
    const res = await h.as('admin', 'PATCH', `/api/patients/${moved.id}`, {
      version: moved.version,
      preferredLocationId: h.world.sites.b,
    });
    expect(res.statusCode).toBe(200);
    expect((await h.as('front_desk', 'GET', `/api/patients/${moved.id}`)).statusCode).toBe(200);
    const team = (await h.as('admin', 'GET', `/api/patients/${moved.id}/care-team`)).json() as {
      sites: { locationId: string; preferred: boolean; reason: string | null }[];
    };
    expect(team.sites).toEqual([
      { locationId: h.world.sites.b, preferred: true, registeredAt: null, reason: null },
      expect.objectContaining({
        locationId: h.world.sites.a,
        preferred: false,
        reason: 'Preferred site before a change',
      }),
    ]);
  });

  it('lets a patient book themselves with any therapist, which puts that therapist in their care', async () => {
    await h.db.query('DELETE FROM care_relationships WHERE org_id = $1 AND patient_id = $2', [
      h.world.orgId,
      h.world.patients.a,
    ]);
    expect((await h.as('therapist', 'GET', `/api/patients/${h.world.patients.a}/intake`)).statusCode).toBe(403);
    expect(
      (await h.as('patient', 'POST', '/api/appointments', booking(h.world.patients.a, '2026-11-27T17:00:00Z')))
        .statusCode,
    ).toBe(201);
    expect((await h.as('therapist', 'GET', `/api/patients/${h.world.patients.a}/intake`)).statusCode).toBe(200);
  });
});
