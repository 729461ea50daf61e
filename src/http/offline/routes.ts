import type { ServiceContext } from '../../services/context.ts';
import { offlineDay } from '../../services/charting/offline-day.ts';
import { route } from '../route.ts';
import { OfflineDaySchema } from './schema.ts';

export function offlineRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/me/day/offline',
      tag: 'sessions',
      errors: [403],
      summary:
        "The signed-in therapist's day for a tablet to keep while the connection drops: today's visits, " +
        "each patient's gate, assessments, plans and notes; every part audited",
      response: OfflineDaySchema,
      handler: ({ actor }) => offlineDay(ctx, actor),
    }),
  ];
}
