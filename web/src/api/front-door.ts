import type { z } from 'zod';
import type {
  AboutBody,
  AboutSchema,
  PublicSitesSchema,
  SafetyQuestionsSchema,
  SafetyResultSchema,
  SelfCheckListSchema,
  SelfCheckResultSchema,
  SignUpAnswerSchema,
  SignUpBody,
  SignUpVerifiedSchema,
} from '../../../src/http/front-door/schema.ts';
import type { PlaceAnswerSchema } from '../../../src/http/places/schema.ts';
import type { Locale } from '../../../src/words/locales.ts';
import { request, withQuery } from './http.ts';

export type About = z.infer<typeof AboutSchema>;
export type AboutText = z.input<typeof AboutBody>;
export type PublicSites = z.infer<typeof PublicSitesSchema>;
export type PublicSite = PublicSites['sites'][number];
export type SelfCheckList = z.infer<typeof SelfCheckListSchema>;
export type SelfCheckResult = z.infer<typeof SelfCheckResultSchema>;
export type SafetyQuestions = z.infer<typeof SafetyQuestionsSchema>;
export type SafetyResult = z.infer<typeof SafetyResultSchema>;
export type SafetyAnswers = Record<SafetyQuestions['questions'][number]['id'], 'yes' | 'no'>;
export type SignUp = z.input<typeof SignUpBody>;
export type SignUpStarted = z.infer<typeof SignUpAnswerSchema>;
export type SignUpVerified = z.infer<typeof SignUpVerifiedSchema>;
export type PlaceAnswer = z.infer<typeof PlaceAnswerSchema>;

/** Every (method, OpenAPI path) this module calls. */
export const FRONT_DOOR_OPERATIONS = [
  ['GET', '/api/public/{org}/sites'],
  ['GET', '/api/public/{org}/about'],
  ['GET', '/api/public/{org}/self-check'],
  ['POST', '/api/public/{org}/self-check'],
  ['GET', '/api/public/{org}/safety'],
  ['POST', '/api/public/{org}/safety'],
  ['POST', '/api/public/{org}/sign-ups'],
  ['POST', '/api/public/{org}/sign-ups/verify'],
  ['GET', '/api/public/places'],
  ['GET', '/api/organization/about/{locale}'],
  ['PUT', '/api/organization/about/{locale}'],
] as const satisfies readonly (readonly [string, string])[];

// The public pages have no account: no cookie rides along, a 401 never sends anyone to sign in.
const anonymous = { anonymous: true, quiet401: true };
const base = (org: string) => `/api/public/${encodeURIComponent(org)}`;

export function getAbout(org: string, locale: Locale, signal?: AbortSignal): Promise<About> {
  return request('GET', withQuery(`${base(org)}/about`, { locale }), undefined, { ...anonymous, signal });
}

export function getSites(org: string, signal?: AbortSignal): Promise<PublicSites> {
  return request('GET', `${base(org)}/sites`, undefined, { ...anonymous, signal });
}

export function getSelfCheck(org: string, locale: Locale, signal?: AbortSignal): Promise<SelfCheckList> {
  return request('GET', withQuery(`${base(org)}/self-check`, { locale }), undefined, { ...anonymous, signal });
}

export function answerSelfCheck(org: string, locale: Locale, signs: string[]): Promise<SelfCheckResult> {
  return request('POST', `${base(org)}/self-check`, { locale, signs }, anonymous);
}

export function getSafety(org: string, locale: Locale, signal?: AbortSignal): Promise<SafetyQuestions> {
  return request('GET', withQuery(`${base(org)}/safety`, { locale }), undefined, { ...anonymous, signal });
}

export function answerSafety(org: string, locale: Locale, answers: SafetyAnswers): Promise<SafetyResult> {
  return request('POST', `${base(org)}/safety`, { locale, answers }, anonymous);
}

/** The printable clearance request, as a file the browser opens (nothing is stored on the server); a PDF, not JSON. */
export async function clearancePdf(org: string, locale: Locale, answers: SafetyAnswers): Promise<Blob> {
  const response = await fetch(`${base(org)}/safety/clearance.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/pdf' },
    body: JSON.stringify({ locale, answers }),
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return response.blob();
}

export function startSignUp(org: string, body: SignUp, key: string): Promise<SignUpStarted> {
  return request('POST', `${base(org)}/sign-ups`, body, { ...anonymous, idempotencyKey: key });
}

/** Opening the emailed link signs in: the cookie must be kept, so this one is not anonymous. */
export function verifySignUp(org: string, token: string): Promise<SignUpVerified> {
  return request('POST', `${base(org)}/sign-ups/verify`, { token }, { quiet401: true });
}

export function searchPlaces(q: string, lang: Locale, signal?: AbortSignal): Promise<PlaceAnswer> {
  return request('GET', withQuery('/api/public/places', { q, lang }), undefined, { ...anonymous, signal });
}

export function getAboutForEditing(locale: Locale, signal?: AbortSignal): Promise<About> {
  return request('GET', `/api/organization/about/${locale}`, undefined, { signal });
}

export function saveAbout(locale: Locale, text: AboutText): Promise<About> {
  return request('PUT', `/api/organization/about/${locale}`, text);
}
