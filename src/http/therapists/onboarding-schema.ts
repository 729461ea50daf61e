import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../contract/accounts.ts';
import { Email, Id, Phone, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';
import { ScheduleSchema, TemplateSchema } from '../schedules/schema.ts';
import { StaffMemberSchema } from '../staff/schema.ts';
import { CredentialCreateSchema, DisciplineSchema, TherapistDetailSchema } from './schema.ts';

export const OnboardingSchema = z.strictObject({
  givenName: text(LIMIT.personName),
  familyName: text(LIMIT.personName),
  email: Email.nullable().default(null).describe('Contact email of the therapist record'),
  phone: Phone.nullable().default(null),
  discipline: DisciplineSchema.default('nmt'),
  bio: text(LIMIT.bio).nullable().default(null),
  locationIds: z.array(Id).min(1, 'Choose at least one site.').max(50, 'At most 50 sites.'),
  credentials: z.array(CredentialCreateSchema).max(20, 'At most 20 credentials at once.').default([]),
  shifts: z.array(TemplateSchema).max(100, 'At most 100 shifts a week.').default([]),
  signIn: z
    .strictObject({
      email: Email,
      password: z
        .string()
        .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
        .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
    })
    .nullable()
    .describe(
      'Their sign-in; the password is a first one they must change when they first sign in. Null: no sign-in yet',
    ),
});

export const OnboardedSchema = z
  .object({
    therapist: TherapistDetailSchema,
    shifts: ScheduleSchema.shape.templates,
    account: StaffMemberSchema.nullable(),
  })
  .meta({ id: 'OnboardedTherapist' });
