import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import { BookingSettingsUpdateSchema } from '../../http/services/schema.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../../../test/support/session-kit.ts';
import { ForbiddenError } from '../errors.ts';
import { notifySettings } from '../notify/settings.ts';
import { getBookingSettings, reminderHoursOf, updateBookingSettings } from './settings.ts';

const NOW = new Date('2026-11-20T18:00:00Z');

describe('reminderHoursOf', () => {
  it('reads stored hours latest first without repeats; falls back to 48 h and 2 h when missing or malformed', () => {
    expect(reminderHoursOf({ reminders: [2, 72, 2, 24] })).toEqual([72, 24, 2]);
    expect(reminderHoursOf({ reminders: [] })).toEqual([]);
    expect(reminderHoursOf(null)).toEqual([48, 2]);
    expect(reminderHoursOf({ reminders: [48, 'two'] })).toEqual([48, 2]);
    expect(reminderHoursOf({ reminders: [0] })).toEqual([48, 2]);
  });

  it('refuses reminder hours out of range at the boundary, naming the entry', () => {
    const zero = BookingSettingsUpdateSchema.safeParse({ reminderHours: [24, 0] });
    expect(zero.success).toBe(false);
    expect(zero.error?.issues[0]?.path).toEqual(['reminderHours', 1]);
    expect(BookingSettingsUpdateSchema.safeParse({ reminderHours: [1, 2, 3, 4, 5, 6] }).success).toBe(false);
    expect(BookingSettingsUpdateSchema.safeParse({ reminderHours: [1.5] }).success).toBe(false);
  });
});

describe.each(BACKENDS)('booking settings with reminder hours on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  const ctx = () => ({ db, now: () => NOW });
  const actor = (role: 'front_desk' | 'manager' | 'admin') => actorOf(world, role);

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
  });
  afterAll(async () => drop());

  it('shows the default reminders, lets an admin change them with other settings; the notifier follows', async () => {
    expect((await getBookingSettings(ctx(), actor('front_desk'))).reminderHours).toEqual([48, 2]);
    const saved = await updateBookingSettings(ctx(), actor('admin'), {
      reminderHours: [2, 72, 24],
      cancellationPolicyHours: 36,
    });
    expect(saved).toMatchObject({ reminderHours: [72, 24, 2], cancellationPolicyHours: 36, minNoticeMinutes: 120 });
    expect(await notifySettings(db, world.orgId)).toEqual({ reminderHours: [72, 24, 2], cancellationNoticeHours: 36 });
    // Changing another setting leaves the reminders alone; an empty list turns them off.
    expect((await updateBookingSettings(ctx(), actor('admin'), { horizonDays: 60 })).reminderHours).toEqual([
      72, 24, 2,
    ]);
    expect((await updateBookingSettings(ctx(), actor('admin'), { reminderHours: [] })).reminderHours).toEqual([]);
    expect((await notifySettings(db, world.orgId)).reminderHours).toEqual([]);
  });

  it('refuses managers and writes nothing', async () => {
    await expect(updateBookingSettings(ctx(), actor('manager'), { reminderHours: [1] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await getBookingSettings(ctx(), actor('admin'))).reminderHours).toEqual([]);
  });
});
