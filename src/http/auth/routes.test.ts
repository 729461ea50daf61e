import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { PASSWORD, tokenFor } from '../../../test/support/world.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';

describe.each(BACKENDS)('auth on %s', (backend) => {
  let now = new Date('2026-11-20T18:00:00Z');
  const suite = httpSuite(backend, { now: () => now });

  function cookieOf(res: { headers: Record<string, unknown> }): string {
    const raw = res.headers['set-cookie'];
    const first = Array.isArray(raw) ? raw[0] : String(raw);
    return String(first).split(';')[0]!;
  }

  it('answers the health check without a session', async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('signs in with a cookie that is httpOnly and SameSite, and needs the CSRF token for writes', async () => {
    const login = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: suite.world.users.front_desk.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const { csrfToken, user } = login.json() as { csrfToken: string; user: { role: string } };
    expect(user.role).toBe('front_desk');
    const cookie = cookieOf(login);

    const session = await suite.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(csrfToken);

    const body = {
      givenName: 'Cara',
      familyName: 'Csrf',
      dateOfBirth: '1990-01-01',
      sexAtBirth: 'female',
      preferredLocationId: suite.world.sites.a,
    };
    const before = await suite.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients WHERE org_id = $1', [
      suite.world.orgId,
    ]);
    const forged = await suite.app.inject({ method: 'POST', url: '/api/patients', headers: { cookie }, payload: body });
    expect(forged.statusCode).toBe(403);
    const after = await suite.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patients WHERE org_id = $1', [
      suite.world.orgId,
    ]);
    expect(after[0]!.n).toBe(before[0]!.n);

    const real = await suite.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: body,
    });
    expect(real.statusCode).toBe(201);
  });

  it('issues bearer tokens that need no CSRF token, and logout ends the session', async () => {
    const token = await tokenFor(suite.app, suite.world.users.admin.email);
    const auth = { authorization: `Bearer ${token}` };
    expect((await suite.app.inject({ method: 'GET', url: '/api/auth/session', headers: auth })).statusCode).toBe(200);
    expect((await suite.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth })).statusCode).toBe(204);
    const after = await suite.app.inject({ method: 'GET', url: '/api/auth/session', headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    const wrong = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { email: suite.world.users.manager.email, password: 'not-the-password' },
    });
    const unknown = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { email: 'nobody@example.test', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('changes the password, signs out other sessions, and keeps this one', async () => {
    const mine = await tokenFor(suite.app, suite.world.users.manager.email);
    const other = await tokenFor(suite.app, suite.world.users.manager.email);
    const wrong = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${mine}` },
      payload: { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-password' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toHaveProperty('currentPassword');
    const short = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${mine}` },
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty('newPassword');
    const ok = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${mine}` },
      payload: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (
        await suite.app.inject({
          method: 'GET',
          url: '/api/auth/session',
          headers: { authorization: `Bearer ${mine}` },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await suite.app.inject({
          method: 'GET',
          url: '/api/auth/session',
          headers: { authorization: `Bearer ${other}` },
        })
      ).statusCode,
    ).toBe(401);
    const relogin = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { email: suite.world.users.manager.email, password: 'a-brand-new-password' },
    });
    expect(relogin.statusCode).toBe(200);
  });

  it('expires idle sessions', async () => {
    const token = await tokenFor(suite.app, suite.world.users.front_desk.email);
    const login = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: suite.world.users.front_desk.email, password: PASSWORD },
    });
    const cookie = cookieOf(login);
    now = new Date(now.getTime() + 13 * 3600_000);
    expect((await suite.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(
      401,
    );
    expect(
      (
        await suite.app.inject({
          method: 'GET',
          url: '/api/auth/session',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('sends security headers and never caches API answers', async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
