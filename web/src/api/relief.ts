import { request } from './http.ts';

/** The relief check-in behind the signed link in a message: no session, the token is the credential. */
export interface ReliefQuestion {
  question: string;
  visitOn: string;
  maxDays: number;
  answer: { reliefDays: number; stillHolding: boolean } | null;
}

/** Every (method, OpenAPI path) this module calls. */
export const RELIEF_OPERATIONS = [
  ['GET', '/api/relief/{token}'],
  ['POST', '/api/relief/{token}'],
] as const satisfies readonly (readonly [string, string])[];

const base = (token: string) => `/api/relief/${encodeURIComponent(token)}`;
const anonymous = { anonymous: true, quiet401: true };

export function getReliefQuestion(token: string, signal?: AbortSignal): Promise<ReliefQuestion> {
  return request('GET', base(token), undefined, { ...anonymous, signal });
}

export function answerRelief(
  token: string,
  answer: { days: number } | { stillHolding: true },
): Promise<ReliefQuestion> {
  return request('POST', base(token), answer, anonymous);
}
