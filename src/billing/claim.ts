import { isIsoDate } from '../time/index.ts';
import { DIAGNOSIS_LETTERS } from './charges.ts';
import type { ChargeLine, DiagnosisLetter } from './charges.ts';
import { sumMoney } from './money.ts';
import type { Money } from './money.ts';
import { checkNpi } from './npi.ts';

/**
 * A claim as both the 837P file and the CMS-1500 form need it: the posted charge lines of one
 * visit (or several visits of one patient) with the patient, the coverage and the providers.
 */

/** The ways the clinic is paid: auto (PIP / med-pay), workers' comp, health plans, or the patient. */
export type CoverageType = 'auto' | 'workers-comp' | 'commercial' | 'medicare' | 'self-pay';

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  /** Two-letter US state. */
  state: string;
  /** ZIP or ZIP+4, digits only. */
  postalCode: string;
}

export interface Person {
  lastName: string;
  firstName: string;
  middleInitial?: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'F' | 'M' | 'U';
  address: Address;
  phone?: string;
}

/** The patient's relationship to the insured, as the claim codes it. */
export type Relationship = 'self' | 'spouse' | 'child' | 'other';

export interface ClaimCoverage {
  type: CoverageType;
  responsibility: 'primary' | 'secondary';
  payerName: string;
  /** The payer id the clearinghouse routes by. */
  payerId: string;
  memberId: string;
  groupNumber?: string;
  planName?: string;
  /** The auto or workers' comp claim number the adjuster gave. */
  claimNumber?: string;
  /** YYYY-MM-DD, for auto and workers' comp. */
  dateOfInjury?: string;
  /** Where the auto accident happened (two letters). */
  accidentState?: string;
  employerName?: string;
}

export interface BillingProvider {
  name: string;
  npi: string;
  /** The employer identification number, nine digits. */
  taxId: string;
  address: Address;
  phone: string;
}

/**
 * Whether a claim is new or stands in for one the payer already has. The 837P says so in CLM05-3,
 * the claim frequency type code (X12 element 1325): 1 original, 7 replacement of prior claim,
 * 8 void/cancel of prior claim, the only three a professional claim takes (Stedi claim edit
 * "Invalid claim frequency code"). The paper form says it in box 22, resubmission code.
 */
export type ClaimFrequency = 'original' | 'replacement' | 'void';

export const FREQUENCY_CODE: Record<ClaimFrequency, '1' | '7' | '8'> = { original: '1', replacement: '7', void: '8' };

export interface ClaimInput {
  /** The clinic's own claim reference (patient control number), at most 20 characters. */
  claimId: string;
  /** Left out: an original claim. */
  frequency?: ClaimFrequency;
  /**
   * The payer's claim control number (its ICN) of the claim replaced or voided: 837P loop 2300
   * REF*F8 and the CMS-1500 box 22 original ref. no. A replacement or void names it, or the payer
   * cannot tell which claim it stands in for.
   */
  payerClaimNumber?: string;
  patient: Person;
  relationship: Relationship;
  /** The insured; the patient when `relationship` is self. */
  subscriber: Person;
  coverage: ClaimCoverage;
  billingProvider: BillingProvider;
  renderingProvider: { lastName: string; firstName: string; npi: string };
  diagnoses: ReadonlyArray<{ letter: DiagnosisLetter; code: string }>;
  lines: readonly ChargeLine[];
  priorAuthorization?: string;
  /** The patient signed a release of information and assignment of benefits kept on file. */
  signatureOnFile: boolean;
  acceptAssignment: boolean;
}

export interface ClaimProblem {
  field: string;
  message: string;
}

/** Service lines one 837P claim may carry (005010X222A1, loop 2400 repeat). */
export const MAX_LINES_PER_CLAIM = 50;

/**
 * The payer's claim number as the desk types it, or what is wrong with it. X12 REF02 (element 127)
 * holds 1 to 50 characters; payers' numbers are letters and digits, sometimes with dashes.
 */
export function payerClaimNumberProblem(value: string): string | null {
  return /^[A-Za-z0-9-]{1,50}$/.test(value)
    ? null
    : "The payer's claim number is 1 to 50 letters, digits or dashes, as on the payer's remittance.";
}

export function claimTotal(claim: Pick<ClaimInput, 'lines'>): Money {
  return sumMoney(claim.lines.map((l) => l.amount));
}

function checkPerson(field: string, person: Person, problems: ClaimProblem[]): void {
  if (person.lastName.trim() === '' || person.firstName.trim() === '') {
    problems.push({ field: `${field}Name`, message: 'First and last name are needed on a claim.' });
  }
  if (!isIsoDate(person.birthDate))
    problems.push({ field: `${field}BirthDate`, message: 'The date of birth is not a date.' });
  checkAddress(`${field}Address`, person.address, problems);
}

