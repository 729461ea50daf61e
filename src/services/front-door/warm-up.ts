/** The server's warm-up after it starts (http/warm-up.ts): which organisations, and how it went. */
import { organizationSlugs } from '../../store/repos/organizations.ts';
import { sqlState } from '../../store/database.ts';
import type { ServiceContext } from '../context.ts';

/** At most this many organisations are warmed: the start's extra work stays bounded however many there are. */
const WARM_UP_ORGANIZATIONS = 20;

/** The organisations whose public pages are warmed at start, oldest first. */
export function organizationsToWarm(ctx: ServiceContext): Promise<string[]> {
  return organizationSlugs(ctx.db, WARM_UP_ORGANIZATIONS);
}

export type WarmUpOutcome =
  { warmed: true; organizations: number; ms: number } | { warmed: false; reason: string; ms: number };

/**
 * Runs a warm-up and answers how it went; never throws. A failure is described by its kind only (a
 * database error's SQLSTATE or the error's class), never its message, which may quote values.
 */
export async function warmUpQuietly(run: () => Promise<number>, clock: () => number): Promise<WarmUpOutcome> {
  const started = clock();
  try {
    const organizations = await run();
    return { warmed: true, organizations, ms: clock() - started };
  } catch (err) {
    const state = sqlState(err);
    const reason = state ? `database error ${state}` : err instanceof Error ? err.name : 'unknown error';
    return { warmed: false, reason, ms: clock() - started };
  }
}

/** The one line the server prints about its warm-up: counts and a kind of failure, nothing of anyone. */
export function describeWarmUp(outcome: WarmUpOutcome): string {
  if (!outcome.warmed)
    return `Public pages not warmed (${outcome.reason}); serving anyway, the first visitors may wait.`;
  const orgs = `${outcome.organizations} organisation${outcome.organizations === 1 ? '' : 's'}`;
  return `Public pages warmed in ${Math.round(outcome.ms)} ms (${orgs}); ready.`;
}
