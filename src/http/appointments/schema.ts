import { z } from 'zod';
import { Id, IsoDate, text } from '../common.ts';
import { ServiceCode } from '../availability/schema.ts';
import { Instant, WallTime } from '../schedules/schema.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

const Status = z.enum(['booked', 'arrived', 'in_session', 'completed', 'cancelled', 'late_cancel', 'no_show']);

export const VisitConflictSchema = z
  .object({
    code: z.enum(['closed', 'outside-hours', 'not-on-shift']),
    message: z
      .string()
      .describe('Why, in plain words, e.g. "The clinic is closed on Thursday, December 10 (Floor repairs)."'),
    notifiedAt: z.string().nullable().describe('When the patient was last sent a link to choose a new time'),
  })
  .meta({ id: 'VisitConflict' });

export const AppointmentCreateSchema = z.strictObject({
  patientId: Id,
  serviceCode: ServiceCode,
  start: Instant,
  therapistId: Id,
  locationId: Id,
  roomId: Id.optional(),
});

export const AppointmentListQuery = z.strictObject({
  location: Id.optional(),
  therapist: Id.optional(),
  patient: Id.optional(),
  from: IsoDate.optional().describe('Defaults to today'),
  to: IsoDate.optional().describe('Defaults to 6 days after from (a week)'),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const RescheduleSchema = z.strictObject({
  start: Instant,
  therapistId: Id.optional(),
  locationId: Id.optional(),
  roomId: Id.optional(),
  reason: text(LIMIT.reason),
});

export const CancelSchema = z.strictObject({ reason: text(LIMIT.reason) });

export const StatusChangeSchema = z.strictObject({ status: Status, reason: text(LIMIT.reason).optional() });

const VisitSchema = z.strictObject({ date: IsoDate, time: WallTime, locationId: Id.optional() });
const RhythmSchema = z.strictObject({
  startDate: IsoDate,
  visitsPerWeek: z.number().int().min(1).max(7),
  count: z.number().int().min(1).max(60),
  preferredDays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  time: WallTime,
});

export const SeriesCreateSchema = z.strictObject({
  patientId: Id,
  serviceCode: ServiceCode,
  therapistId: Id,
  locationId: Id,
  visits: z
    .union([z.array(VisitSchema).min(1).max(60), RhythmSchema])
    .describe('The visits themselves, or the plan’s rhythm to expand into dates'),
});

const AppointmentCanSchema = z
  .object({
    move: z.boolean().describe('Move it to another time, therapist or site'),
    cancel: z.boolean(),
    markArrived: z.boolean(),
    undoArrived: z.boolean().describe('Put an arrival recorded by mistake back to booked'),
    startSession: z.boolean(),
    complete: z.boolean(),
    noShow: z.boolean(),
    resolveConflict: z
      .boolean()
      .describe('For a visit that needs a new time: tell the patient, move it, or cancel it for the clinic'),
    startNote: z.boolean().describe('Open the session note for this visit (puts the visit in session)'),
    openNote: z.boolean().describe('Read the session note already opened for this visit'),
  })
  .describe('What the caller may do with this appointment now: each is refused (403 or 409) when false')
  .meta({ id: 'AppointmentCan' });

export const AppointmentSchema = z
  .object({
    id: Id,
    patientId: Id,
    therapistId: Id,
    locationId: Id,
    roomId: Id.nullable(),
    serviceCode: z.string(),
    serviceName: z.string().describe('The service as it is called now'),
    status: Status,
    start: z.string(),
    end: z.string(),
    bufferAfterMinutes: z.number(),
    seriesId: Id.nullable(),
    notes: z.string().nullable(),
    cancelReason: z.string().nullable(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    conflict: VisitConflictSchema.nullable()
      .optional()
      .describe('On reads: why the schedule no longer allows this booked visit'),
    sessionNoteId: Id.nullable().describe('The session note of this visit, once the therapist opened one'),
    can: AppointmentCanSchema,
  })
  .meta({ id: 'Appointment' });

export const AppointmentListSchema = z.object({ appointments: z.array(AppointmentSchema) });

const BookingWarnings = z
  .array(
    z.object({
      date: IsoDate.describe("The visit's local date"),
      message: z
        .string()
        .describe('"This is visit 13 of 12 authorized." or "This visit is after the authorization ends on Jan 31."'),
    }),
  )
  .describe(
    "Visits outside or past the patient's authorizations: the desk is warned, the visit is still booked. " +
      'Empty for a patient booking themselves and for staff who do not keep coverage',
  );

export const BookedAppointmentSchema = AppointmentSchema.extend({ warnings: BookingWarnings });
export const SeriesSchema = z.object({
  seriesId: Id,
  appointments: z.array(AppointmentSchema),
  warnings: BookingWarnings,
});
