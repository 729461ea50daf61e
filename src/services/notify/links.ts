import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../store/database.ts';
import { ensureOrgSecret, readOrgSecret } from '../../store/repos/outbox.ts';

/**
 * Self-service links: `/a/<appointment id>.<expiry>.<signature>`. The signature is an HMAC-SHA256
 * over the appointment, its patient and the expiry, so a link opens one appointment of one patient
 * and nothing else, and stops working after the visit. The key is KNOTWORK_LINK_SECRET (mixed with
 * the organisation id) or a random key generated once per organisation and kept in org_secrets.
 */
const SECRET_NAME = 'link-signing-key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LinkClaims {
  appointmentId: string;
  expiresAt: Date;
  signature: string;
}

async function linkKey(db: Queryable, orgId: string, create: boolean): Promise<Buffer | null> {
  const fromEnv = process.env.KNOTWORK_LINK_SECRET;
  if (fromEnv) return createHmac('sha256', fromEnv).update(`knotwork-link-key:${orgId}`).digest();
  const stored = create
    ? await ensureOrgSecret(db, orgId, SECRET_NAME, randomBytes(32).toString('base64url'))
    : await readOrgSecret(db, orgId, SECRET_NAME);
  return stored ? Buffer.from(stored, 'base64url') : null;
}

function sign(key: Buffer, appointmentId: string, patientId: string, expiry: string): string {
  return createHmac('sha256', key).update(`v1|${appointmentId}|${patientId}|${expiry}`).digest('base64url');
}

/** A token for one appointment of one patient, valid until `expiresAt` (the end of the visit). */
export async function issueLinkToken(
  db: Queryable,
  link: { orgId: string; appointmentId: string; patientId: string; expiresAt: Date },
): Promise<string> {
  const key = (await linkKey(db, link.orgId, true))!;
  const expiry = Math.floor(link.expiresAt.getTime() / 1000).toString(36);
  return `${link.appointmentId}.${expiry}.${sign(key, link.appointmentId, link.patientId, expiry)}`;
}

/** Splits a token into its parts; null when it cannot be one of ours. */
export function parseLinkToken(token: string): LinkClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [appointmentId, expiry, signature] = parts as [string, string, string];
  if (!UUID.test(appointmentId) || !/^[0-9a-z]{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return null;
  return { appointmentId, expiresAt: new Date(parseInt(expiry, 36) * 1000), signature };
}

export type LinkCheck = 'valid' | 'invalid' | 'expired';

/** Checks a token against the appointment's current patient; never writes (no key → nothing was ever issued). */
export async function checkLinkToken(db: Queryable, token: string, orgId: string, patientId: string, now: Date): Promise<LinkCheck> {
  const claims = parseLinkToken(token);
  if (!claims) return 'invalid';
  const key = await linkKey(db, orgId, false);
  if (!key) return 'invalid';
  const expiry = token.split('.')[1]!;
  const expected = Buffer.from(sign(key, claims.appointmentId, patientId, expiry));
  const given = Buffer.from(claims.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return claims.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';
}

/** Where links point: KNOTWORK_PUBLIC_URL (the address patients reach), or the local default. */
export function publicBaseUrl(): string {
  return (process.env.KNOTWORK_PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

export function manageUrl(token: string): string {
  return `${publicBaseUrl()}/a/${token}`;
}
