import type { ServiceContext } from '../../services/context.ts';
import {
  cancelByLink,
  getLinkedAppointment,
  linkAvailability,
  rescheduleByLink,
} from '../../services/notify/self-service.ts';
import { route } from '../route.ts';
import {
  LinkCancelSchema,
  LinkedAppointmentSchema,
  LinkParams,
  LinkRescheduleSchema,
  LinkSlotsSchema,
} from './schema.ts';

/** Patient self-service behind the signed links in messages: no sign-in, the link is the credential. */
export function linkRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/links/:token',
      tag: 'self-service',
      auth: 'public',
      errors: [404],
      summary: 'The appointment a self-service link was sent for',
      params: LinkParams,
      response: LinkedAppointmentSchema,
      handler: ({ params, request }) => getLinkedAppointment(ctx, params.token, request.ip),
    }),
    route({
      method: 'POST',
      url: '/api/links/:token/cancel',
      tag: 'self-service',
      auth: 'public',
      errors: [404, 409],
      summary:
        'Cancel through a self-service link, within the clinic’s cancellation policy (409 inside it: call the clinic)',
      params: LinkParams,
      body: LinkCancelSchema,
      response: LinkedAppointmentSchema,
      handler: ({ params, body, request }) => cancelByLink(ctx, params.token, body.reason ?? null, request.ip),
    }),
    route({
      method: 'GET',
      url: '/api/links/:token/availability',
      tag: 'self-service',
      auth: 'public',
      errors: [404, 409],
      summary: 'Free times to move the visit to: same service, therapist and site, four weeks ahead',
      params: LinkParams,
      response: LinkSlotsSchema,
      handler: ({ params, request }) => linkAvailability(ctx, params.token, request.ip),
    }),
    route({
      method: 'POST',
      url: '/api/links/:token/reschedule',
      tag: 'self-service',
      auth: 'public',
      errors: [404, 409, 422],
      summary: 'Move the visit to one of the offered times (409 with alternatives if it was just taken)',
      params: LinkParams,
      body: LinkRescheduleSchema,
      response: LinkedAppointmentSchema,
      handler: ({ params, body, request }) => rescheduleByLink(ctx, params.token, new Date(body.start), request.ip),
    }),
  ];
}
