import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database } from '../store/database.ts';
import type { Actor, Role, ServiceContext } from './context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import {
  addClosure,
  addRoom,
  createLocation,
  getLocation,
  hoursProblems,
  listLocations,
  removeClosure,
  updateLocation,
  updateRoom,
  type LocationInput,
} from './locations.ts';
import { createOrganization } from './organizations.ts';

// 10:00 in Los Angeles on Friday 20 November 2026.
const NOW = new Date('2026-11-20T18:00:00Z');

function actor(orgId: string, role: Role, locationIds: string[] = []): Actor {
  return {
    userId: randomUUID(),
    orgId,
    role,
    email: `${role}@example.test`,
    displayName: role,
    patientId: null,
    therapistId: null,
    locationIds,
    orgTimeZone: 'America/Los_Angeles',
    sessionId: randomUUID(),
    ip: null,
  };
}

function site(slug: string, overrides: Partial<LocationInput> = {}): LocationInput {
  return {
    name: `Knotwork ${slug}`,
    slug,
    phone: '503-555-0100',
    timeZone: 'America/Los_Angeles',
    active: true,
    address: { line1: '1 Main St', line2: null, city: 'Portland', state: 'OR', postalCode: '97205', country: 'US' },
    hours: { 1: [{ open: '09:00', close: '17:00' }] },
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

describe('hoursProblems', () => {
  const minute = fc.integer({ min: 0, max: 23 * 60 + 59 });
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

  it('accepts a day exactly when every interval is forward and none share a minute', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(minute, minute), { maxLength: 5 }), (pairs) => {
        const day = pairs.map(([a, b]) => ({ open: clock(a), close: clock(b) }));
        const forward = pairs.every(([a, b]) => a < b);
        const disjoint = pairs.every(([a, b], i) => pairs.every(([c, d], j) => i === j || b <= c || d <= a));
        expect(Object.keys(hoursProblems({ 3: day })).length === 0).toBe(forward && disjoint);
      }),
    );
  });

  it('names the interval that breaks the rule', () => {
    expect(
      Object.keys(
        hoursProblems({
          1: [
            { open: '09:00', close: '12:00' },
            { open: '12:00', close: '12:00' },
          ],
        }),
      ),
    ).toEqual(['hours.1.1.close']);
    expect(
      Object.keys(
        hoursProblems({
          2: [
            { open: '13:00', close: '18:00' },
            { open: '09:00', close: '13:30' },
          ],
        }),
      ),
    ).toEqual(['hours.2.0.open']);
    expect(
      hoursProblems({
        2: [
          { open: '09:00', close: '12:00' },
          { open: '12:00', close: '18:00' },
        ],
      }),
    ).toEqual({});
  });
});

