/** Schedule changes over booked visits: what a change would leave without a place, and what the desk does about it. */
import type { z } from 'zod';
import type {
  AffectedVisitsSchema,
  AlternativesSchema,
  ResolvedVisitsSchema,
} from '../../../src/http/schedule-changes/schema.ts';
import type { ExceptionCreate, Hours, ShiftTemplate } from './admin-scheduling.ts';
import { create, request } from './http.ts';

export type AffectedVisits = z.infer<typeof AffectedVisitsSchema>;
export type ResolvedVisits = z.infer<typeof ResolvedVisitsSchema>;
export type VisitOutcome = ResolvedVisits['visits'][number]['outcome'];
export type Alternative = z.infer<typeof AlternativesSchema>['slots'][number];

/** Every (method, OpenAPI path) this module calls; checked by test/browser/api-contract.test.ts. */
export const SCHEDULE_CHANGE_OPERATIONS = [
  ['POST', '/api/locations/{id}/closures/preview'],
  ['POST', '/api/locations/{id}/hours/preview'],
  ['POST', '/api/therapists/{id}/exceptions/preview'],
  ['POST', '/api/therapists/{id}/schedule/preview'],
  ['POST', '/api/appointments/conflicts/notify'],
  ['POST', '/api/appointments/conflicts/cancel'],
  ['GET', '/api/appointments/{id}/alternatives'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);

export const previewClosure = (locationId: string, closure: { startsOn: string; endsOn: string; reason: string }) =>
  request<AffectedVisits>('POST', `/api/locations/${id(locationId)}/closures/preview`, closure);
export const previewHours = (locationId: string, hours: Hours) =>
  request<AffectedVisits>('POST', `/api/locations/${id(locationId)}/hours/preview`, { hours });
export const previewException = (therapistId: string, exception: ExceptionCreate) =>
  request<AffectedVisits>('POST', `/api/therapists/${id(therapistId)}/exceptions/preview`, exception);
export const previewWeek = (therapistId: string, templates: ShiftTemplate[]) =>
  request<AffectedVisits>('POST', `/api/therapists/${id(therapistId)}/schedule/preview`, { templates });

/**
 * Each call is one transaction on the server; the key (one per intent) makes a retried click answer as the first did.
 */
export const notifyAffected = (body: { appointmentIds: string[]; note?: string }, key: string) =>
  create<ResolvedVisits>('/api/appointments/conflicts/notify', body, key);
export const cancelAffected = (body: { appointmentIds: string[]; message: string }, key: string) =>
  create<ResolvedVisits>('/api/appointments/conflicts/cancel', body, key);
export const visitAlternatives = async (appointmentId: string, signal?: AbortSignal) =>
  (
    await request<{ slots: Alternative[] }>('GET', `/api/appointments/${id(appointmentId)}/alternatives`, undefined, {
      signal,
    })
  ).slots;
