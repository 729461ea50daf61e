import type { Queryable } from '../database.ts';

/** The database's clock: messages of a write with no clock of its own are timed by it. */
export async function databaseNow(db: Queryable): Promise<Date> {
  const rows = await db.query<{ now: Date }>('SELECT now() AS now');
  return new Date(rows[0]!.now);
}

export type MessageKind =
  | 'confirmation'
  | 'reminder'
  | 'pre-visit'
  | 'cancellation'
  | 'reschedule'
  | 'waitlist-offer'
  | 'home-care'
  | 'visit-affected'
  | 'relief-check'
  | 'sign-up';
export type MessageStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/**
 * What an appointment message was composed from besides the appointment, so it can be composed
 * again from current data when it leaves (a renamed service then reads with its new name).
 */
export interface RenderInputs {
  /** The message carries the patient's self-service link. */
  link: boolean;
  hoursBefore?: number;
  /** Words from the clinic, e.g. why a visit was cancelled. */
  note?: string;
  /** Why the visit no longer fits the schedule, in the patient's words. */
  problem?: string;
}

/** A file sent with a message, kept as base64 so the row is plain JSON. */
export interface Attachment {
  filename: string;
  contentType: string;
  base64: string;
}

export interface NewMessage {
  orgId: string;
  kind: MessageKind;
  appointmentId: string | null;
  /** Null only for a sign-up's verification, sent before the patient record exists. */
  patientId: string | null;
  toAddress: string;
  subject: string;
  text: string;
  html: string | null;
  sendAt: Date;
  messageId: string;
  dedupeKey: string;
  render: RenderInputs | null;
  attachments: Attachment[];
}

export interface MessageRow extends NewMessage {
  id: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** While claimed: the lease's end; after a failed attempt: the earliest retry. */
  lockedUntil: Date | null;
}

const COLUMNS = `id, org_id AS "orgId", kind, appointment_id AS "appointmentId", patient_id AS "patientId",
  to_address AS "toAddress", subject, text, html, send_at AS "sendAt", message_id AS "messageId",
  dedupe_key AS "dedupeKey", status, attempts, last_error AS "lastError", created_at AS "createdAt",
  sent_at AS "sentAt",
  locked_until AS "lockedUntil", render, attachments`;

/** Inserts once per dedupe key; returns the new row, or null when the key was already queued. */
export async function insertMessage(db: Queryable, m: NewMessage, now: Date): Promise<MessageRow | null> {
  return (await insertMessages(db, [m], now))[0] ?? null;
}

/** The columns a new message is written with, in the order messageRowsFrom selects them. */
export const MESSAGE_COLUMNS = `org_id, kind, appointment_id, patient_id, to_address, subject, text, html, send_at,
  message_id, dedupe_key, created_at, render, attachments`;

/** New messages as the one JSON parameter messageRowsFrom reads, created at `now`. */
export function messageRowsJson(ms: readonly NewMessage[], now: Date): string {
  return JSON.stringify(
    ms.map((m) => ({
      org_id: m.orgId,
      kind: m.kind,
      appointment_id: m.appointmentId,
      patient_id: m.patientId,
      to_address: m.toAddress,
      subject: m.subject,
      text: m.text,
      html: m.html,
      send_at: m.sendAt,
      message_id: m.messageId,
      dedupe_key: m.dedupeKey,
      created_at: now,
      render: m.render,
      attachments: m.attachments,
    })),
  );
}

/** A SELECT of MESSAGE_COLUMNS from the parameter `param` (messageRowsJson), for an INSERT of them. */
export const messageRowsFrom = (param: string) =>
  `SELECT ${MESSAGE_COLUMNS} FROM json_populate_recordset(null::outbox_messages, ${param}::json)`;

/** Leaves out a message whose dedupe key is already queued (a repeated schedule of the same visit). */
export const ON_QUEUED_ALREADY = 'ON CONFLICT (org_id, dedupe_key) DO NOTHING';

