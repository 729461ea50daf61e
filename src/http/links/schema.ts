import { z } from 'zod';
import { LOCALES } from '../../words/locales.ts';
import { Id, instant, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

/**
 * A self-service token is `<appointment id>.<expiry>.<signature>`; its parts are checked here so
 * a mangled link is a 400 naming the broken part, and a well-formed but wrong one a 404.
 */
export const LinkParams = z
  .strictObject({ token: z.string().max(200, 'Must be at most 200 characters.') })
  .transform(({ token }) => {
    const [id = '', expiry = '', signature = '', ...rest] = token.split('.');
    return { token, id, expiry, signature, extraParts: rest.length };
  })
  .pipe(
    z.object({
      token: z.string(),
      id: Id,
      expiry: z.string().regex(/^[0-9a-z]{1,12}$/, 'Not the expiry part of a link.'),
      signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not the signature part of a link.'),
      extraParts: z.literal(0, 'A link has three parts.'),
    }),
  );

export const LinkCancelSchema = z.strictObject({
  reason: text(LIMIT.reason).optional().describe('Why you cancel, in your words (optional)'),
});

export const LinkedAppointmentSchema = z
  .object({
    appointmentId: Id,
    status: z.string(),
    start: z.string(),
    end: z.string(),
    when: z.string().describe('The visit time as the site’s clock reads it, with the zone'),
    timeZone: z.string(),
    service: z.string(),
    therapist: z.string(),
    site: z.object({ name: z.string(), address: z.string(), phone: z.string().nullable() }),
    cancellationNoticeHours: z.number(),
    changeOnlineUntil: z.string(),
    canChangeOnline: z.boolean().describe('False inside the cancellation policy: then the clinic must be called'),
    conflict: z
      .string()
      .nullable()
      .describe('Why the clinic can no longer keep the visit as booked; it may then be changed online until it starts'),
    locale: z
      .enum(LOCALES)
      .nullable()
      .describe("The language the patient reads, from their record; null: the browser's language"),
  })
  .meta({ id: 'LinkedAppointment' });

export const LinkRescheduleSchema = z.strictObject({
  start: instant('Use a date and time with its offset, e.g. 2026-12-01T09:00:00-08:00.').describe(
    'One of the offered starts',
  ),
});

export const LinkSlotsSchema = z.object({
  slots: z.array(
    z.object({ start: z.string(), end: z.string(), therapistId: Id, locationId: Id, roomId: Id.nullable() }),
  ),
  truncated: z.boolean(),
});
