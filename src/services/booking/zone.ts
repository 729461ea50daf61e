import type { Queryable } from '../../store/database.ts';
import { siteInfo } from '../../store/repos/waitlist.ts';

/** Calendar dates are read in the clinic group's zone unless a site (with its own zone) is named. */
export const CLINIC_TIME_ZONE = 'America/Los_Angeles';

export async function clinicTimeZone(db: Queryable, orgId: string, locationId?: string): Promise<string> {
  if (!locationId) return CLINIC_TIME_ZONE;
  return (await siteInfo(db, orgId, locationId))?.timeZone ?? CLINIC_TIME_ZONE;
}
