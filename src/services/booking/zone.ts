import type { Queryable } from '../../store/database.ts';
import { siteInfo } from '../../store/repos/waitlist.ts';
import type { Actor } from '../context.ts';

/** Calendar dates are read in the organisation's zone unless a site (with its own zone) is named. */
export async function clinicTimeZone(db: Queryable, actor: Actor, locationId?: string): Promise<string> {
  if (!locationId) return actor.orgTimeZone;
  return (await siteInfo(db, actor.orgId, locationId))?.timeZone ?? actor.orgTimeZone;
}
