import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import * as repo from '../../store/repos/sessions.ts';
import { audit } from '../audit.ts';
import type { Actor, Role, ServiceContext } from '../context.ts';
import { RateLimitedError, UnauthenticatedError, ValidationError } from '../errors.ts';
import { resolveAccount } from './accounts.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, hashPassword, verifyPassword } from './password.ts';

/** A session lives 12 hours past its last use; bearer tokens for API clients 30 days. */
const IDLE_LIFETIME_MS = { cookie: 12 * 3600_000, bearer: 30 * 24 * 3600_000 } as const;
/** Refreshing last_seen_at on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/** Failed logins counted over 15 minutes: 5 per account, 30 per address (a shared clinic NAT). */
export const RATE_LIMIT = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 } as const;

export interface LoginInput {
  email: string;
  password: string;
  kind: 'cookie' | 'bearer';
  ip: string;
  userAgent: string | null;
  /** Slug of the organisation, needed only when the email and password open accounts at several. */
  organization?: string;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function login(ctx: ServiceContext, input: LoginInput): Promise<LoginResult> {
  const now = ctx.now();
  const email = input.email.trim().toLowerCase();
  const failures = await repo.countRecentFailures(ctx.db, email, input.ip, new Date(now.getTime() - RATE_LIMIT.windowMs));
  if (failures.byEmail >= RATE_LIMIT.perAccount || failures.byIp >= RATE_LIMIT.perAddress) {
    throw new RateLimitedError(RATE_LIMIT.windowMs / 1000);
  }

  const { account: user, candidates } = await resolveAccount(ctx.db, email, input.password, input.organization);
  if (!user) {
    await repo.recordLoginFailure(ctx.db, candidates.length === 1 ? candidates[0]!.orgId : null, email, input.ip, now);
    throw new UnauthenticatedError('The email or password is not right.');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + IDLE_LIFETIME_MS[input.kind]);
  await ctx.db.transaction(async (tx) => {
    await repo.clearLoginFailures(tx, email);
    await repo.insertSession(tx, {
      orgId: user.orgId,
      userId: user.id,
      tokenHash: hashToken(token),
      csrfToken,
      kind: input.kind,
      ip: input.ip,
      userAgent: input.userAgent,
      now,
      expiresAt,
    });
  });
  const actor = await authenticate(ctx, token, input.ip);
  if (!actor) throw new UnauthenticatedError();
  await audit(ctx.db, actor.actor, [{ action: 'auth.login', detail: { kind: input.kind } }]);
  return { token, csrfToken, actor: actor.actor, expiresAt };
}

export interface Authenticated {
  actor: Actor;
  csrfToken: string;
  kind: 'cookie' | 'bearer';
}

export async function authenticate(ctx: ServiceContext, token: string, ip: string | null): Promise<Authenticated | null> {
  if (token.length < 20 || token.length > 200) return null;
  const now = ctx.now();
  const row = await repo.findLiveSession(ctx.db, hashToken(token), now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(ctx.db, row.sessionId, now, new Date(now.getTime() + IDLE_LIFETIME_MS[row.kind]));
  }
  return {
    csrfToken: row.csrfToken,
    kind: row.kind,
    actor: {
      userId: row.userId,
      orgId: row.orgId,
      role: row.role as Role,
      email: row.email,
      displayName: row.displayName,
      patientId: row.patientId,
      practitionerId: row.practitionerId,
      locationIds: row.locationIds,
      mustChangePassword: row.mustChangePassword,
      sessionId: row.sessionId,
      ip,
    },
  };
}

export async function logout(ctx: ServiceContext, actor: Actor): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, actor.sessionId);
    await audit(tx, actor, [{ action: 'auth.logout' }]);
  });
}

export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

/** Changes the password and signs out every other session of the account. */
export async function changePassword(ctx: ServiceContext, actor: Actor, current: string, next: string): Promise<void> {
  const user = await repo.findUserById(ctx.db, actor.orgId, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new ValidationError({ currentPassword: 'The current password is not right.' });
  }
  if (current === next) throw new ValidationError({ newPassword: 'Choose a password different from the current one.' });
  const hash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, actor.orgId, actor.userId, hash, ctx.now());
    await repo.deleteOtherSessions(tx, actor.userId, actor.sessionId);
    await audit(tx, actor, [{ action: 'auth.password-change' }]);
  });
}
