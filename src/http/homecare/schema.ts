import { z } from 'zod';
import { text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

export const HomeCareContentSchema = z
  .strictObject({
    hydration: text(LIMIT.homeCareLine),
    soreness: text(LIMIT.homeCareLine),
    fatigue: text(LIMIT.homeCareLine),
    stretches: z
      .array(
        z.strictObject({
          muscle: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Use an atlas muscle id.'),
          muscleName: text(100),
          title: text(200),
          steps: z.array(text(LIMIT.homeCareItem)).min(1).max(10),
        }),
      )
      .max(30),
    activityChanges: z.array(text(LIMIT.homeCareItem)).max(20),
    callClinicIf: z.array(text(LIMIT.homeCareItem)).min(1, 'Keep at least one reason to call the clinic.').max(10),
    notes: text(LIMIT.note).nullable(),
    sources: z.array(text(500)).max(10),
  })
  .meta({ id: 'HomeCareContent' });

export const HomeCarePlanSchema = z
  .object({
    id: z.string(),
    sessionNoteId: z.string(),
    patientId: z.string(),
    content: HomeCareContentSchema,
    generatedAt: z.string(),
    editedAt: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'HomeCarePlan' });

export const HomeCareSentSchema = HomeCarePlanSchema.extend({
  email: z
    .enum(['queued', 'already-sent', 'no-email-address', 'email-declined'])
    .describe('What became of the email with the handout attached'),
}).meta({ id: 'HomeCareSent' });

export const HomeCareListSchema = z
  .object({
    plans: z.array(
      HomeCarePlanSchema.extend({
        appointmentId: z.string().nullable(),
        visitOn: z.string().describe('The visit’s date (YYYY-MM-DD) where it happened'),
        therapistName: z.string(),
      }),
    ),
  })
  .meta({ id: 'HomeCareList' });
