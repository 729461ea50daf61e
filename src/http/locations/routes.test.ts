import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { createOrganization } from '../../services/organizations.ts';
import { createUser, type UserInput } from '../../services/users.ts';
import type { Database } from '../../store/database.ts';
import { buildServer } from '../server.ts';
import { buildPatient, buildSite, buildTherapist } from '../../../test/support/factories.ts';

const PASSWORD = 'correct horse battery';
const NOW = new Date('2026-11-20T18:00:00Z');

const newSite = (slug: string, extra: Record<string, unknown> = {}) => ({
  name: `Knotwork ${slug}`,
  slug,
  timeZone: 'America/Los_Angeles',
  address: { line1: '1 Main St', city: 'Portland', state: 'OR', postalCode: '97205' },
  hours: {
    1: [{ open: '09:00', close: '17:00' }],
    2: [
      { open: '09:00', close: '12:00' },
      { open: '13:00', close: '18:00' },
    ],
  },
  ...extra,
});

describe.each(BACKENDS)('locations API on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  let siteA: string;
  let siteB: string;
  let otherOrgSite: string;

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
    });
  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const insertSite = (org: string, slug: string) => buildSite(db, org, { slug });

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    const orgId = (await createOrganization(db, { name: 'Knotwork West', slug: 'kw-west' })).id;
    const otherOrg = (await createOrganization(db, { name: 'Elsewhere', slug: 'elsewhere' })).id;
    siteA = await insertSite(orgId, 'beaverton');
    siteB = await insertSite(orgId, 'tigard');
    otherOrgSite = await insertSite(otherOrg, 'salem');
    const therapistId = await buildTherapist(db, orgId);
    const patientId = await buildPatient(db, orgId);
    const users: Record<string, Pick<UserInput, 'role' | 'locationIds' | 'patientId' | 'therapistId'>> = {
      admin: { role: 'admin' },
      manager: { role: 'manager', locationIds: [siteA] },
      desk: { role: 'front_desk', locationIds: [siteA] },
      therapist: { role: 'therapist', therapistId },
      patient: { role: 'patient', patientId },
    };
    app = await buildServer({ db, now: () => NOW });
    for (const [name, spec] of Object.entries(users)) {
      await createUser(db, { orgId, email: `${name}@kw.test`, displayName: name, password: PASSWORD, ...spec });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/token',
        payload: { email: `${name}@kw.test`, password: PASSWORD },
      });
      tokens[name] = res.json().token;
    }
  });
  afterAll(async () => {
    await app?.close();
    await drop();
  });

  it('lists sites with hours for every weekday and rooms to anyone signed in', async () => {
    expect((await call(null, 'GET', '/api/locations')).statusCode).toBe(401);
    const res = await call('patient', 'GET', '/api/locations');
    expect(res.statusCode).toBe(200);
    const { locations } = res.json();
    expect(locations.map((l: { slug: string }) => l.slug)).toEqual(['beaverton', 'tigard']);
    expect(locations[0]).toMatchObject({ id: siteA, timeZone: 'America/Los_Angeles', active: true, rooms: [] });
    expect(locations[0].address).toEqual({
      line1: '1 Main St',
      line2: null,
      city: 'Portland',
      state: 'OR',
      postalCode: '97205',
      country: 'US',
    });
  });

  it('lets admins open a site, and nobody else', async () => {
    const res = await call('admin', 'POST', '/api/locations', newSite('hillsboro'));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.hours).toMatchObject({ '0': [], '1': [{ open: '09:00', close: '17:00' }], '6': [] });
    expect(body.address.country).toBe('US');
    for (const who of ['manager', 'desk', 'therapist', 'patient']) {
      expect((await call(who, 'POST', '/api/locations', newSite(`by-${who}`))).statusCode).toBe(403);
    }
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await count('locations');
    const unknown = await call('admin', 'POST', '/api/locations', newSite('x1', { colour: 'teal' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ colour: 'Not a field we know; leave it out.' });
    const badClock = await call(
      'admin',
      'POST',
      '/api/locations',
      newSite('x2', { hours: { 1: [{ open: '9am', close: '17:00' }] } }),
    );
    expect(badClock.statusCode).toBe(400);
    expect(Object.keys(badClock.json().error.fields)).toEqual(['hours.1.0.open']);
    const backwards = await call(
      'admin',
      'POST',
      '/api/locations',
      newSite('x3', { hours: { 1: [{ open: '17:00', close: '09:00' }] } }),
    );
    expect(backwards.statusCode).toBe(422);
    expect(Object.keys(backwards.json().error.fields)).toEqual(['hours.1.0.close']);
    const overlap = await call('admin', 'PATCH', `/api/locations/${siteA}`, {
      hours: {
        5: [
          { open: '08:00', close: '12:00' },
          { open: '11:30', close: '16:00' },
        ],
      },
    });
    expect(overlap.statusCode).toBe(422);
    expect(Object.keys(overlap.json().error.fields)).toEqual(['hours.5.1.open']);
    const zone = await call('admin', 'POST', '/api/locations', newSite('x4', { timeZone: 'Mars/Olympus_Mons' }));
    expect(zone.statusCode).toBe(422);
    expect(zone.json().error.fields).toHaveProperty('timeZone');
    const longName = await call('admin', 'POST', '/api/locations', newSite('x5', { name: 'n'.repeat(121) }));
    expect(longName.json().error.fields).toHaveProperty('name');
    expect(await count('locations')).toBe(before);
  });

  it('answers 409 naming slug when the slug is taken', async () => {
    const res = await call('admin', 'POST', '/api/locations', newSite('tigard'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toHaveProperty('slug');
    expect((await call('admin', 'PATCH', `/api/locations/${siteA}`, { slug: 'tigard' })).statusCode).toBe(409);
  });

  it("lets a manager change their own site's details but not another's", async () => {
    const own = await call('manager', 'PATCH', `/api/locations/${siteA}`, {
      phone: '503-555-0142',
      hours: { 6: [{ open: '10:00', close: '14:00' }] },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      phone: '503-555-0142',
      hours: { '6': [{ open: '10:00', close: '14:00' }], '1': [] },
    });
    expect((await call('manager', 'PATCH', `/api/locations/${siteB}`, { phone: '503-555-0142' })).statusCode).toBe(403);
    for (const who of ['desk', 'therapist', 'patient']) {
      expect((await call(who, 'PATCH', `/api/locations/${siteA}`, { name: 'Ours now' })).statusCode).toBe(403);
    }
    const audited = await db.query<{ action: string }>(`SELECT action FROM audit_events WHERE record_id = $1`, [siteA]);
    expect(audited.map((a) => a.action)).toEqual(['location.update']);
  });

  it('answers 404 for unknown sites and sites of another organisation, 400 for a malformed id', async () => {
    for (const id of [randomUUID(), otherOrgSite]) {
      expect((await call('admin', 'GET', `/api/locations/${id}`)).statusCode).toBe(404);
      expect((await call('admin', 'PATCH', `/api/locations/${id}`, { name: 'Mine' })).statusCode).toBe(404);
      expect(
        (
          await call('admin', 'POST', `/api/locations/${id}/closures`, {
            startsOn: '2026-12-01',
            endsOn: '2026-12-01',
            reason: 'x',
          })
        ).statusCode,
      ).toBe(404);
    }
    const bad = await call('admin', 'GET', '/api/locations/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('id');
  });

  it('records and cancels closures', async () => {
    const created = await call('manager', 'POST', `/api/locations/${siteA}/closures`, {
      startsOn: '2026-12-24',
      endsOn: '2026-12-26',
      reason: 'Holidays',
    });
    expect(created.statusCode).toBe(201);
    const closure = created.json();
    const detail = (await call('patient', 'GET', `/api/locations/${siteA}`)).json();
    expect(detail.closures).toEqual([
      { id: closure.id, startsOn: '2026-12-24', endsOn: '2026-12-26', reason: 'Holidays' },
    ]);

    const before = await count('location_closures');
    const backwards = await call('admin', 'POST', `/api/locations/${siteA}/closures`, {
      startsOn: '2026-12-26',
      endsOn: '2026-12-24',
      reason: 'Oops',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields).toHaveProperty('endsOn');
    expect(
      (
        await call('manager', 'POST', `/api/locations/${siteB}/closures`, {
          startsOn: '2026-12-24',
          endsOn: '2026-12-26',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(await count('location_closures')).toBe(before);

    expect((await call('desk', 'DELETE', `/api/locations/${siteA}/closures/${closure.id}`)).statusCode).toBe(403);
    expect((await call('admin', 'DELETE', `/api/locations/${siteB}/closures/${closure.id}`)).statusCode).toBe(404);
    const deleted = await call('manager', 'DELETE', `/api/locations/${siteA}/closures/${closure.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect(await count('location_closures')).toBe(before - 1);
  });

  it('adds and renames rooms, one name per site', async () => {
    const room = await call('manager', 'POST', `/api/locations/${siteA}/rooms`, { name: 'Room 1' });
    expect(room.statusCode).toBe(201);
    expect(room.json()).toMatchObject({ name: 'Room 1', active: true, locationId: siteA });
    expect((await call('admin', 'POST', `/api/locations/${siteB}/rooms`, { name: 'Room 1' })).statusCode).toBe(201);
    const dup = await call('admin', 'POST', `/api/locations/${siteA}/rooms`, { name: 'Room 1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toHaveProperty('name');
    expect((await call('therapist', 'POST', `/api/locations/${siteA}/rooms`, { name: 'Room 9' })).statusCode).toBe(403);

    const renamed = await call('manager', 'PATCH', `/api/rooms/${room.json().id}`, {
      name: 'Quiet room',
      active: false,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Quiet room', active: false });
    expect((await call('manager', 'PATCH', `/api/rooms/${room.json().id}`, { floor: 2 })).statusCode).toBe(400);
    expect((await call('admin', 'PATCH', `/api/rooms/${randomUUID()}`, { active: true })).statusCode).toBe(404);
    const listed = (await call('desk', 'GET', '/api/locations'))
      .json()
      .locations.find((l: { id: string }) => l.id === siteA);
    expect(listed.rooms).toEqual([{ id: room.json().id, name: 'Quiet room', active: false }]);
  });
});
