import type { Queryable } from '../database.ts';

export interface LocationAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

export interface OpeningInterval {
  open: string;
  close: string;
}
/** Weekday "0" (Sunday) … "6" → opening intervals in the location's own time zone. */
export type WeeklyHours = Record<string, OpeningInterval[]>;

export interface RoomRow {
  id: string;
  locationId: string;
  name: string;
  active: boolean;
}

export interface LocationRow {
  id: string;
  name: string;
  slug: string;
  address: LocationAddress;
  phone: string | null;
  timeZone: string;
  hours: WeeklyHours;
  active: boolean;
  rooms: { id: string; name: string; active: boolean }[];
}

export type LocationFields = Omit<LocationRow, 'id' | 'rooms'>;

export interface ClosureRow {
  id: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

const COLUMNS = `l.id, l.name, l.slug,
  jsonb_build_object('line1', l.address_line1, 'line2', l.address_line2, 'city', l.city, 'state', l.state,
                     'postalCode', l.postal_code, 'country', l.country) AS address,
  l.phone, l.time_zone AS "timeZone", l.hours, l.active,
  coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'name', r.name, 'active', r.active) ORDER BY r.name, r.id)
              FROM rooms r WHERE r.org_id = l.org_id AND r.location_id = l.id), '[]'::jsonb) AS rooms`;

export async function listLocations(
  db: Queryable,
  orgId: string,
  options: { activeOnly: boolean },
): Promise<LocationRow[]> {
  return db.query<LocationRow>(
    `SELECT ${COLUMNS} FROM locations l WHERE l.org_id = $1 AND ($2::boolean = false OR l.active)
      ORDER BY l.name, l.id`,
    [orgId, options.activeOnly],
  );
}

export async function findLocation(db: Queryable, orgId: string, id: string): Promise<LocationRow | null> {
  const rows = await db.query<LocationRow>(`SELECT ${COLUMNS} FROM locations l WHERE l.org_id = $1 AND l.id = $2`, [
    orgId,
    id,
  ]);
  return rows[0] ?? null;
}

function toParams(f: LocationFields): unknown[] {
  const a = f.address;
  return [
    f.name,
    f.slug,
    a.line1,
    a.line2,
    a.city,
    a.state,
    a.postalCode,
    a.country,
    f.phone,
    f.timeZone,
    JSON.stringify(f.hours),
    f.active,
  ];
}

export async function insertLocation(db: Queryable, orgId: string, f: LocationFields): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO locations (name, slug, address_line1, address_line2, city, state, postal_code, country, phone,
      time_zone, hours, active, org_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13) RETURNING id`,
    [...toParams(f), orgId],
  );
  return rows[0]!.id;
}

export async function updateLocation(db: Queryable, orgId: string, id: string, f: LocationFields): Promise<void> {
  await db.query(
    `UPDATE locations SET name = $1, slug = $2, address_line1 = $3, address_line2 = $4, city = $5, state = $6,
      postal_code = $7,
            country = $8, phone = $9, time_zone = $10, hours = $11::jsonb, active = $12
      WHERE org_id = $13 AND id = $14`,
    [...toParams(f), orgId, id],
  );
}

/** Closures that end on or after `since`, soonest first (recent and upcoming ones). */
export async function listClosures(
  db: Queryable,
  orgId: string,
  locationId: string,
  since: string,
): Promise<ClosureRow[]> {
  return db.query<ClosureRow>(
    `SELECT id, starts_on AS "startsOn", ends_on AS "endsOn", reason FROM location_closures
      WHERE org_id = $1 AND location_id = $2 AND ends_on >= $3::date ORDER BY starts_on, id`,
    [orgId, locationId, since],
  );
}

export async function insertClosure(
  db: Queryable,
  orgId: string,
  locationId: string,
  c: Omit<ClosureRow, 'id'>,
): Promise<ClosureRow> {
  const rows = await db.query<ClosureRow>(
    `INSERT INTO location_closures (org_id, location_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, starts_on AS "startsOn", ends_on AS "endsOn", reason`,
    [orgId, locationId, c.startsOn, c.endsOn, c.reason],
  );
  return rows[0]!;
}

/** True when a closure of that location was deleted. */
export async function deleteClosure(
  db: Queryable,
  orgId: string,
  locationId: string,
  closureId: string,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    'DELETE FROM location_closures WHERE org_id = $1 AND location_id = $2 AND id = $3 RETURNING id',
    [orgId, locationId, closureId],
  );
  return rows.length > 0;
}

const ROOM_COLUMNS = 'id, location_id AS "locationId", name, active';

export async function findRoom(db: Queryable, orgId: string, id: string): Promise<RoomRow | null> {
  const rows = await db.query<RoomRow>(`SELECT ${ROOM_COLUMNS} FROM rooms WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return rows[0] ?? null;
}

export async function insertRoom(db: Queryable, orgId: string, locationId: string, name: string): Promise<RoomRow> {
  const rows = await db.query<RoomRow>(
    `INSERT INTO rooms (org_id, location_id, name) VALUES ($1, $2, $3) RETURNING ${ROOM_COLUMNS}`,
    [orgId, locationId, name],
  );
  return rows[0]!;
}

export async function updateRoom(
  db: Queryable,
  orgId: string,
  id: string,
  f: { name: string; active: boolean },
): Promise<RoomRow> {
  const rows = await db.query<RoomRow>(
    `UPDATE rooms SET name = $3, active = $4 WHERE org_id = $1 AND id = $2 RETURNING ${ROOM_COLUMNS}`,
    [orgId, id, f.name, f.active],
  );
  return rows[0]!;
}
