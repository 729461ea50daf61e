import type { Database } from '../../src/store/database.ts';
import type { World } from './world.ts';

const ALL_WEEK = JSON.stringify(
  Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [{ open: '08:00', close: '18:00' }]])),
);

async function ids(db: Database, sql: string, params: unknown[]): Promise<string[]> {
  return (await db.query<{ id: string }>(sql, params)).map((r) => r.id);
}

/**
 * Makes the test world bookable: both sites open 08:00–18:00 every day (Los Angeles), two rooms at
 * Alpha and one at Beta; Avery (site A) holds an Oregon LMT and a CNMT and works 08:00–18:00 daily;
 * Blake (site B) holds only the LMT — not qualified for NMT — and works 09:00–17:00 daily.
 */
export async function makeBookable(db: Database, world: World) {
  const { orgId, sites, therapists } = world;
  await db.query('UPDATE locations SET hours = $3::jsonb WHERE org_id = $1 AND id = ANY($2::uuid[])', [
    orgId,
    [sites.a, sites.b],
    ALL_WEEK,
  ]);
  const roomsA = await ids(
    db,
    `INSERT INTO rooms (org_id, location_id, name) VALUES ($1, $2, 'A1'), ($1, $2, 'A2') RETURNING id`,
    [orgId, sites.a],
  );
  const [roomB] = await ids(db, `INSERT INTO rooms (org_id, location_id, name) VALUES ($1, $2, 'B1') RETURNING id`, [
    orgId,
    sites.b,
  ]);
  await db.query(
    `INSERT INTO credentials (org_id, therapist_id, kind, type, issuer, number, issued_on, expires_on)
     VALUES ($1, $2, 'certification', 'CNMT', 'NMT Center', 'CNMT-1', '2019-01-01', NULL)`,
    [orgId, therapists.a],
  );
  for (let weekday = 0; weekday < 7; weekday++) {
    await db.query(
      `INSERT INTO shift_templates (org_id, therapist_id, location_id, weekday, start_time, end_time)
       VALUES ($1, $2, $3, $4, '08:00', '18:00'), ($1, $5, $6, $4, '09:00', '17:00')`,
      [orgId, therapists.a, sites.a, weekday, therapists.b, sites.b],
    );
  }
  return { roomsA: roomsA.sort(), roomB: roomB! };
}

export async function countAppointments(db: Database, orgId: string): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointments WHERE org_id = $1', [orgId]))[0]!
    .n;
}
