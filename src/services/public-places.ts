// The public "Where does it hurt?" search: anyone may ask, without signing in. Nothing about a
// person is read or kept, so nothing is audited; each address is limited so the page cannot be
// used to load the server.
import { findPlaces, type Lang, type PlaceAnswer } from '../clinical/places/index.ts';
import { countAttempt } from '../store/repos/login-throttle.ts';
import type { ServiceContext } from './context.ts';
import { RateLimitedError } from './errors.ts';

/** Searches per address per minute: far more than a person typing, far fewer than a script. */
export const PUBLIC_SEARCH_LIMIT = { windowMs: 60_000, perAddress: 120 } as const;

/**
 * Counts one public request from `ip` under `bucket` in the shared throttle table (the one that
 * limits sign-in, so every server agrees on the count) and refuses it (429) past the limit.
 */
async function limitPublicRequest(ctx: ServiceContext, bucket: string, ip: string | null): Promise<void> {
  const now = ctx.now();
  const [counted] = await countAttempt(
    ctx.db,
    [{ key: `public:${bucket}:${ip ?? 'unknown'}`, orgId: null }],
    now,
    new Date(now.getTime() - PUBLIC_SEARCH_LIMIT.windowMs),
  );
  if (counted && counted.attempts > PUBLIC_SEARCH_LIMIT.perAddress) {
    const reopens = new Date(counted.windowStart).getTime() + PUBLIC_SEARCH_LIMIT.windowMs;
    throw new RateLimitedError(
      Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)),
      'Too many searches from this connection. Please wait a minute and try again.',
    );
  }
}

export interface PlaceQuery {
  q: string;
  lang?: Lang;
  limit?: number;
}

/** Where a description points on the body, and the muscles a therapist will check there. */
export async function searchPlaces(ctx: ServiceContext, query: PlaceQuery, ip: string | null): Promise<PlaceAnswer> {
  await limitPublicRequest(ctx, 'places', ip);
  return findPlaces(query.q, { lang: query.lang, limit: query.limit ?? 8 });
}
