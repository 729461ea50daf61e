import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { actorOf } from '../../test/support/session-kit.ts';
import { seedTreatedPatient } from '../../test/support/session-seed.ts';
import { buildWorld, type World } from '../../test/support/world.ts';
import type { Database } from '../store/database.ts';
import type { ServiceContext } from './context.ts';
import { ValidationError } from './errors.ts';
import { getPatient, updatePatient } from './patients.ts';

// 21:30 on 19 November in Los Angeles, the organisation's zone; UTC is already at 20 November.
const EVENING = new Date('2026-11-20T05:30:00Z');

describe.each(BACKENDS)("a patient's date of birth on %s", (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  const ctx = (): ServiceContext => ({ db, now: () => EVENING });

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
  });
  afterAll(() => drop());

  it("is 'in the future' by the organisation's day, not UTC's", async () => {
    const admin = actorOf(world, 'admin');
    const id = await seedTreatedPatient(db, world.orgId, world.sites.a, world.therapists.a, 'Newborn');
    const { version } = await getPatient(ctx(), admin, id);
    const tomorrow = await updatePatient(ctx(), admin, id, version, { dateOfBirth: '2026-11-20' }).catch((e) => e);
    expect(tomorrow).toBeInstanceOf(ValidationError);
    expect((tomorrow as ValidationError).fields).toEqual({ dateOfBirth: 'The date of birth is in the future.' });
    const today = await updatePatient(ctx(), admin, id, version, { dateOfBirth: '2026-11-19' });
    expect(today.dateOfBirth).toBe('2026-11-19');
  });
});
