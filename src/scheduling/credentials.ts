/**
 * Qualification gating: a service names the credentials it needs; a therapist lacking one of them
 * on the appointment date is never offered and cannot be booked, and we can say which one and why.
 */
export interface CredentialRequirement {
  kind: 'licence' | 'certification';
  /** Any one of these credential types satisfies the requirement, e.g. ['LMT', 'LMP']. */
  types: string[];
  /** Licences are issued per state: the credential's issuer must be the site's state. */
  sameStateAsSite?: boolean;
  /** Plain words for people, e.g. "an active massage licence in the site's state". */
  label: string;
}

export interface Credential {
  kind: 'licence' | 'certification';
  type: string;
  /** A state code ('WA') for licences, the certifying body for certifications. */
  issuer: string;
  issuedOn?: string | null;
  /** Inclusive: a licence expiring on 2026-05-31 still counts on that day. */
  expiresOn?: string | null;
}

export type CredentialProblem = 'absent' | 'expired' | 'not-yet-valid' | 'other-state';

export interface CredentialGap {
  requirement: CredentialRequirement;
  /** The closest miss: a matching credential that fails only on date or state beats 'absent'. */
  problem: CredentialProblem;
  credential?: Credential;
}

import { parseDate } from '../time/calendar.ts';
import type { DayNumber } from '../time/calendar.ts';

const sameText = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** Validity of a credential in day numbers; an absent (or unreadable) bound is open. */
function validDays(credential: Credential): { from: DayNumber; to: DayNumber } {
  return {
    from: (credential.issuedOn ? parseDate(credential.issuedOn) : undefined) ?? -Infinity,
    to: (credential.expiresOn ? parseDate(credential.expiresOn) : undefined) ?? Infinity,
  };
}

function matchesType(requirement: CredentialRequirement, credential: Credential): boolean {
  return credential.kind === requirement.kind && requirement.types.some((type) => sameText(type, credential.type));
}

/** Why `credential` does not meet `requirement` on `onDate` at a site in `siteState`, or null if it does. */
function problemWith(
  requirement: CredentialRequirement,
  credential: Credential,
  siteState: string,
  onDay: DayNumber,
): CredentialProblem | null {
  if (!matchesType(requirement, credential)) return 'absent';
  const valid = validDays(credential);
  if (valid.from > onDay) return 'not-yet-valid';
  if (valid.to < onDay) return 'expired';
  if (requirement.sameStateAsSite && !sameText(credential.issuer, siteState)) return 'other-state';
  return null;
}

const closeness: Record<CredentialProblem, number> = { 'other-state': 0, expired: 1, 'not-yet-valid': 2, absent: 3 };

export function credentialGaps(
  requirements: readonly CredentialRequirement[],
  credentials: readonly Credential[],
  siteState: string,
  onDate: string,
): CredentialGap[] {
  const onDay = parseDate(onDate);
  if (onDay === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(onDate)}`);
  const gaps: CredentialGap[] = [];
  for (const requirement of requirements) {
    let best: CredentialGap | null = { requirement, problem: 'absent' };
    for (const credential of credentials) {
      const problem = problemWith(requirement, credential, siteState, onDay);
      if (problem === null) {
        best = null;
        break;
      }
      if (closeness[problem] < closeness[best.problem]) best = { requirement, problem, credential };
    }
    if (best) gaps.push(best);
  }
  return gaps;
}

export function missingCredentials(
  service: { requirements: readonly CredentialRequirement[] },
  credentials: readonly Credential[],
  siteState: string,
  onDate: string,
): CredentialRequirement[] {
  return credentialGaps(service.requirements, credentials, siteState, onDate).map((gap) => gap.requirement);
}

export function describeGap(gap: CredentialGap, siteState: string, onDate: string): string {
  const what = gap.requirement.label;
  switch (gap.problem) {
    case 'absent':
      return `missing ${what}`;
    case 'expired':
      return `${what}: ${gap.credential?.type} expired on ${gap.credential?.expiresOn}, before ${onDate}`;
    case 'not-yet-valid':
      return `${what}: ${gap.credential?.type} is valid only from ${gap.credential?.issuedOn}`;
    case 'other-state':
      return `${what}: ${gap.credential?.type} was issued in ${gap.credential?.issuer}, the site is in ${siteState}`;
  }
}

/**
 * The days on which every requirement is met at a site in `siteState`, as a predicate built once per
 * therapist and state, so the engine's day loop compares numbers instead of strings. Agrees with
 * credentialGaps(...).length === 0 by construction: same matching, same bounds.
 */
export function qualifiedOnDay(
  requirements: readonly CredentialRequirement[],
  credentials: readonly Credential[],
  siteState: string,
): (day: DayNumber) => boolean {
  const perRequirement = requirements.map((requirement) =>
    credentials
      .filter((c) => matchesType(requirement, c) && (!requirement.sameStateAsSite || sameText(c.issuer, siteState)))
      .map(validDays),
  );
  return (day) => perRequirement.every((ranges) => ranges.some((r) => r.from <= day && day <= r.to));
}
