import { z } from 'zod';
import { Email, Id, IsoDate, Pagination, Phone, text, Version } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

export const AddressSchema = z.strictObject({
  line1: text(LIMIT.addressLine),
  line2: text(LIMIT.addressLine).nullable().optional(),
  city: text(LIMIT.city),
  state: z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter state code, e.g. OR.'),
  postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, 'Use a ZIP code, e.g. 97005.'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use the two-letter country code, e.g. US.')
    .optional(),
});

export const EmergencyContactSchema = z.strictObject({
  name: text(LIMIT.contactName),
  relationship: text(LIMIT.personName),
  phone: Phone,
});

export const CommunicationSchema = z.strictObject({
  email: z.boolean(),
  sms: z.boolean(),
  phone: z.boolean(),
  reminders: z.boolean(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language tag, e.g. en or es-MX.')
    .optional(),
});

const SexAtBirth = z.enum(['female', 'male', 'intersex', 'unknown']);

const fields = {
  givenName: text(LIMIT.personName),
  familyName: text(LIMIT.personName),
  preferredName: text(LIMIT.personName).nullable(),
  dateOfBirth: IsoDate,
  sexAtBirth: SexAtBirth,
  genderIdentity: text(LIMIT.personName).nullable(),
  pronouns: text(LIMIT.pronouns).nullable(),
  email: Email.nullable(),
  phone: Phone.nullable(),
  address: AddressSchema.nullable(),
  emergencyContact: EmergencyContactSchema.nullable(),
  preferredLocationId: Id.nullable(),
  communication: CommunicationSchema,
};

const DEFAULT_COMMUNICATION = { email: true, sms: false, phone: false, reminders: true };

export const PatientCreateSchema = z.strictObject({
  givenName: fields.givenName,
  familyName: fields.familyName,
  dateOfBirth: fields.dateOfBirth,
  sexAtBirth: fields.sexAtBirth,
  preferredLocationId: Id,
  preferredName: fields.preferredName.default(null),
  genderIdentity: fields.genderIdentity.default(null),
  pronouns: fields.pronouns.default(null),
  email: fields.email.default(null),
  phone: fields.phone.default(null),
  address: fields.address.default(null),
  emergencyContact: fields.emergencyContact.default(null),
  communication: fields.communication.default(DEFAULT_COMMUNICATION),
  confirmNotDuplicate: z
    .boolean()
    .default(false)
    .describe('Send true after seeing the possible matches (409 possible_duplicate): this is a different person'),
});

export const PatientUpdateSchema = z.strictObject({
  version: Version,
  givenName: fields.givenName.optional(),
  familyName: fields.familyName.optional(),
  preferredName: fields.preferredName.optional(),
  dateOfBirth: fields.dateOfBirth.optional(),
  sexAtBirth: fields.sexAtBirth.optional(),
  genderIdentity: fields.genderIdentity.optional(),
  pronouns: fields.pronouns.optional(),
  email: fields.email.optional(),
  phone: fields.phone.optional(),
  address: fields.address.optional(),
  emergencyContact: fields.emergencyContact.optional(),
  preferredLocationId: Id.optional(),
  communication: fields.communication.optional(),
});

export const PatientSchema = z
  .object({
    id: Id,
    givenName: z.string(),
    familyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: z.string(),
    sexAtBirth: SexAtBirth,
    genderIdentity: z.string().nullable(),
    pronouns: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: AddressSchema.nullable(),
    emergencyContact: EmergencyContactSchema.nullable(),
    preferredLocationId: Id.nullable(),
    communication: CommunicationSchema,
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Patient' });

export const PatientSearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(LIMIT.search)
    .optional()
    .describe('Name prefix(es), phone digits, or date of birth (YYYY-MM-DD or MM/DD/YYYY)'),
  location: Id.optional(),
  ...Pagination,
});

export const PatientPageSchema = z.object({
  patients: z.array(PatientSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const DuplicateMatchSchema = z.object({
  id: Id,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  preferredLocationId: Id.nullable(),
  reasons: z.array(z.enum(['name-and-birth-date', 'email', 'phone'])),
});

export const PossibleDuplicatesSchema = z
  .object({
    matches: z.array(DuplicateMatchSchema).describe('Records you may open that may be the same person'),
    elsewhere: z
      .boolean()
      .describe('Some record you may not open matches too (at another site); who it is is not said'),
  })
  .meta({ id: 'PossibleDuplicates' });

export const MergeSchema = z.strictObject({
  duplicateId: Id.describe(
    'The duplicate record: its visits and charts move to this one, and it is kept only as a pointer here',
  ),
});

export const MergeResultSchema = z
  .object({ patient: PatientSchema, mergedId: Id, moved: z.record(z.string(), z.number()) })
  .meta({ id: 'MergeResult' });

const VisitLineSchema = z.object({
  id: Id,
  start: z.string(),
  end: z.string(),
  status: z.string(),
  serviceCode: z.string(),
  therapistId: Id,
  locationId: Id,
  seriesId: Id.nullable(),
  noteId: Id.nullable().describe('The visit’s session note, for those who may read notes'),
});

export const PatientSummarySchema = z
  .object({
    visits: z
      .object({ upcoming: z.array(VisitLineSchema), past: z.array(VisitLineSchema) })
      .describe('Only the visits you may see'),
    plan: z
      .object({
        id: Id,
        status: z.enum(['draft', 'active', 'completed']),
        phase: z.string().nullable(),
        totalVisits: z.number().nullable(),
        visitsDone: z.number(),
        visitsBooked: z.number(),
        nextReassessmentAt: z.number().nullable(),
      })
      .nullable(),
    notes: z
      .array(
        z.object({
          id: Id,
          status: z.enum(['draft', 'signed']),
          therapistId: Id,
          appointmentId: Id.nullable(),
          createdAt: z.string(),
          signedAt: z.string().nullable(),
        }),
      )
      .nullable()
      .describe('Null for those who may not read clinical notes (the front desk, the patient)'),
    can: z.object({
      book: z.boolean(),
      readNotes: z.boolean(),
      merge: z.boolean(),
      readCoverage: z.boolean().describe('See the insurance section: coverages and authorizations'),
      manageCoverage: z.boolean().describe('Add coverages and authorizations'),
    }),
  })
  .meta({ id: 'PatientSummary' });
