import { z } from 'zod';
import { SQLSTATE, sqlState, type Database, type Queryable } from '../store/database.ts';
import { findUserRowByEmail, insertUserRow, type UserRow } from '../store/repos/users.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, hashPassword } from './auth/password.ts';
import { ConflictError, NotFoundError, ValidationError, fieldsFromIssues } from './errors.ts';

export const ROLES = ['patient', 'therapist', 'front_desk', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const userInput = z
  .object({
    orgId: z.uuid('must be an organisation id'),
    email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
    displayName: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    role: z.enum(ROLES, `must be one of ${ROLES.join(', ')}`),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
    patientId: z.uuid('must be a patient id').optional(),
    therapistId: z.uuid('must be a therapist id').optional(),
    locationIds: z.array(z.uuid('must be location ids')).optional(),
    /** Someone else chose the password: the account changes it before doing anything else. */
    mustChangePassword: z.boolean().optional(),
  })
  .superRefine((user, ctx) => {
    // The schema holds these too; checked here so the caller learns which field is missing.
    if (user.role === 'patient' && !user.patientId) {
      ctx.addIssue({ code: 'custom', path: ['patientId'], message: 'is required for a patient account' });
    }
    if (user.role === 'therapist' && !user.therapistId) {
      ctx.addIssue({ code: 'custom', path: ['therapistId'], message: 'is required for a therapist account' });
    }
  });
export type UserInput = z.input<typeof userInput>;

export interface User {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  role: Role;
  patientId: string | null;
  therapistId: string | null;
  locationIds: string[];
  /** The password was chosen by someone else: the account must choose its own before anything else. */
  mustChangePassword: boolean;
}

function present(row: UserRow): User {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    patientId: row.patient_id,
    therapistId: row.therapist_id,
    locationIds: row.location_ids ?? [],
    mustChangePassword: row.must_change_password,
  };
}

export type ParsedUser = z.output<typeof userInput>;

/** A checked account with its password hashed, ready to insert. */
export interface PreparedUser {
  user: ParsedUser;
  locationIds: string[];
  passwordHash: string;
}

/** Checks the account; throws the fields that are wrong. */
export function parseUser(input: UserInput): ParsedUser {
  const parsed = userInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldsFromIssues(parsed.error.issues));
  return parsed.data;
}

/** Checks and hashes before any transaction: argon2 is slow on purpose and must not hold a connection. */
export async function prepareUser(input: UserInput): Promise<PreparedUser> {
  const user = parseUser(input);
  return { user, locationIds: [...new Set(user.locationIds ?? [])], passwordHash: await hashPassword(user.password) };
}

/** Inserts a prepared account inside the caller's transaction. */
export async function insertUser(tx: Queryable, { user, locationIds, passwordHash }: PreparedUser): Promise<User> {
  try {
    const id = await insertUserRow(tx, {
      orgId: user.orgId,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      passwordHash,
      patientId: user.patientId ?? null,
      therapistId: user.therapistId ?? null,
      mustChangePassword: user.mustChangePassword ?? false,
      locationIds,
    });
    return present({ ...toRow(user, id), location_ids: locationIds });
  } catch (err) {
    throw translateWriteError(err);
  }
}

export async function createUser(db: Database, input: UserInput): Promise<User> {
  const prepared = await prepareUser(input);
  return db.transaction((tx) => insertUser(tx, prepared));
}

function toRow(user: ParsedUser, id: string): UserRow {
  return {
    id,
    org_id: user.orgId,
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    patient_id: user.patientId ?? null,
    therapist_id: user.therapistId ?? null,
    location_ids: null,
    must_change_password: user.mustChangePassword ?? false,
  };
}

/** Maps the database's refusals to the caller's mistakes; anything else stays a server error. */
function translateWriteError(err: unknown): unknown {
  const state = sqlState(err);
  if (state === SQLSTATE.uniqueViolation) {
    const constraint = String((err as { constraint?: unknown }).constraint ?? (err as Error).message ?? '');
    if (constraint.includes('therapist')) {
      return new ConflictError(
        'therapistId',
        'This therapist already has a sign-in. Re-enable or reset that account instead of adding a second one.',
      );
    }
    // Accounts are per organisation: this says only that this organisation already has the email.
    return new ConflictError('email', 'An account with this email already exists in this organisation.');
  }
  if (state === SQLSTATE.foreignKeyViolation) {
    const constraint = String((err as { constraint?: unknown }).constraint ?? (err as Error).message ?? '');
    if (constraint.includes('patient'))
      return new ValidationError({ patientId: 'is not a patient of this organisation' });
    if (constraint.includes('therapist')) {
      return new ValidationError({ therapistId: 'is not a therapist of this organisation' });
    }
    if (constraint.includes('location'))
      return new ValidationError({ locationIds: 'must be locations of this organisation' });
    if (constraint.includes('org')) return new NotFoundError('No such organisation');
  }
  return err;
}

export async function findUserByEmail(db: Queryable, orgId: string, email: string): Promise<User | null> {
  const row = await findUserRowByEmail(db, orgId, email.trim().toLowerCase());
  return row ? present(row) : null;
}
