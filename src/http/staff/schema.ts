import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../contract/accounts.ts';
import { Email, Id, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

const StaffRole = z.enum(['therapist', 'front_desk', 'manager', 'admin']);

export const StaffCreateSchema = z.strictObject({
  email: Email,
  displayName: text(LIMIT.staffName),
  role: StaffRole,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH)
    .max(PASSWORD_MAX_LENGTH)
    .describe('A first password the person changes after signing in'),
  locationIds: z.array(Id).max(20).default([]),
  therapistId: Id.optional().describe('Required for a therapist: their therapist record'),
});

export const StaffUpdateSchema = z.strictObject({
  displayName: text(LIMIT.staffName).optional(),
  disabled: z.boolean().optional(),
  locationIds: z.array(Id).max(20).optional(),
});

export const StaffMemberSchema = z
  .object({
    id: Id,
    email: z.string(),
    displayName: z.string(),
    role: StaffRole,
    therapistId: Id.nullable(),
    locationIds: z.array(Id),
    disabled: z.boolean(),
    createdAt: z.string(),
    can: z
      .object({
        edit: z.boolean().describe('Change the account (PATCH)'),
        disable: z.boolean().describe("Disable the account (never one's own)"),
      })
      .describe('What the caller may do to this account'),
  })
  .meta({ id: 'StaffMember' });
