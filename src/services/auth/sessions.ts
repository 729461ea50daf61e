import { createHash, randomBytes } from 'node:crypto';
import type { StoredResponse } from '../../store/repos/idempotency.ts';
import * as repo from '../../store/repos/sign-ins.ts';
import { audit } from '../audit.ts';
import type { Actor, Role, ServiceContext } from '../context.ts';
import { UnauthenticatedError, ValidationError } from '../errors.ts';
import { resolveAccount } from './accounts.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { attemptFailed, attemptSucceeded, beginAttempt } from './throttle.ts';

/** A session lives 12 hours past its last use; bearer tokens for API clients 30 days. */
const IDLE_LIFETIME_MS = { cookie: 12 * 3600_000, bearer: 30 * 24 * 3600_000 } as const;
/**
 * However often it is used, a session ends this long after sign-in: a cookie after a day, a bearer
 * token after 90 days, so a leaked token cannot be kept alive for ever by using it.
 */
export const ABSOLUTE_LIFETIME_MS = { cookie: 24 * 3600_000, bearer: 90 * 24 * 3600_000 } as const;
/** Refreshing last_seen_at on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

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
  // Counted before any password is checked, so parallel guesses cannot slip past the limit.
  const attempt = await beginAttempt(ctx, email, input.ip, null);
  const { account: user, candidates } = await resolveAccount(ctx.db, email, input.password, input.organization);
  if (!user) {
    await attemptFailed(ctx, { ...attempt, orgId: candidates.length === 1 ? candidates[0]!.orgId : null });
    throw new UnauthenticatedError('The email or password is not right.');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + IDLE_LIFETIME_MS[input.kind]);
  await ctx.db.transaction(async (tx) => {
    await attemptSucceeded(tx, attempt);
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
  /** Asked with an Idempotency-Key: the answer kept under it for this user, null when none (see answeredBefore). */
  kept?: StoredResponse | null;
}

/** `idempotencyKey`: the key a create carries, so a retry is recognised in the session's own read. */
export async function authenticate(
  ctx: ServiceContext,
  token: string,
  ip: string | null,
  idempotencyKey?: string,
): Promise<Authenticated | null> {
  if (token.length < 20 || token.length > 200) return null;
  const now = ctx.now();
  let kept: StoredResponse | null | undefined;
  const tokenHash = hashToken(token);
  const memory = ctx.sessions;
  // A create reads its session with its key's kept answer, so it always reads; the session is then kept too.
  let row = idempotencyKey === undefined ? (memory?.find(tokenHash, now) ?? null) : null;
  const readNow = !row;
  if (!row) {
    const generation = memory?.generation() ?? 0;
    if (idempotencyKey === undefined) row = await repo.findLiveSession(ctx.db, tokenHash, now);
    else {
      const found = await repo.findLiveSessionAndKey(ctx.db, tokenHash, now, idempotencyKey);
      row = found?.session ?? null;
      kept = found?.kept;
    }
    if (!row) return null;
    memory?.keep(tokenHash, row, generation, now);
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const idleEnd = now.getTime() + IDLE_LIFETIME_MS[row.kind];
    const absoluteEnd = new Date(row.createdAt).getTime() + ABSOLUTE_LIFETIME_MS[row.kind];
    const expiresAt = new Date(Math.min(idleEnd, absoluteEnd));
    await repo.touchSession(ctx.db, row.sessionId, now, expiresAt);
    memory?.touched(tokenHash, now, expiresAt);
  }
  return {
    csrfToken: row.csrfToken,
    kind: row.kind,
    ...(kept !== undefined ? { kept } : {}),
    actor: {
      userId: row.userId,
      orgId: row.orgId,
      role: row.role as Role,
      email: row.email,
      displayName: row.displayName,
      patientId: row.patientId,
      therapistId: row.therapistId,
      // A copy: the row may be kept for later requests.
      locationIds: [...row.locationIds],
      orgTimeZone: row.orgTimeZone,
      // Only as read now: another instance's closure must show on this one's next availability, which then reads
      // the stamp itself rather than wait for the notification.
      ...(readNow ? { scheduleStamp: row.scheduleStamp } : {}),
      language: row.language,
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
  // Forgotten here at once; other servers forget it when the database's notification arrives.
  ctx.sessions?.heard(actor.orgId);
}

/**
 * Changes the password and signs out every other session of the account. The current password is
 * limited like a sign-in (and counts with it), so a stolen session cannot be used to guess it.
 */
export async function changePassword(ctx: ServiceContext, actor: Actor, current: string, next: string): Promise<void> {
  const attempt = await beginAttempt(ctx, actor.email.trim().toLowerCase(), actor.ip ?? 'unknown', actor.orgId);
  const user = await repo.findUserById(ctx.db, actor.orgId, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    await attemptFailed(ctx, attempt);
    throw new ValidationError({ currentPassword: 'The current password is not right.' });
  }
  await attemptSucceeded(ctx.db, attempt);
  if (current === next) throw new ValidationError({ newPassword: 'Choose a password different from the current one.' });
  const hash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, actor.orgId, actor.userId, hash, ctx.now());
    await repo.deleteOtherSessions(tx, actor.userId, actor.sessionId);
    await audit(tx, actor, [{ action: 'auth.password-change' }]);
  });
  ctx.sessions?.heard(actor.orgId);
}

/**
 * Signs an account in without a password, right after something proved the person owns it (a verified
 * sign-up link). Audited like a sign-in, with how it happened.
 */
export async function openSession(
  ctx: ServiceContext,
  account: { orgId: string; userId: string },
  input: { kind: 'cookie' | 'bearer'; ip: string; userAgent: string | null; via: string },
): Promise<LoginResult> {
  const now = ctx.now();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + IDLE_LIFETIME_MS[input.kind]);
  await repo.insertSession(ctx.db, {
    orgId: account.orgId,
    userId: account.userId,
    tokenHash: hashToken(token),
    csrfToken,
    kind: input.kind,
    ip: input.ip,
    userAgent: input.userAgent,
    now,
    expiresAt,
  });
  const actor = await authenticate(ctx, token, input.ip);
  if (!actor) throw new UnauthenticatedError();
  await audit(ctx.db, actor.actor, [{ action: 'auth.login', detail: { kind: input.kind, via: input.via } }]);
  return { token, csrfToken, actor: actor.actor, expiresAt };
}
