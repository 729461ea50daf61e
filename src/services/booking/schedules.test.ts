import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { makeBookable } from '../../../test/support/booking-world.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Actor, Role } from '../context.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { findAvailability } from './availability.ts';
import { defaultServiceId, listServices, updateService } from './catalogue.ts';
import { addException, getSchedule, removeException, replaceSchedule } from './schedules.ts';
import { updateBookingSettings } from './settings.ts';

const NOW = new Date('2026-11-20T18:00:00Z');

describe.each(BACKENDS)('schedules, exceptions, services and settings (service level) on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  const ctx = () => ({ db, now: () => NOW });
  const actor = (role: Role, locationIds: string[] = []): Actor => ({
    userId: randomUUID(),
    orgId: world.orgId,
    role,
    email: `${role}@example.test`,
    displayName: role,
    patientId: null,
    therapistId: null,
    locationIds,
    orgTimeZone: 'America/Los_Angeles',
    sessionId: randomUUID(),
    ip: null,
  });
  const starts = async (day: string, serviceCode = 'nmt-followup-60') =>
    (
      await findAvailability(ctx(), actor('admin'), {
        serviceCode,
        from: day,
        to: day,
        therapistId: world.therapists.a,
        limit: 1000,
      })
    ).slots.map((s) => s.start.slice(11, 16));

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    await makeBookable(db, world);
  });
  afterAll(async () => drop());

  it('a manager replaces the week of a therapist at their site; the engine follows', async () => {
    const manager = actor('manager', [world.sites.a]);
    const week = await replaceSchedule(ctx(), manager, world.therapists.a, [
      { locationId: world.sites.a, weekday: 1, start: '10:00', end: '12:00', validFrom: null, validTo: null },
    ]);
    expect(week.templates).toHaveLength(1);
    // Monday 10:00–12:00 Los Angeles (18:00–20:00Z): 60-minute starts every 15 minutes from 10:00 to 11:00.
    expect(await starts('2026-11-23')).toEqual(['18:00', '18:15', '18:30', '18:45', '19:00']);
    expect(await starts('2026-11-24')).toEqual([]);
    await expect(replaceSchedule(ctx(), manager, world.therapists.b, [])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      replaceSchedule(ctx(), manager, world.therapists.a, [
        { locationId: world.sites.b, weekday: 2, start: '10:00', end: '12:00', validFrom: null, validTo: null },
      ]),
    ).rejects.toMatchObject({ fields: { 'templates.0.locationId': expect.any(String) } });
  });

  it('time off removes slots and extra shifts add them; removing the exception restores the week', async () => {
    const admin = actor('admin');
    const off = await addException(ctx(), admin, world.therapists.a, {
      kind: 'time-off',
      locationId: null,
      start: new Date('2026-11-23T18:00:00Z'),
      end: new Date('2026-11-23T19:00:00Z'),
      reason: 'Dentist',
    });
    expect(await starts('2026-11-23')).toEqual(['19:00']);
    await addException(ctx(), admin, world.therapists.a, {
      kind: 'extra-shift',
      locationId: world.sites.a,
      start: new Date('2026-11-24T22:00:00Z'),
      end: new Date('2026-11-25T00:00:00Z'),
      reason: 'Cover',
    });
    expect(await starts('2026-11-24')).toEqual(['22:00', '22:15', '22:30', '22:45', '23:00']);
    expect((await getSchedule(ctx(), admin, world.therapists.a)).exceptions).toHaveLength(2);
    await removeException(ctx(), admin, world.therapists.a, off.id);
    expect(await starts('2026-11-23')).toHaveLength(5);
    await expect(
      addException(ctx(), admin, world.therapists.a, {
        kind: 'extra-shift',
        locationId: null,
        start: NOW,
        end: new Date(NOW.getTime() + 3600_000),
        reason: null,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('a changed service length changes the slots; the default is stored on its first edit', async () => {
    const admin = actor('admin');
    const id = defaultServiceId(world.orgId, 'nmt-followup-60');
    await updateService(ctx(), admin, id, { durationMinutes: 45 });
    const stored = await db.query<{ duration_minutes: number }>(
      'SELECT duration_minutes FROM services WHERE org_id = $1 AND id = $2',
      [world.orgId, id],
    );
    expect(stored[0]!.duration_minutes).toBe(45);
    expect(await starts('2026-11-23')).toEqual(['18:00', '18:15', '18:30', '18:45', '19:00', '19:15']);
    await updateService(ctx(), admin, id, { active: false });
    expect(
      (await listServices(ctx(), { ...actor('patient'), patientId: world.patients.a })).services.map((s) => s.code),
    ).not.toContain('nmt-followup-60');
    await expect(starts('2026-11-23')).rejects.toMatchObject({ fields: { service: expect.any(String) } });
    await expect(
      updateService(ctx(), actor('front_desk', [world.sites.a]), id, { active: true }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await updateService(ctx(), admin, id, { active: true, durationMinutes: 60 });
  });

  it('booking settings: minimum notice and horizon bound what is offered', async () => {
    const admin = actor('admin');
    await updateBookingSettings(ctx(), admin, { minNoticeMinutes: 7 * 24 * 60 });
    expect(await starts('2026-11-23')).toEqual([]);
    await updateBookingSettings(ctx(), admin, { minNoticeMinutes: 120, horizonDays: 2 });
    expect(await starts('2026-11-23')).toEqual([]);
    await updateBookingSettings(ctx(), admin, { horizonDays: 90 });
    expect(await starts('2026-11-23')).toHaveLength(5);
    await expect(
      updateBookingSettings(ctx(), actor('manager', [world.sites.a]), { horizonDays: 30 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
