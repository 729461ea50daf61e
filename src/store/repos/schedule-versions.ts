import type { Queryable } from '../database.ts';

/**
 * The organisation's schedule stamp (bumped by triggers on every table availability reads); '0' before its first
 * change.
 */
/** The stamp as a column of another read (organisation `$n`): one round trip for both. */
export const scheduleStampColumn = (orgParam: string) =>
  `coalesce((SELECT version::text FROM schedule_versions WHERE org_id = ${orgParam}), '0')`;

export async function readScheduleStamp(db: Queryable, orgId: string): Promise<string> {
  const rows = await db.query<{ version: string }>(
    'SELECT version::text AS version FROM schedule_versions WHERE org_id = $1',
    [orgId],
  );
  return rows[0]?.version ?? '0';
}
