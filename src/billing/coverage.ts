import { isIsoDate } from '../time/index.ts';
import type { CoverageType } from './claim.ts';

/**
 * The rules a patient's coverage must meet before the desk can bill it, by type. The clinic is paid
 * through auto insurance (PIP or med-pay), workers' compensation, health plans (commercial or
 * Medicare) or by the patient; each needs different facts on the claim.
 */

export const COVERAGE_TYPES: readonly CoverageType[] = ['auto', 'workers-comp', 'commercial', 'medicare', 'self-pay'];

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
}

export interface CoverageFields {
  type: CoverageType;
  /** 1 primary, 2 secondary, … */
  order: number;
  payerId?: string;
  memberId?: string;
  groupNumber?: string;
  relationship: 'self' | 'spouse' | 'child' | 'other';
  /** Needed when the patient is not the insured. */
  subscriberName?: string;
  subscriberBirthDate?: string;
  claimNumber?: string;
  dateOfInjury?: string;
  /** Workers' comp: the employer at the time of injury. */
  employerName?: string;
  adjuster?: Contact;
  attorney?: Contact;
  /** Auto: the accident's state; workers' comp: the state whose law governs the claim. */
  state?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  /** The copay on the card, in cents: what the desk collects at checkout unless told otherwise. */
  copay?: number;
}

/** The most a copay can be, in cents (what one checkout moves to the patient). */
const MAX_COPAY_CENTS = 10_000_000;

/** Problems keyed by field, in plain words; empty when the coverage can be billed. */
export type FieldProblems = Record<string, string>;

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/**
 * Medicare Beneficiary Identifier: 11 characters, C A AN N A AN N A A N N, where C is 1–9, N a digit,
 * A a letter other than S, L, O, I, B, Z, and AN either (CMS, "Understanding the Medicare Beneficiary
 * Identifier (MBI) Format", cms.gov/medicare/new-medicare-card).
 */
const MBI = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/;

export function isMedicareBeneficiaryId(value: string): boolean {
  return MBI.test(value.replace(/[\s-]/g, '').toUpperCase());
}

/** Checks one coverage; `today` is the clinic's date (a date of injury cannot be in the future). */
export function checkCoverage(c: CoverageFields, today: string): FieldProblems {
  const problems: FieldProblems = {};
  if (!COVERAGE_TYPES.includes(c.type)) problems.type = `Choose one of: ${COVERAGE_TYPES.join(', ')}.`;
  if (!Number.isInteger(c.order) || c.order < 1 || c.order > 9)
    problems.order = 'The order is 1 (primary), 2 (secondary) … up to 9.';
  for (const field of ['dateOfInjury', 'effectiveFrom', 'effectiveTo', 'subscriberBirthDate'] as const) {
    const value = c[field];
    if (value !== undefined && !isIsoDate(value)) problems[field] = 'This is not a date.';
  }
  if (
    c.effectiveFrom &&
    c.effectiveTo &&
    !problems.effectiveFrom &&
    !problems.effectiveTo &&
    c.effectiveTo < c.effectiveFrom
  ) {
    problems.effectiveTo = 'The coverage cannot end before it starts.';
  }
  if (c.dateOfInjury && !problems.dateOfInjury && c.dateOfInjury > today)
    problems.dateOfInjury = 'The date of injury is in the future.';
  if (c.state !== undefined && !/^[A-Z]{2}$/.test(c.state)) problems.state = 'Use the two-letter state, e.g. NY.';
  if (c.copay !== undefined && (!Number.isInteger(c.copay) || c.copay < 0 || c.copay > MAX_COPAY_CENTS))
    problems.copay = 'Enter the copay in whole cents, from 0 up to $100,000.';
  if (c.type === 'self-pay') {
    if (!blank(c.payerId)) problems.payerId = 'A self-pay coverage has no payer.';
    if (c.copay !== undefined) problems.copay = 'A self-pay coverage has no copay: the patient pays the whole price.';
    return problems;
  }

  if (blank(c.payerId)) problems.payerId = 'Choose the payer.';
  if (blank(c.memberId)) problems.memberId = c.type === 'auto' ? 'Enter the policy number.' : 'Enter the member id.';
  else if (c.type === 'medicare' && !isMedicareBeneficiaryId(c.memberId ?? '')) {
    problems.memberId = 'A Medicare number (MBI) is 11 letters and digits, like 1EG4-TE5-MK73.';
  }
  if (c.relationship !== 'self') {
    if (blank(c.subscriberName)) problems.subscriberName = "Enter the insured person's name.";
    if (blank(c.subscriberBirthDate)) problems.subscriberBirthDate = "Enter the insured person's date of birth.";
  }
  if (c.type === 'auto' || c.type === 'workers-comp') {
    if (blank(c.claimNumber)) problems.claimNumber = "Enter the adjuster's claim number.";
    if (blank(c.dateOfInjury)) problems.dateOfInjury = 'Enter the date of injury.';
    if (blank(c.state))
      problems.state =
        c.type === 'auto' ? 'Enter the state where the accident happened.' : 'Enter the state of the claim.';
  }
  if (c.type === 'workers-comp' && blank(c.employerName))
    problems.employerName = 'Enter the employer at the time of injury.';
  for (const who of ['adjuster', 'attorney'] as const) {
    const contact = c[who];
    if (contact && blank(contact.name)) problems[`${who}.name`] = 'Enter a name, or leave the contact out.';
    if (contact?.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email))
      problems[`${who}.email`] = 'This is not an email address.';
  }
  return problems;
}

/** Whether the coverage is in force on a date (open-ended when a bound is missing). */
export function coversDate(c: Pick<CoverageFields, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return (
    (c.effectiveFrom === undefined || c.effectiveFrom <= date) && (c.effectiveTo === undefined || date <= c.effectiveTo)
  );
}

/** The coverages in force on a date, primary first. */
export function coveragesOn<T extends Pick<CoverageFields, 'order' | 'effectiveFrom' | 'effectiveTo'>>(
  coverages: readonly T[],
  date: string,
): T[] {
  return coverages.filter((c) => coversDate(c, date)).sort((a, b) => a.order - b.order);
}

/** Two coverages in force at the same time may not share an order (two primaries would bill twice). */
export function orderClashes<T extends Pick<CoverageFields, 'order' | 'effectiveFrom' | 'effectiveTo'>>(
  coverages: readonly T[],
): Array<[T, T]> {
  const clashes: Array<[T, T]> = [];
  coverages.forEach((a, i) =>
    coverages.slice(i + 1).forEach((b) => {
      const overlap =
        (a.effectiveTo === undefined || b.effectiveFrom === undefined || b.effectiveFrom <= a.effectiveTo) &&
        (b.effectiveTo === undefined || a.effectiveFrom === undefined || a.effectiveFrom <= b.effectiveTo);
      if (a.order === b.order && overlap) clashes.push([a, b]);
    }),
  );
  return clashes;
}
