import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { PASSWORD } from '../../../test/support/world.ts';
import { createUser } from '../../services/users.ts';
import { actorOf, draftNote, tickingContext } from '../../../test/support/session-kit.ts';
import { signNote } from '../../services/charting/notes.ts';
import { ForbiddenError } from '../../services/errors.ts';
import { buildTherapist } from '../../../test/support/factories.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('accounts on %s', (backend) => {
  const suite = httpSuite(backend, { signIn: ['admin', 'manager', 'otherAdmin'] });
  let n = 0;

  const as = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    suite.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const deskBody = (email: string, site: string) => ({
    email,
    displayName: 'Sam Desk',
    role: 'front_desk',
    password: 'a-long-first-password',
    locationIds: [site],
  });
  const signIn = (payload: object) => suite.app.inject({ method: 'POST', url: '/api/auth/token', payload });

  it('lets another organisation add an email that has an account here, answering as for a new email', async () => {
    const taken = await as(
      suite.tokens.otherAdmin!,
      'POST',
      '/api/staff',
      deskBody(suite.world.users.front_desk.email, suite.world.sites.other),
    );
    const fresh = await as(
      suite.tokens.otherAdmin!,
      'POST',
      '/api/staff',
      deskBody(`never-seen-${++n}@example.test`, suite.world.sites.other),
    );
    expect([taken.statusCode, fresh.statusCode]).toEqual([201, 201]);
    expect(Object.keys(taken.json() as object).sort()).toEqual(Object.keys(fresh.json() as object).sort());
    expect(taken.body).not.toContain(suite.world.users.front_desk.id);
    expect(taken.body).not.toContain('Dee Desk');
    // Within one organisation the email is taken, and saying so reveals nothing new to its own admin.
    const again = await as(
      suite.tokens.admin!,
      'POST',
      '/api/staff',
      deskBody(suite.world.users.front_desk.email, suite.world.sites.a),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: 'conflict', fields: { email: expect.stringMatching(/already exists in this organisation/) } },
    });
  });

  it('signs in to the account the password opens; asks for the organisation only when it opens two', async () => {
    const email = `two-clinics-${++n}@example.test`;
    await createUser(suite.db, {
      orgId: suite.world.orgId,
      email,
      displayName: 'Two Clinics',
      role: 'admin',
      password: 'password-at-first-clinic',
    });
    await createUser(suite.db, {
      orgId: suite.world.otherOrgId,
      email,
      displayName: 'Two Clinics',
      role: 'admin',
      password: 'password-at-second-clinic',
    });
    const first = await signIn({ email, password: 'password-at-first-clinic' });
    const second = await signIn({ email, password: 'password-at-second-clinic' });
    const orgOf = async (res: { json: () => unknown }) =>
      (await as((res.json() as { token: string }).token, 'GET', '/api/organization')).json() as { id: string };
    expect((await orgOf(first)).id).toBe(suite.world.orgId);
    expect((await orgOf(second)).id).toBe(suite.world.otherOrgId);
    const wrong = await signIn({ email, password: 'not-either-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toMatch(/Test Clinic|Other Clinic/);

    const same = `same-password-${++n}@example.test`;
    await createUser(suite.db, {
      orgId: suite.world.orgId,
      email: same,
      displayName: 'Same',
      role: 'admin',
      password: PASSWORD,
    });
    await createUser(suite.db, {
      orgId: suite.world.otherOrgId,
      email: same,
      displayName: 'Same',
      role: 'admin',
      password: PASSWORD,
    });
    const ask = await signIn({ email: same, password: PASSWORD });
    expect(ask.statusCode).toBe(409);
    const { organizations } = ask.json() as { organizations: { slug: string; name: string }[] };
    expect(ask.json()).toMatchObject({
      error: { code: 'organization_required', fields: { organization: expect.any(String) } },
    });
    expect(organizations).toHaveLength(2);
    const chosen = organizations.find((o) => o.name.startsWith('Other Clinic'))!;
    const picked = await signIn({ email: same, password: PASSWORD, organization: chosen.slug });
    expect((await orgOf(picked)).id).toBe(suite.world.otherOrgId);
    expect((await signIn({ email: same, password: PASSWORD, organization: 'no-such-clinic' })).statusCode).toBe(401);
  });

  it('makes an account someone else created change its password before anything else', async () => {
    const email = `new-desk-${++n}@example.test`;
    expect(
      (await as(suite.tokens.manager!, 'POST', '/api/staff', deskBody(email, suite.world.sites.a))).statusCode,
    ).toBe(201);
    const token = (await signIn({ email, password: 'a-long-first-password' }).then((r) => r.json())) as {
      token: string;
    };
    const blocked = await as(token.token, 'GET', '/api/patients');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: { code: 'password_change_required' } });
    expect((await as(token.token, 'GET', `/api/patients/${suite.world.patients.a}`)).statusCode).toBe(403);
    const session = await as(token.token, 'GET', '/api/auth/session');
    expect(session.json()).toMatchObject({ user: { email, mustChangePassword: true } });
    const same = await as(token.token, 'POST', '/api/auth/password', {
      currentPassword: 'a-long-first-password',
      newPassword: 'a-long-first-password',
    });
    expect(same.statusCode).toBe(422);
    const changed = await as(token.token, 'POST', '/api/auth/password', {
      currentPassword: 'a-long-first-password',
      newPassword: 'my-very-own-password',
    });
    expect(changed.statusCode).toBe(204);
    expect((await as(token.token, 'GET', '/api/patients')).statusCode).toBe(200);
    expect((await as(token.token, 'GET', '/api/auth/session')).json()).toMatchObject({
      user: { mustChangePassword: false },
    });
    // Accounts an operator set up for themselves (the command line, the suite.world's own) are not held back.
    expect((await as(suite.tokens.admin!, 'GET', '/api/patients')).statusCode).toBe(200);
  });

  it('gives a therapist record one active sign-in: a second, even re-enabled, is refused naming them', async () => {
    const therapist = await buildTherapist(suite.db, suite.world.orgId, {
      givenName: 'Ona',
      familyName: 'Onlyone',
      locationIds: [suite.world.sites.a],
    });
    const body = (email: string) => ({
      email,
      displayName: 'Ona Onlyone',
      role: 'therapist',
      password: 'a-long-first-password',
      therapistId: therapist,
    });
    const first = await as(suite.tokens.manager!, 'POST', '/api/staff', body(`ona-${++n}@example.test`));
    expect(first.statusCode).toBe(201);
    const second = await as(suite.tokens.manager!, 'POST', '/api/staff', body(`ona-again-${++n}@example.test`));
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      error: { code: 'conflict', fields: { therapistId: expect.stringMatching(/already has a sign-in/) } },
    });
    // The suite.world's therapist A has a sign-in already: a manager cannot add another one for A.
    const forA = await as(suite.tokens.manager!, 'POST', '/api/staff', {
      ...body(`avery-${++n}@example.test`),
      therapistId: suite.world.therapists.a,
    });
    expect(forA.statusCode).toBe(409);

    const firstId = (first.json() as { id: string }).id;
    expect((await as(suite.tokens.manager!, 'PATCH', `/api/staff/${firstId}`, { disabled: true })).statusCode).toBe(
      200,
    );
    const replacement = await as(suite.tokens.manager!, 'POST', '/api/staff', body(`ona-new-${++n}@example.test`));
    expect(replacement.statusCode).toBe(201);
    const reenable = await as(suite.tokens.manager!, 'PATCH', `/api/staff/${firstId}`, { disabled: false });
    expect(reenable.statusCode).toBe(409);
    expect(reenable.json()).toMatchObject({ error: { fields: { disabled: expect.any(String) } } });
  });

  it('says on each staff account what the caller may do with it, and the API answers the same', async () => {
    type Row = { id: string; can: { edit: boolean; disable: boolean } };
    const list = async (token: string) => ((await as(token, 'GET', '/api/staff')).json() as { staff: Row[] }).staff;
    const row = (rows: Row[], id: string) => rows.find((r) => r.id === id)!;
    const byManager = await list(suite.tokens.manager!);
    const byAdmin = await list(suite.tokens.admin!);
    const { manager, front_desk: desk, admin } = suite.world.users;
    // Managers are changed by an administrator only, the manager's own account included.
    expect(row(byManager, manager.id).can).toEqual({ edit: false, disable: false });
    expect(row(byManager, desk.id).can).toEqual({ edit: true, disable: true });
    expect(row(byAdmin, manager.id).can).toEqual({ edit: true, disable: true });
    // Nobody disables their own account.
    expect(row(byAdmin, admin.id).can).toEqual({ edit: true, disable: false });
    expect(
      (await as(suite.tokens.manager!, 'PATCH', `/api/staff/${manager.id}`, { displayName: 'Mo Manager' })).statusCode,
    ).toBe(403);
    expect((await as(suite.tokens.admin!, 'PATCH', `/api/staff/${admin.id}`, { disabled: true })).statusCode).toBe(422);
  });

  it("signs a therapist's note only from the therapist's own sign-in, whoever else claims the record", async () => {
    const note = await draftNote(suite.db, suite.world);
    // An account that is not therapist A's own, presenting therapist A's record (as a second sign-in would).
    const impostor = { ...actorOf(suite.world, 'therapist'), userId: suite.world.users.front_desk.id };
    const err = await signNote(tickingContext(suite.db), impostor, note).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    const [row] = await suite.db.query<{ status: string }>('SELECT status FROM session_notes WHERE id = $1', [note]);
    expect(row!.status).toBe('draft');
    const denied = await suite.db.query(
      `SELECT 1 FROM audit_events WHERE action = 'session-note.sign' AND outcome = 'denied' AND record_id = $1`,
      [note],
    );
    expect(denied).toHaveLength(1);
    const signed = await signNote(tickingContext(suite.db), actorOf(suite.world, 'therapist'), note);
    expect(signed.status).toBe('signed');
  });
});
