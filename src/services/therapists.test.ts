import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../test/support/db.ts';
import { buildSite } from '../../test/support/factories.ts';
import type { Database } from '../store/database.ts';
import type { Actor, Role, ServiceContext } from './context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { addDays } from '../time/index.ts';
import { createOrganization } from './organizations.ts';
import {
  addContinuingEducation,
  addCredential,
  createTherapist,
  credentialStatus,
  deleteCredential,
  getTherapist,
  listTherapists,
  updateCredential,
  updateTherapist,
  worstStatus,
  type CredentialFields,
  type TherapistDetail,
  type TherapistFields,
} from './therapists.ts';

// 21:00 on 19 November in Los Angeles, already 20 November in UTC.
const NOW = new Date('2026-11-20T05:00:00Z');
const TODAY_LA = '2026-11-19';

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

function person(givenName: string, locationIds: string[], overrides: Partial<TherapistFields> = {}): TherapistFields {
  return {
    givenName,
    familyName: 'Okafor',
    email: `${givenName.toLowerCase()}@example.test`,
    phone: null,
    discipline: 'nmt',
    bio: null,
    active: true,
    locationIds,
    ...overrides,
  };
}

const licence = (expiresOn: string | null, overrides: Partial<CredentialFields> = {}): CredentialFields => ({
  kind: 'licence',
  type: 'LMT',
  issuer: 'OR',
  number: '12345',
  issuedOn: '2020-01-01',
  expiresOn,
  educationHours: 500,
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

describe('credentialStatus', () => {
  it('flags a credential from 60 days before its expiry date through the date itself', () => {
    const today = '2026-11-20';
    expect(credentialStatus('2027-01-19', today)).toBe('expiring'); // day 60
    expect(credentialStatus('2027-01-20', today)).toBe('current'); // day 61
    expect(credentialStatus(today, today)).toBe('expiring');
    expect(credentialStatus('2026-11-19', today)).toBe('expired');
    expect(credentialStatus(null, today)).toBe('no-expiry');
  });

  it('agrees with the day count for any expiry date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 800 }), (offset) => {
        const status = credentialStatus(addDays('2028-02-27', offset), '2028-02-27');
        expect(status).toBe(offset < 0 ? 'expired' : offset <= 60 ? 'expiring' : 'current');
      }),
    );
  });

  it('rolls up to the worst status, and to none without credentials', () => {
    expect(worstStatus([])).toBe('none');
    expect(worstStatus(['no-expiry', 'current'])).toBe('current');
    expect(worstStatus(['current', 'expired', 'expiring'])).toBe('expired');
    expect(worstStatus(['no-expiry', 'expiring'])).toBe('expiring');
  });
});

