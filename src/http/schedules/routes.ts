import type { ServiceContext } from '../../services/context.ts';
import { addException, getSchedule, removeException, replaceSchedule } from '../../services/booking/schedules.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  ExceptionCreateSchema,
  ExceptionParams,
  ExceptionSchema,
  SchedulePutSchema,
  ScheduleSchema,
} from './schema.ts';

export function scheduleRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/therapists/:id/schedule',
      tag: 'booking',
      errors: [403, 404],
      summary: "A therapist's weekly shifts per site and the exceptions still to come (staff)",
      params: IdParams,
      response: ScheduleSchema,
      handler: ({ actor, params }) => getSchedule(ctx, actor, params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/therapists/:id/schedule',
      tag: 'booking',
      errors: [403, 404, 422],
      summary: "Replace a therapist's weekly shifts (managers of their sites, admins)",
      params: IdParams,
      body: SchedulePutSchema,
      response: ScheduleSchema,
      handler: ({ actor, params, body }) => replaceSchedule(ctx, actor, params.id, body.templates),
    }),
    route({
      method: 'POST',
      url: '/api/therapists/:id/exceptions',
      tag: 'booking',
      status: 201,
      errors: [403, 404, 422],
      summary: 'Add time off or an extra shift',
      params: IdParams,
      body: ExceptionCreateSchema,
      response: ExceptionSchema,
      handler: ({ actor, params, body, once }) =>
        addException(ctx, actor, params.id, { ...body, start: new Date(body.start), end: new Date(body.end) }, once),
    }),
    route({
      method: 'DELETE',
      url: '/api/therapists/:id/exceptions/:exceptionId',
      tag: 'booking',
      status: 204,
      errors: [403, 404],
      summary: 'Remove time off or an extra shift',
      params: ExceptionParams,
      handler: ({ actor, params }) => removeException(ctx, actor, params.id, params.exceptionId),
    }),
  ];
}
