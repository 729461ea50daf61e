import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../contract/accounts.ts';
import { ROLES } from '../../services/context.ts';

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

export const SessionUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES as [string, ...string[]]),
    patientId: z.uuid().nullable(),
    practitionerId: z.uuid().nullable(),
    locationIds: z.array(z.uuid()),
    orgTimeZone: z
      .string()
      .describe("The organisation's IANA time zone: a date that belongs to no site is read on its clock"),
    mustChangePassword: z
      .boolean()
      .describe(
        'Someone else chose the password: every other call answers 403 password_change_required until it is changed',
      ),
  })
  .meta({ id: 'SessionUser' });

export const SessionSchema = z.object({ user: SessionUserSchema, csrfToken: z.string() });
export const TokenSchema = z.object({ token: z.string(), expiresAt: z.string() });
