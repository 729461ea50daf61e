import { z } from 'zod';
import { Id, IsoDate, Phone, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time HH:MM, e.g. 09:00.');
const Interval = z.strictObject({ open: Clock, close: Clock });
/** At most a handful of intervals a day (split shifts, a lunch break); more is a typo. */
const Day = z.array(Interval).max(6, 'At most 6 opening intervals a day.');

// Weekday keys are strings "0" (Sunday) … "6" so the JSON object reads as a week.
export const HoursSchema = z.strictObject({
  0: Day.optional(),
  1: Day.optional(),
  2: Day.optional(),
  3: Day.optional(),
  4: Day.optional(),
  5: Day.optional(),
  6: Day.optional(),
});

export const LocationAddressSchema = z.strictObject({
  line1: text(LIMIT.addressLine),
  line2: text(LIMIT.addressLine).nullable().default(null),
  city: text(LIMIT.city),
  state: z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter state code, e.g. OR.'),
  postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, 'Use a ZIP code, e.g. 97005.'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. US.')
    .default('US'),
});

const Slug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/,
    'Use 1–60 lowercase letters, digits or inner hyphens, e.g. beaverton.',
  );
const TimeZone = z
  .string()
  .max(64, 'Must be at most 64 characters.')
  .describe('IANA time zone, e.g. America/Los_Angeles');

export const LocationCreateSchema = z.strictObject({
  name: text(LIMIT.siteName),
  slug: Slug,
  address: LocationAddressSchema,
  phone: Phone.nullable().default(null),
  timeZone: TimeZone,
  hours: HoursSchema.default({}),
  active: z.boolean().default(true),
});

export const LocationUpdateSchema = z.strictObject({
  name: text(LIMIT.siteName).optional(),
  slug: Slug.optional(),
  address: LocationAddressSchema.optional(),
  phone: Phone.nullable().optional(),
  timeZone: TimeZone.optional(),
  hours: HoursSchema.optional(),
  active: z.boolean().optional(),
});

const IntervalOut = z.object({ open: z.string(), close: z.string() });
const RoomSchema = z.object({ id: Id, name: z.string(), active: z.boolean() }).meta({ id: 'Room' });

export const LocationSchema = z
  .object({
    id: Id,
    name: z.string(),
    slug: z.string(),
    address: z.object({
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      state: z.string(),
      postalCode: z.string(),
      country: z.string(),
    }),
    phone: z.string().nullable(),
    timeZone: z.string(),
    hours: z
      .record(z.string(), z.array(IntervalOut))
      .describe('Weekday "0" (Sunday) … "6" → opening intervals in local time'),
    active: z.boolean(),
    rooms: z.array(RoomSchema),
    can: z
      .object({
        manage: z.boolean().describe("Change the site's details, hours, closures and rooms"),
        addStaff: z.boolean().describe('Add staff accounts and therapists who work here'),
        registerPatients: z.boolean().describe("Register new patients here, or another site's patient"),
      })
      .describe('What the caller may do at this site'),
  })
  .meta({ id: 'Location' });

export const ClosureSchema = z
  .object({ id: Id, startsOn: z.string(), endsOn: z.string(), reason: z.string() })
  .meta({ id: 'Closure' });

export const LocationDetailSchema = LocationSchema.extend({ closures: z.array(ClosureSchema) }).meta({
  id: 'LocationDetail',
});
export const LocationListSchema = z.object({ locations: z.array(LocationSchema) });

export const ClosureCreateSchema = z.strictObject({
  startsOn: IsoDate,
  endsOn: IsoDate,
  reason: text(LIMIT.closureReason),
});
export const ClosureParams = z.strictObject({ id: Id, closureId: Id });

export const RoomCreateSchema = z.strictObject({ name: text(LIMIT.roomName) });
export const RoomUpdateSchema = z.strictObject({
  name: text(LIMIT.roomName).optional(),
  active: z.boolean().optional(),
});
export const RoomOutSchema = z.object({ id: Id, locationId: Id, name: z.string(), active: z.boolean() });
