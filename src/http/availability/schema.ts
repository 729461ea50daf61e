import { z } from 'zod';
import { Id, IsoDate } from '../common.ts';

export const ServiceCode = z.string().regex(/^[a-z0-9-]{2,60}$/, 'Use a service code, e.g. nmt-initial-60.');

export const AvailabilityQuery = z.strictObject({
  service: ServiceCode.default('nmt-initial-60').describe('Defaults to the first NMT visit, what new patients book'),
  from: IsoDate.optional().describe('Defaults to today in the clinic group’s zone'),
  to: IsoDate.optional().describe('Defaults to 13 days after from (two weeks)'),
  location: Id.optional(),
  therapist: Id.optional(),
  timeOfDay: z.enum(['morning', 'afternoon', 'evening']).optional(),
  weekdays: z
    .string()
    .regex(/^[0-6](,[0-6]){0,6}$/, 'Use weekday numbers separated by commas, 0 = Sunday, e.g. 1,3,5.')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const SlotSchema = z
  .object({ start: z.string(), end: z.string(), therapistId: Id, locationId: Id, roomId: Id.nullable() })
  .meta({ id: 'Slot' });

export const AvailabilitySchema = z.object({ slots: z.array(SlotSchema), truncated: z.boolean() });
