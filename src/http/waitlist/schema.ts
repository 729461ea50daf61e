import { z } from 'zod';
import { Id, IsoDate } from '../common.ts';
import { ServiceCode } from '../availability/schema.ts';

const TimeOfDay = z.enum(['morning', 'afternoon', 'evening']);

export const WaitlistCreateSchema = z.strictObject({
  patientId: Id,
  serviceCode: ServiceCode,
  locationIds: z.array(Id).min(1, 'Name at least one site.').max(20),
  earliest: IsoDate,
  latest: IsoDate,
  timeOfDay: TimeOfDay.nullable().default(null),
});

const OfferSchema = z
  .object({
    id: Id,
    therapistId: Id,
    locationId: Id,
    roomId: Id.nullable(),
    serviceCode: z.string(),
    start: z.string(),
    end: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'WaitlistOffer' });

export const WaitlistEntrySchema = z
  .object({
    id: Id,
    patientId: Id,
    serviceCode: z.string(),
    locationIds: z.array(Id),
    earliest: z.string(),
    latest: z.string(),
    timeOfDay: TimeOfDay.nullable(),
    status: z.enum(['waiting', 'offered', 'booked', 'removed']),
    createdAt: z.string(),
    offer: OfferSchema.nullable(),
  })
  .meta({ id: 'WaitlistEntry' });

export const WaitlistQuery = z.strictObject({
  include: z
    .enum(['open', 'booked'], 'Use open or booked.')
    .default('open')
    .describe('open: waiting or offered; booked: those and entries already booked whose dates are not over'),
});

export const WaitlistSchema = z.object({ entries: z.array(WaitlistEntrySchema) });
