import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import type { Database } from '../store/database.ts';
import { verifyPassword } from './auth/password.ts';
import { ConflictError, ValidationError } from './errors.ts';
import { createOrganization } from './organizations.ts';
import { createUser, findUserByEmail } from './users.ts';
import { buildSite } from '../../test/support/factories.ts';

describe.each(BACKENDS)('users on %s', (backend) => {
  let t: { db: Database; drop: () => Promise<void> };
  let orgId: string;
  let otherOrgId: string;
  let locationId: string;
  let foreignLocationId: string;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    orgId = (await createOrganization(t.db, { name: 'Users test', slug: 'users-test' })).id;
    otherOrgId = (await createOrganization(t.db, { name: 'Other', slug: 'users-other' })).id;
    locationId = await buildSite(t.db, orgId, { name: 'Site' });
    foreignLocationId = await buildSite(t.db, otherOrgId, { name: 'Site' });
  });
  afterAll(() => t.drop());

  const base = () => ({ orgId, displayName: 'Jo Front', role: 'front_desk' as const, password: 'long-enough-pw' });

  it('lowercases the email, hashes the password and records the sites', async () => {
    const user = await createUser(t.db, { ...base(), email: ' Jo.Front@Example.COM ', locationIds: [locationId] });
    expect(user).toMatchObject({ email: 'jo.front@example.com', role: 'front_desk', locationIds: [locationId] });
    const [row] = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.password_hash, 'long-enough-pw')).toBe(true);
    expect(await findUserByEmail(t.db, orgId, 'JO.FRONT@example.com')).toEqual(user);
  });

  it('refuses a second account with the same email (any case) in one organisation; another may have it', async () => {
    await createUser(t.db, { ...base(), email: 'dup@example.com' });
    const err = await createUser(t.db, { ...base(), email: 'DUP@example.com' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).field).toBe('email');
    const elsewhere = await createUser(t.db, { ...base(), orgId: otherOrgId, email: 'dup@example.com' });
    expect(elsewhere.orgId).toBe(otherOrgId);
    expect(await findUserByEmail(t.db, otherOrgId, 'dup@example.com')).toEqual(elsewhere);
  });

  it('names each invalid field and writes nothing', async () => {
    const err = await createUser(t.db, {
      ...base(),
      email: 'not-an-email',
      role: 'wizard' as never,
      password: 'short',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields).sort()).toEqual(['email', 'password', 'role']);
    const tooLong = await createUser(t.db, { ...base(), email: 'long@example.com', password: 'x'.repeat(201) }).catch(
      (e: unknown) => e,
    );
    expect((tooLong as ValidationError).fields).toHaveProperty('password');
    expect(await findUserByEmail(t.db, orgId, 'long@example.com')).toBeNull();
  });

  it('requires the linked record of patient and therapist accounts', async () => {
    const patient = await createUser(t.db, { ...base(), email: 'p@example.com', role: 'patient' }).catch(
      (e: unknown) => e,
    );
    expect((patient as ValidationError).fields).toHaveProperty('patientId');
    const therapist = await createUser(t.db, { ...base(), email: 't@example.com', role: 'therapist' }).catch(
      (e: unknown) => e,
    );
    expect((therapist as ValidationError).fields).toHaveProperty('therapistId');
  });

  it('rolls back when a site belongs to another organisation', async () => {
    const err = await createUser(t.db, {
      ...base(),
      email: 'cross@example.com',
      locationIds: [foreignLocationId],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields).toHaveProperty('locationIds');
    expect(await findUserByEmail(t.db, orgId, 'cross@example.com')).toBeNull();
  });
});
