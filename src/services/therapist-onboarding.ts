import { sqlState, SQLSTATE } from '../store/database.ts';
import * as therapists from '../store/repos/therapists.ts';
import * as schedules from '../store/repos/schedules.ts';
import * as staffRepo from '../store/repos/staff.ts';
import { audit } from './audit.ts';
import { hashPassword } from './auth/password.ts';
import { templateProblems } from './booking/schedules.ts';
import type { Actor, ServiceContext } from './context.ts';
import { ConflictError, ValidationError } from './errors.ts';
import { authorize } from './policies.ts';
import { therapistDetail, type CredentialFields, type TherapistDetail, type TherapistFields } from './therapists.ts';
import { withStaffCan, type StaffMember } from './staff.ts';
import { createOnce, type Once } from './idempotency.ts';
import { insertUser, parseUser } from './users.ts';

export interface NewTherapist {
  therapist: TherapistFields;
  credentials: CredentialFields[];
  /** The repeating week, at the therapist's sites. */
  shifts: schedules.TemplateFields[];
  /** Their sign-in; the password is a first one they change at first sign-in. Null: no sign-in yet. */
  signIn: { email: string; password: string } | null;
}

export interface OnboardedTherapist {
  therapist: TherapistDetail;
  shifts: schedules.TemplateRow[];
  account: StaffMember | null;
}

/** Plain words for the week's rule breaks, per shift as the form numbers them (from 1). */
function shiftProblems(shifts: schedules.TemplateFields[], siteIds: string[]): Record<string, string> {
  const words: Record<string, (n: number) => string> = {
    locationId: (n) => `Shift ${n} is at a site this therapist does not work at. Tick that site, or choose another.`,
    end: (n) => `Shift ${n} must end after it starts.`,
    validTo: (n) => `Shift ${n} must stop being valid after it starts being valid.`,
    start: (n) => `Shift ${n} overlaps another shift on the same day.`,
  };
  const problems: Record<string, string> = {};
  for (const key of Object.keys(templateProblems(shifts, siteIds))) {
    const [, index, field] = key.split('.');
    problems[`shifts.${index}.${field}`] =
      words[field!]?.(Number(index) + 1) ?? `Shift ${Number(index) + 1} is not right.`;
  }
  return problems;
}

function credentialProblems(credentials: CredentialFields[]): Record<string, string> {
  const problems: Record<string, string> = {};
  credentials.forEach((c, i) => {
    if (c.issuedOn && c.expiresOn && c.expiresOn < c.issuedOn)
      problems[`credentials.${i}.expiresOn`] = `Credential ${i + 1} expires before it was issued.`;
  });
  return problems;
}

const ACCOUNT_FIELDS: Record<string, string> = { email: 'signIn.email', password: 'signIn.password' };

function rethrow(err: unknown): never {
  // An account refusal names the account's own fields; here they live under signIn.
  if (err instanceof ConflictError && err.fields?.email) throw new ConflictError('signIn.email', err.message);
  if (err instanceof ValidationError) {
    throw new ValidationError(
      Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [ACCOUNT_FIELDS[k] ?? k, v])),
    );
  }
  if (sqlState(err) === SQLSTATE.foreignKeyViolation)
    throw new ValidationError({ locationIds: 'Choose sites of this organisation.' });
  throw err;
}

/**
 * A manager adds a therapist in one step: the therapist record and sites, credentials, the
 * weekly shifts and a sign-in, all in one transaction (all saved, or nothing), each part audited.
 * With an Idempotency-Key a retry gets the first answer and adds no second therapist.
 */
export async function onboardTherapist(
  ctx: ServiceContext,
  actor: Actor,
  input: NewTherapist,
  once?: Once,
): Promise<OnboardedTherapist> {
  const siteIds = [...new Set(input.therapist.locationIds)];
  if (siteIds.length === 0) throw new ValidationError({ locationIds: 'Choose at least one site.' });
  authorize(actor, 'therapist.manage', { locationIds: siteIds });
  authorize(actor, 'staff.manage', { locationIds: siteIds });
  const problems = { ...credentialProblems(input.credentials), ...shiftProblems(input.shifts, siteIds) };
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const name = `${input.therapist.givenName} ${input.therapist.familyName}`;
  const { signIn } = input;
  const now = ctx.now();
  try {
    // Hashed before the transaction: argon2 is slow on purpose and must not hold a connection.
    const passwordHash = signIn ? await hashPassword(signIn.password) : null;
    return await createOnce(ctx, actor, once, async (tx) => {
      const id = await therapists.insertTherapist(tx, actor.orgId, {
        ...input.therapist,
        locationIds: siteIds,
      });
      await therapists.replaceTherapistLocations(tx, actor.orgId, id, siteIds);
      const credentialIds: string[] = [];
      for (const c of input.credentials)
        credentialIds.push((await therapists.insertCredential(tx, actor.orgId, id, c)).id);
      await schedules.replaceTemplates(tx, actor.orgId, id, input.shifts);
      const user =
        signIn && passwordHash
          ? await insertUser(tx, {
              user: parseUser({
                orgId: actor.orgId,
                email: signIn.email,
                displayName: name,
                role: 'therapist',
                password: signIn.password,
                therapistId: id,
                mustChangePassword: true,
              }),
              locationIds: [],
              passwordHash,
            })
          : null;
      await audit(tx, actor, [
        { action: 'therapist.create', recordType: 'therapist', recordId: id, detail: { onboarding: true } },
        ...credentialIds.map((cid) => ({
          action: 'therapist.credential.create',
          recordType: 'credential',
          recordId: cid,
          detail: { therapistId: id },
        })),
        {
          action: 'schedule.update',
          recordType: 'therapist',
          recordId: id,
          detail: { templates: input.shifts.length },
        },
        ...(user
          ? [
              {
                action: 'staff.create',
                recordType: 'user',
                recordId: user.id,
                detail: { role: 'therapist', therapistId: id },
              },
            ]
          : []),
      ]);
      return {
        therapist: await therapistDetail(tx, actor, (await therapists.findTherapist(tx, actor.orgId, id))!, now),
        shifts: await schedules.listTemplates(tx, actor.orgId, id),
        account: user ? withStaffCan(actor, (await staffRepo.findStaff(tx, actor.orgId, user.id))!) : null,
      };
    });
  } catch (err) {
    return rethrow(err);
  }
}
