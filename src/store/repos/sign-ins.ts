import { keepPlan, type Queryable } from '../database.ts';
import type { StoredResponse } from './idempotency.ts';
import { scheduleStampColumn } from './schedule-versions.ts';

export interface UserForLogin {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  role: string;
  passwordHash: string;
  disabled: boolean;
}

export interface AccountForLogin extends UserForLogin {
  organizationSlug: string;
  organizationName: string;
}

/** Every account with this email, one per organisation at most (accounts belong to an organisation). */
export async function findAccountsByEmail(db: Queryable, email: string): Promise<AccountForLogin[]> {
  return db.query<AccountForLogin>(
    `SELECT u.id, u.org_id AS "orgId", u.email, u.display_name AS "displayName", u.role,
      u.password_hash AS "passwordHash",
            u.disabled_at IS NOT NULL AS disabled, o.slug AS "organizationSlug", o.name AS "organizationName"
       FROM users u JOIN organizations o ON o.id = u.org_id AND o.org_id = u.org_id
      WHERE u.email = $1 ORDER BY o.name, o.id`,
    [email],
  );
}

export async function findUserById(db: Queryable, orgId: string, userId: string): Promise<UserForLogin | null> {
  const rows = await db.query<UserForLogin>(
    `SELECT id, org_id AS "orgId", email, display_name AS "displayName", role, password_hash AS "passwordHash",
            disabled_at IS NOT NULL AS disabled
       FROM users WHERE org_id = $1 AND id = $2`,
    [orgId, userId],
  );
  return rows[0] ?? null;
}

export interface NewSession {
  orgId: string;
  userId: string;
  tokenHash: string;
  csrfToken: string;
  kind: 'cookie' | 'bearer';
  ip: string | null;
  userAgent: string | null;
  now: Date;
  expiresAt: Date;
}

export async function insertSession(db: Queryable, s: NewSession): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO sessions (org_id, user_id, token_hash, csrf_token, kind, ip, user_agent, created_at, last_seen_at,
      expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id`,
    [s.orgId, s.userId, s.tokenHash, s.csrfToken, s.kind, s.ip, s.userAgent?.slice(0, 300) ?? null, s.now, s.expiresAt],
  );
  return rows[0]!.id;
}

export interface SessionActorRow {
  sessionId: string;
  csrfToken: string;
  kind: 'cookie' | 'bearer';
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  orgId: string;
  role: string;
  email: string;
  displayName: string;
  patientId: string | null;
  therapistId: string | null;
  mustChangePassword: boolean;
  locationIds: string[];
  orgTimeZone: string;
  scheduleStamp: string;
  /** The language tag a patient account's record asks the clinic to write in (communication.language). */
  language: string | null;
}

/**
 * What a live session reads: the session, its user, the organisation's zone and its schedule stamp (FROM onwards).
 */
const SESSION_COLUMNS = `SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", s.kind, s.created_at AS "createdAt",
      s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
            u.id AS "userId", u.org_id AS "orgId", u.role, u.email, u.display_name AS "displayName",
            u.patient_id AS "patientId", u.therapist_id AS "therapistId",
            u.must_change_password AS "mustChangePassword",
            CASE WHEN u.role = 'therapist'
                 THEN coalesce((SELECT array_agg(pl.location_id::text ORDER BY pl.location_id)
                 FROM therapist_locations pl
                                 WHERE pl.org_id = u.org_id AND pl.therapist_id = u.therapist_id), '{}')
                 ELSE coalesce((SELECT array_agg(ul.location_id::text ORDER BY ul.location_id) FROM user_locations ul
                                 WHERE ul.org_id = u.org_id AND ul.user_id = u.id), '{}')
            END AS "locationIds",
            o.time_zone AS "orgTimeZone", ${scheduleStampColumn('u.org_id')} AS "scheduleStamp",
            (SELECT p.communication->>'language' FROM patients p
              WHERE p.org_id = u.org_id AND p.id = u.patient_id) AS "language"`;
const SESSION_FROM = `FROM sessions s JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
            JOIN organizations o ON o.org_id = u.org_id`;
const LIVE = 'WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL';

// Every request of a signed-in user runs it: planned once per connection (see keepPlan).
const LIVE_SESSION_SQL = keepPlan(`${SESSION_COLUMNS} ${SESSION_FROM} ${LIVE}`);

// A create that carries an Idempotency-Key: the answer kept under it (if any) comes with the session.
const LIVE_SESSION_WITH_KEY_SQL = keepPlan(
  `${SESSION_COLUMNS}, k.request_hash AS "keptRequestHash", k.status AS "keptStatus", k.response AS "keptResponse"
     ${SESSION_FROM}
     LEFT JOIN idempotency_keys k ON k.org_id = u.org_id AND k.user_id = u.id AND k.key = $3
     ${LIVE}`,
);

/** The session and its user in one round trip; expired sessions and disabled users find nothing. */
export async function findLiveSession(db: Queryable, tokenHash: string, now: Date): Promise<SessionActorRow | null> {
  const rows = await db.query<SessionActorRow>(LIVE_SESSION_SQL, [tokenHash, now]);
  return rows[0] ?? null;
}

/**
 * findLiveSession for a request that carries an Idempotency-Key, with the answer kept under that
 * key for the session's user (null when none): a retried create is recognised in the same round trip.
 */
export async function findLiveSessionAndKey(
  db: Queryable,
  tokenHash: string,
  now: Date,
  key: string,
): Promise<{ session: SessionActorRow; kept: StoredResponse | null } | null> {
  const rows = await db.query<
    SessionActorRow & { keptRequestHash: string | null; keptStatus: number | null; keptResponse: unknown }
  >(LIVE_SESSION_WITH_KEY_SQL, [tokenHash, now, key]);
  const row = rows[0];
  if (!row) return null;
  const { keptRequestHash, keptStatus, keptResponse, ...session } = row;
  return {
    session,
    kept:
      keptRequestHash === null ? null : { requestHash: keptRequestHash, status: keptStatus!, response: keptResponse },
  };
}

export async function touchSession(db: Queryable, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1', [sessionId, now, expiresAt]);
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}

export async function deleteOtherSessions(db: Queryable, userId: string, keepSessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keepSessionId]);
}

export async function updatePasswordHash(
  db: Queryable,
  orgId: string,
  userId: string,
  hash: string,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $3, password_changed_at = $4, must_change_password = false WHERE org_id = $1
      AND id = $2`,
    [orgId, userId, hash, now],
  );
}

export async function purgeExpired(db: Queryable, now: Date): Promise<number> {
  const s = await db.query('DELETE FROM sessions WHERE expires_at <= $1 RETURNING id', [now]);
  return s.length;
}

/** The organisation's IANA zone, for actors made without a session (links, calendar feeds). */
export async function organizationTimeZone(db: Queryable, orgId: string): Promise<string> {
  const rows = await db.query<{ timeZone: string }>('SELECT time_zone AS "timeZone" FROM organizations WHERE id = $1', [
    orgId,
  ]);
  const row = rows[0];
  if (!row) throw new Error(`no organisation ${orgId}`);
  return row.timeZone;
}
