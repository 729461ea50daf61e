/**
 * What the public pages read: no sign-in, no patient data, every query scoped to the organisation named
 * by its slug. Reads are throttled per address like sign-in attempts (login_throttle), with looser limits.
 */
import { defaultAboutText, type AboutText, type Locale } from '../../clinical/frontdoor/about.ts';
import { addDays, dateIn } from '../../time/index.ts';
import { countAttempt } from '../../store/repos/login-throttle.ts';
import { findOrganizationRowBySlug, type OrganizationRow } from '../../store/repos/organizations.ts';
import { findPublicText } from '../../store/repos/front-door.ts';
import { listLocations, type WeeklyHours, type LocationAddress } from '../../store/repos/locations.ts';
import { listCredentials, listTherapists } from '../../store/repos/therapists.ts';
import { soonestBySite } from '../booking/availability.ts';
import { bookingsNoted, cachedAtStamp, cachedBriefly, scheduleStamp } from '../booking/schedule-cache.ts';
import { loadCatalogue } from '../booking/catalogue.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, RateLimitedError } from '../errors.ts';

const NIL_USER = '00000000-0000-0000-0000-000000000000';

/** Requests from one address per window: reads are cheap and cached; writes send mail or build files. */
export const PUBLIC_LIMITS = { windowMs: 15 * 60_000, reads: 1200, writes: 120, signUps: 10 } as const;
export type PublicLimit = 'reads' | 'writes' | 'signUps';

/** Counts one request from `ip` against `kind`'s limit; past it, 429 with when to try again. */
export function throttlePublic(ctx: ServiceContext, kind: PublicLimit, ip: string): Promise<void> {
  return throttleKey(ctx, `public-${kind}:${ip}`, PUBLIC_LIMITS[kind]);
}

/** Counts one request under `key` in the public window; past `limit`, 429 with when to try again. */
export async function throttleKey(ctx: ServiceContext, key: string, limit: number): Promise<void> {
  const now = ctx.now();
  const [counted] = await countAttempt(
    ctx.db,
    [{ key, orgId: null }],
    now,
    new Date(now.getTime() - PUBLIC_LIMITS.windowMs),
  );
  if (counted && counted.attempts > limit) {
    const reopens = new Date(counted.windowStart).getTime() + PUBLIC_LIMITS.windowMs;
    throw new RateLimitedError(
      Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)),
      'Too many requests from your connection. Please wait a few minutes and try again.',
    );
  }
}

/** The organisation a public URL names; 404 for an unknown slug (the same for every caller). */
export async function publicOrganization(ctx: ServiceContext, slug: string): Promise<OrganizationRow> {
  const org = await findOrganizationRowBySlug(ctx.db, slug);
  if (!org) throw new NotFoundError('No clinic has this address.');
  return org;
}

/** An actor with no account and no patient, for the shared read services (availability). */
function visitor(org: OrganizationRow): Actor {
  return {
    userId: NIL_USER,
    orgId: org.id,
    role: 'patient',
    email: '',
    displayName: 'Public visitor',
    patientId: null,
    therapistId: null,
    locationIds: [],
    orgTimeZone: org.time_zone,
    sessionId: 'public',
    // The answer is shared by every visitor (see SITES_FRESH_MS), so it carries no one's address.
    ip: null,
  };
}

export interface PublicSite {
  id: string;
  name: string;
  slug: string;
  address: LocationAddress;
  phone: string | null;
  timeZone: string;
  hours: WeeklyHours;
  services: {
    code: string;
    name: string;
    durationMinutes: number;
    isInitial: boolean;
    priceCents: number | null;
    currency: string;
  }[];
  therapists: { id: string; name: string; discipline: string; credentials: PublicCredential[] }[];
  /** The next free first-visit times at this site (start, end, therapist), soonest first. */
  nextFirstVisits: { start: string; end: string; therapistId: string; serviceCode: string }[];
}

/**
 * What a public licence lookup shows of a credential: its kind, type and issuer. The number stays out:
 * state boards publish a licence by name on their own site, and a number on our page would only make it
 * easier to impersonate the therapist (or to harass them) without adding anything a patient can check here.
 */
export interface PublicCredential {
  kind: 'licence' | 'certification';
  type: string;
  issuer: string;
}