describe.each(BACKENDS)('location services on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let ctx: ServiceContext;
  let orgId: string;
  let admin: Actor;
  let siteA: string;
  let siteB: string;
  let otherOrgSite: string;

  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    ctx = { db, now: () => NOW };
    orgId = (await createOrganization(db, { name: 'Knotwork West', slug: 'kw-west' })).id;
    const otherOrg = (await createOrganization(db, { name: 'Elsewhere', slug: 'elsewhere' })).id;
    admin = actor(orgId, 'admin');
    siteA = (await createLocation(ctx, admin, site('beaverton'))).id;
    siteB = (await createLocation(ctx, admin, site('tigard'))).id;
    otherOrgSite = (await createLocation(ctx, actor(otherOrg, 'admin'), site('beaverton'))).id;
  });
  afterAll(() => drop());

  it('creates a site with every weekday present, and audits it', async () => {
    const created = await createLocation(
      ctx,
      admin,
      site('salem', {
        hours: {
          3: [
            { open: '13:00', close: '19:00' },
            { open: '08:00', close: '12:00' },
          ],
        },
      }),
    );
    expect(created.hours['3']).toEqual([
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '19:00' },
    ]);
    expect(created.hours['0']).toEqual([]);
    expect(Object.keys(created.hours)).toHaveLength(7);
    expect(created.rooms).toEqual([]);
    const events = await db.query<{ action: string }>('SELECT action FROM audit_events WHERE record_id = $1', [
      created.id,
    ]);
    expect(events.map((e) => e.action)).toEqual(['location.create']);
  });

  it('lets only admins open a site', async () => {
    const before = await count('locations');
    for (const role of ['manager', 'front_desk', 'therapist', 'patient'] as const) {
      expect(
        await rejection(createLocation(ctx, actor(orgId, role, [siteA]), site(`x-${role.replace('_', '-')}`))),
      ).toBeInstanceOf(ForbiddenError);
    }
    expect(await count('locations')).toBe(before);
  });

  it('refuses bad hours and unknown time zones, naming the field, writing nothing', async () => {
    const before = await count('locations');
    const err = await rejection(
      createLocation(
        ctx,
        admin,
        site('bad', { timeZone: 'Pacific/Nowhere', hours: { 1: [{ open: '17:00', close: '09:00' }] } }),
      ),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields).sort()).toEqual(['hours.1.0.close', 'timeZone']);
    const overlap = await rejection(
      updateLocation(ctx, admin, siteA, {
        hours: {
          1: [
            { open: '09:00', close: '13:00' },
            { open: '12:00', close: '17:00' },
          ],
        },
      }),
    );
    expect((overlap as ValidationError).fields).toHaveProperty(['hours.1.1.open']);
    expect(await count('locations')).toBe(before);
    expect((await getLocation(ctx, admin, siteA)).hours['1']).toEqual([{ open: '09:00', close: '17:00' }]);
  });

  it('answers 409 on a slug already used in the organisation, but not across organisations', async () => {
    const created = await rejection(createLocation(ctx, admin, site('tigard')));
    expect(created).toBeInstanceOf(ConflictError);
    expect((created as ConflictError).fields).toHaveProperty('slug');
    expect(await rejection(updateLocation(ctx, admin, siteA, { slug: 'tigard' }))).toBeInstanceOf(ConflictError);
    expect((await getLocation(ctx, admin, siteA)).slug).toBe('beaverton');
  });

  it('lets a manager change their own site only', async () => {
    const manager = actor(orgId, 'manager', [siteA]);
    const updated = await updateLocation(ctx, manager, siteA, { phone: '503-555-0199' });
    expect(updated.phone).toBe('503-555-0199');
    expect(updated.name).toBe('Knotwork beaverton');
    expect(await rejection(updateLocation(ctx, manager, siteB, { phone: '503-555-0199' }))).toBeInstanceOf(
      ForbiddenError,
    );
    for (const role of ['front_desk', 'therapist', 'patient'] as const) {
      expect(await rejection(updateLocation(ctx, actor(orgId, role, [siteA]), siteA, { name: 'Mine' }))).toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect((await getLocation(ctx, admin, siteB)).phone).toBe('503-555-0100');
  });

  it('treats unknown ids and ids of another organisation as not found', async () => {
    for (const id of [randomUUID(), otherOrgSite]) {
      expect(await rejection(getLocation(ctx, admin, id))).toBeInstanceOf(NotFoundError);
      expect(await rejection(updateLocation(ctx, admin, id, { name: 'Taken over' }))).toBeInstanceOf(NotFoundError);
      expect(await rejection(addRoom(ctx, admin, id, { name: 'Room 1' }))).toBeInstanceOf(NotFoundError);
    }
  });

  it('shows upcoming and recent closures, not old ones, and deletes them per site', async () => {
    const old = await addClosure(ctx, admin, siteB, {
      startsOn: '2026-09-01',
      endsOn: '2026-09-07',
      reason: 'Flood repairs',
    });
    const recent = await addClosure(ctx, admin, siteB, {
      startsOn: '2026-11-09',
      endsOn: '2026-11-11',
      reason: 'Veterans Day',
    });
    const upcoming = await addClosure(ctx, admin, siteB, {
      startsOn: '2026-12-24',
      endsOn: '2026-12-26',
      reason: 'Holidays',
    });
    expect((await getLocation(ctx, admin, siteB)).closures.map((c) => c.id)).toEqual([recent.id, upcoming.id]);

    const bad = await rejection(
      addClosure(ctx, admin, siteB, { startsOn: '2026-12-10', endsOn: '2026-12-09', reason: 'Backwards' }),
    );
    expect((bad as ValidationError).fields).toHaveProperty('endsOn');
    expect(await rejection(addClosure(ctx, actor(orgId, 'manager', [siteA]), siteB, upcoming))).toBeInstanceOf(
      ForbiddenError,
    );

    expect(await rejection(removeClosure(ctx, admin, siteA, upcoming.id))).toBeInstanceOf(NotFoundError);
    await removeClosure(ctx, actor(orgId, 'manager', [siteB]), siteB, upcoming.id);
    expect(await rejection(removeClosure(ctx, admin, siteB, upcoming.id))).toBeInstanceOf(NotFoundError);
    expect((await getLocation(ctx, admin, siteB)).closures.map((c) => c.id)).toEqual([recent.id]);
    const actions = await db.query<{ action: string }>(
      'SELECT action FROM audit_events WHERE record_id = $1 ORDER BY id',
      [upcoming.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['location.closure.create', 'location.closure.delete']);
    expect(old.id).toBeTruthy();
  });

  it('keeps room names unique per site', async () => {
    const manager = actor(orgId, 'manager', [siteA]);
    const room = await addRoom(ctx, manager, siteA, { name: 'Room 1' });
    await addRoom(ctx, admin, siteB, { name: 'Room 1' });
    const spare = await addRoom(ctx, manager, siteA, { name: 'Room 2' });
    const before = await count('rooms');
    const dup = await rejection(addRoom(ctx, manager, siteA, { name: 'Room 1' }));
    expect((dup as ConflictError).fields).toHaveProperty('name');
    expect(await rejection(updateRoom(ctx, manager, spare.id, { name: 'Room 1' }))).toBeInstanceOf(ConflictError);
    expect(await count('rooms')).toBe(before);

    const closed = await updateRoom(ctx, manager, room.id, { active: false });
    expect(closed).toMatchObject({ id: room.id, name: 'Room 1', active: false });
    expect(
      await rejection(updateRoom(ctx, actor(orgId, 'manager', [siteB]), room.id, { active: true })),
    ).toBeInstanceOf(ForbiddenError);
    expect(await rejection(updateRoom(ctx, admin, randomUUID(), { active: true }))).toBeInstanceOf(NotFoundError);
    const rooms = (await getLocation(ctx, actor(orgId, 'patient'), siteA)).rooms;
    expect(rooms).toEqual([
      { id: room.id, name: 'Room 1', active: false },
      { id: spare.id, name: 'Room 2', active: true },
    ]);
  });

  it('hides inactive sites from patients but not from staff', async () => {
    const closed = await createLocation(ctx, admin, site('retired', { active: false }));
    const patient = actor(orgId, 'patient');
    expect((await listLocations(ctx, patient)).locations.map((l) => l.id)).not.toContain(closed.id);
    expect((await listLocations(ctx, actor(orgId, 'front_desk', [siteA]))).locations.map((l) => l.id)).toContain(
      closed.id,
    );
    expect(await rejection(getLocation(ctx, patient, closed.id))).toBeInstanceOf(NotFoundError);
    expect((await listLocations(ctx, admin)).locations.map((l) => l.id)).not.toContain(otherOrgSite);
  });
});
