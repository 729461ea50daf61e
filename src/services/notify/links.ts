import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { databaseOf, type Queryable } from '../../store/database.ts';
import { ensureInstallationSecret, readInstallationSecret } from '../../store/repos/installation.ts';

/**
 * Self-service links: `/a/<appointment id>.<expiry>.<signature>`. The signature is an HMAC-SHA256
 * over the appointment and the expiry, so a link opens one appointment (of one patient) and stops
 * working after the visit. The key is one per installation: KNOTWORK_LINK_SECRET, or a random key
 * generated once and kept in installation_secrets. Once the process knows the key, checking a link
 * needs no query: a forged link is refused before the database is touched.
 */
const SECRET_NAME = 'link-signing-key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LinkClaims {
  appointmentId: string;
  expiresAt: Date;
  signature: string;
}

/** Stored keys, per database, for the life of the process (a stored key never changes). */
const knownKeys = new WeakMap<object, Buffer>();

/** The deployment's link settings, from the configuration (see src/config.ts). */
export interface LinkSettings {
  /** A deployment secret to derive the key from; null to use the stored key. */
  secret: string | null;
  /** Where links point: the address patients reach, without a trailing slash. */
  publicUrl: string;
}

let settings: LinkSettings = { secret: null, publicUrl: 'http://localhost:3000' };

/** Set by the process's entry (CLI, app) from its configuration, before the first link. */
export function useLinkSettings(next: LinkSettings): void {
  settings = next;
}

function keyFromEnvironment(): Buffer | null {
  return settings.secret ? createHmac('sha256', settings.secret).update('knotwork-link-key:v2').digest() : null;
}

/**
 * The key to sign with, created on first use. A key this call created is not remembered (the caller's
 * transaction may yet roll back); one that was already stored is, so later links cost no query.
 */
async function signingKey(db: Queryable): Promise<Buffer> {
  const key = keyFromEnvironment() ?? knownKeys.get(databaseOf(db));
  if (key) return key;
  const proposed = randomBytes(32).toString('base64url');
  const stored = await ensureInstallationSecret(db, SECRET_NAME, proposed);
  if (stored !== proposed) knownKeys.set(databaseOf(db), Buffer.from(stored, 'base64url'));
  return Buffer.from(stored, 'base64url');
}

/** The key to check with; null when none was ever stored (no link was ever issued). Never writes. */
async function checkingKey(db: Queryable): Promise<Buffer | null> {
  const known = keyFromEnvironment() ?? knownKeys.get(databaseOf(db));
  if (known) return known;
  const stored = await readInstallationSecret(db, SECRET_NAME);
  if (!stored) return null;
  const key = Buffer.from(stored, 'base64url');
  // Read inside a transaction the key may be that transaction's own, not yet committed.
  if (databaseOf(db) === db) knownKeys.set(db, key);
  return key;
}

/** Reads the key at start-up, so that even the first link checked afterwards costs no query. */
export async function primeLinkKey(db: Queryable): Promise<void> {
  await checkingKey(db);
}

function sign(key: Buffer, appointmentId: string, expiry: string): string {
  return createHmac('sha256', key).update(`v2|${appointmentId}|${expiry}`).digest('base64url');
}

/**
 * A token for one appointment, valid until `expiresAt` (the end of the visit). The organisation and
 * the patient follow from the appointment; callers may pass them along.
 */
export async function issueLinkToken(
  db: Queryable,
  link: { appointmentId: string; expiresAt: Date; orgId?: string; patientId?: string },
): Promise<string> {
  const key = await signingKey(db);
  const expiry = Math.floor(link.expiresAt.getTime() / 1000).toString(36);
  return `${link.appointmentId}.${expiry}.${sign(key, link.appointmentId, expiry)}`;
}

/** Splits a token into its parts; null when it cannot be one of ours. */
export function parseLinkToken(token: string): LinkClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [appointmentId, expiry, signature] = parts as [string, string, string];
  if (!UUID.test(appointmentId) || !/^[0-9a-z]{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{43}$/.test(signature))
    return null;
  return { appointmentId, expiresAt: new Date(parseInt(expiry, 36) * 1000), signature };
}

export type LinkCheck = { status: 'invalid' } | { status: 'valid' | 'expired'; appointmentId: string; expiresAt: Date };

/** Checks a token's signature and expiry, from the token alone once the key is known. */
export async function checkLinkToken(db: Queryable, token: string, now: Date): Promise<LinkCheck> {
  const claims = parseLinkToken(token);
  if (!claims) return { status: 'invalid' };
  const key = await checkingKey(db);
  if (!key) return { status: 'invalid' };
  const expected = Buffer.from(sign(key, claims.appointmentId, token.split('.')[1]!));
  const given = Buffer.from(claims.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { status: 'invalid' };
  const status = claims.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';
  return { status, appointmentId: claims.appointmentId, expiresAt: claims.expiresAt };
}

/** Where links point: the configured public address, or the local default. */
export function publicBaseUrl(): string {
  return settings.publicUrl;
}

export function manageUrl(token: string): string {
  return `${publicBaseUrl()}/a/${token}`;
}

/**
 * A link for something other than an appointment (e.g. a relief check-in): the same token shape,
 * but the signature covers the purpose too, so a token for one purpose never opens another.
 */
export async function issuePurposeToken(
  db: Queryable,
  purpose: 'relief' | 'sign-up',
  id: string,
  expiresAt: Date,
): Promise<string> {
  const key = await signingKey(db);
  const expiry = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${id}.${expiry}.${sign(key, `${purpose}|${id}`, expiry)}`;
}

export type PurposeCheck = { status: 'invalid' } | { status: 'valid' | 'expired'; id: string; expiresAt: Date };

export async function checkPurposeToken(
  db: Queryable,
  purpose: 'relief' | 'sign-up',
  token: string,
  now: Date,
): Promise<PurposeCheck> {
  const claims = parseLinkToken(token);
  if (!claims) return { status: 'invalid' };
  const key = await checkingKey(db);
  if (!key) return { status: 'invalid' };
  const expected = Buffer.from(sign(key, `${purpose}|${claims.appointmentId}`, token.split('.')[1]!));
  const given = Buffer.from(claims.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { status: 'invalid' };
  return {
    status: claims.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid',
    id: claims.appointmentId,
    expiresAt: claims.expiresAt,
  };
}
