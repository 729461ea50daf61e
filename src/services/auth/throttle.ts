import * as repo from '../../store/repos/login-throttle.ts';
import type { Queryable } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';
import { RateLimitedError } from '../errors.ts';

/**
 * Password attempts (sign-in, and the current password when changing it), per 15-minute window:
 * 5 for one account from one address, 30 from one address over all accounts (a clinic's shared
 * internet address). An account is never locked as a whole, so an attacker cannot lock a
 * clinician out: from an address that has not failed, the right password always works. Guessing
 * spread over many addresses is slowed instead: past 10 failures on an account in the window,
 * every attempt on it waits a little longer, up to 5 seconds.
 */
export const RATE_LIMIT = {
  windowMs: 15 * 60_000,
  perAccountAndAddress: 5,
  perAddress: 30,
  accountFailuresBeforeSlowdown: 10,
  slowdownStepMs: 250,
  slowdownMaxMs: 5_000,
} as const;

const keys = (email: string, ip: string) => ({
  pair: `pair:${email} ${ip}`,
  address: `address:${ip}`,
  account: `account:${email}`,
});

export interface Attempt {
  readonly email: string;
  readonly ip: string;
  /** The account's organisation, when the email is an account's. */
  readonly orgId: string | null;
}

/** How long an attempt on an account with this many recent failures waits before its check. */
export function slowdownMs(accountFailures: number): number {
  const over = accountFailures - RATE_LIMIT.accountFailuresBeforeSlowdown;
  return over < 0 ? 0 : Math.min(RATE_LIMIT.slowdownMaxMs, (over + 1) * RATE_LIMIT.slowdownStepMs);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Counts an attempt before its password is checked — one statement, so parallel attempts are
 * counted one by one — and refuses it (429) when the account from this address or the address
 * has used up its attempts. Then waits while the account is under attack.
 */
export async function beginAttempt(
  ctx: ServiceContext,
  email: string,
  ip: string,
  orgId: string | null,
): Promise<Attempt> {
  const now = ctx.now();
  const windowStartedBefore = new Date(now.getTime() - RATE_LIMIT.windowMs);
  const k = keys(email, ip);
  const counted = await repo.countAttempt(
    ctx.db,
    [
      { key: k.pair, orgId },
      { key: k.address, orgId: null },
    ],
    now,
    windowStartedBefore,
  );
  const over = counted.filter((c) =>
    c.key === k.pair ? c.attempts > RATE_LIMIT.perAccountAndAddress : c.attempts > RATE_LIMIT.perAddress,
  );
  if (over.length > 0) {
    const reopens = Math.max(...over.map((c) => new Date(c.windowStart).getTime() + RATE_LIMIT.windowMs));
    throw new RateLimitedError(Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)));
  }
  const wait = slowdownMs(await repo.currentCount(ctx.db, k.account, windowStartedBefore));
  if (wait > 0) await (ctx.sleep ?? sleep)(wait);
  return { email, ip, orgId };
}

/** A wrong password: the attempt stays counted, and the account's failures grow. */
export async function attemptFailed(ctx: ServiceContext, attempt: Attempt): Promise<void> {
  const now = ctx.now();
  const account = { key: keys(attempt.email, attempt.ip).account, orgId: attempt.orgId };
  await repo.countAttempt(ctx.db, [account], now, new Date(now.getTime() - RATE_LIMIT.windowMs));
}

/** The right password: this account starts afresh from this address, and the address gets its attempt back. */
export async function attemptSucceeded(db: Queryable, attempt: Attempt): Promise<void> {
  const k = keys(attempt.email, attempt.ip);
  await repo.settleSuccess(db, [k.pair], [k.address]);
}
