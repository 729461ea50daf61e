import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { makeBookable } from '../../../test/support/booking-world.ts';
import { duplicateOfA } from '../../../test/support/duplicate-chart.ts';
import { snapshot } from '../../../test/support/snapshot.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('possible duplicate patients on %s', (backend) => {
  const names: Record<'a' | 'b', { given: string; family: string }> = {
    a: { given: '', family: '' },
    b: { given: '', family: '' },
  };
  const suite = httpSuite(backend, { signIn: ['admin', 'manager', 'front_desk'] });

  beforeAll(async () => {
    for (const key of ['a', 'b'] as const) {
      const [row] = await suite.db.query<{ given_name: string; family_name: string }>(
        'SELECT given_name, family_name FROM patients WHERE id = $1',
        [suite.world.patients[key]],
      );
      names[key] = { given: row!.given_name, family: row!.family_name };
    }
  });

  const register = (role: string, body: Record<string, unknown>) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { authorization: `Bearer ${suite.tokens[role]}` },
      payload: { sexAtBirth: 'female', preferredLocationId: suite.world.sites.a, ...body },
    });
  const countNamed = async (family: string) =>
    (
      await suite.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients WHERE family_name = $1', [family])
    )[0]!.n;

  it('shows the match of the same name and birth date (any case) and saves nothing until confirmed', async () => {
    const body = {
      givenName: names.a.given.toUpperCase(),
      familyName: ` ${names.a.family.toLowerCase()}`,
      dateOfBirth: '1980-02-03',
    };
    const first = await register('front_desk', body);
    expect(first.statusCode).toBe(409);
    expect(first.json()).toMatchObject({
      error: { code: 'possible_duplicate', message: expect.stringMatching(/may already be registered/) },
      matches: [
        { id: suite.world.patients.a, reasons: ['name-and-birth-date'], preferredLocationId: suite.world.sites.a },
      ],
      elsewhere: false,
    });
    expect(await countNamed(names.a.family.toLowerCase())).toBe(0);
    const shown = await suite.db.query(
      `SELECT 1 FROM audit_events WHERE action = 'patient.duplicate-check' AND patient_id = $1 AND actor_user_id = $2`,
      [suite.world.patients.a, suite.world.users.front_desk.id],
    );
    expect(shown.length).toBeGreaterThan(0);

    const confirmed = await register('front_desk', { ...body, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('matches on the same email or the same phone digits, however written', async () => {
    const email = await register('front_desk', {
      givenName: 'Other',
      familyName: 'Person',
      dateOfBirth: '2001-01-01',
      email: 'ALICE@example.test',
    });
    expect(email.statusCode).toBe(409);
    expect(email.json()).toMatchObject({ matches: [{ id: suite.world.patients.a, reasons: ['email'] }] });
    const phone = await register('front_desk', {
      givenName: 'Other',
      familyName: 'Person',
      dateOfBirth: '2001-01-01',
      phone: '+1 503.555.0101',
    });
    expect(phone.statusCode).toBe(409);
    expect(phone.json()).toMatchObject({ matches: [{ id: suite.world.patients.a, reasons: ['phone'] }] });
    const nobody = await register('front_desk', {
      givenName: names.a.given,
      familyName: names.a.family,
      dateOfBirth: '1980-02-04',
      phone: '503-555-0109',
    });
    expect(nobody.statusCode).toBe(201);
  });

  it('never shows a record outside the registrar’s sites: only that one may exist elsewhere', async () => {
    const res = await register('front_desk', {
      givenName: names.b.given,
      familyName: names.b.family,
      dateOfBirth: '1975-06-07',
      phone: '503 555 0202',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: 'possible_duplicate',
        message:
          'A patient with these details may already be registered at another site. Check with that site, ' +
          'or confirm that this is a different person.',
      },
      matches: [],
      elsewhere: true,
    });
    expect(res.body).not.toContain(suite.world.patients.b);
    expect(res.body).not.toContain(suite.world.sites.b);
    const shown = await suite.db.query(
      `SELECT 1 FROM audit_events WHERE action = 'patient.duplicate-check' AND patient_id = $1`,
      [suite.world.patients.b],
    );
    expect(shown).toEqual([]);
    // The admin sees the whole organisation, so gets the match itself.
    const admin = await register('admin', {
      givenName: names.b.given,
      familyName: names.b.family,
      dateOfBirth: '1975-06-07',
    });
    expect(admin.json()).toMatchObject({ matches: [{ id: suite.world.patients.b }], elsewhere: false });
  });

  it('lists the possible duplicates of a record for a merge, and a merged record points to the survivor', async () => {
    const dup = await duplicateOfA(suite.db, suite.world);
    const list = await suite.app.inject({
      method: 'GET',
      url: `/api/patients/${suite.world.patients.a}/duplicates`,
      headers: { authorization: `Bearer ${suite.tokens.manager}` },
    });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { matches: { id: string }[] }).matches.map((m) => m.id)).toContain(dup);

    const merge = await suite.app.inject({
      method: 'POST',
      url: `/api/patients/${suite.world.patients.a}/merge`,
      headers: { authorization: `Bearer ${suite.tokens.manager}` },
      payload: { duplicateId: dup },
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json()).toMatchObject({
      patient: { id: suite.world.patients.a },
      mergedId: dup,
      moved: { care_relationships: 2 },
    });
    const read = await suite.app.inject({
      method: 'GET',
      url: `/api/patients/${dup}`,
      headers: { authorization: `Bearer ${suite.tokens.front_desk}` },
    });
    expect(read.statusCode).toBe(404);
    expect(read.json()).toEqual({
      error: { code: 'patient_merged', message: expect.any(String) },
      mergedInto: suite.world.patients.a,
    });
    const chart = await suite.app.inject({
      method: 'GET',
      url: `/api/patients/${dup}/intake`,
      headers: { authorization: `Bearer ${suite.tokens.admin}` },
    });
    expect(chart.statusCode).toBe(404);
    const again = await suite.app.inject({
      method: 'GET',
      url: `/api/patients/${suite.world.patients.a}/duplicates`,
      headers: { authorization: `Bearer ${suite.tokens.manager}` },
    });
    expect((again.json() as { matches: { id: string }[] }).matches.map((m) => m.id)).not.toContain(dup);

    // A stale screen still holding the merged record books nothing on it, even at a free time.
    await makeBookable(suite.db, suite.world);
    const { slots } = (
      await suite.app.inject({
        method: 'GET',
        url: `/api/availability?service=nmt-followup-60&location=${suite.world.sites.a}&from=2026-11-23&to=2026-11-23`,
        headers: { authorization: `Bearer ${suite.tokens.front_desk}` },
      })
    ).json() as { slots: { start: string; therapistId: string }[] };
    const before = await snapshot(suite.db);
    const booking = await suite.app.inject({
      method: 'POST',
      url: '/api/appointments',
      headers: { authorization: `Bearer ${suite.tokens.front_desk}` },
      payload: {
        patientId: dup,
        serviceCode: 'nmt-followup-60',
        start: slots[0]!.start,
        therapistId: slots[0]!.therapistId,
        locationId: suite.world.sites.a,
      },
    });
    expect(booking.statusCode).toBe(422);
    expect(booking.json()).toMatchObject({ error: { fields: { patientId: expect.any(String) } } });
    expect(await snapshot(suite.db)).toEqual(before);
  });
});
