/**
 * A booking's every write as one statement: the appointment, its care-team and site grants with their
 * audit events and the booking's own, its messages, and the answer kept under its Idempotency-Key. One
 * statement is atomic without a transaction, and is one round trip instead of a transaction's five.
 */
import type { Queryable } from '../database.ts';
import type { NewAppointment } from './appointments.ts';
import { parameters } from '../statement-parts.ts';
import { grantCtes, type GrantAudit, type PlacesToGrant } from './care.ts';
import { keptCte, type KeyToKeep } from './idempotency.ts';
import { MESSAGE_COLUMNS, messageRowsFrom, messageRowsJson, ON_QUEUED_ALREADY, type NewMessage } from './outbox.ts';

export interface BookingWrite {
  /** Chosen before the write, so the messages and the answer can name it. */
  appointment: NewAppointment & { id: string };
  grants: PlacesToGrant;
  /** Who granted, and every audit event of the booking besides the grants' own. */
  audited: GrantAudit;
  messages: NewMessage[];
  /** The answer to keep under the request's key; the statement writes nothing when the key holds one. */
  key?: KeyToKeep;
}

/** The rest is written only with the appointment (not when the key was answered first). */
const WRITTEN = 'EXISTS (SELECT 1 FROM a)';

/** Writes the booking; false when another request with its key got there first (nothing written). */
export async function writeBooking(db: Queryable, orgId: string, w: BookingWrite, now: Date): Promise<boolean> {
  const { param, values } = parameters();
  const a = w.appointment;
  const kept = w.key ? `${keptCte(param, orgId, w.key.userId, w.key.key, w.key.stored, now)}, ` : '';
  const org = param(orgId);
  const [starts, ends, at] = [`${param(a.start)}::timestamptz`, `${param(a.end)}::timestamptz`, param(now)];
  const buffer = `make_interval(mins => ${param(a.bufferAfterMinutes)}::int)`;
  const grants = grantCtes(param, orgId, a.patientId, w.audited.actor.actorUserId, w.grants, w.audited, WRITTEN);
  const rows = await db.query<{ id: string }>(
    `WITH ${kept}a AS (
       INSERT INTO appointments (id, org_id, patient_id, therapist_id, location_id, room_id, service_code, during,
         blocks, series_id, booked_by, created_at, updated_at)
       SELECT ${param(a.id)}, ${org}, ${param(a.patientId)}, ${param(a.therapistId)}, ${param(a.locationId)},
         ${param(a.roomId)}::uuid, ${param(a.serviceCode)}, tstzrange(${starts}, ${ends}, '[)'),
         tstzrange(${starts}, ${ends} + ${buffer}, '[)'),
         ${param(a.seriesId)}::uuid, ${param(a.bookedBy)}::uuid, ${at}::timestamptz, ${at}::timestamptz
        WHERE ${w.key ? 'EXISTS (SELECT 1 FROM kept)' : 'true'}
       RETURNING id
     ), ${grants},
     queued AS (
       INSERT INTO outbox_messages (${MESSAGE_COLUMNS}) ${messageRowsFrom(param(messageRowsJson(w.messages, now)))}
        WHERE ${WRITTEN}
       ${ON_QUEUED_ALREADY}
     )
     SELECT id FROM a`,
    values,
  );
  return rows.length > 0;
}
