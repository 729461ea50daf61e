import { z } from 'zod';
import { LOCALES } from '../../clinical/frontdoor/about.ts';
import { SAFETY_QUESTION_IDS, type SafetyQuestionId } from '../../clinical/frontdoor/safety.ts';
import { SIGN_IDS } from '../../clinical/frontdoor/self-check.ts';
import { Email, IsoDate, Phone, text } from '../common.ts';
import { SessionSchema } from '../auth/schema.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../contract/accounts.ts';

const Locale = z.enum(LOCALES, 'Choose English (en) or Spanish (es).');

/** The organisation's short name in a public address, e.g. /api/public/harbor-nmt/sites. */
export const OrgParams = z.strictObject({
  org: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'This is not a clinic address we know.'),
});
export const LocaleQuery = z.strictObject({ locale: Locale.default('en') });
export const LocaleParams = z.strictObject({ locale: Locale });

const Address = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  country: z.string(),
});

export const PublicSitesSchema = z
  .object({
    organization: z.object({ name: z.string(), slug: z.string() }),
    sites: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        slug: z.string(),
        address: Address,
        phone: z.string().nullable(),
        timeZone: z.string(),
        hours: z
          .record(z.string(), z.array(z.object({ open: z.string(), close: z.string() })))
          .describe('Weekday "0" (Sunday) … "6" → opening intervals, in the site’s time zone'),
        services: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            durationMinutes: z.number(),
            isInitial: z.boolean(),
            priceCents: z.number().nullable(),
            currency: z.string(),
          }),
        ),
        therapists: z.array(
          z.object({
            id: z.uuid(),
            name: z.string(),
            discipline: z.string(),
            credentials: z.array(
              z.object({ kind: z.enum(['licence', 'certification']), type: z.string(), issuer: z.string() }),
            ),
          }),
        ),
        nextFirstVisits: z.array(
          z.object({ start: z.string(), end: z.string(), therapistId: z.uuid(), serviceCode: z.string() }),
        ),
      }),
    ),
  })
  .meta({ id: 'PublicSites' });

const AboutSection = z.strictObject({ heading: text(120), body: text(4000) });

export const AboutBody = z.strictObject({
  title: text(200),
  sections: z.array(AboutSection).min(1, 'Keep at least one section.').max(12, 'Use at most 12 sections.'),
});

export const AboutSchema = z
  .object({
    locale: Locale,
    custom: z.boolean().describe('The organisation wrote this text (false: the default)'),
    title: z.string(),
    sections: z.array(z.object({ heading: z.string(), body: z.string() })),
  })
  .meta({ id: 'PublicAbout' });

export const SelfCheckListSchema = z
  .object({
    locale: Locale,
    title: z.string(),
    intro: z.string(),
    signs: z.array(z.object({ id: z.enum(SIGN_IDS), text: z.string() })),
  })
  .meta({ id: 'SelfCheckList' });

export const SelfCheckBody = z.strictObject({
  locale: Locale.default('en'),
  signs: z.array(z.enum(SIGN_IDS, 'Choose signs from the list.')).max(SIGN_IDS.length),
});

export const SelfCheckResultSchema = z
  .object({
    locale: Locale,
    band: z.enum(['several', 'some', 'none']),
    ticked: z.array(z.object({ id: z.enum(SIGN_IDS), text: z.string() })),
    result: z.string(),
    notDiagnosis: z.string(),
    safety: z.string(),
    nextStep: z.object({ action: z.literal('book-first-visit'), label: z.string() }),
  })
  .meta({ id: 'SelfCheckResult' });

export const SafetyQuestionsSchema = z
  .object({
    locale: Locale,
    title: z.string(),
    intro: z.string(),
    questions: z.array(z.object({ id: z.enum(SAFETY_QUESTION_IDS), text: z.string() })),
  })
  .meta({ id: 'SafetyQuestions' });

const yesNo = z.enum(['yes', 'no'], 'Answer yes or no.');
const answersShape = Object.fromEntries(SAFETY_QUESTION_IDS.map((id) => [id, yesNo])) as Record<
  SafetyQuestionId,
  typeof yesNo
>;

export const SafetyBody = z.strictObject({
  locale: Locale.default('en'),
  answers: z.strictObject(answersShape),
});

export const ClearanceBody = SafetyBody.extend({
  patientName: text(200).optional().describe('Printed on the request when given; never stored'),
  dateOfBirth: IsoDate.optional(),
});

export const SafetyResultSchema = z
  .object({
    locale: Locale,
    outcome: z.enum(['see-doctor-first', 'note-for-therapist', 'clear']),
    message: z.string(),
    clearance: z
      .object({
        title: z.string(),
        toPhysician: z.string(),
        reported: z.string(),
        reasons: z.array(z.string()),
        fields: z.array(z.string()),
      })
      .nullable(),
    therapistNote: z.array(z.string()),
    nextStep: z.object({ action: z.enum(['book-first-visit', 'print-clearance']), label: z.string() }),
  })
  .meta({ id: 'SafetyResult' });

export const SignUpBody = z.strictObject({
  email: Email,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH),
  givenName: text(100),
  familyName: text(100),
  dateOfBirth: IsoDate,
  phone: Phone.optional(),
  preferredLocationId: z.uuid('Choose one of the clinic’s sites.').optional(),
  locale: Locale.default('en'),
});

export const SignUpAnswerSchema = z
  .object({
    status: z.literal('check-your-email'),
    email: z.string(),
    expiresAt: z.string().describe('When the emailed link stops working'),
  })
  .meta({ id: 'SignUpStarted' });

export const VerifyBody = z.strictObject({
  token: z.string().min(1, 'The link is incomplete.').max(200, 'The link is not one we sent.'),
});

export const SignUpVerifiedSchema = SessionSchema.extend({
  locale: Locale,
  preferredLocationId: z.uuid().nullable(),
}).meta({ id: 'SignUpVerified' });
