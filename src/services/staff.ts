import { SQLSTATE, sqlState } from '../store/database.ts';
import { findTherapist } from '../store/repos/therapists.ts';
import * as repo from '../store/repos/staff.ts';
import { audit } from './audit.ts';
import type { Actor, Role, ServiceContext } from './context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { authorize, isAllowed } from './policies.ts';
import { staffCan, type StaffCan } from './can.ts';
import { createOnce, type Once } from './idempotency.ts';
import { insertUser, prepareUser } from './users.ts';

/** A staff account as answered to one caller: with what that caller may do to it. */
export type StaffMember = repo.StaffRow & { can: StaffCan };

export function withStaffCan(actor: Actor, row: repo.StaffRow): StaffMember {
  return { ...row, can: staffCan(actor, row) };
}

export async function listStaff(ctx: ServiceContext, actor: Actor): Promise<StaffMember[]> {
  authorize(actor, 'staff.read');
  // Admins see everyone; others the colleagues of their own sites.
  const rows = await repo.listStaff(ctx.db, actor.orgId, actor.role === 'admin' ? null : actor.locationIds);
  return rows.map((row) => withStaffCan(actor, row));
}

export async function getStaff(ctx: ServiceContext, actor: Actor, id: string): Promise<StaffMember> {
  authorize(actor, 'staff.read');
  const member = await repo.findStaff(ctx.db, actor.orgId, id);
  if (!member) throw new NotFoundError('No such staff member.');
  if (
    actor.role !== 'admin' &&
    !member.locationIds.some((l) => actor.locationIds.includes(l)) &&
    member.id !== actor.userId
  ) {
    throw new ForbiddenError();
  }
  return withStaffCan(actor, member);
}

/** A therapist's sites are those of their therapist record; everyone else's are chosen. */
async function sitesOfNewAccount(ctx: ServiceContext, actor: Actor, input: NewStaff): Promise<string[]> {
  if (input.role !== 'therapist') return input.locationIds;
  if (!input.therapistId) throw new ValidationError({ therapistId: 'is required for a therapist account' });
  const therapist = await findTherapist(ctx.db, actor.orgId, input.therapistId);
  if (!therapist) throw new ValidationError({ therapistId: 'No such therapist in this organisation.' });
  return therapist.locationIds;
}

export interface NewStaff {
  email: string;
  displayName: string;
  role: Exclude<Role, 'patient'>;
  password: string;
  locationIds: string[];
  therapistId?: string;
}

/** Only admins create managers and admins; a manager adds desk staff and therapists at their own sites. */
export async function createStaff(
  ctx: ServiceContext,
  actor: Actor,
  input: NewStaff,
  once?: Once,
): Promise<StaffMember> {
  // Who may add accounts at all comes first; whether at these sites, once the sites are known.
  authorize(actor, 'staff.manage', { locationIds: actor.locationIds });
  if (!isAllowed(actor, 'staff.manage', { staffRole: input.role, locationIds: actor.locationIds })) {
    throw new ForbiddenError('Only an administrator can create managers and administrators.');
  }
  if (input.role !== 'admin' && input.role !== 'therapist' && input.locationIds.length === 0) {
    throw new ValidationError({ locationIds: 'Choose at least one site.' });
  }
  authorize(actor, 'staff.manage', { staffRole: input.role, locationIds: await sitesOfNewAccount(ctx, actor, input) });
  const prepared = await prepareUser({
    orgId: actor.orgId,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    password: input.password,
    therapistId: input.therapistId,
    locationIds: input.role === 'therapist' ? [] : input.locationIds,
    // The manager chose this password: the new colleague picks their own at first sign-in.
    mustChangePassword: true,
  });
  return createOnce(ctx, actor, once, async (tx) => {
    const user = await insertUser(tx, prepared);
    await audit(tx, actor, [
      { action: 'staff.create', recordType: 'user', recordId: user.id, detail: { role: input.role } },
    ]);
    const member = (await repo.findStaff(tx, actor.orgId, user.id))!;
    return withStaffCan(actor, member);
  });
}

export async function updateStaff(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: { displayName?: string; disabled?: boolean; locationIds?: string[] },
): Promise<StaffMember> {
  const member = await getStaff(ctx, actor, id);
  authorize(actor, 'staff.manage', { locationIds: changes.locationIds ?? member.locationIds });
  if (!isAllowed(actor, 'staff.manage', { staffRole: member.role, locationIds: member.locationIds })) {
    throw new ForbiddenError('Only an administrator can change managers and administrators.');
  }
  if (changes.disabled && id === actor.userId)
    throw new ValidationError({ disabled: 'You cannot disable your own account.' });
  if (changes.locationIds && member.role === 'therapist') {
    throw new ValidationError({ locationIds: "A therapist's sites are set on their therapist record." });
  }
  try {
    await ctx.db.transaction(async (tx) => {
      await repo.updateStaff(tx, actor.orgId, id, {
        displayName: changes.displayName,
        disabledAt: changes.disabled === undefined ? undefined : changes.disabled ? ctx.now() : null,
        locationIds: changes.locationIds,
      });
      await audit(tx, actor, [
        { action: 'staff.update', recordType: 'user', recordId: id, detail: { fields: Object.keys(changes).sort() } },
      ]);
    });
    // A disabled account is refused on this server's next request (the others hear the database's notification).
    ctx.sessions?.heard(actor.orgId);
  } catch (err) {
    if (sqlState(err) === SQLSTATE.foreignKeyViolation)
      throw new ValidationError({ locationIds: 'No such location in this organisation.' });
    if (sqlState(err) === SQLSTATE.uniqueViolation) {
      throw new ConflictError('disabled', 'This therapist already has another active sign-in: disable that one first.');
    }
    throw err;
  }
  return withStaffCan(actor, await getStaff(ctx, { ...actor, role: 'admin' }, id));
}
