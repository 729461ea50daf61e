import type { z } from 'zod';
import type { WaitlistCreateSchema, WaitlistEntrySchema } from '../../../src/http/waitlist/schema.ts';
import { create, request, withQuery } from './http.ts';
import type { Appointment } from './scheduling.ts';

// Types come from the waitlist routes' own zod schemas.
export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;
export type WaitlistOffer = NonNullable<WaitlistEntry['offer']>;
export type WaitlistCreate = z.input<typeof WaitlistCreateSchema>;
export type TimeOfDay = NonNullable<WaitlistEntry['timeOfDay']>;

/** Every (method, OpenAPI path) this module calls; checked by test/browser/api-contract.test.ts. */
export const WAITLIST_OPERATIONS = [
  ['POST', '/api/waitlist'],
  ['GET', '/api/waitlist'],
  ['DELETE', '/api/waitlist/{id}'],
  ['POST', '/api/waitlist/offers/{id}/accept'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

export function joinWaitlist(entry: WaitlistCreate, key: string): Promise<WaitlistEntry> {
  return create('/api/waitlist', entry, key);
}

/**
 * Open entries (waiting, or holding an offer) the signed-in user may see, oldest first; 'booked' adds those booked
 * whose dates are not over.
 */
export async function listWaitlist(
  signal?: AbortSignal,
  include: 'open' | 'booked' = 'open',
): Promise<WaitlistEntry[]> {
  return (
    await request<{ entries: WaitlistEntry[] }>('GET', withQuery('/api/waitlist', { include }), undefined, { signal })
  ).entries;
}

export function leaveWaitlist(entryId: string): Promise<void> {
  return request('DELETE', `/api/waitlist/${id(entryId)}`);
}

export function acceptOffer(holdId: string, key: string): Promise<Appointment> {
  return create(`/api/waitlist/offers/${id(holdId)}/accept`, undefined, key);
}
