import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { createOrganization } from '../../services/organizations.ts';
import { createUser, type UserInput } from '../../services/users.ts';
import type { Database } from '../../store/database.ts';
import { buildServer } from '../server.ts';
import { buildCredential, buildPatient, buildSite, buildTherapist } from '../../../test/support/factories.ts';

const PASSWORD = 'correct horse battery';
// 10:00 in Los Angeles on 20 November 2026: 60 days on is 19 January 2027.
const NOW = new Date('2026-11-20T18:00:00Z');

describe.each(BACKENDS)('therapists API on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  let siteA: string;
  let siteB: string;
  let otherOrgSite: string;
  let tess: string;
  let otherOrgTherapist: string;

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${tokens[who]}` } });
  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const insertSite = (org: string, slug: string) => buildSite(db, org, { slug });
  const insertTherapist = (org: string, givenName: string, locationId: string) =>
    buildTherapist(db, org, { givenName, locationIds: [locationId] });

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    const orgId = (await createOrganization(db, { name: 'Knotwork West', slug: 'kw-west' })).id;
    const otherOrg = (await createOrganization(db, { name: 'Elsewhere', slug: 'elsewhere' })).id;
    siteA = await insertSite(orgId, 'beaverton');
    siteB = await insertSite(orgId, 'tigard');
    otherOrgSite = await insertSite(otherOrg, 'salem');
    tess = await insertTherapist(orgId, 'Tess', siteA);
    otherOrgTherapist = await insertTherapist(otherOrg, 'Zed', otherOrgSite);
    await buildCredential(db, orgId, tess, { number: 'LMT-98765', expiresOn: '2027-01-19' });
    const patientId = await buildPatient(db, orgId);
    const users: Record<string, Pick<UserInput, 'role' | 'locationIds' | 'patientId' | 'therapistId'>> = {
      admin: { role: 'admin' },
      manager: { role: 'manager', locationIds: [siteA] },
      desk: { role: 'front_desk', locationIds: [siteA] },
      therapist: { role: 'therapist', therapistId: tess },
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

  it('shows patients a public view without licence numbers', async () => {
    const list = await call('patient', 'GET', '/api/therapists');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      therapists: [{ id: tess, name: 'Tess Rivera', discipline: 'nmt', locationIds: [siteA] }],
    });
    const one = await call('patient', 'GET', `/api/therapists/${tess}`);
    expect(one.json()).toEqual({ id: tess, name: 'Tess Rivera', discipline: 'nmt', locationIds: [siteA] });
    expect(list.body + one.body).not.toContain('LMT-98765');
  });

  it('flags a credential expiring on day 60 for staff', async () => {
    const list = (await call('desk', 'GET', `/api/therapists?location=${siteA}`)).json();
    expect(list.therapists[0]).toMatchObject({
      id: tess,
      credentialStatus: 'expiring',
      credentials: [{ type: 'LMT', status: 'expiring' }],
    });
    const detail = (await call('therapist', 'GET', `/api/therapists/${tess}`)).json();
    expect(detail.credentials[0]).toMatchObject({ number: 'LMT-98765', expiresOn: '2027-01-19', status: 'expiring' });
    expect(detail.continuingEducation).toEqual([]);
  });

  it('filters by site and discipline, and rejects unknown filters by name', async () => {
    expect((await call('desk', 'GET', `/api/therapists?location=${siteB}`)).json().therapists).toEqual([]);
    expect((await call('desk', 'GET', '/api/therapists?discipline=acupuncture')).json().therapists).toEqual([]);
    const bad = await call('desk', 'GET', '/api/therapists?discipline=reiki');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('discipline');
  });

  it('lets admins, and managers for their own sites, add therapists', async () => {
    const body = {
      givenName: 'Ana',
      familyName: 'Okafor',
      email: 'Ana@KW.test',
      discipline: 'chiropractic',
      locationIds: [siteA],
    };
    const byManager = await call('manager', 'POST', '/api/therapists', body);
    expect(byManager.statusCode).toBe(201);
    expect(byManager.json()).toMatchObject({
      name: 'Ana Okafor',
      email: 'ana@kw.test',
      active: true,
      credentialStatus: 'none',
      locationIds: [siteA],
    });
    const before = await count('therapists');
    expect((await call('manager', 'POST', '/api/therapists', { ...body, locationIds: [siteB] })).statusCode).toBe(403);
    for (const who of ['desk', 'therapist', 'patient'])
      expect((await call(who, 'POST', '/api/therapists', body)).statusCode).toBe(403);
    const unknown = await call('admin', 'POST', '/api/therapists', { ...body, licence: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ licence: 'Not a field we know; leave it out.' });
    const foreign = await call('admin', 'POST', '/api/therapists', { ...body, locationIds: [siteA, otherOrgSite] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.fields).toHaveProperty('locationIds');
    expect(await count('therapists')).toBe(before);
  });

  it('replaces sites on update and answers 404 across organisations', async () => {
    const created = (
      await call('admin', 'POST', '/api/therapists', { givenName: 'Bo', familyName: 'Kim', locationIds: [siteA] })
    ).json();
    const moved = await call('admin', 'PATCH', `/api/therapists/${created.id}`, {
      locationIds: [siteB, siteA],
      bio: 'Neck and jaw pain.',
    });
    expect(moved.statusCode).toBe(200);
    expect([...moved.json().locationIds].sort()).toEqual([siteA, siteB].sort());
    expect((await call('manager', 'PATCH', `/api/therapists/${created.id}`, { bio: 'x' })).statusCode).toBe(403);
    expect((await call('manager', 'PATCH', `/api/therapists/${tess}`, { discipline: 'reiki' })).statusCode).toBe(400);
    expect((await call('admin', 'PATCH', `/api/therapists/${otherOrgTherapist}`, { bio: 'x' })).statusCode).toBe(404);
    expect((await call('admin', 'GET', `/api/therapists/${otherOrgTherapist}`)).statusCode).toBe(404);
    expect((await call('admin', 'GET', `/api/therapists/${randomUUID()}`)).statusCode).toBe(404);
    const audited = await db.query<{ action: string }>(
      'SELECT action FROM audit_events WHERE record_id = $1 ORDER BY id',
      [created.id],
    );
    expect(audited.map((a) => a.action)).toEqual(['therapist.create', 'therapist.update']);
  });

  it('records, renews and removes credentials', async () => {
    const add = await call('manager', 'POST', `/api/therapists/${tess}/credentials`, {
      kind: 'certification',
      type: 'CNMT',
      issuer: 'NAMTPT',
      expiresOn: '2027-01-20',
      educationHours: 100,
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ status: 'current', number: null, therapistId: tess });
    const id = add.json().id;
    const backwards = await call('admin', 'PATCH', `/api/credentials/${id}`, { issuedOn: '2027-02-01' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields).toHaveProperty('expiresOn');
    const lapsed = await call('manager', 'PATCH', `/api/credentials/${id}`, { expiresOn: '2026-11-19' });
    expect(lapsed.json()).toMatchObject({ status: 'expired', type: 'CNMT' });
    expect((await call('therapist', 'GET', `/api/therapists/${tess}`)).json().credentialStatus).toBe('expired');
    expect((await call('therapist', 'DELETE', `/api/credentials/${id}`)).statusCode).toBe(403);
    expect((await call('manager', 'DELETE', `/api/credentials/${id}`)).statusCode).toBe(204);
    expect((await call('manager', 'DELETE', `/api/credentials/${id}`)).statusCode).toBe(404);
    expect(
      (
        await call('admin', 'POST', `/api/therapists/${otherOrgTherapist}/credentials`, {
          kind: 'licence',
          type: 'LMT',
          issuer: 'WA',
        })
      ).statusCode,
    ).toBe(404);
    const unknown = await call('admin', 'POST', `/api/therapists/${tess}/credentials`, {
      kind: 'diploma',
      type: 'LMT',
      issuer: 'OR',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty('kind');
  });

  it('records continuing-education periods', async () => {
    const url = `/api/therapists/${tess}/continuing-education`;
    const ok = await call('admin', 'POST', url, {
      periodStart: '2025-07-01',
      periodEnd: '2027-06-30',
      hoursRequired: 25,
      hoursCompleted: 7.5,
    });
    expect(ok.statusCode).toBe(201);
    const before = await count('continuing_education');
    const backwards = await call('admin', 'POST', url, {
      periodStart: '2027-07-01',
      periodEnd: '2025-06-30',
      hoursRequired: 25,
      hoursCompleted: 0,
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields).toHaveProperty('periodEnd');
    const fraction = await call('admin', 'POST', url, {
      periodStart: '2025-07-01',
      periodEnd: '2027-06-30',
      hoursRequired: 25,
      hoursCompleted: 7.25,
    });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().error.fields).toHaveProperty('hoursCompleted');
    expect(
      (
        await call('desk', 'POST', url, {
          periodStart: '2025-07-01',
          periodEnd: '2027-06-30',
          hoursRequired: 25,
          hoursCompleted: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect(await count('continuing_education')).toBe(before);
    const detail = (await call('desk', 'GET', `/api/therapists/${tess}`)).json();
    expect(detail.continuingEducation).toEqual([
      {
        id: ok.json().id,
        therapistId: tess,
        periodStart: '2025-07-01',
        periodEnd: '2027-06-30',
        hoursRequired: 25,
        hoursCompleted: 7.5,
      },
    ]);
  });
});
