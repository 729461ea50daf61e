import type { Queryable } from '../../store/database.ts';
import { organizationZoneAndStamp } from '../../store/repos/organizations.ts';
import { siteInfo } from '../../store/repos/waitlist.ts';
import type { Actor } from '../context.ts';
import { cachedAtStamp } from './schedule-cache.ts';

/** Calendar dates are read in the organisation's zone unless a site (with its own zone) is named. */
export async function clinicTimeZone(db: Queryable, actor: Actor, locationId?: string): Promise<string> {
  if (!locationId) return actor.orgTimeZone;
  return (await siteInfo(db, actor.orgId, locationId))?.timeZone ?? actor.orgTimeZone;
}

/**
 * clinicTimeZone once the organisation's zone and schedule stamp are read (organizationZoneAndStamp): a site's zone
 * is kept at the stamp, which editing a site bumps.
 */
export async function clinicTimeZoneAt(
  db: Queryable,
  actor: Actor,
  at: { timeZone: string; stamp: string },
  locationId?: string,
): Promise<string> {
  if (!locationId) return at.timeZone;
  const site = await cachedAtStamp(db, at.stamp, `${actor.orgId}:site-info:${locationId}`, () =>
    siteInfo(db, actor.orgId, locationId),
  );
  return site?.timeZone ?? at.timeZone;
}

/**
 * The organisation's zone and schedule stamp as read with the request's session, else read now. Only for a read that
 * changes no schedule first: the session's stamp would not show that change.
 */
export async function zoneAndStampAsSignedIn(
  db: Queryable,
  actor: Actor,
): Promise<{ timeZone: string; stamp: string }> {
  if (actor.scheduleStamp !== undefined) return { timeZone: actor.orgTimeZone, stamp: actor.scheduleStamp };
  return organizationZoneAndStamp(db, actor.orgId);
}
