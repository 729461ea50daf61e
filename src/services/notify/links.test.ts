import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countingDatabase } from '../../../test/support/counting-db.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';
import { NotFoundError } from '../errors.ts';
import { checkLinkToken, issueLinkToken, parseLinkToken, primeLinkKey, useLinkSettings } from './links.ts';
import { getLinkedAppointment } from './self-service.ts';
import { ensureService, insertAppointment } from '../../../test/support/notify-kit.ts';

const NO_DEPLOYMENT_SECRET = { secret: null, publicUrl: 'http://localhost:3000' };

// The signing logic does not depend on the engine; one is enough here (the HTTP tests run both).
describe('self-service link tokens', () => {
  let db: Database;
  let drop: () => Promise<void>;
  const appointmentId = randomUUID();
  const end = new Date('2026-12-01T18:00:00Z');
  const before = new Date('2026-11-30T12:00:00Z');

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase('pglite'));
  });
  afterAll(() => drop());
  afterEach(() => {
    useLinkSettings(NO_DEPLOYMENT_SECRET);
  });

  it('signs one appointment until the visit ends', async () => {
    const token = await issueLinkToken(db, { appointmentId, expiresAt: end });
    const [, expiry, signature] = token.split('.') as [string, string, string];
    expect(parseLinkToken(token)).toMatchObject({ appointmentId, expiresAt: end });
    expect(await checkLinkToken(db, token, before)).toEqual({ status: 'valid', appointmentId, expiresAt: end });
    expect(await checkLinkToken(db, token, end)).toMatchObject({ status: 'expired', appointmentId });
    expect(await checkLinkToken(db, `${token}x`, before)).toEqual({ status: 'invalid' });
    expect(await checkLinkToken(db, `${randomUUID()}.${expiry}.${signature}`, before)).toEqual({ status: 'invalid' });
    const later = (parseInt(expiry, 36) + 86_400).toString(36);
    expect(await checkLinkToken(db, `${appointmentId}.${later}.${signature}`, before)).toEqual({ status: 'invalid' });
  });

  it('generates the stored key once, for the whole installation, and keeps it out of the token', async () => {
    const first = await issueLinkToken(db, { appointmentId, expiresAt: end });
    const second = await issueLinkToken(db, { appointmentId, expiresAt: end });
    expect(second).toBe(first);
    const keys = await db.query<{ value: string }>(
      `SELECT value FROM installation_secrets WHERE name = 'link-signing-key'`,
    );
    expect(keys).toHaveLength(1);
    expect(first).not.toContain(keys[0]!.value);
  });

  it('does not remember a key made in a transaction that rolled back', async () => {
    const fresh = await createTestDatabase('pglite');
    try {
      let undone = '';
      await fresh.db
        .transaction(async (tx) => {
          undone = await issueLinkToken(tx, { appointmentId, expiresAt: end });
          throw new Error('the booking failed after its link was made');
        })
        .catch(() => undefined);
      const kept = await fresh.db.transaction((tx) => issueLinkToken(tx, { appointmentId, expiresAt: end }));
      expect(kept).not.toBe(undone);
      expect((await checkLinkToken(fresh.db, kept, before)).status).toBe('valid');
      expect((await checkLinkToken(fresh.db, undone, before)).status).toBe('invalid');
    } finally {
      await fresh.drop();
    }
  });

  it('signs inside a transaction with the stored key from memory once it has been seen', async () => {
    const first = await db.transaction((tx) => issueLinkToken(tx, { appointmentId, expiresAt: end }));
    const seen = await db.transaction((tx) => issueLinkToken(tx, { appointmentId, expiresAt: end }));
    expect(seen).toBe(first);
    // Without the row a read would make a new key; from memory the signature stays the same.
    const [stored] = await db.query<{ value: string }>(
      `DELETE FROM installation_secrets WHERE name = 'link-signing-key' RETURNING value`,
    );
    try {
      expect(await db.transaction((tx) => issueLinkToken(tx, { appointmentId, expiresAt: end }))).toBe(first);
    } finally {
      await db.query(`INSERT INTO installation_secrets (name, value) VALUES ('link-signing-key', $1)`, [stored!.value]);
    }
  });

  it('uses the deployment secret when configured, so tokens signed with the stored key stop working', async () => {
    const stored = await issueLinkToken(db, { appointmentId, expiresAt: end });
    useLinkSettings({ ...NO_DEPLOYMENT_SECRET, secret: 'a-long-random-deployment-secret' });
    const fromEnv = await issueLinkToken(db, { appointmentId, expiresAt: end });
    expect(fromEnv).not.toBe(stored);
    expect((await checkLinkToken(db, fromEnv, before)).status).toBe('valid');
    expect((await checkLinkToken(db, stored, before)).status).toBe('invalid');
  });
});

describe.each(BACKENDS)('a forged self-service link on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: World;
  let token: string;
  const now = new Date('2026-11-20T18:00:00Z');

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    world = await buildWorld(db);
    await ensureService(db, world.orgId, 'nmt-follow-up');
    const visit = await insertAppointment(db, {
      orgId: world.orgId,
      patientId: world.patients.a,
      therapistId: world.therapists.a,
      locationId: world.sites.a,
      serviceCode: 'nmt-follow-up',
      start: new Date('2026-12-02T17:00:00Z'),
    });
    token = await issueLinkToken(db, { appointmentId: visit.id, expiresAt: visit.end });
  });
  afterAll(() => drop());
  afterEach(() => {
    useLinkSettings(NO_DEPLOYMENT_SECRET);
  });

  const forgeries = () => {
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    return [
      `${id}.${expiry}.${flipped}`,
      `${id}.${(parseInt(expiry, 36) + 3600).toString(36)}.${signature}`,
      `${randomUUID()}.${expiry}.${signature}`,
      'not-even-a-token',
    ];
  };

  it('is refused without a single query once the key is known; a real one is served', async () => {
    const counted = countingDatabase(db);
    await primeLinkKey(counted);
    counted.statements.length = 0;
    for (const forged of forgeries()) {
      await expect(getLinkedAppointment({ db: counted, now: () => now }, forged)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(counted.statements).toEqual([]);
    await expect(getLinkedAppointment({ db: counted, now: () => now }, token)).resolves.toMatchObject({
      status: 'booked',
    });
    expect(counted.statements.length).toBeGreaterThan(0);
  });

  it('is refused without a single query from the first request when the key comes from the environment', async () => {
    useLinkSettings({ ...NO_DEPLOYMENT_SECRET, secret: 'a-long-random-deployment-secret' });
    const counted = countingDatabase(db);
    for (const forged of forgeries()) {
      await expect(getLinkedAppointment({ db: counted, now: () => now }, forged)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(counted.statements).toEqual([]);
  });
});