/**
 * Inserts several messages in one statement (one round trip for a booking's confirmation and
 * reminders); a message whose dedupe key is already queued is left out. The new rows, in the given order.
 */
export async function insertMessages(db: Queryable, ms: readonly NewMessage[], now: Date): Promise<MessageRow[]> {
  if (ms.length === 0) return [];
  const rows = await db.query<MessageRow>(
    `INSERT INTO outbox_messages (${MESSAGE_COLUMNS}) ${messageRowsFrom('$1')} ${ON_QUEUED_ALREADY}
     RETURNING ${COLUMNS}`,
    [messageRowsJson(ms, now)],
  );
  const order = new Map(ms.map((m, i) => [m.dedupeKey, i]));
  return rows.sort((a, b) => order.get(a.dedupeKey)! - order.get(b.dedupeKey)!);
}

/**
 * Claims one due message for `leaseMs`. SKIP LOCKED hands each row to one worker; a worker that
 * dies mid-send simply lets its lease run out and another picks the message up again.
 */
export async function claimDueMessage(db: Queryable, now: Date, leaseMs: number): Promise<MessageRow | null> {
  const rows = await db.query<MessageRow>(
    `UPDATE outbox_messages SET locked_until = $2, attempts = attempts + 1
      WHERE id = (SELECT id FROM outbox_messages
                   WHERE status = 'pending' AND send_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
                   ORDER BY send_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [now, new Date(now.getTime() + leaseMs)],
  );
  return rows[0] ?? null;
}

/** Keeps the words a message was last composed with, so the stored copy is what was sent. */
export async function updateContent(
  db: Queryable,
  id: string,
  content: { subject: string; text: string; html: string | null },
): Promise<void> {
  await db.query(`UPDATE outbox_messages SET subject = $2, text = $3, html = $4 WHERE id = $1 AND status = 'pending'`, [
    id,
    content.subject,
    content.text,
    content.html,
  ]);
}

export async function markSent(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE outbox_messages SET status = 'sent', sent_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1
      AND status = 'pending'`,
    [id, now],
  );
}

/**
 * A failed attempt: try again at `retryAt`, or give up (`retryAt` null). The retry time is kept in
 * locked_until so send_at stays the scheduled time, which every attempt uses as the Date header.
 */
export async function markAttemptFailed(db: Queryable, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db.query(
    `UPDATE outbox_messages
        SET locked_until = $3, last_error = $2,
            status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE status END
      WHERE id = $1 AND status = 'pending'`,
    [id, error.slice(0, 500), retryAt],
  );
}

/** Cancels the pending messages of an appointment (of the given kinds); returns the kinds cancelled. */
export async function cancelPendingMessages(
  db: Queryable,
  orgId: string,
  appointmentId: string,
  kinds: MessageKind[],
): Promise<MessageKind[]> {
  const rows = await db.query<{ kind: MessageKind }>(
    `UPDATE outbox_messages SET status = 'cancelled', locked_until = NULL
      WHERE org_id = $1 AND appointment_id = $2 AND status = 'pending' AND kind = ANY($3) RETURNING kind`,
    [orgId, appointmentId, kinds],
  );
  return rows.map((r) => r.kind);
}

export async function listMessages(
  db: Queryable,
  filter: { orgId: string; appointmentId?: string },
): Promise<MessageRow[]> {
  return db.query<MessageRow>(
    `SELECT ${COLUMNS} FROM outbox_messages WHERE org_id = $1 AND ($2::uuid IS NULL OR appointment_id = $2)
      ORDER BY send_at, kind, id`,
    [filter.orgId, filter.appointmentId ?? null],
  );
}

/** The organisation's notification settings (reminder hours, cancellation notice), as stored. */
export async function organizationSettings(db: Queryable, orgId: string): Promise<Record<string, unknown>> {
  const rows = await db.query<{ settings: Record<string, unknown> }>(
    'SELECT settings FROM organizations WHERE id = $1',
    [orgId],
  );
  return rows[0]?.settings ?? {};
}
