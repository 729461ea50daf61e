import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server.ts';
import { BACKENDS, createTestDatabase } from '../../../test/support/db.ts';
import { buildWorld, tokenFor, type World } from '../../../test/support/world.ts';
import type { Database } from '../../store/database.ts';

describe.each(BACKENDS)('patients API on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let world: World;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(backend));
    app = await buildServer({ db, now: () => new Date('2026-11-20T18:00:00Z') });
    world = await buildWorld(db);
    for (const role of ['admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'] as const) {
      tokens[role] = await tokenFor(app, world.users[role].email);
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const get = (role: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[role]}` } });
  const ids = (res: { json: () => unknown }) => (res.json() as { patients: { id: string }[] }).patients.map((p) => p.id).sort();

  it('scopes search to what each role may see', async () => {
    expect(ids(await get('admin', '/api/patients'))).toEqual([world.patients.a, world.patients.b].sort());
    expect(ids(await get('manager', '/api/patients'))).toEqual([world.patients.a]);
    expect(ids(await get('front_desk', '/api/patients'))).toEqual([world.patients.a]);
    expect(ids(await get('therapist', '/api/patients'))).toEqual([world.patients.a]);
    expect(ids(await get('otherAdmin', '/api/patients'))).toEqual([world.patients.otherOrg]);
    expect((await get('patient', '/api/patients')).statusCode).toBe(403);
  });

  it('finds patients by name prefix, full name, phone in any format, and date of birth', async () => {
    const family = (await db.query<{ family_name: string }>('SELECT family_name FROM patients WHERE id = $1', [world.patients.b]))[0]!.family_name;
    expect(ids(await get('admin', `/api/patients?q=${family.slice(0, 4).toLowerCase()}`))).toEqual([world.patients.b]);
    expect(ids(await get('admin', `/api/patients?q=${encodeURIComponent(`bruno ${family}`)}`))).toEqual([world.patients.b]);
    expect(ids(await get('admin', `/api/patients?q=${encodeURIComponent(`${family}, Bru`)}`))).toEqual([world.patients.b]);
    expect(ids(await get('admin', `/api/patients?q=${encodeURIComponent('(503) 555-0202')}`))).toEqual([world.patients.b]);
    expect(ids(await get('admin', '/api/patients?q=1975-06-07'))).toEqual([world.patients.b]);
    expect(ids(await get('admin', `/api/patients?q=${encodeURIComponent('06/07/1975')}`))).toEqual([world.patients.b]);
    expect(ids(await get('admin', '/api/patients?q=%25'))).toEqual([]);
    // A date that does not exist is the searcher's mistake, named as such (never a server error).
    for (const q of ['1975-02-31', '02/30/1975']) {
      const res = await get('admin', `/api/patients?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(422);
      expect(res.json()).toMatchObject({ error: { fields: { q: 'That date of birth is not a real date.' } } });
    }
  });

  it('paginates with a total', async () => {
    const page = await get('admin', '/api/patients?pageSize=1&page=2');
    expect(page.statusCode).toBe(200);
    const body = page.json() as { patients: unknown[]; total: number; page: number };
    expect(body.total).toBe(2);
    expect(body.page).toBe(2);
    expect(body.patients).toHaveLength(1);
  });

  it('audits a search as one event (its kind, what it found, who was listed) and every read, with actor and address', async () => {
    await db.query('DELETE FROM audit_events WHERE org_id = $1', [world.orgId]);
    await get('admin', '/api/patients');
    await get('admin', '/api/patients?q=zzz-nobody');
    await get('front_desk', `/api/patients/${world.patients.a}`);
    const events = await db.query<{ action: string; patient_id: string | null; actor_user_id: string; ip: string; outcome: string; detail: Record<string, unknown> }>(
      `SELECT action, patient_id, actor_user_id, ip, outcome, detail FROM audit_events WHERE org_id = $1 AND action LIKE 'patient.%' ORDER BY id`,
      [world.orgId],
    );
    const searches = events.filter((e) => e.action === 'patient.search');
    expect(searches.map((e) => ({ patient: e.patient_id, kind: e.detail.queryKind, count: e.detail.resultCount }))).toEqual([
      { patient: null, kind: 'all', count: 2 },
      { patient: null, kind: 'name', count: 0 },
    ]);
    expect((searches[0]!.detail.patientIds as string[]).sort()).toEqual([world.patients.a, world.patients.b].sort());
    expect(searches[1]!.detail.patientIds).toEqual([]);
    const read = events.find((e) => e.action === 'patient.read')!;
    expect(read).toMatchObject({ patient_id: world.patients.a, actor_user_id: world.users.front_desk.id, outcome: 'allowed' });
    expect(read.ip).toBeTruthy();
  });

  it('audits a refused read as denied and leaks nothing', async () => {
    const res = await get('patient', `/api/patients/${world.patients.b}`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('Bruno');
    const denied = await db.query('SELECT 1 FROM audit_events WHERE patient_id = $1 AND outcome = $2 AND actor_user_id = $3', [
      world.patients.b, 'denied', world.users.patient.id,
    ]);
    expect(denied).toHaveLength(1);
  });

  it('updates with optimistic concurrency: a stale version is a 409 and nothing is lost', async () => {
    const auth = { authorization: `Bearer ${tokens.front_desk}` };
    const current = (await get('front_desk', `/api/patients/${world.patients.a}`)).json() as { version: number };
    const first = await app.inject({ method: 'PATCH', url: `/api/patients/${world.patients.a}`, headers: auth, payload: { version: current.version, pronouns: 'she/her' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const stale = await app.inject({ method: 'PATCH', url: `/api/patients/${world.patients.a}`, headers: auth, payload: { version: current.version, pronouns: 'they/them' } });
    expect(stale.statusCode).toBe(409);
    const now = (await get('front_desk', `/api/patients/${world.patients.a}`)).json() as { pronouns: string };
    expect(now.pronouns).toBe('she/her');
  });

  it('keeps sex at birth and gender identity as separate fields', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/patients', headers: { authorization: `Bearer ${tokens.front_desk}` },
      payload: { givenName: 'Sam', familyName: 'Separate', dateOfBirth: '1999-04-05', sexAtBirth: 'male', genderIdentity: 'non-binary', pronouns: 'they/them', preferredLocationId: world.sites.a },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sexAtBirth: 'male', genderIdentity: 'non-binary', pronouns: 'they/them' });
  });

  it('refuses registering a patient at a site that is not yours', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/patients', headers: { authorization: `Bearer ${tokens.front_desk}` },
      payload: { givenName: 'Nora', familyName: 'Notmine', dateOfBirth: '1980-01-01', sexAtBirth: 'female', preferredLocationId: world.sites.b },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets a therapist see a patient in their care, never one they only have an appointment with', async () => {
    expect((await get('therapist', `/api/patients/${world.patients.b}`)).statusCode).toBe(403);
    await db.query(
      `INSERT INTO services (org_id, code, name, discipline, duration_minutes) VALUES ($1, 'nmt-followup-60', 'NMT follow-up', 'nmt', 60)
       ON CONFLICT DO NOTHING`,
      [world.orgId],
    );
    // An appointment written around the booking rules opens nothing.
    await db.query(
      `INSERT INTO appointments (org_id, patient_id, practitioner_id, location_id, service_code, during, blocks)
       VALUES ($1, $2, $3, $4, 'nmt-followup-60', '[2026-12-01 17:00Z, 2026-12-01 18:00Z)', '[2026-12-01 17:00Z, 2026-12-01 18:15Z)') RETURNING id`,
      [world.orgId, world.patients.b, world.practitioners.a, world.sites.b],
    );
    expect((await get('therapist', `/api/patients/${world.patients.b}`)).statusCode).toBe(403);
    expect(ids(await get('therapist', '/api/patients'))).not.toContain(world.patients.b);
    // A granted care relationship does, until it ends.
    await db.query('INSERT INTO care_relationships (org_id, patient_id, practitioner_id) VALUES ($1, $2, $3)', [world.orgId, world.patients.b, world.practitioners.a]);
    expect((await get('therapist', `/api/patients/${world.patients.b}`)).statusCode).toBe(200);
    expect(ids(await get('therapist', '/api/patients'))).toContain(world.patients.b);
    await db.query(`UPDATE care_relationships SET ended_on = '2026-11-20' WHERE org_id = $1 AND patient_id = $2 AND practitioner_id = $3`, [world.orgId, world.patients.b, world.practitioners.a]);
    expect((await get('therapist', `/api/patients/${world.patients.b}`)).statusCode).toBe(403);
  });

  it('answers 404 for an unknown patient and for another organisation\'s patient', async () => {
    expect((await get('admin', '/api/patients/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('admin', `/api/patients/${world.patients.otherOrg}`)).statusCode).toBe(404);
  });
});
