/**
 * The public pages' reads, run once by the server itself right after it starts listening, so the first
 * visitor does not pay for the database planning each query for the first time (PGlite's catalogue and
 * plan caches are empty after a start). Only reads: the caches it fills are the ones any visitor would
 * fill (the sites list, kept by the schedule stamp). Its requests are counted under an address no visitor
 * can have, so no one's public limit is used up.
 */
import { LOCALES } from '../../words/locales.ts';
import { organizationSlugs } from '../../store/repos/organizations.ts';
import { sqlState } from '../../store/database.ts';
import { searchPlaces } from '../public-places.ts';
import type { ServiceContext } from '../context.ts';
import { publicAbout, publicSites } from './public.ts';

/** At most this many organisations are warmed: the start's extra work stays bounded however many there are. */
export const WARM_UP_ORGANIZATIONS = 20;
/** Not an address: its public limits are its own. */
const WARM_UP_CALLER = 'server-warm-up';
const PLACE_SEARCHES = [
  { q: 'front of my thigh', lang: 'en' },
  { q: 'parte delantera del muslo', lang: 'es' },
] as const;

export type WarmUpOutcome =
  { warmed: true; organizations: number; ms: number } | { warmed: false; reason: string; ms: number };

/** Reads each organisation's public pages once (sites, about in each language) and the place search. */
export async function warmPublicReads(ctx: ServiceContext, stopping: () => boolean = () => false): Promise<number> {
  const slugs = await organizationSlugs(ctx.db, WARM_UP_ORGANIZATIONS);
  let warmed = 0;
  for (const slug of slugs) {
    if (stopping()) break;
    await publicSites(ctx, slug, WARM_UP_CALLER);
    for (const locale of LOCALES) await publicAbout(ctx, slug, locale, WARM_UP_CALLER);
    warmed++;
  }
  for (const search of PLACE_SEARCHES) if (!stopping()) await searchPlaces(ctx, search, WARM_UP_CALLER);
  return warmed;
}

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
