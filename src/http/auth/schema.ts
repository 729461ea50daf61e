import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../contract/accounts.ts';
import { ROLES } from '../../services/context.ts';
import { LOCALES } from '../../words/locales.ts';

export const CredentialsSchema = z.strictObject({
  email: z.string().trim().max(254).pipe(z.email()),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  organization: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/, 'Choose one of the organisations offered.')
    .optional()
    .describe('Short name of the organisation, only when the sign-in asked for one (409 organization_required)'),
});

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});

/**
 * What the user may do anywhere in their reach, worked out from the server's policies: the web's menus
 * and page guards read only this. Records carry their own `can` for actions on that record.
 */
export const SessionCanSchema = z
  .object({
    searchPatients: z.boolean().describe('Search the patient list'),
    registerPatient: z.boolean().describe('Register a new patient at one of their sites'),
    editPatient: z.boolean().describe("Change a patient's details (a patient: their own record)"),
    mergePatients: z.boolean().describe('Merge duplicate patient records'),
    manageStaff: z.boolean().describe('Add, change and disable staff accounts at their sites'),
    addManagers: z.boolean().describe('Add managers and administrators'),
    onboardTherapists: z
      .boolean()
      .describe('Add a therapist in one step: record, credentials, sites, shifts and sign-in'),
    viewCredentials: z.boolean().describe("See therapists' credentials and their status"),
    viewAudit: z.boolean().describe('Read the audit log'),
    frontDeskCalendar: z.boolean().describe('The site calendar: mark visits, tell patients of changes'),
    myDay: z.boolean().describe("A therapist's own appointments of the day"),
    bookForPatients: z.boolean().describe("Book, move and wait-list other people's appointments"),
    selfBook: z.boolean().describe('Book their own appointments'),
    chart: z.boolean().describe('Read the clinical chart: assessments, plans, session notes'),
    writeNotes: z.boolean().describe('Write session notes for patients in their care'),
    fillIntake: z.boolean().describe('Fill in the intake questionnaire'),
    fillMeasures: z.boolean().describe('Enter outcome questionnaires (NDI, ODI, PSFS)'),
    readMeasures: z.boolean().describe('Read outcome questionnaire results'),
    viewCareTeam: z.boolean().describe("See who is in a patient's care team"),
    manageCareTeam: z.boolean().describe('Grant and end care relationships'),
    manageSchedules: z.boolean().describe("Site hours, closures, rooms and therapists' weeks"),
    manageServices: z.boolean().describe('The service catalogue'),
    editBookingSettings: z.boolean().describe('Change the booking settings'),
    viewOutcomes: z.boolean().describe('The outcomes report'),
    editPublicText: z.boolean().describe('Edit the public "what to expect" text in each language'),
    postCharges: z.boolean().describe('Review and post charges, check visits out, make and send claims'),
    billingReports: z.boolean().describe('The billing reports (A/R aging, unbilled visits, revenue)'),
  })
  .meta({ id: 'SessionCan' });

export const SessionUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES as [string, ...string[]]),
    patientId: z.uuid().nullable(),
    therapistId: z.uuid().nullable(),
    locationIds: z.array(z.uuid()),
    orgTimeZone: z
      .string()
      .describe("The organisation's IANA time zone: a date that belongs to no site is read on its clock"),
    locale: z
      .enum(LOCALES)
      .nullable()
      .describe(
        "The language a patient account chose (from its record's preferred language); null: none of ours, " +
          'the browser decides',
      ),
    mustChangePassword: z
      .boolean()
      .describe(
        'Someone else chose the password: every other call answers 403 password_change_required until it is changed',
      ),
    can: SessionCanSchema,
  })
  .meta({ id: 'SessionUser' });

export const LocaleSchema = z.strictObject({
  locale: z.enum(LOCALES, 'Choose English (en) or Spanish (es).').describe('en or es'),
});

export const SessionSchema = z.object({ user: SessionUserSchema, csrfToken: z.string() });
export const TokenSchema = z.object({ token: z.string(), expiresAt: z.string() });
