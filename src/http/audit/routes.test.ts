import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { tokenFor } from '../../../test/support/world.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('audit log API on %s', (backend) => {
  let admin: string;
  const now = new Date('2026-11-20T18:00:00Z');
  const suite = httpSuite(backend, { now: () => now, signIn: ['admin'] });
  beforeAll(() => {
    admin = suite.tokens.admin!;
  });

  type Event = {
    id: number;
    action: string;
    actorEmail: string | null;
    actorName: string | null;
    patientId: string | null;
    patientName: string | null;
    outcome: string;
    at: string;
    detail: Record<string, unknown>;
  };
  type Page = { events: Event[]; nextBefore: number | null };
  const browse = async (query: string, token = admin): Promise<Page> => {
    const res = await suite.app.inject({
      method: 'GET',
      url: `/api/audit?${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('filters by actor email or id, patient, action prefix and outcome', async () => {
    const desk = await tokenFor(suite.app, suite.world.users.front_desk.email);
    await suite.app.inject({
      method: 'GET',
      url: `/api/patients/${suite.world.patients.a}`,
      headers: { authorization: `Bearer ${desk}` },
    });
    await suite.app.inject({
      method: 'GET',
      url: `/api/patients/${suite.world.patients.b}`,
      headers: { authorization: `Bearer ${desk}` },
    });

    const byEmail = await browse(
      `actor=${encodeURIComponent(suite.world.users.front_desk.email.toUpperCase())}&action=patient.`,
    );
    expect(byEmail.events.map((e) => e.patientId).sort()).toEqual(
      [suite.world.patients.a, suite.world.patients.b].sort(),
    );
    expect(byEmail.events.every((e) => e.actorEmail === suite.world.users.front_desk.email)).toBe(true);
    const byId = await browse(`actor=${suite.world.users.front_desk.id}&action=patient.read`);
    expect(byId.events).toHaveLength(2);
    const denied = await browse(`actor=${suite.world.users.front_desk.id}&outcome=denied`);
    expect(denied.events.map((e) => e.patientId)).toEqual([suite.world.patients.b]);
    const onePatient = await browse(`patient=${suite.world.patients.a}&action=patient.read`);
    expect(onePatient.events.every((e) => e.patientId === suite.world.patients.a)).toBe(true);
  });

  it('filters by a person’s name and by a patient’s name, birth date or phone', async () => {
    const desk = await tokenFor(suite.app, suite.world.users.front_desk.email);
    const family = (
      await suite.db.query<{ family_name: string }>('SELECT family_name FROM patients WHERE id = $1', [
        suite.world.patients.a,
      ])
    )[0]!.family_name;
    await suite.app.inject({
      method: 'GET',
      url: `/api/patients/${suite.world.patients.a}`,
      headers: { authorization: `Bearer ${desk}` },
    });

    // "Dee Desk": any word of the name, in any order and case; a word that starts no part of it finds nobody.
    for (const name of ['dee', 'Desk', 'desk dee']) {
      const page = await browse(`actor=${encodeURIComponent(name)}&action=patient.read`);
      expect(page.events.length, name).toBeGreaterThan(0);
      expect(page.events.every((e) => e.actorName === 'Dee Desk')).toBe(true);
    }
    expect((await browse('actor=ee&action=patient.read')).events).toEqual([]);

    for (const patient of ['Alice', `alice ${family}`, `${family}, Alice`, '1980-02-03', '(503) 555-0101']) {
      const page = await browse(`patient=${encodeURIComponent(patient)}&action=patient.read`);
      expect(page.events.length, patient).toBeGreaterThan(0);
      expect(
        page.events.every((e) => e.patientId === suite.world.patients.a && e.patientName === `Alice ${family}`),
      ).toBe(true);
    }
    expect((await browse('patient=Zed&action=patient.read')).events).toEqual([]);
  });

  it('finds a patient search under every patient it listed, as one event with its kind and count', async () => {
    await suite.app.inject({ method: 'GET', url: '/api/patients', headers: { authorization: `Bearer ${admin}` } });
    for (const id of [suite.world.patients.a, suite.world.patients.b]) {
      const searches = (await browse(`patient=${id}&action=patient.search`)).events;
      expect(searches.length).toBeGreaterThan(0);
      expect(searches[0]!.detail).toMatchObject({ queryKind: 'all', resultCount: 2 });
    }
  });

  it('asks for more of a name that matches too many patients, naming the field', async () => {
    await suite.db.query(
      `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth, preferred_location_id)
       SELECT $1, 'Many', 'Manyfold' || g, '1990-01-01', 'female', $2 FROM generate_series(1, 201) g`,
      [suite.world.orgId, suite.world.sites.a],
    );
    const res = await suite.app.inject({
      method: 'GET',
      url: '/api/audit?patient=Many',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      error: { fields: { patient: expect.stringMatching(/More than 200 patients match/) } },
    });
    expect(res.body).not.toMatch(/Manyfold/);
  });

  it('never names another organisation’s patients or staff, whatever ids its administrator filters by', async () => {
    const other = await tokenFor(suite.app, suite.world.users.otherAdmin.email);
    // What the log once held for such a filter: an event of the other organisation naming our ids.
    await suite.db.query(
      `INSERT INTO audit_events (org_id, actor_user_id, actor_role, action, outcome, patient_id)
        VALUES ($1, $2, 'admin', 'test.foreign-ids', 'allowed', $3)`,
      [suite.world.otherOrgId, suite.world.users.front_desk.id, suite.world.patients.a],
    );
    for (const query of [
      `patient=${suite.world.patients.a}`,
      `patient=${suite.world.patients.a}`,
      `actor=${suite.world.users.front_desk.id}`,
      'patient=Alice',
      'actor=Dee',
      `actor=${encodeURIComponent(suite.world.users.front_desk.email)}`,
    ]) {
      const res = await suite.app.inject({
        method: 'GET',
        url: `/api/audit?${query}`,
        headers: { authorization: `Bearer ${other}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/Alice|Anders|Dee Desk/);
      expect(res.body).not.toContain(suite.world.users.front_desk.email);
    }
    const seen = (await browse('action=test.foreign-ids', other)).events;
    expect(seen.map((e) => [e.patientName, e.actorEmail, e.actorName])).toEqual([[null, null, null]]);
    // The other administrator's browsing is recorded without our patient's id.
    const browsed = await suite.db.query<{ patient_id: string | null }>(
      `SELECT patient_id FROM audit_events WHERE org_id = $1 AND action = 'audit.browse'`,
      [suite.world.otherOrgId],
    );
    expect(browsed.every((e) => e.patient_id === null)).toBe(true);
  });

  it('filters by whole days on the clinic clock', async () => {
    // Audit times are the database's own clock; place two events either side of Oregon's midnight.
    const insert = (action: string, at: string) =>
      suite.db.query(
        `INSERT INTO audit_events (org_id, actor_user_id, actor_role, action, outcome, at)
          VALUES ($1, $2, 'front_desk', $3, 'allowed', $4)`,
        [suite.world.orgId, suite.world.users.front_desk.id, action, at],
      );
    await insert('test.late-on-the-20th', '2026-11-21T07:30:00Z'); // 23:30 PST on the 20th
    await insert('test.early-on-the-21st', '2026-11-21T08:30:00Z'); // 00:30 PST on the 21st
    const the20th = await browse('from=2026-11-20&to=2026-11-20&action=test.');
    const the21st = await browse('from=2026-11-21&to=2026-11-21&action=test.');
    expect(the20th.events.map((e) => e.action)).toEqual(['test.late-on-the-20th']);
    expect(the21st.events.map((e) => e.action)).toEqual(['test.early-on-the-21st']);
    const instant = await browse(`from=${encodeURIComponent('2026-11-21T08:00:00Z')}&action=test.`);
    expect(instant.events.map((e) => e.action)).toEqual(['test.early-on-the-21st']);
  });

  it('reads whole days on the organisation’s own clock, not a fixed zone', async () => {
    await suite.db.query(`UPDATE organizations SET time_zone = 'Europe/Berlin' WHERE id = $1`, [suite.world.orgId]);
    try {
      const insert = (action: string, at: string) =>
        suite.db.query(
          `INSERT INTO audit_events (org_id, actor_user_id, actor_role, action, outcome, at)
            VALUES ($1, $2, 'front_desk', $3, 'allowed', $4)`,
          [suite.world.orgId, suite.world.users.front_desk.id, action, at],
        );
      // Both are the afternoon of the 20th in Oregon; in Berlin the second is past midnight.
      await insert('zone.before-berlin-midnight', '2026-11-20T22:30:00Z'); // 23:30 CET on the 20th
      await insert('zone.after-berlin-midnight', '2026-11-20T23:30:00Z'); // 00:30 CET on the 21st
      const the20th = await browse('from=2026-11-20&to=2026-11-20&action=zone.');
      const the21st = await browse('from=2026-11-21&to=2026-11-21&action=zone.');
      expect(the20th.events.map((e) => e.action)).toEqual(['zone.before-berlin-midnight']);
      expect(the21st.events.map((e) => e.action)).toEqual(['zone.after-berlin-midnight']);
    } finally {
      await suite.db.query(`UPDATE organizations SET time_zone = 'America/Los_Angeles' WHERE id = $1`, [
        suite.world.orgId,
      ]);
    }
  });

  it('pages newest first with nextBefore', async () => {
    const first = await browse('limit=2');
    expect(first.events).toHaveLength(2);
    expect(first.events[0]!.id).toBeGreaterThan(first.events[1]!.id);
    const second = await browse(`limit=2&before=${first.nextBefore}`);
    expect(second.events[0]!.id).toBeLessThan(first.events[1]!.id);
  });

  it('records that the log itself was read', async () => {
    await browse('limit=1');
    const rows = await suite.db.query(
      `SELECT 1 FROM audit_events WHERE action = 'audit.browse' AND actor_user_id = $1`,
      [suite.world.users.admin.id],
    );
    expect(rows.length).toBeGreaterThan(0);
  });
});
