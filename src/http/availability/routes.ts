import type { ServiceContext } from '../../services/context.ts';
import { findAvailability } from '../../services/booking/availability.ts';
import { route } from '../route.ts';
import { AvailabilityQuery, AvailabilitySchema } from './schema.ts';

export function availabilityRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/availability',
      tag: 'booking',
      errors: [422],
      summary:
        'Free slots for a service over at most 31 days, computed in each site’s time zone; qualified therapists only',
      query: AvailabilityQuery,
      response: AvailabilitySchema,
      handler: ({ actor, query }) =>
        findAvailability(ctx, actor, {
          serviceCode: query.service,
          from: query.from,
          to: query.to,
          locationId: query.location,
          therapistId: query.therapist,
          timeOfDay: query.timeOfDay,
          weekdays: query.weekdays,
          limit: query.limit,
        }),
    }),
  ];
}
