import type { z } from 'zod';
import type { LinkedAppointmentSchema, LinkSlotsSchema } from '../../../src/http/links/schema.ts';
import { request } from './http.ts';

/** Patient self-service behind the signed link in a message: no session, the token is the credential. */
export type LinkedAppointment = z.infer<typeof LinkedAppointmentSchema>;
export type LinkSlot = z.infer<typeof LinkSlotsSchema>['slots'][number];

/** Every (method, OpenAPI path) this module calls; checked by test/browser/api-contract.test.ts. */
export const LINK_OPERATIONS = [
  ['GET', '/api/links/{token}'],
  ['POST', '/api/links/{token}/cancel'],
  ['GET', '/api/links/{token}/availability'],
  ['POST', '/api/links/{token}/reschedule'],
] as const satisfies readonly (readonly [string, string])[];

const base = (token: string) => `/api/links/${encodeURIComponent(token)}`;
const anonymous = { anonymous: true, quiet401: true };

export function getLinkedAppointment(token: string, signal?: AbortSignal): Promise<LinkedAppointment> {
  return request('GET', base(token), undefined, { ...anonymous, signal });
}

export function cancelByLink(token: string, reason: string): Promise<LinkedAppointment> {
  return request('POST', `${base(token)}/cancel`, reason ? { reason } : {}, anonymous);
}

export async function linkSlots(token: string, signal?: AbortSignal): Promise<LinkSlot[]> {
  return (
    await request<{ slots: LinkSlot[] }>('GET', `${base(token)}/availability`, undefined, { ...anonymous, signal })
  ).slots;
}

export function rescheduleByLink(token: string, start: string): Promise<LinkedAppointment> {
  return request('POST', `${base(token)}/reschedule`, { start }, anonymous);
}
