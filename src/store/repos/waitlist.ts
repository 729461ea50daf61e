import { lostTimeRace, type Queryable } from '../database.ts';
import type { SlotTaken } from './appointments.ts';
import type { PatientScope } from './scope.ts';

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

export interface WaitlistRow {
  id: string;
  patientId: string;
  serviceCode: string;
  locationIds: string[];
  earliest: string;
  latest: string;
  timeOfDay: TimeOfDay | null;
  status: 'waiting' | 'offered' | 'booked' | 'removed';
  createdAt: Date;
}

export type WaitlistFields = Pick<
  WaitlistRow,
  'patientId' | 'serviceCode' | 'locationIds' | 'earliest' | 'latest' | 'timeOfDay'
>;

export interface HoldRow extends SlotTaken {
  id: string;
  waitlistEntryId: string;
  expiresAt: Date;
  status: 'offered' | 'accepted' | 'expired' | 'withdrawn';
  appointmentId: string | null;
}

const ENTRY_COLUMNS = `w.id, w.patient_id AS "patientId", w.service_code AS "serviceCode",
  w.location_ids::text[] AS "locationIds",
  w.earliest, w.latest, w.time_of_day AS "timeOfDay", w.status, w.created_at AS "createdAt"`;
const HOLD_COLUMNS = `h.id, h.waitlist_entry_id AS "waitlistEntryId", h.patient_id AS "patientId",
  h.therapist_id AS "therapistId",
  h.location_id AS "locationId", h.room_id AS "roomId", h.service_code AS "serviceCode", lower(h.during) AS start,
  upper(h.during) AS "end",
  (extract(epoch FROM upper(h.blocks) - upper(h.during)) / 60)::int AS "bufferAfterMinutes",
  h.expires_at AS "expiresAt", h.status,
  h.appointment_id AS "appointmentId"`;

export async function insertEntry(
  db: Queryable,
  orgId: string,
  f: WaitlistFields,
  createdBy: string,
  now: Date,
): Promise<WaitlistRow> {
  const rows = await db.query<WaitlistRow>(
    `WITH w AS (
       INSERT INTO waitlist_entries (org_id, patient_id, service_code, location_ids, earliest, latest, time_of_day,
       created_by, created_at)
       VALUES ($1, $2, $3, $4::uuid[], $5, $6, $7, $8, $9) RETURNING *)
     SELECT ${ENTRY_COLUMNS} FROM w`,
    [orgId, f.patientId, f.serviceCode, f.locationIds, f.earliest, f.latest, f.timeOfDay, createdBy, now],
  );
  return rows[0]!;
}

export async function findEntry(db: Queryable, orgId: string, id: string): Promise<WaitlistRow | null> {
  const rows = await db.query<WaitlistRow>(
    `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries w WHERE w.org_id = $1 AND w.id = $2`,
    [orgId, id],
  );
  return rows[0] ?? null;
}

/**
 * Open entries (waiting or holding an offer) a scope may see, oldest first; with `bookedSince`
 * (a date) also the booked ones whose window reaches that date.
 */
export async function listEntries(
  db: Queryable,
  orgId: string,
  scope: PatientScope,
  limit: number,
  bookedSince: string | null = null,
): Promise<WaitlistRow[]> {
  const params: unknown[] = [orgId, bookedSince];
  let clause = 'TRUE';
  switch (scope.kind) {
    case 'self':
      params.push(scope.patientId);
      clause = `w.patient_id = $3`;
      break;
    case 'locations':
      params.push(scope.locationIds);
      clause = `w.location_ids && $3::uuid[]`;
      break;
    case 'therapist':
    case 'none':
      clause = 'FALSE';
      break;
    case 'organization':
      break;
  }
  params.push(limit);
  return db.query<WaitlistRow>(
    `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries w WHERE w.org_id = $1 AND ${clause}
        AND (w.status IN ('waiting', 'offered') OR (w.status = 'booked' AND w.latest >= $2::date))
      ORDER BY w.queue_position LIMIT $${params.length}`,
    params,
  );
}

export async function setEntryStatus(
  db: Queryable,
  orgId: string,
  id: string,
  status: WaitlistRow['status'],
): Promise<void> {
  await db.query('UPDATE waitlist_entries SET status = $3 WHERE org_id = $1 AND id = $2', [orgId, id, status]);
}

/**
 * Waiting entries that want this service at this site on this local date, first come first served,
 * leaving out entries already offered this very slot (an expired offer passes to the next patient).
 */
export async function matchingEntries(
  db: Queryable,
  orgId: string,
  slot: { serviceCode: string; locationId: string; localDate: string; therapistId: string; start: Date },
): Promise<WaitlistRow[]> {
  return db.query<WaitlistRow>(
    `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries w
      WHERE w.org_id = $1 AND w.status = 'waiting' AND w.service_code = $2 AND $3::uuid = ANY(w.location_ids)
        AND w.earliest <= $4::date AND w.latest >= $4::date
        AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.org_id = w.org_id AND h.waitlist_entry_id = w.id
                          AND h.therapist_id = $5 AND lower(h.during) = $6)
      ORDER BY w.queue_position
      FOR UPDATE OF w SKIP LOCKED`,
    [orgId, slot.serviceCode, slot.locationId, slot.localDate, slot.therapistId, slot.start],
  );
}

