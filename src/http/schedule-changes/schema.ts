import { z } from 'zod';
import { AppointmentSchema } from '../appointments/schema.ts';
import { Id, text } from '../common.ts';
import { HoursSchema } from '../locations/schema.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

export const HoursPreviewSchema = z.strictObject({ hours: HoursSchema });

export const AffectedVisitsSchema = z
  .object({
    affected: z
      .array(AppointmentSchema)
      .describe('Booked visits the change would leave without a place, each with its conflict'),
    notShown: z.number().describe('Affected visits at sites you do not manage'),
  })
  .meta({ id: 'AffectedVisits' });

const AppointmentIds = z
  .array(Id)
  .min(1, 'Choose at least one appointment.')
  .max(200, 'At most 200 appointments at a time.');

export const NotifyAffectedSchema = z.strictObject({
  appointmentIds: AppointmentIds,
  note: text(LIMIT.reason).optional().describe('A few words from the clinic, added to the email'),
});

export const CancelAffectedSchema = z.strictObject({
  appointmentIds: AppointmentIds,
  message: text(LIMIT.reason).describe('Why the clinic cancels, sent to each patient with the cancellation'),
});

export const ResolvedVisitsSchema = z
  .object({
    visits: z.array(
      z.object({
        appointmentId: Id,
        outcome: z.enum(['queued', 'already-sent', 'no-email-address', 'email-declined', 'cancelled', 'fits-schedule']),
        appointment: AppointmentSchema,
      }),
    ),
  })
  .meta({ id: 'ResolvedVisits' });

export const AlternativesSchema = z.object({
  slots: z.array(
    z.object({ start: z.string(), end: z.string(), therapistId: Id, locationId: Id, roomId: Id.nullable() }),
  ),
});
