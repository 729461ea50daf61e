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
  const { orgId, sites, practitioners } = world;
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
    `INSERT INTO credentials (org_id, practitioner_id, kind, type, issuer, number, issued_on, expires_on)
     VALUES ($1, $2, 'certification', 'CNMT', 'NMT Center', 'CNMT-1', '2019-01-01', NULL)`,
    [orgId, practitioners.a],
  );
  for (let weekday = 0; weekday < 7; weekday++) {
    await db.query(
      `INSERT INTO shift_templates (org_id, practitioner_id, location_id, weekday, start_time, end_time)
       VALUES ($1, $2, $3, $4, '08:00', '18:00'), ($1, $5, $6, $4, '09:00', '17:00')`,
      [orgId, practitioners.a, sites.a, weekday, practitioners.b, sites.b],
    );
  }
  return { roomsA: roomsA.sort(), roomB: roomB! };
}

/** A bookable world behind a server whose clock stands still at `now`; `as(role)` sends requests as that role. */
export async function bookingHarness(db: Database, now: Date | (() => Date)) {
  const { buildWorld, tokenFor } = await import('./world.ts');
  const { buildServer } = await import('../../src/http/server.ts');
  const world = await buildWorld(db);
  const rooms = await makeBookable(db, world);
  const clock = typeof now === 'function' ? now : () => now;
  const app = await buildServer({ db, now: clock });
  const tokens = new Map<string, string>();
  async function as(
    role: keyof World['users'],
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) {
    if (!tokens.has(role)) tokens.set(role, await tokenFor(app, world.users[role].email));
    return app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens.get(role)}`, ...headers },
      ...(payload ? { payload } : {}),
    });
  }
  return { world, rooms, app, as };
}

export async function countAppointments(db: Database, orgId: string): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointments WHERE org_id = $1', [orgId]))[0]!
    .n;
}
