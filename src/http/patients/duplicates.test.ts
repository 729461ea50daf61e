import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { makeBookable } from '../../../test/support/booking-world.ts';
import { duplicateOfA } from '../../../test/support/duplicate-chart.ts';
import { snapshot } from '../../../test/support/snapshot.ts';
import { buildWorld, tokenFor, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';

describe.each(BACKENDS)('possible duplicate patients on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let world: World;
  const tokens: Record<string, string> = {};
  const names: Record<'a' | 'b', { given: string; family: string }> = { a: { given: '', family: '' }, b: { given: '', family: '' } };

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    app = await buildServer({ db, now: () => new Date('2026-11-20T18:00:00Z') });
    world = await buildWorld(db);
    for (const role of ['admin', 'manager', 'front_desk'] as const) tokens[role] = await tokenFor(app, world.users[role].email);
    for (const key of ['a', 'b'] as const) {
      const [row] = await db.query<{ given_name: string; family_name: string }>('SELECT given_name, family_name FROM patients WHERE id = $1', [world.patients[key]]);
      names[key] = { given: row!.given_name, family: row!.family_name };
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const register = (role: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/patients', headers: { authorization: `Bearer ${tokens[role]}` }, payload: { sexAtBirth: 'female', preferredLocationId: world.sites.a, ...body } });
  const countNamed = async (family: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients WHERE family_name = $1', [family]))[0]!.n;

  it('shows the match of the same name and birth date (any case) and saves nothing until confirmed', async () => {
    const body = { givenName: names.a.given.toUpperCase(), familyName: ` ${names.a.family.toLowerCase()}`, dateOfBirth: '1980-02-03' };
    const first = await register('front_desk', body);
    expect(first.statusCode).toBe(409);
    expect(first.json()).toMatchObject({
      error: { code: 'possible_duplicate', message: expect.stringMatching(/may already be registered/) },
      matches: [{ id: world.patients.a, reasons: ['name-and-birth-date'], preferredLocationId: world.sites.a }],
      elsewhere: false,
    });
    expect(await countNamed(names.a.family.toLowerCase())).toBe(0);
    const shown = await db.query(`SELECT 1 FROM audit_events WHERE action = 'patient.duplicate-check' AND patient_id = $1 AND actor_user_id = $2`, [world.patients.a, world.users.front_desk.id]);
    expect(shown.length).toBeGreaterThan(0);

    const confirmed = await register('front_desk', { ...body, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('matches on the same email or the same phone digits, however written', async () => {
    const email = await register('front_desk', { givenName: 'Other', familyName: 'Person', dateOfBirth: '2001-01-01', email: 'ALICE@example.test' });
    expect(email.statusCode).toBe(409);
    expect(email.json()).toMatchObject({ matches: [{ id: world.patients.a, reasons: ['email'] }] });
    const phone = await register('front_desk', { givenName: 'Other', familyName: 'Person', dateOfBirth: '2001-01-01', phone: '+1 503.555.0101' });
    expect(phone.statusCode).toBe(409);
    expect(phone.json()).toMatchObject({ matches: [{ id: world.patients.a, reasons: ['phone'] }] });
    const nobody = await register('front_desk', { givenName: names.a.given, familyName: names.a.family, dateOfBirth: '1980-02-04', phone: '503-555-0109' });
    expect(nobody.statusCode).toBe(201);
  });

  it('never shows a record outside the registrar’s sites: only that one may exist elsewhere', async () => {
    const res = await register('front_desk', { givenName: names.b.given, familyName: names.b.family, dateOfBirth: '1975-06-07', phone: '503 555 0202' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'possible_duplicate', message: 'A patient with these details may already be registered at another site. Check with that site, or confirm that this is a different person.' },
      matches: [],
      elsewhere: true,
    });
    expect(res.body).not.toContain(world.patients.b);
    expect(res.body).not.toContain(world.sites.b);
    const shown = await db.query(`SELECT 1 FROM audit_events WHERE action = 'patient.duplicate-check' AND patient_id = $1`, [world.patients.b]);
    expect(shown).toEqual([]);
    // The admin sees the whole organisation, so gets the match itself.
    const admin = await register('admin', { givenName: names.b.given, familyName: names.b.family, dateOfBirth: '1975-06-07' });
    expect(admin.json()).toMatchObject({ matches: [{ id: world.patients.b }], elsewhere: false });
  });

  it('lists the possible duplicates of a record for a merge, and a merged record points to the survivor', async () => {
    const dup = await duplicateOfA(db, world);
    const list = await app.inject({ method: 'GET', url: `/api/patients/${world.patients.a}/duplicates`, headers: { authorization: `Bearer ${tokens.manager}` } });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { matches: { id: string }[] }).matches.map((m) => m.id)).toContain(dup);

    const merge = await app.inject({
      method: 'POST', url: `/api/patients/${world.patients.a}/merge`, headers: { authorization: `Bearer ${tokens.manager}` }, payload: { duplicateId: dup },
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json()).toMatchObject({ patient: { id: world.patients.a }, mergedId: dup, moved: { care_relationships: 2 } });
    const read = await app.inject({ method: 'GET', url: `/api/patients/${dup}`, headers: { authorization: `Bearer ${tokens.front_desk}` } });
    expect(read.statusCode).toBe(404);
    expect(read.json()).toEqual({ error: { code: 'patient_merged', message: expect.any(String) }, mergedInto: world.patients.a });
    const chart = await app.inject({ method: 'GET', url: `/api/patients/${dup}/intake`, headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(chart.statusCode).toBe(404);
    const again = await app.inject({ method: 'GET', url: `/api/patients/${world.patients.a}/duplicates`, headers: { authorization: `Bearer ${tokens.manager}` } });
    expect((again.json() as { matches: { id: string }[] }).matches.map((m) => m.id)).not.toContain(dup);

    // A stale screen still holding the merged record books nothing on it, even at a free time.
    await makeBookable(db, world);
    const { slots } = (await app.inject({
      method: 'GET', url: `/api/availability?service=nmt-followup-60&location=${world.sites.a}&from=2026-11-23&to=2026-11-23`,
      headers: { authorization: `Bearer ${tokens.front_desk}` },
    })).json() as { slots: { start: string; therapistId: string }[] };
    const before = await snapshot(db);
    const booking = await app.inject({
      method: 'POST', url: '/api/appointments', headers: { authorization: `Bearer ${tokens.front_desk}` },
      payload: { patientId: dup, serviceCode: 'nmt-followup-60', start: slots[0]!.start, therapistId: slots[0]!.therapistId, locationId: world.sites.a },
    });
    expect(booking.statusCode).toBe(422);
    expect(booking.json()).toMatchObject({ error: { fields: { patientId: expect.any(String) } } });
    expect(await snapshot(db)).toEqual(before);
  });
});
