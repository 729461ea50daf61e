import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/db.ts';
import { createOrganization } from '../organizations.ts';
import type { Database } from '../../store/database.ts';
import { checkLinkToken, issueLinkToken, parseLinkToken } from './links.ts';

// The signing logic does not depend on the engine; one is enough here (the HTTP tests run both).
describe('self-service link tokens', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let orgId: string;
  const appointmentId = randomUUID();
  const patientId = randomUUID();
  const end = new Date('2026-12-01T18:00:00Z');
  const before = new Date('2026-11-30T12:00:00Z');

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase('pglite'));
    orgId = (await createOrganization(db, { name: 'Link Clinic', slug: 'link-clinic' })).id;
  });
  afterAll(() => drop());
  afterEach(() => {
    delete process.env.KNOTWORK_LINK_SECRET;
  });

  it('signs one appointment of one patient until the visit ends', async () => {
    const token = await issueLinkToken(db, { orgId, appointmentId, patientId, expiresAt: end });
    expect(parseLinkToken(token)).toMatchObject({ appointmentId, expiresAt: end });
    expect(await checkLinkToken(db, token, orgId, patientId, before)).toBe('valid');
    expect(await checkLinkToken(db, token, orgId, randomUUID(), before)).toBe('invalid');
    expect(await checkLinkToken(db, token, randomUUID(), patientId, before)).toBe('invalid');
    expect(await checkLinkToken(db, token, orgId, patientId, end)).toBe('expired');
    expect(await checkLinkToken(db, `${token}x`, orgId, patientId, before)).toBe('invalid');
  });

  it('generates the stored key once and keeps it out of the token', async () => {
    const first = await issueLinkToken(db, { orgId, appointmentId, patientId, expiresAt: end });
    const second = await issueLinkToken(db, { orgId, appointmentId, patientId, expiresAt: end });
    expect(second).toBe(first);
    const keys = await db.query<{ value: string }>('SELECT value FROM org_secrets WHERE org_id = $1', [orgId]);
    expect(keys).toHaveLength(1);
    expect(first).not.toContain(keys[0]!.value);
  });

  it('uses KNOTWORK_LINK_SECRET when set, so tokens signed with the stored key stop working', async () => {
    const stored = await issueLinkToken(db, { orgId, appointmentId, patientId, expiresAt: end });
    process.env.KNOTWORK_LINK_SECRET = 'a-long-random-deployment-secret';
    const fromEnv = await issueLinkToken(db, { orgId, appointmentId, patientId, expiresAt: end });
    expect(fromEnv).not.toBe(stored);
    expect(await checkLinkToken(db, fromEnv, orgId, patientId, before)).toBe('valid');
    expect(await checkLinkToken(db, stored, orgId, patientId, before)).toBe('invalid');
  });
});
