import type { ServiceContext } from '../../services/context.ts';
import { alternativesForVisit, cancelAffected, notifyAffected } from '../../services/booking/conflict-actions.ts';
import {
  previewClosure,
  previewException,
  previewHours,
  previewWeek,
} from '../../services/booking/schedule-preview.ts';
import { IdParams } from '../common.ts';
import { ClosureCreateSchema } from '../locations/schema.ts';
import { route } from '../route.ts';
import { ExceptionCreateSchema, SchedulePutSchema } from '../schedules/schema.ts';
import {
  AffectedVisitsSchema,
  AlternativesSchema,
  CancelAffectedSchema,
  HoursPreviewSchema,
  NotifyAffectedSchema,
  ResolvedVisitsSchema,
} from './schema.ts';

/** Schedule changes over booked visits: what they would leave without a place, and what the desk does about it. */
export function scheduleChangeRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'POST',
      url: '/api/locations/:id/closures/preview',
      tag: 'schedule changes',
      errors: [403, 404, 422],
      summary: 'The booked visits a closure would fall on, before it is saved (nothing is written)',
      params: IdParams,
      body: ClosureCreateSchema,
      response: AffectedVisitsSchema,
      handler: ({ actor, params, body }) => previewClosure(ctx, actor, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/locations/:id/hours/preview',
      tag: 'schedule changes',
      errors: [403, 404, 422],
      summary: 'The booked visits new opening hours would leave outside them, before they are saved',
      params: IdParams,
      body: HoursPreviewSchema,
      response: AffectedVisitsSchema,
      handler: ({ actor, params, body }) => previewHours(ctx, actor, params.id, body.hours),
    }),
    route({
      method: 'POST',
      url: '/api/therapists/:id/exceptions/preview',
      tag: 'schedule changes',
      errors: [403, 404, 422],
      summary: "The therapist's booked visits time off would fall on, before it is saved",
      params: IdParams,
      body: ExceptionCreateSchema,
      response: AffectedVisitsSchema,
      handler: ({ actor, params, body }) =>
        previewException(ctx, actor, params.id, { ...body, start: new Date(body.start), end: new Date(body.end) }),
    }),
    route({
      method: 'POST',
      url: '/api/therapists/:id/schedule/preview',
      tag: 'schedule changes',
      errors: [403, 404, 422],
      summary: "The therapist's booked visits a new weekly schedule would leave off shift, before it is saved",
      params: IdParams,
      body: SchedulePutSchema,
      response: AffectedVisitsSchema,
      handler: ({ actor, params, body }) => previewWeek(ctx, actor, params.id, body.templates),
    }),
    route({
      method: 'POST',
      url: '/api/appointments/conflicts/notify',
      tag: 'schedule changes',
      errors: [403, 404, 409],
      summary:
        'Email each patient why their visit cannot go ahead, with their link to choose a new time (one transaction; ' +
        'Idempotency-Key to retry safely)',
      body: NotifyAffectedSchema,
      response: ResolvedVisitsSchema,
      idempotent: true,
      handler: ({ actor, body, once }) => notifyAffected(ctx, actor, body, once),
    }),
    route({
      method: 'POST',
      url: '/api/appointments/conflicts/cancel',
      tag: 'schedule changes',
      errors: [403, 404, 409],
      summary:
        "Cancel visits the schedule no longer allows, sending each patient the clinic's message (one transaction; " +
        'Idempotency-Key to retry safely)',
      body: CancelAffectedSchema,
      response: ResolvedVisitsSchema,
      idempotent: true,
      handler: ({ actor, body, once }) => cancelAffected(ctx, actor, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/appointments/:id/alternatives',
      tag: 'schedule changes',
      errors: [403, 404, 409],
      summary:
        'Free times near a visit from the scheduling engine: the same therapist first, then other therapists and sites',
      params: IdParams,
      response: AlternativesSchema,
      handler: ({ actor, params }) => alternativesForVisit(ctx, actor, params.id),
    }),
  ];
}