/** Offers still marked live whose time is up stop blocking anything (their job then passes them on). */
export async function lapseExpiredHolds(db: Queryable, orgId: string, now: Date): Promise<void> {
  await db.query(`UPDATE holds SET status = 'expired' WHERE org_id = $1 AND status = 'offered' AND expires_at <= $2`, [
    orgId,
    now,
  ]);
}

export async function insertHold(
  db: Queryable,
  orgId: string,
  h: Omit<HoldRow, 'id' | 'status' | 'appointmentId'>,
  now: Date,
): Promise<HoldRow> {
  const rows = await db.query<HoldRow>(
    `WITH h AS (
       INSERT INTO holds (org_id, waitlist_entry_id, patient_id, therapist_id, location_id, room_id, service_code,
       during, blocks, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, tstzrange($8, $9, '[)'), tstzrange($8, $9 + make_interval(mins => $10),
       '[)'), $11, $12) RETURNING *)
     SELECT ${HOLD_COLUMNS} FROM h`,
    [
      orgId,
      h.waitlistEntryId,
      h.patientId,
      h.therapistId,
      h.locationId,
      h.roomId,
      h.serviceCode,
      h.start,
      h.end,
      h.bufferAfterMinutes,
      h.expiresAt,
      now,
    ],
  );
  return rows[0]!;
}

/**
 * Inserts a hold unless another live offer already holds part of that time (null then). Runs in a
 * savepoint, so the refusal leaves the caller's transaction usable.
 */
export async function insertHoldIfFree(
  tx: Queryable,
  orgId: string,
  h: Omit<HoldRow, 'id' | 'status' | 'appointmentId'>,
  now: Date,
): Promise<HoldRow | null> {
  await tx.query('SAVEPOINT offer_hold');
  try {
    const hold = await insertHold(tx, orgId, h, now);
    await tx.query('RELEASE SAVEPOINT offer_hold');
    return hold;
  } catch (err) {
    if (!lostTimeRace(err)) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT offer_hold');
    return null;
  }
}

export async function findHold(db: Queryable, orgId: string, id: string, forUpdate = false): Promise<HoldRow | null> {
  const rows = await db.query<HoldRow>(
    `SELECT ${HOLD_COLUMNS} FROM holds h WHERE h.org_id = $1 AND h.id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return rows[0] ?? null;
}

export async function setHoldStatus(
  db: Queryable,
  orgId: string,
  id: string,
  status: HoldRow['status'],
  appointmentId: string | null = null,
): Promise<void> {
  await db.query(
    'UPDATE holds SET status = $3, appointment_id = coalesce($4, appointment_id) WHERE org_id = $1 AND id = $2',
    [orgId, id, status, appointmentId],
  );
}

/** Live offers made to the patients of some waitlist entries. */
export async function liveHoldsOf(db: Queryable, orgId: string, entryIds: string[]): Promise<HoldRow[]> {
  if (entryIds.length === 0) return [];
  return db.query<HoldRow>(
    `SELECT ${HOLD_COLUMNS} FROM holds h WHERE h.org_id = $1 AND h.status = 'offered'
      AND h.waitlist_entry_id = ANY($2::uuid[])`,
    [orgId, entryIds],
  );
}

export async function siteInfo(
  db: Queryable,
  orgId: string,
  locationId: string,
): Promise<{ name: string; timeZone: string } | null> {
  const rows = await db.query<{ name: string; timeZone: string }>(
    'SELECT name, time_zone AS "timeZone" FROM locations WHERE org_id = $1 AND id = $2',
    [orgId, locationId],
  );
  return rows[0] ?? null;
}

export async function patientContact(
  db: Queryable,
  orgId: string,
  patientId: string,
): Promise<{ email: string | null; emailAllowed: boolean } | null> {
  const rows = await db.query<{ email: string | null; emailAllowed: boolean }>(
    `SELECT email, coalesce((communication->>'email')::boolean, true) AS "emailAllowed" FROM patients
      WHERE org_id = $1 AND id = $2`,
    [orgId, patientId],
  );
  return rows[0] ?? null;
}

/**
 * Whether anything (a booking that occupies time, or a live offer) already holds the therapist, the room or the patient
 * then.
 */
export async function slotTaken(
  db: Queryable,
  orgId: string,
  slot: { therapistId: string; roomId: string | null; patientId: string; start: Date; end: Date; blocksEnd: Date },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM appointments a
      WHERE a.org_id = $1 AND a.occupies
        AND ((a.therapist_id = $2 AND a.blocks && tstzrange($5, $7)) OR (a.room_id = $3
        AND a.blocks && tstzrange($5, $7))
             OR (a.patient_id = $4 AND a.during && tstzrange($5, $6)))
     UNION ALL
     SELECT 1 FROM holds h
      WHERE h.org_id = $1 AND h.status = 'offered' AND h.expires_at > $8
        AND ((h.therapist_id = $2 AND h.blocks && tstzrange($5, $7)) OR (h.room_id = $3
        AND h.blocks && tstzrange($5, $7))
             OR (h.patient_id = $4 AND h.during && tstzrange($5, $6)))
     LIMIT 1`,
    [orgId, slot.therapistId, slot.roomId, slot.patientId, slot.start, slot.end, slot.blocksEnd, now],
  );
  return rows.length > 0;
}

export async function existingLocations(db: Queryable, orgId: string, ids: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM locations WHERE org_id = $1 AND id = ANY($2::uuid[])', [
    orgId,
    ids,
  ]);
  return rows.map((r) => r.id);
}
