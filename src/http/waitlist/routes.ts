import type { ServiceContext } from '../../services/context.ts';
import { acceptOffer, joinWaitlist, leaveWaitlist, listWaitlist } from '../../services/booking/waitlist.ts';
import { AppointmentSchema } from '../appointments/schema.ts';
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import { WaitlistCreateSchema, WaitlistEntrySchema, WaitlistQuery, WaitlistSchema } from './schema.ts';

export function waitlistRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'POST',
      url: '/api/waitlist',
      tag: 'booking',
      status: 201,
      errors: [403, 422],
      summary: 'Wait for a service at some sites within a date window (first come, first served)',
      body: WaitlistCreateSchema,
      response: WaitlistEntrySchema,
      handler: ({ actor, body, once }) => joinWaitlist(ctx, actor, body, once),
    }),
    route({
      method: 'GET',
      url: '/api/waitlist',
      tag: 'booking',
      errors: [403],
      summary:
        'Open waitlist entries you may see, oldest first, each with its live offer (include=booked adds those ' +
        'booked, until their dates are over)',
      query: WaitlistQuery,
      response: WaitlistSchema,
      handler: ({ actor, query }) => listWaitlist(ctx, actor, { includeBooked: query.include === 'booked' }),
    }),
    route({
      method: 'DELETE',
      url: '/api/waitlist/:id',
      tag: 'booking',
      status: 204,
      errors: [403, 404],
      summary: 'Leave the waitlist; a slot held for the entry goes to the next patient',
      params: IdParams,
      handler: ({ actor, params }) => leaveWaitlist(ctx, actor, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/waitlist/offers/:id/accept',
      tag: 'booking',
      status: 201,
      errors: [403, 404, 409],
      summary: 'Accept a held slot: books it while the hold lasts',
      params: IdParams,
      response: AppointmentSchema,
      handler: ({ actor, params, once }) => acceptOffer(ctx, actor, params.id, once),
    }),
  ];
}
