import { z } from 'zod';
import { Email, Id, IsoDate, Phone, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

export const DisciplineSchema = z.enum(['nmt', 'chiropractic', 'acupuncture', 'corrective-exercise']);
const LocationIds = z.array(Id).max(50, 'At most 50 sites.');

export const TherapistCreateSchema = z.strictObject({
  givenName: text(LIMIT.personName),
  familyName: text(LIMIT.personName),
  email: Email.nullable().default(null),
  phone: Phone.nullable().default(null),
  discipline: DisciplineSchema.default('nmt'),
  bio: text(LIMIT.bio).nullable().default(null),
  active: z.boolean().default(true),
  locationIds: LocationIds.describe('The sites this therapist works at; replaced as a whole on update'),
});

export const TherapistUpdateSchema = z.strictObject({
  givenName: text(LIMIT.personName).optional(),
  familyName: text(LIMIT.personName).optional(),
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  discipline: DisciplineSchema.optional(),
  bio: text(LIMIT.bio).nullable().optional(),
  active: z.boolean().optional(),
  locationIds: LocationIds.optional(),
});

export const TherapistListQuery = z.strictObject({
  location: Id.optional(),
  discipline: DisciplineSchema.optional(),
});

const CredentialKind = z.enum(['licence', 'certification']);
const CredentialStatus = z.enum(['current', 'expiring', 'expired', 'no-expiry']);
const CredentialRollup = z.enum(['current', 'expiring', 'expired', 'no-expiry', 'none']);

export const CredentialCreateSchema = z.strictObject({
  kind: CredentialKind,
  type: text(LIMIT.credentialType).describe('e.g. LMT, LMBT, CNMT'),
  issuer: text(LIMIT.credentialIssuer).describe('Issuing state (licences) or body (certifications)'),
  number: text(LIMIT.credentialNumber).nullable().default(null),
  issuedOn: IsoDate.nullable().default(null),
  expiresOn: IsoDate.nullable().default(null),
  educationHours: z.number().int('Use whole hours.').min(0).max(100_000).nullable().default(null),
});

export const CredentialUpdateSchema = z.strictObject({
  kind: CredentialKind.optional(),
  type: text(LIMIT.credentialType).optional(),
  issuer: text(LIMIT.credentialIssuer).optional(),
  number: text(LIMIT.credentialNumber).nullable().optional(),
  issuedOn: IsoDate.nullable().optional(),
  expiresOn: IsoDate.nullable().optional(),
  educationHours: z.number().int('Use whole hours.').min(0).max(100_000).nullable().optional(),
});

/** Hours are stored to one decimal place (numeric(6,1)). */
const Hours = z
  .number()
  .min(0, 'Must not be negative.')
  .max(9999, 'Must be at most 9999.')
  .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, 'Use at most one decimal place.');

export const ContinuingEducationCreateSchema = z.strictObject({
  periodStart: IsoDate,
  periodEnd: IsoDate,
  hoursRequired: Hours,
  hoursCompleted: Hours,
});

export const CredentialSchema = z
  .object({
    id: Id,
    therapistId: Id,
    kind: CredentialKind,
    type: z.string(),
    issuer: z.string(),
    number: z.string().nullable(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    educationHours: z.number().nullable(),
    status: CredentialStatus,
  })
  .meta({ id: 'Credential' });

const CredentialSummarySchema = z.object({
  id: Id,
  kind: CredentialKind,
  type: z.string(),
  issuer: z.string(),
  expiresOn: z.string().nullable(),
  status: CredentialStatus,
});

export const ContinuingEducationSchema = z
  .object({
    id: Id,
    therapistId: Id,
    periodStart: z.string(),
    periodEnd: z.string(),
    hoursRequired: z.number(),
    hoursCompleted: z.number(),
  })
  .meta({ id: 'ContinuingEducation' });

export const PublicTherapistSchema = z
  .object({ id: Id, name: z.string(), discipline: DisciplineSchema, locationIds: z.array(Id) })
  .meta({ id: 'PublicTherapist', description: 'What patients see' });

const staffFields = {
  id: Id,
  name: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  discipline: DisciplineSchema,
  bio: z.string().nullable(),
  active: z.boolean(),
  locationIds: z.array(Id),
  credentialStatus: CredentialRollup,
};

export const StaffTherapistSchema = z
  .object({ ...staffFields, credentials: z.array(CredentialSummarySchema) })
  .meta({ id: 'StaffTherapist', description: 'What staff see in a list' });

export const TherapistDetailSchema = z
  .object({
    ...staffFields,
    credentials: z.array(CredentialSchema),
    continuingEducation: z.array(ContinuingEducationSchema),
  })
  .meta({ id: 'TherapistDetail' });

export const TherapistListSchema = z.object({
  therapists: z.array(z.union([StaffTherapistSchema, PublicTherapistSchema])),
});
export const TherapistReadSchema = z.union([TherapistDetailSchema, PublicTherapistSchema]);