export const FIRST_VISITS_SHOWN = 3;
/** First visits are looked for this many days ahead (within the availability service's range). */
const FIRST_VISIT_DAYS = 14;
/** A busy site's first free times are nearly always this close: look here first, the rest only if short. */
const FIRST_LOOK_DAYS = 3;
/**
 * How long one organisation's list is reused. A schedule edit moves the stamp and shows at once on every instance, as
 * does a booking made by this instance; one made by another may still be listed this long (shared caches keep the
 * page a minute anyway, and booking it checks again).
 */
const SITES_FRESH_MS = 15_000;

export async function publicSites(
  ctx: ServiceContext,
  slug: string,
  ip: string,
): Promise<{ organization: { name: string; slug: string }; sites: PublicSite[] }> {
  await throttlePublic(ctx, 'reads', ip);
  const org = await publicOrganization(ctx, slug);
  const stamp = await scheduleStamp(ctx.db, org.id);
  const sites = await cachedBriefly(
    ctx.db,
    `${stamp}/${bookingsNoted(org.id)}`,
    `${org.id}:front-door`,
    { now: ctx.now(), forMs: SITES_FRESH_MS },
    () => readSites(ctx, org, stamp),
  );
  return { organization: { name: org.name, slug: org.slug }, sites };
}

async function readSites(ctx: ServiceContext, org: OrganizationRow, stamp: string): Promise<PublicSite[]> {
  // Sites, services, therapists and credentials all move the stamp: only the free times are read again.
  const cached = <T>(key: string, load: () => Promise<T>) =>
    cachedAtStamp(ctx.db, stamp, `${org.id}:public-${key}`, load);
  const [locations, services, therapists] = await Promise.all([
    cached('sites', () => listLocations(ctx.db, org.id, { activeOnly: true })),
    cached('services', () => loadCatalogue(ctx.db, org.id)),
    cached('therapists', () => listTherapists(ctx.db, org.id, { activeOnly: true })),
  ]);
  const credentials = await cached('credentials', () =>
    listCredentials(
      ctx.db,
      org.id,
      therapists.map((t) => t.id),
    ),
  );
  const offered = services.filter((s) => s.active);
  // The first-visit service: the initial NMT visit where there is one, else any initial service.
  const firstVisit = offered.find((s) => s.isInitial && s.discipline === 'nmt') ?? offered.find((s) => s.isInitial);
  const from = dateIn(org.time_zone, ctx.now());
  // Every site's soonest times from one read of the schedule (see soonestBySite).
  const free = firstVisit
    ? await soonestBySite(ctx, visitor(org), {
        serviceCode: firstVisit.code,
        from,
        to: addDays(from, FIRST_VISIT_DAYS - 1),
        nearDays: FIRST_LOOK_DAYS,
        perSite: FIRST_VISITS_SHOWN,
      })
    : new Map<string, never[]>();
  return locations.map((site) => ({
    id: site.id,
    name: site.name,
    slug: site.slug,
    address: site.address,
    phone: site.phone,
    timeZone: site.timeZone,
    hours: site.hours,
    services: offered.map((s) => ({
      code: s.code,
      name: s.name,
      durationMinutes: s.durationMinutes,
      isInitial: s.isInitial,
      priceCents: s.priceCents,
      currency: s.currency,
    })),
    therapists: therapists
      .filter((t) => t.locationIds.includes(site.id))
      .map((t) => ({
        id: t.id,
        name: `${t.givenName} ${t.familyName}`,
        discipline: t.discipline,
        credentials: credentials
          .filter((c) => c.therapistId === t.id)
          .map(({ kind, type, issuer }) => ({ kind, type, issuer })),
      })),
    nextFirstVisits: (free.get(site.id) ?? []).map((s) => ({
      start: s.start,
      end: s.end,
      therapistId: s.therapistId,
      serviceCode: firstVisit!.code,
    })),
  }));
}

export interface AboutAnswer extends AboutText {
  locale: Locale;
  /** The organisation wrote this text itself (false: the default). */
  custom: boolean;
}

/** The organisation's text for `locale`, or the default. */
export async function aboutTextOf(ctx: ServiceContext, orgId: string, locale: Locale): Promise<AboutAnswer> {
  const own = await findPublicText(ctx.db, orgId, locale);
  return own
    ? { locale, custom: true, ...(own.content as AboutText) }
    : { locale, custom: false, ...defaultAboutText(locale) };
}

export async function publicAbout(ctx: ServiceContext, slug: string, locale: Locale, ip: string): Promise<AboutAnswer> {
  await throttlePublic(ctx, 'reads', ip);
  const org = await publicOrganization(ctx, slug);
  return aboutTextOf(ctx, org.id, locale);
}
