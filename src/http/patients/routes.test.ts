import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { buildAppointment, buildService } from '../../../test/support/factories.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('patients API on %s', (backend) => {
  const suite = httpSuite(backend, {
    signIn: ['admin', 'manager', 'front_desk', 'therapist', 'patient', 'otherAdmin'],
  });

  const get = (role: string, url: string) =>
    suite.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${suite.tokens[role]}` } });
  const ids = (res: { json: () => unknown }) =>
    (res.json() as { patients: { id: string }[] }).patients.map((p) => p.id).sort();

  it('scopes search to what each role may see', async () => {
    expect(ids(await get('admin', '/api/patients'))).toEqual([suite.world.patients.a, suite.world.patients.b].sort());
    expect(ids(await get('manager', '/api/patients'))).toEqual([suite.world.patients.a]);
    expect(ids(await get('front_desk', '/api/patients'))).toEqual([suite.world.patients.a]);
    expect(ids(await get('therapist', '/api/patients'))).toEqual([suite.world.patients.a]);
    expect(ids(await get('otherAdmin', '/api/patients'))).toEqual([suite.world.patients.otherOrg]);
    expect((await get('patient', '/api/patients')).statusCode).toBe(403);
  });

  it('finds patients by name prefix, full name, phone in any format, and date of birth', async () => {
    const family = (
      await suite.db.query<{ family_name: string }>('SELECT family_name FROM patients WHERE id = $1', [
        suite.world.patients.b,
      ])
    )[0]!.family_name;
    expect(ids(await get('admin', `/api/patients?q=${family.slice(0, 4).toLowerCase()}`))).toEqual([
      suite.world.patients.b,
    ]);
    expect(ids(await get('admin', `/api/patients?q=${encodeURIComponent(`bruno ${family}`)}`))).toEqual([
      suite.world.patients.b,
    ]);
    expect(ids(await get('admin', `/api/patients?q=${encodeURIComponent(`${family}, Bru`)}`))).toEqual([
      suite.world.patients.b,
    ]);
    expect(ids(await get('admin', `/api/patients?q=${encodeURIComponent('(503) 555-0202')}`))).toEqual([
      suite.world.patients.b,
    ]);
    expect(ids(await get('admin', '/api/patients?q=1975-06-07'))).toEqual([suite.world.patients.b]);
    expect(ids(await get('admin', `/api/patients?q=${encodeURIComponent('06/07/1975')}`))).toEqual([
      suite.world.patients.b,
    ]);
    expect(ids(await get('admin', '/api/patients?q=%25'))).toEqual([]);
    // A date that does not exist is the searcher's mistake, named as such (never a server error).
    for (const q of ['1975-02-31', '02/30/1975']) {
      const res = await get('admin', `/api/patients?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(422);
      expect(res.json()).toMatchObject({ error: { fields: { q: 'That date of birth is not a real date.' } } });
    }
  });

  it('finds one word anywhere in a name from three letters on, whatever the case, accents as typed', async () => {
    const names = [
      ['Maëlle', 'Lindqvist-Åberg'],
      ['Ingrid', 'Ståhlberg'],
      ['Olle', 'Berglund'],
    ];
    const [aberg, stahlberg, berglund] = await Promise.all(
      names.map(
        async ([given, family]) =>
          (
            await suite.db.query<{ id: string }>(
              `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth)
               VALUES ($1, $2, $3, '1970-01-01', 'unknown') RETURNING id`,
              [suite.world.orgId, given, family],
            )
          )[0]!.id,
      ),
    );
    const mine = [aberg!, stahlberg!, berglund!];
    // Of these three (the shared world has patients of its own, left out here), in the order listed.
    const listed = async (q: string) =>
      (
        (await get('admin', `/api/patients?q=${encodeURIComponent(q)}`)).json() as { patients: { id: string }[] }
      ).patients
        .map((p) => p.id)
        .filter((id) => mine.includes(id));
    try {
      await fragments(listed, { aberg: aberg!, stahlberg: stahlberg!, berglund: berglund! });
    } finally {
      await suite.db.query('DELETE FROM patients WHERE id = ANY($1::uuid[])', [mine]);
    }
  });

  async function fragments(
    listed: (q: string) => Promise<string[]>,
    { aberg, stahlberg, berglund }: Record<'aberg' | 'stahlberg' | 'berglund', string>,
  ) {
    // A fragment from the middle of a family name; names starting with it come first.
    expect(await listed('berg')).toEqual([berglund, aberg, stahlberg]);
    // Any case; accented letters match themselves in either case.
    expect(await listed('STÅHL')).toEqual([stahlberg]);
    expect(await listed('åBERG')).toEqual([aberg]);
    // The middle of a given name.
    expect(await listed('aëll')).toEqual([aberg]);
    // Still by prefix, and two letters only at a name's start ("qvist" holds "st" but does not start with it).
    expect(await listed('ingr')).toEqual([stahlberg]);
    const st = await listed('st');
    expect(st).toContain(stahlberg);
    expect(st).not.toContain(aberg);
    // The prefix forms kept working: given then family name, and "Family, Given".
    expect(await listed('olle berg')).toEqual([berglund]);
    expect(await listed('Berglund, Ol')).toEqual([berglund]);
  }

  it('writes one audit event for a search listing many patients, holding the query and every listed id', async () => {
    const ids = await Promise.all(
      Array.from(
        { length: 5 },
        async (_, i) =>
          (
            await suite.db.query<{ id: string }>(
              `INSERT INTO patients (org_id, given_name, family_name, date_of_birth, sex_at_birth)
             VALUES ($1, 'Quentin', $2, '1970-01-01', 'unknown') RETURNING id`,
              [suite.world.orgId, `Oakhurst ${i}`],
            )
          )[0]!.id,
      ),
    );
    await suite.db.query('DELETE FROM audit_events WHERE org_id = $1', [suite.world.orgId]);
    try {
      expect((await get('admin', '/api/patients?q=khurs')).statusCode).toBe(200);
    } finally {
      await suite.db.query('DELETE FROM patients WHERE id = ANY($1::uuid[])', [ids]);
    }
    const events = await suite.db.query<{ action: string; patient_id: string | null; detail: Record<string, unknown> }>(
      'SELECT action, patient_id, detail FROM audit_events WHERE org_id = $1',
      [suite.world.orgId],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'patient.search', patient_id: null });
    expect(events[0]!.detail).toMatchObject({ query: 'khurs', queryKind: 'name', resultCount: 5 });
    expect((events[0]!.detail.patientIds as string[]).sort()).toEqual([...ids].sort());
  });

  it('paginates with a total', async () => {
    const page = await get('admin', '/api/patients?pageSize=1&page=2');
    expect(page.statusCode).toBe(200);
    const body = page.json() as { patients: unknown[]; total: number; page: number };
    expect(body.total).toBe(2);
    expect(body.page).toBe(2);
    expect(body.patients).toHaveLength(1);
  });

  it('audits a search as one event (kind, what it found, who was listed) and every read, with the actor', async () => {
    await suite.db.query('DELETE FROM audit_events WHERE org_id = $1', [suite.world.orgId]);
    await get('admin', '/api/patients');
    await get('admin', '/api/patients?q=zzz-nobody');
    await get('front_desk', `/api/patients/${suite.world.patients.a}`);
    const events = await suite.db.query<{
      action: string;
      patient_id: string | null;
      actor_user_id: string;
      ip: string;
      outcome: string;
      detail: Record<string, unknown>;
    }>(
      `SELECT action, patient_id, actor_user_id, ip, outcome, detail FROM audit_events WHERE org_id = $1
        AND action LIKE 'patient.%' ORDER BY id`,
      [suite.world.orgId],
    );
    const searches = events.filter((e) => e.action === 'patient.search');
    expect(
      searches.map((e) => ({ patient: e.patient_id, kind: e.detail.queryKind, count: e.detail.resultCount })),
    ).toEqual([
      { patient: null, kind: 'all', count: 2 },
      { patient: null, kind: 'name', count: 0 },
    ]);
    expect((searches[0]!.detail.patientIds as string[]).sort()).toEqual(
      [suite.world.patients.a, suite.world.patients.b].sort(),
    );
    expect(searches[1]!.detail.patientIds).toEqual([]);
    const read = events.find((e) => e.action === 'patient.read')!;
    expect(read).toMatchObject({
      patient_id: suite.world.patients.a,
      actor_user_id: suite.world.users.front_desk.id,
      outcome: 'allowed',
    });
    expect(read.ip).toBeTruthy();
  });

  it('audits a refused read as denied and leaks nothing', async () => {
    const res = await get('patient', `/api/patients/${suite.world.patients.b}`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('Bruno');
    const denied = await suite.db.query(
      'SELECT 1 FROM audit_events WHERE patient_id = $1 AND outcome = $2 AND actor_user_id = $3',
      [suite.world.patients.b, 'denied', suite.world.users.patient.id],
    );
    expect(denied).toHaveLength(1);
  });

  it('updates with optimistic concurrency: a stale version is a 409 and nothing is lost', async () => {
    const auth = { authorization: `Bearer ${suite.tokens.front_desk}` };
    const current = (await get('front_desk', `/api/patients/${suite.world.patients.a}`)).json() as { version: number };
    const first = await suite.app.inject({
      method: 'PATCH',
      url: `/api/patients/${suite.world.patients.a}`,
      headers: auth,
      payload: { version: current.version, pronouns: 'she/her' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const stale = await suite.app.inject({
      method: 'PATCH',
      url: `/api/patients/${suite.world.patients.a}`,
      headers: auth,
      payload: { version: current.version, pronouns: 'they/them' },
    });
    expect(stale.statusCode).toBe(409);
    const now = (await get('front_desk', `/api/patients/${suite.world.patients.a}`)).json() as { pronouns: string };
    expect(now.pronouns).toBe('she/her');
  });

  it('keeps sex at birth and gender identity as separate fields', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { authorization: `Bearer ${suite.tokens.front_desk}` },
      payload: {
        givenName: 'Sam',
        familyName: 'Separate',
        dateOfBirth: '1999-04-05',
        sexAtBirth: 'male',
        genderIdentity: 'non-binary',
        pronouns: 'they/them',
        preferredLocationId: suite.world.sites.a,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sexAtBirth: 'male', genderIdentity: 'non-binary', pronouns: 'they/them' });
  });

  it('refuses registering a patient at a site that is not yours', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { authorization: `Bearer ${suite.tokens.front_desk}` },
      payload: {
        givenName: 'Nora',
        familyName: 'Notmine',
        dateOfBirth: '1980-01-01',
        sexAtBirth: 'female',
        preferredLocationId: suite.world.sites.b,
      },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets a therapist see a patient in their care, never one they only have an appointment with', async () => {
    expect((await get('therapist', `/api/patients/${suite.world.patients.b}`)).statusCode).toBe(403);
    await buildService(suite.db, suite.world.orgId);
    // An appointment written around the booking rules opens nothing.
    await buildAppointment(suite.db, suite.world.orgId, {
      patientId: suite.world.patients.b,
      therapistId: suite.world.therapists.a,
      locationId: suite.world.sites.b,
      start: '2026-12-01T17:00:00Z',
      bufferMinutes: 15,
    });
    expect((await get('therapist', `/api/patients/${suite.world.patients.b}`)).statusCode).toBe(403);
    expect(ids(await get('therapist', '/api/patients'))).not.toContain(suite.world.patients.b);
    // A granted care relationship does, until it ends.
    await suite.db.query('INSERT INTO care_relationships (org_id, patient_id, therapist_id) VALUES ($1, $2, $3)', [
      suite.world.orgId,
      suite.world.patients.b,
      suite.world.therapists.a,
    ]);
    expect((await get('therapist', `/api/patients/${suite.world.patients.b}`)).statusCode).toBe(200);
    expect(ids(await get('therapist', '/api/patients'))).toContain(suite.world.patients.b);
    await suite.db.query(
      `UPDATE care_relationships SET ended_on = '2026-11-20' WHERE org_id = $1 AND patient_id = $2
        AND therapist_id = $3`,
      [suite.world.orgId, suite.world.patients.b, suite.world.therapists.a],
    );
    expect((await get('therapist', `/api/patients/${suite.world.patients.b}`)).statusCode).toBe(403);
  });

  it("answers 404 for an unknown patient and for another organisation's patient", async () => {
    expect((await get('admin', '/api/patients/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('admin', `/api/patients/${suite.world.patients.otherOrg}`)).statusCode).toBe(404);
  });
});
