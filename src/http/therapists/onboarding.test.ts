import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { snapshot } from '../../../test/support/snapshot.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('onboarding a therapist on %s', (backend) => {
  const suite = httpSuite(backend, { signIn: ['admin', 'manager', 'front_desk'] });
  let n = 0;

  const onboard = (role: string, payload: object, headers: Record<string, string> = {}) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/therapists/onboarding',
      headers: { authorization: `Bearer ${suite.tokens[role]}`, ...headers },
      payload,
    });
  const newcomer = (over: Record<string, unknown> = {}) => {
    const k = ++n;
    return {
      givenName: 'Rowan',
      familyName: `Newhire${k}`,
      email: `rowan${k}@example.test`,
      locationIds: [suite.world.sites.a],
      credentials: [
        {
          kind: 'licence',
          type: 'LMT',
          issuer: 'OR',
          number: `LMT-${k}`,
          issuedOn: '2024-01-01',
          expiresOn: '2027-12-31',
        },
      ],
      shifts: [
        { locationId: suite.world.sites.a, weekday: 1, start: '09:00', end: '17:00' },
        { locationId: suite.world.sites.a, weekday: 3, start: '12:00', end: '20:00' },
      ],
      signIn: { email: `rowan${k}@example.test`, password: 'a-long-first-password' },
      ...over,
    };
  };
  const therapistsNamed = async (family: string) =>
    (
      await suite.db.query<{ n: number }>('SELECT count(*)::int AS n FROM therapists WHERE family_name = $1', [family])
    )[0]!.n;

  it('adds the record, sites, credentials, weekly shifts and a sign-in with a first password, audited', async () => {
    const body = newcomer();
    const res = await onboard('manager', body);
    expect(res.statusCode).toBe(201);
    const answer = res.json() as {
      therapist: { id: string; locationIds: string[]; credentials: { type: string; status: string }[] };
      shifts: unknown[];
      account: { id: string; role: string; therapistId: string };
    };
    expect(answer.therapist).toMatchObject({
      locationIds: [suite.world.sites.a],
      credentials: [{ type: 'LMT', status: 'current' }],
    });
    expect(answer.shifts).toHaveLength(2);
    expect(answer.account).toMatchObject({ role: 'therapist', therapistId: answer.therapist.id });
    const actions = await suite.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE actor_user_id = $1 AND (record_id = $2 OR record_id = $3
        OR detail->>'therapistId' = $2) ORDER BY id`,
      [suite.world.users.manager.id, answer.therapist.id, answer.account.id],
    );
    expect(actions.map((a) => a.action).sort()).toEqual([
      'schedule.update',
      'staff.create',
      'therapist.create',
      'therapist.credential.create',
    ]);

    const token = (await suite.app
      .inject({ method: 'POST', url: '/api/auth/token', payload: body.signIn })
      .then((r) => r.json())) as { token: string };
    const first = await suite.app.inject({
      method: 'GET',
      url: '/api/patients',
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(first.json()).toMatchObject({ error: { code: 'password_change_required' } });
  });

  it('saves nothing when any part is refused: a sign-in email in use, a shift ending before it starts', async () => {
    const before = await snapshot(suite.db);
    const taken = newcomer({
      signIn: { email: suite.world.users.front_desk.email, password: 'a-long-first-password' },
    });
    const res = await onboard('manager', taken);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { fields: { 'signIn.email': expect.stringMatching(/already exists/) } },
    });
    expect(await therapistsNamed(taken.familyName as string)).toBe(0);

    const badWeek = newcomer({
      shifts: [
        { locationId: suite.world.sites.a, weekday: 1, start: '17:00', end: '09:00' },
        { locationId: suite.world.sites.b, weekday: 2, start: '09:00', end: '12:00' },
      ],
    });
    const week = await onboard('admin', badWeek);
    expect(week.statusCode).toBe(422);
    expect(week.json()).toMatchObject({
      error: {
        fields: {
          'shifts.0.end': 'Shift 1 must end after it starts.',
          'shifts.1.locationId': expect.stringMatching(/^Shift 2 is at a site this therapist does not work at/),
        },
      },
    });
    const expired = await onboard(
      'admin',
      newcomer({
        credentials: [{ kind: 'licence', type: 'LMT', issuer: 'OR', issuedOn: '2025-01-01', expiresOn: '2024-01-01' }],
      }),
    );
    expect(expired.json()).toMatchObject({
      error: { fields: { 'credentials.0.expiresOn': 'Credential 1 expires before it was issued.' } },
    });
    expect(await snapshot(suite.db)).toEqual(before);
  });

  it('is for admins and managers of every site the therapist works at', async () => {
    const before = await snapshot(suite.db);
    expect(
      (await onboard('manager', newcomer({ locationIds: [suite.world.sites.a, suite.world.sites.b] }))).statusCode,
    ).toBe(403);
    expect((await onboard('front_desk', newcomer())).statusCode).toBe(403);
    expect(await snapshot(suite.db)).toEqual(before);
    expect(
      (await onboard('admin', newcomer({ locationIds: [suite.world.sites.a, suite.world.sites.b], signIn: null })))
        .statusCode,
    ).toBe(201);
  });

  it('adds one therapist however often the same request is sent with its Idempotency-Key, even at once', async () => {
    const body = newcomer();
    const key = `onboard-${n}`;
    const [a, b] = await Promise.all([
      onboard('manager', body, { 'idempotency-key': key }),
      onboard('manager', body, { 'idempotency-key': key }),
    ]);
    const c = await onboard('manager', body, { 'idempotency-key': key });
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    const ids = [a, b, c].map((r) => (r.json() as { therapist: { id: string } }).therapist.id);
    expect(new Set(ids).size).toBe(1);
    expect(await therapistsNamed(body.familyName as string)).toBe(1);
  });
});
