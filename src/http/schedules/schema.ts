import { z } from 'zod';
import { Id, IsoDate, instant, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

/** 'HH:MM' on a 24-hour clock; '24:00' ends a shift at midnight. */
export const WallTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Use a 24-hour time, e.g. 08:30.');
export const Instant = instant();

export const TemplateSchema = z.strictObject({
  locationId: Id,
  weekday: z.number().int().min(0).max(6).describe('0 = Sunday … 6 = Saturday'),
  start: WallTime,
  end: WallTime,
  validFrom: IsoDate.nullable().default(null),
  validTo: IsoDate.nullable().default(null),
});

export const SchedulePutSchema = z.strictObject({
  templates: z.array(TemplateSchema).max(100),
});

export const ExceptionCreateSchema = z.strictObject({
  kind: z.enum(['time-off', 'extra-shift']),
  start: Instant,
  end: Instant,
  locationId: Id.nullable().default(null).describe('Required for an extra shift; for time off, null means every site'),
  reason: text(LIMIT.reason).nullable().default(null),
});

export const ExceptionParams = z.strictObject({ id: Id, exceptionId: Id });

const ExceptionSchema = z
  .object({
    id: Id,
    therapistId: Id,
    kind: z.string(),
    locationId: Id.nullable(),
    start: z.string(),
    end: z.string(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'ScheduleException' });

export const ScheduleSchema = z
  .object({
    therapistId: Id,
    templates: z.array(
      z.object({
        id: Id,
        locationId: Id,
        weekday: z.number(),
        start: z.string(),
        end: z.string(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
      }),
    ),
    exceptions: z.array(ExceptionSchema),
    can: z.object({
      edit: z.boolean().describe('Change the week and its exceptions (PUT schedule, exceptions)'),
    }),
  })
  .meta({ id: 'WeeklySchedule' });

export { ExceptionSchema };