function checkAddress(field: string, address: Address, problems: ClaimProblem[]): void {
  if (address.line1.trim() === '' || address.city.trim() === '') {
    problems.push({ field, message: 'The street and city are needed.' });
  }
  if (!/^[A-Z]{2}$/.test(address.state))
    problems.push({ field, message: 'The state is two capital letters, e.g. NY.' });
  if (!/^(\d{5}|\d{9})$/.test(address.postalCode)) problems.push({ field, message: 'The ZIP code is 5 or 9 digits.' });
}

/** Everything that would make a payer or clearinghouse reject the claim outright, by field. */
export function checkClaim(claim: ClaimInput): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  if (!/^[A-Za-z0-9-]{1,20}$/.test(claim.claimId)) {
    problems.push({ field: 'claimId', message: 'The claim reference is 1 to 20 letters, digits or dashes.' });
  }
  if ((claim.frequency ?? 'original') !== 'original') {
    const number = claim.payerClaimNumber ?? '';
    if (number === '') {
      problems.push({
        field: 'payerClaimNumber',
        message: "A corrected or void claim quotes the payer's claim number of the claim it replaces.",
      });
    } else {
      const problem = payerClaimNumberProblem(number);
      if (problem) problems.push({ field: 'payerClaimNumber', message: problem });
    }
  }
  checkPerson('patient', claim.patient, problems);
  if (claim.relationship !== 'self') checkPerson('subscriber', claim.subscriber, problems);
  const { coverage } = claim;
  if (coverage.type === 'self-pay')
    problems.push({ field: 'coverage', message: 'A self-pay visit is not claimed to a payer.' });
  if (coverage.payerId.trim() === '')
    problems.push({ field: 'payerId', message: "The payer's id is needed to route the claim." });
  if (coverage.memberId.trim() === '')
    problems.push({ field: 'memberId', message: 'The member or policy id is needed.' });
  if (coverage.type === 'auto' || coverage.type === 'workers-comp') {
    if (!coverage.claimNumber) problems.push({ field: 'claimNumber', message: "Enter the adjuster's claim number." });
    if (!coverage.dateOfInjury || !isIsoDate(coverage.dateOfInjury)) {
      problems.push({ field: 'dateOfInjury', message: 'Enter the date of injury.' });
    }
  }
  if (coverage.type === 'auto' && !/^[A-Z]{2}$/.test(coverage.accidentState ?? '')) {
    problems.push({ field: 'accidentState', message: 'Enter the state where the accident happened.' });
  }
  const billingNpi = checkNpi(claim.billingProvider.npi);
  if (!billingNpi.ok) problems.push({ field: 'billingProviderNpi', message: billingNpi.message });
  if (!/^\d{9}$/.test(claim.billingProvider.taxId)) {
    problems.push({ field: 'billingProviderTaxId', message: 'The tax id (EIN) is nine digits.' });
  }
  checkAddress('billingProviderAddress', claim.billingProvider.address, problems);
  const renderingNpi = checkNpi(claim.renderingProvider.npi);
  if (!renderingNpi.ok) problems.push({ field: 'renderingProviderNpi', message: renderingNpi.message });

  if (claim.diagnoses.length === 0 || claim.diagnoses.length > DIAGNOSIS_LETTERS.length) {
    problems.push({ field: 'diagnoses', message: `A claim carries 1 to ${DIAGNOSIS_LETTERS.length} diagnoses.` });
  }
  if (claim.diagnoses.some((d, i) => d.letter !== DIAGNOSIS_LETTERS[i])) {
    problems.push({ field: 'diagnoses', message: 'Diagnoses are lettered A, B, C … in order.' });
  }
  if (claim.lines.length === 0 || claim.lines.length > MAX_LINES_PER_CLAIM) {
    problems.push({ field: 'lines', message: `A claim carries 1 to ${MAX_LINES_PER_CLAIM} service lines.` });
  }
  const letters = new Set(claim.diagnoses.map((d) => d.letter));
  claim.lines.forEach((line, i) => {
    if (line.diagnosisPointers.length === 0 || line.diagnosisPointers.some((p) => !letters.has(p))) {
      problems.push({
        field: 'diagnosisPointers',
        message: `Line ${i + 1}: each pointer must name a diagnosis on the claim.`,
      });
    }
    if (line.units <= 0 || line.amount <= 0) {
      problems.push({ field: 'lines', message: `Line ${i + 1}: a service line needs units and an amount above zero.` });
    }
  });
  return problems;
}
