import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/support/db.ts';
import { httpSuite } from '../../../test/support/http-suite.ts';
import { PASSWORD, tokenFor } from '../../../test/support/world.ts';
import { RATE_LIMIT } from '../../services/auth/throttle.ts';
import { ABSOLUTE_LIFETIME_MS } from '../../services/auth/sessions.ts';

const DAY = 24 * 3600_000;

describe.each(BACKENDS)('sign-in limits on %s', (backend) => {
  let now = new Date('2026-11-20T18:00:00Z');
  const waits: number[] = [];
  const suite = httpSuite(backend, { now: () => now, sleep: async (ms) => void waits.push(ms) });

  const signIn = (email: string, password: string, remoteAddress = '127.0.0.1') =>
    suite.app.inject({ method: 'POST', url: '/api/auth/token', remoteAddress, payload: { email, password } });
  const statuses = (responses: { statusCode: number }[]) =>
    responses.reduce<Record<number, number>>(
      (acc, r) => ({ ...acc, [r.statusCode]: (acc[r.statusCode] ?? 0) + 1 }),
      {},
    );
  const nextWindow = () => {
    now = new Date(now.getTime() + RATE_LIMIT.windowMs + 1000);
  };

  it('checks exactly the limit of 40 wrong passwords sent at once, and refuses the rest before checking', async () => {
    const email = suite.world.users.therapist.email;
    const attack = await Promise.all(
      Array.from({ length: 40 }, () => signIn(email, 'wrong-password-x', '203.0.113.50')),
    );
    expect(statuses(attack)).toEqual({
      401: RATE_LIMIT.perAccountAndAddress,
      429: 40 - RATE_LIMIT.perAccountAndAddress,
    });
    const refused = attack.find((r) => r.statusCode === 429)!;
    expect(refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(RATE_LIMIT.windowMs / 1000);
    // Even the right password waits out the window from the attacking address…
    expect((await signIn(email, PASSWORD, '203.0.113.50')).statusCode).toBe(429);
    // …but the therapist, from anywhere else, signs in at once.
    expect((await signIn(email, PASSWORD, '198.51.100.20')).statusCode).toBe(200);
    nextWindow();
    expect((await signIn(email, PASSWORD, '203.0.113.50')).statusCode).toBe(200);
  });

  it('slows down, but never refuses, the right password for an account attacked from many addresses', async () => {
    const email = suite.world.users.front_desk.email;
    const addresses = Array.from({ length: 40 }, (_, i) => `192.0.2.${i + 1}`);
    const attack = await Promise.all(
      addresses.flatMap((ip) => [signIn(email, 'wrong-password-x', ip), signIn(email, 'wrong-password-y', ip)]),
    );
    expect(statuses(attack)).toEqual({ 401: 80 });
    waits.length = 0;
    const res = await signIn(email, PASSWORD, '198.51.100.21');
    expect(res.statusCode).toBe(200);
    expect(waits).toEqual([RATE_LIMIT.slowdownMaxMs]);
    nextWindow();
    waits.length = 0;
    expect((await signIn(email, PASSWORD, '198.51.100.21')).statusCode).toBe(200);
    expect(waits).toEqual([]);
  });

  it('limits one address over all accounts, and signing in successfully gives the attempt back', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 10; i++)
      expect((await signIn(suite.world.users.manager.email, PASSWORD, ip)).statusCode).toBe(200);
    const guesses = await Promise.all(
      Array.from({ length: RATE_LIMIT.perAddress + 10 }, (_, i) =>
        signIn(`ghost${i}@example.test`, 'wrong-password-x', ip),
      ),
    );
    expect(statuses(guesses)).toEqual({ 401: RATE_LIMIT.perAddress, 429: 10 });
    expect((await signIn(suite.world.users.admin.email, PASSWORD, ip)).statusCode).toBe(429);
    expect((await signIn(suite.world.users.admin.email, PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    nextWindow();
  });

  it('limits guessing the current password when changing it, together with sign-in', async () => {
    const token = await tokenFor(suite.app, suite.world.users.manager.email);
    const change = (currentPassword: string, remoteAddress: string) =>
      suite.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        remoteAddress,
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword, newPassword: 'a-brand-new-password' },
      });
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => change(`guess-number-${i}`, '203.0.113.60')),
    );
    expect(statuses(guesses)).toEqual({
      422: RATE_LIMIT.perAccountAndAddress,
      429: 12 - RATE_LIMIT.perAccountAndAddress,
    });
    expect((await change(PASSWORD, '203.0.113.60')).statusCode).toBe(429);
    expect((await signIn(suite.world.users.manager.email, PASSWORD, '203.0.113.60')).statusCode).toBe(429);
    expect((await change(PASSWORD, '198.51.100.30')).statusCode).toBe(204);
    nextWindow();
  });

  it('ends a bearer token at its absolute lifetime however often it is used', async () => {
    const token = await tokenFor(suite.app, suite.world.users.patient.email);
    const session = () =>
      suite.app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: `Bearer ${token}` } });
    const start = now.getTime();
    const end = start + ABSOLUTE_LIFETIME_MS.bearer;
    for (let t = start; t < end - DAY; t += 20 * DAY) {
      now = new Date(t);
      expect((await session()).statusCode).toBe(200);
    }
    now = new Date(end - 60_000);
    expect((await session()).statusCode).toBe(200);
    now = new Date(end + 1000);
    expect((await session()).statusCode).toBe(401);
  });
});

describe.each(BACKENDS)('X-Forwarded-For on %s', (backend) => {
  const suite = httpSuite(backend, { server: { trustProxy: ['10.0.0.1'] } });

  async function signInFrom(remoteAddress: string, forwardedFor: string, password = PASSWORD) {
    return suite.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: suite.world.users.admin.email, password },
    });
  }
  const lastLoginAddress = async () =>
    (
      await suite.db.query<{ ip: string }>(
        `SELECT ip FROM audit_events WHERE org_id = $1 AND action = 'auth.login' ORDER BY id DESC LIMIT 1`,
        [suite.world.orgId],
      )
    )[0]!.ip;

  it('reads the client address from X-Forwarded-For only on connections from a trusted proxy', async () => {
    expect((await signInFrom('10.0.0.1', '198.51.100.1, 203.0.113.77')).statusCode).toBe(200);
    expect(await lastLoginAddress()).toBe('203.0.113.77');
    expect((await signInFrom('198.51.100.9', '203.0.113.78')).statusCode).toBe(200);
    expect(await lastLoginAddress()).toBe('198.51.100.9');
  });

  it('counts a client that forges X-Forwarded-For at its own address', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signInFrom('198.51.100.99', `203.0.113.${100 + i}`, 'wrong-password-x')),
    );
    expect(guesses.filter((r) => r.statusCode === 401)).toHaveLength(RATE_LIMIT.perAccountAndAddress);
  });
});
