import { request } from './http.ts';
import type { Locale } from '../../../src/words/locales.ts';
import type { Session } from './types.ts';

/**
 * Signing in and out, the current session, and changing a password.
 * Every (method, OpenAPI path) called here; test/browser/api-contract.test.ts checks each against
 * the server's /api/openapi.json so the two cannot drift apart silently.
 */
export const AUTH_OPERATIONS = [
  ['POST', '/api/auth/login'],
  ['GET', '/api/auth/session'],
  ['POST', '/api/auth/logout'],
  ['POST', '/api/auth/password'],
  ['PUT', '/api/auth/locale'],
] as const satisfies readonly (readonly [string, string])[];

/** `organization`: only when a first try answered 409 organization_required (one password, several clinics). */
export function login(email: string, password: string, organization?: string): Promise<Session> {
  return request('POST', '/api/auth/login', organization ? { email, password, organization } : { email, password }, {
    quiet401: true,
  });
}

/** The current session, or null when signed out. */
export async function getSession(): Promise<Session | null> {
  try {
    return await request<Session>('GET', '/api/auth/session', undefined, { quiet401: true });
  } catch (err) {
    if ((err as { status?: number }).status === 401) return null;
    throw err;
  }
}

export function logout(): Promise<void> {
  return request('POST', '/api/auth/logout', undefined, { quiet401: true });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request('POST', '/api/auth/password', { currentPassword, newPassword });
}

/** Keeps the language a patient chose on their record: their portal, emails and reminders follow it. */
export function saveLocale(locale: Locale): Promise<Session> {
  return request('PUT', '/api/auth/locale', { locale });
}
