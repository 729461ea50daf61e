import type { ServiceContext } from '../../services/context.ts';
import { getAppointment, listAppointments } from '../../services/booking/appointment-reads.ts';
import { bookAppointment } from '../../services/booking/appointments.ts';
import { cancelAppointment, changeStatus, rescheduleAppointment } from '../../services/booking/changes.ts';
import { bookSeries } from '../../services/booking/series.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  AppointmentCreateSchema,
  AppointmentListQuery,
  AppointmentListSchema,
  AppointmentSchema,
  BookedAppointmentSchema,
  CancelSchema,
  RescheduleSchema,
  SeriesCreateSchema,
  SeriesSchema,
  StatusChangeSchema,
} from './schema.ts';

export function appointmentRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'POST',
      url: '/api/appointments',
      tag: 'booking',
      status: 201,
      errors: [403, 409, 422],
      summary:
        'Book an appointment (409 slot_unavailable with alternatives; 422 not_qualified names the missing ' +
        'credential; warnings when outside or past the patient’s authorizations). ' +
        'Send an Idempotency-Key header to retry safely',
      body: AppointmentCreateSchema,
      response: BookedAppointmentSchema,
      handler: ({ actor, body, once }) => bookAppointment(ctx, actor, { ...body, start: new Date(body.start) }, once),
    }),
    route({
      method: 'GET',
      url: '/api/appointments',
      tag: 'booking',
      errors: [422],
      summary:
        'Calendar: appointments between two dates (read in the site’s time zone), only those you may see; ' +
        'each is audited',
      query: AppointmentListQuery,
      response: AppointmentListSchema,
      handler: ({ actor, query }) =>
        listAppointments(ctx, actor, {
          locationId: query.location,
          therapistId: query.therapist,
          patientId: query.patient,
          from: query.from,
          to: query.to,
          limit: query.limit,
        }),
    }),
    route({
      method: 'POST',
      url: '/api/appointments/series',
      tag: 'booking',
      status: 201,
      errors: [403, 409, 422],
      summary:
        'Book a plan’s series in one transaction, or nothing (409 series_conflict lists each conflict with ' +
        'alternatives)',
      body: SeriesCreateSchema,
      response: SeriesSchema,
      handler: ({ actor, body, once }) => bookSeries(ctx, actor, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/appointments/:id',
      tag: 'booking',
      errors: [403, 404],
      summary: 'One appointment',
      params: IdParams,
      response: AppointmentSchema,
      handler: ({ actor, params }) => getAppointment(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/appointments/:id/reschedule',
      tag: 'booking',
      errors: [403, 404, 409, 422],
      summary: 'Move an appointment; the old time is released only if the new one is taken',
      params: IdParams,
      body: RescheduleSchema,
      response: AppointmentSchema,
      handler: ({ actor, params, body }) =>
        rescheduleAppointment(ctx, actor, params.id, { ...body, start: new Date(body.start) }),
    }),
    route({
      method: 'POST',
      url: '/api/appointments/:id/cancel',
      tag: 'booking',
      errors: [403, 404, 409],
      summary: 'Cancel (a late cancellation inside the policy window); the freed time is offered to the waitlist',
      params: IdParams,
      body: CancelSchema,
      response: AppointmentSchema,
      handler: ({ actor, params, body }) => cancelAppointment(ctx, actor, params.id, body.reason),
    }),
    route({
      method: 'POST',
      url: '/api/appointments/:id/status',
      tag: 'booking',
      errors: [403, 404, 409, 422],
      summary:
        'Record arrival, start, completion, cancellation or a no-show (booked → arrived → in_session → completed)',
      params: IdParams,
      body: StatusChangeSchema,
      response: AppointmentSchema,
      handler: ({ actor, params, body }) => changeStatus(ctx, actor, params.id, body.status, body.reason),
    }),
  ];
}