describe.each(BACKENDS)('therapist services on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let ctx: ServiceContext;
  let orgId: string;
  let admin: Actor;
  let siteA: string;
  let siteB: string;
  let otherOrgSite: string;
  let otherOrgTherapist: string;
  let ana: TherapistDetail;

  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const addSite = (org: string, slug: string) => buildSite(db, org, { slug });

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    ctx = { db, now: () => NOW };
    orgId = (await createOrganization(db, { name: 'Knotwork West', slug: 'kw-west' })).id;
    const otherOrg = (await createOrganization(db, { name: 'Elsewhere', slug: 'elsewhere' })).id;
    admin = actor(orgId, 'admin');
    siteA = await addSite(orgId, 'beaverton');
    siteB = await addSite(orgId, 'tigard');
    otherOrgSite = await addSite(otherOrg, 'beaverton');
    otherOrgTherapist = (await createTherapist(ctx, actor(otherOrg, 'admin'), person('Zed', [otherOrgSite]))).id;
    ana = await createTherapist(ctx, admin, person('Ana', [siteA]));
  });
  afterAll(() => drop());

  it('judges expiry on the Los Angeles calendar date', async () => {
    const expiresToday = await addCredential(ctx, admin, ana.id, licence(TODAY_LA));
    expect(expiresToday.status).toBe('expiring');
    const edge = await addCredential(
      ctx,
      admin,
      ana.id,
      licence(addDays(TODAY_LA, 61), { kind: 'certification', type: 'CNMT', issuer: 'NAMTPT' }),
    );
    expect(edge.status).toBe('current');
    const detail = (await getTherapist(ctx, admin, ana.id)) as TherapistDetail;
    expect(detail.credentials.map((c) => c.status).sort()).toEqual(['current', 'expiring']);
    expect(detail.credentialStatus).toBe('expiring');
    const renewed = await updateCredential(ctx, admin, expiresToday.id, { expiresOn: '2028-11-19' });
    expect(renewed).toMatchObject({ status: 'current', number: '12345', type: 'LMT' });
    const events = await db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE record_id = $1 ORDER BY id`,
      [expiresToday.id],
    );
    expect(events.map((e) => e.action)).toEqual(['therapist.credential.create', 'therapist.credential.update']);
  });

  it('refuses an expiry before the issue date, writing nothing', async () => {
    const before = await count('credentials');
    const err = await rejection(addCredential(ctx, admin, ana.id, licence('2019-12-31')));
    expect((err as ValidationError).fields).toHaveProperty('expiresOn');
    expect(await count('credentials')).toBe(before);
  });

  it('lets managers add therapists only when every site is theirs', async () => {
    const manager = actor(orgId, 'manager', [siteA]);
    const created = await createTherapist(ctx, manager, person('Bea', [siteA, siteA]));
    expect(created.locationIds).toEqual([siteA]);
    expect(created.credentialStatus).toBe('none');
    const before = await count('therapists');
    expect(await rejection(createTherapist(ctx, manager, person('Cy', [siteA, siteB])))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(createTherapist(ctx, manager, person('Cy', [])))).toBeInstanceOf(ForbiddenError);
    for (const role of ['front_desk', 'therapist', 'patient'] as const) {
      expect(await rejection(createTherapist(ctx, actor(orgId, role, [siteA]), person('Cy', [siteA])))).toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await count('therapists')).toBe(before);
  });

  it('rolls back the whole therapist when a site is not in the organisation', async () => {
    const before = [await count('therapists'), await count('therapist_locations'), await count('audit_events')];
    const err = await rejection(createTherapist(ctx, admin, person('Dee', [siteA, otherOrgSite])));
    expect((err as ValidationError).fields).toHaveProperty('locationIds');
    expect(
      await rejection(updateTherapist(ctx, admin, ana.id, { givenName: 'Anna', locationIds: [otherOrgSite] })),
    ).toBeInstanceOf(ValidationError);
    expect([await count('therapists'), await count('therapist_locations'), await count('audit_events')]).toEqual(
      before,
    );
    expect(((await getTherapist(ctx, admin, ana.id)) as TherapistDetail).givenName).toBe('Ana');
  });

  it('replaces sites as a set, and keeps managers to their own sites', async () => {
    const eve = await createTherapist(ctx, admin, person('Eve', [siteA]));
    const moved = await updateTherapist(ctx, admin, eve.id, { locationIds: [siteB] });
    expect(moved.locationIds).toEqual([siteB]);
    const managerA = actor(orgId, 'manager', [siteA]);
    expect(
      await rejection(updateTherapist(ctx, managerA, eve.id, { bio: 'Trigger point specialist.' })),
    ).toBeInstanceOf(ForbiddenError);
    const managerB = actor(orgId, 'manager', [siteB]);
    expect(await rejection(updateTherapist(ctx, managerB, eve.id, { locationIds: [siteA, siteB] }))).toBeInstanceOf(
      ForbiddenError,
    );
    const renamed = await updateTherapist(ctx, managerB, eve.id, {
      bio: 'Trigger point specialist.',
      discipline: 'corrective-exercise',
    });
    expect(renamed).toMatchObject({
      bio: 'Trigger point specialist.',
      discipline: 'corrective-exercise',
      locationIds: [siteB],
      givenName: 'Eve',
    });
    expect(await rejection(addCredential(ctx, managerA, eve.id, licence(null)))).toBeInstanceOf(ForbiddenError);
  });

  it('shows patients a public view of active therapists only', async () => {
    const retired = await createTherapist(
      ctx,
      admin,
      person('Fay', [siteB], { active: false, discipline: 'acupuncture' }),
    );
    const patient = actor(orgId, 'patient');
    const list = (await listTherapists(ctx, patient, {})).therapists;
    expect(list.length).toBeGreaterThan(0);
    for (const p of list) expect(Object.keys(p).sort()).toEqual(['discipline', 'id', 'locationIds', 'name']);
    expect(list.map((p) => p.id)).not.toContain(retired.id);
    expect(await getTherapist(ctx, patient, ana.id)).toEqual({
      id: ana.id,
      name: 'Ana Okafor',
      discipline: 'nmt',
      locationIds: [siteA],
    });
    expect(await rejection(getTherapist(ctx, patient, retired.id))).toBeInstanceOf(NotFoundError);

    const therapistView = (await listTherapists(ctx, actor(orgId, 'therapist'), { discipline: 'acupuncture' }))
      .therapists;
    expect(therapistView).toEqual([
      expect.objectContaining({ id: retired.id, active: false, credentialStatus: 'none', credentials: [] }),
    ]);
  });

  it('filters by site and discipline, and summarises credentials for staff', async () => {
    const deskA = actor(orgId, 'front_desk', [siteA]);
    const atA = (await listTherapists(ctx, deskA, { locationId: siteA })).therapists;
    expect(atA.every((p) => p.locationIds.includes(siteA))).toBe(true);
    const anaRow = atA.find((p) => p.id === ana.id) as {
      credentials: Record<string, unknown>[];
      credentialStatus: string;
    };
    expect(anaRow.credentialStatus).toBe('current');
    for (const c of anaRow.credentials) expect(c).not.toHaveProperty('number');
    expect((await listTherapists(ctx, deskA, { locationId: siteA, discipline: 'chiropractic' })).therapists).toEqual(
      [],
    );
    expect((await listTherapists(ctx, admin, {})).therapists.map((p) => p.id)).not.toContain(otherOrgTherapist);
  });

  it('treats unknown ids and ids of another organisation as not found', async () => {
    for (const id of [randomUUID(), otherOrgTherapist]) {
      expect(await rejection(getTherapist(ctx, admin, id))).toBeInstanceOf(NotFoundError);
      expect(await rejection(updateTherapist(ctx, admin, id, { bio: 'x' }))).toBeInstanceOf(NotFoundError);
      expect(await rejection(addCredential(ctx, admin, id, licence(null)))).toBeInstanceOf(NotFoundError);
    }
    const foreign = await db.query<{ id: string }>(
      `INSERT INTO credentials (org_id, therapist_id, kind, type, issuer) SELECT org_id, id, 'licence', 'LMT', 'WA'
         FROM therapists WHERE id = $1 RETURNING id`,
      [otherOrgTherapist],
    );
    expect(await rejection(deleteCredential(ctx, admin, foreign[0]!.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(updateCredential(ctx, admin, foreign[0]!.id, { number: '1' }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('deletes credentials and records continuing education for managers of the site', async () => {
    const manager = actor(orgId, 'manager', [siteA]);
    const gus = await createTherapist(ctx, manager, person('Gus', [siteA]));
    const credential = await addCredential(ctx, manager, gus.id, licence('2025-01-01'));
    expect(credential.status).toBe('expired');
    expect(await rejection(deleteCredential(ctx, actor(orgId, 'therapist', [siteA]), credential.id))).toBeInstanceOf(
      ForbiddenError,
    );
    await deleteCredential(ctx, manager, credential.id);
    expect(await rejection(deleteCredential(ctx, manager, credential.id))).toBeInstanceOf(NotFoundError);

    const period = await addContinuingEducation(ctx, manager, gus.id, {
      periodStart: '2025-07-01',
      periodEnd: '2027-06-30',
      hoursRequired: 25,
      hoursCompleted: 12.5,
    });
    expect(period).toMatchObject({ hoursRequired: 25, hoursCompleted: 12.5, periodEnd: '2027-06-30' });
    const before = await count('continuing_education');
    const err = await rejection(
      addContinuingEducation(ctx, manager, gus.id, {
        periodStart: '2027-06-30',
        periodEnd: '2027-06-30',
        hoursRequired: 1,
        hoursCompleted: 0,
      }),
    );
    expect((err as ValidationError).fields).toHaveProperty('periodEnd');
    expect(await count('continuing_education')).toBe(before);
    const detail = (await getTherapist(ctx, actor(orgId, 'therapist'), gus.id)) as TherapistDetail;
    expect(detail.continuingEducation).toEqual([period]);
    expect(detail.credentials).toEqual([]);
  });
});
