import type { Queryable } from '../../store/database.ts';
import * as repo from '../../store/repos/sign-ins.ts';
import { ServiceError } from '../errors.ts';
import { DECOY_HASH_PROMISE, verifyPassword } from './password.ts';

/**
 * Accounts belong to an organisation, so one email may have an account at two clinics. Sign-in
 * checks the password against each of them; the organisations are named only to someone who
 * knows the password of more than one, so an email alone reveals nothing.
 */
export class OrganizationChoiceError extends ServiceError {
  override readonly status = 409;
  readonly extra: { organizations: { slug: string; name: string }[] };
  constructor(accounts: repo.AccountForLogin[]) {
    super(
      'organization_required',
      'This email and password open accounts at more than one organisation. Choose the organisation to sign in to.',
      {
        organization: 'Choose the organisation to sign in to.',
      },
    );
    this.extra = { organizations: accounts.map((a) => ({ slug: a.organizationSlug, name: a.organizationName })) };
  }
}

/**
 * The account these credentials open, or null (unknown email, wrong password or a disabled
 * account: the caller cannot tell which). The passwords are checked side by side, so two
 * accounts cost about the time of one.
 */
export async function resolveAccount(
  db: Queryable,
  email: string,
  password: string,
  organization?: string,
): Promise<{ account: repo.AccountForLogin | null; candidates: repo.AccountForLogin[] }> {
  const all = await repo.findAccountsByEmail(db, email);
  const candidates = organization ? all.filter((a) => a.organizationSlug === organization) : all;
  if (candidates.length === 0) {
    await verifyPassword(await DECOY_HASH_PROMISE, password);
    return { account: null, candidates };
  }
  const valid = await Promise.all(candidates.map((a) => verifyPassword(a.passwordHash, password)));
  const opened = candidates.filter((a, i) => valid[i] && !a.disabled);
  if (opened.length > 1) throw new OrganizationChoiceError(opened);
  return { account: opened[0] ?? null, candidates };
}
