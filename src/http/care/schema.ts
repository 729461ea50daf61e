import { z } from 'zod';
import { Id, IsoDate, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

/** Both names and the date of birth, exactly: a lookup never widens to a prefix or a partial date. */
export const LookupSchema = z.strictObject({
  givenName: text(LIMIT.personName).describe('First name, exactly as registered (case does not matter)'),
  familyName: text(LIMIT.personName).describe('Last name, exactly as registered (case does not matter)'),
  dateOfBirth: IsoDate.describe('Date of birth'),
});

export const LookupResultSchema = z.object({
  matches: z.array(
    z.object({
      id: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      dateOfBirth: z.string(),
      registeredAtYourSites: z
        .boolean()
        .describe('Already visible to you: open the patient instead of registering them'),
    }),
  ),
});

export const RegisterSiteSchema = z.strictObject({
  locationId: Id.describe('One of your sites'),
  reason: text(LIMIT.reason).describe(
    'Why the patient is registered here, e.g. "Moving closer to work; asked by phone"',
  ),
});

const SiteSchema = z.object({
  locationId: z.uuid(),
  preferred: z.boolean().describe('The patient’s preferred site'),
  registeredAt: z.string().nullable().describe('When (date and time); null for the preferred site'),
  reason: z.string().nullable(),
});

export const RegisterSiteResultSchema = z.object({
  patientId: z.uuid(),
  locationId: z.uuid(),
  sites: z.array(SiteSchema),
});

export const GrantSchema = z.strictObject({
  therapistId: Id.describe('The therapist who will see the chart'),
  reason: text(LIMIT.reason).describe('Why, e.g. "Covering for Avery during leave"'),
});

export const EndSchema = z.strictObject({
  reason: text(LIMIT.reason).describe('Why the therapist no longer sees the chart'),
});

export const CareParams = z.strictObject({ id: Id, therapistId: Id });

export const CareTeamSchema = z.object({
  patientId: z.uuid(),
  careTeam: z.array(
    z.object({
      therapistId: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      discipline: z.string(),
      startedOn: z.string(),
      endedOn: z.string().nullable().describe('Null while the therapist is in the care team'),
      reason: z.string().nullable(),
      endReason: z.string().nullable(),
      can: z.object({
        end: z.boolean().describe("End this therapist's access (managers of the therapist's site, admins)"),
      }),
    }),
  ),
  sites: z.array(SiteSchema),
  can: z.object({
    grantTo: z.array(z.uuid()).describe('Active therapists the caller may add to this care team'),
  }),
});
