import { computeUnits, isUnitsError } from '../clinical/billing/index.ts';
import type { UnitRule } from '../clinical/billing/index.ts';
import { checkDiagnosisCode } from '../clinical/diagnoses/index.ts';
import { isIsoDate } from '../time/index.ts';
import { allocate, sumMoney, timesUnits } from './money.ts';
import type { Money } from './money.ts';
import { checkNpi } from './npi.ts';

/**
 * Charge lines proposed from a signed visit: what the desk reviews before posting. Units come from
 * the payer's rule in src/clinical/billing; everything here is about turning those units into
 * claim lines (modifiers, diagnosis pointers, place of service, fee).
 */

/** The CMS-1500 (02/12) box 21 and the 837P HI segment carry up to 12 diagnoses, lettered A–L. */
export const DIAGNOSIS_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
export type DiagnosisLetter = (typeof DIAGNOSIS_LETTERS)[number];
/** Box 24E / 837P SV107: at most four pointers per service line. */
export const MAX_POINTERS_PER_LINE = 4;

/**
 * GP: "services delivered under an outpatient physical therapy plan of care" (CMS Medicare Claims
 * Processing Manual 100-04, ch. 5 §20.1, therapy modifiers).
 */
export const THERAPY_MODIFIER = 'GP';
/**
 * 59 ("distinct procedural service", CPT) or XU ("unusual non-overlapping service", one of the
 * X{EPSU} subsets CMS introduced in MLN Matters MM8863, 2015) tells the payer two timed codes in
 * one visit were separate pieces of work and not one unbundled into the other.
 */
export type DistinctModifier = '59' | 'XU';

export interface SignedVisit {
  visitId: string;
  patientId: string;
  /** YYYY-MM-DD, the date of service. */
  serviceDate: string;
  /** Whether the visit's note is signed; only a signed note is billed. */
  signed: boolean;
  /** The timed services of the note with their minutes (CPT code per step). */
  timedSteps: ReadonlyArray<{ code: string; minutes: number }>;
  /** The assessment's ICD-10-CM codes, the primary one first. */
  diagnoses: readonly string[];
  /** CMS place-of-service code: 11 office, 12 home, 10 telehealth at home … */
  placeOfService: string;
  renderingProvider: { name: string; npi: string };
}

export type Pricing =
  | {
      kind: 'payer';
      payerId: string;
      unitRule: UnitRule;
      /** The payer's allowed fee per unit, by CPT code. */
      feesPerUnit: Readonly<Record<string, Money>>;
      distinctModifier: DistinctModifier;
    }
  /** A self-pay visit costs the service's price, spread over the lines by units for the superbill. */
  | { kind: 'self-pay'; unitRule: UnitRule; servicePrice: Money };

export interface ProposalOptions {
  /** Diagnosis letters per CPT code chosen by the desk; by default each line points at A–D. */
  pointers?: Readonly<Record<string, readonly string[]>>;
}

export interface ChargeLine {
  code: string;
  minutes: number;
  units: number;
  modifiers: string[];
  diagnosisPointers: DiagnosisLetter[];
  placeOfService: string;
  serviceDate: string;
  renderingNpi: string;
  /** The line's charge: fee per unit × units, or its share of the self-pay price. */
  amount: Money;
}

export interface ChargeProposal {
  visitId: string;
  patientId: string;
  /** Undefined for self-pay. */
  payerId?: string;
  diagnoses: Array<{ letter: DiagnosisLetter; code: string }>;
  lines: ChargeLine[];
  total: Money;
  /** How the units were counted, and what the desk should check before posting. */
  notes: string[];
}

export interface ProposalProblem {
  field: string;
  message: string;
}

export type ProposalResult = { ok: true; proposal: ChargeProposal } | { ok: false; problems: ProposalProblem[] };

function checkVisit(visit: SignedVisit): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  if (!visit.signed) problems.push({ field: 'visit', message: 'Sign the note before charges are proposed.' });
  if (!isIsoDate(visit.serviceDate))
    problems.push({ field: 'serviceDate', message: 'The date of service is not a date.' });
  if (!/^\d{2}$/.test(visit.placeOfService)) {
    problems.push({
      field: 'placeOfService',
      message: 'The place of service is a two-digit CMS code, e.g. 11 for an office.',
    });
  }
  const npi = checkNpi(visit.renderingProvider.npi);
  if (!npi.ok) problems.push({ field: 'renderingProviderNpi', message: npi.message });
  return problems;
}

function letteredDiagnoses(codes: readonly string[]): {
  diagnoses: ChargeProposal['diagnoses'];
  problems: ProposalProblem[];
} {
  const problems: ProposalProblem[] = [];
  const unique: string[] = [];
  for (const [i, input] of codes.entries()) {
    const check = checkDiagnosisCode(input);
    if (!check.ok) problems.push({ field: 'diagnoses', message: `Diagnosis ${i + 1}: ${check.message}` });
    else if (!unique.includes(check.diagnosis.code)) unique.push(check.diagnosis.code);
  }
  if (codes.length === 0) problems.push({ field: 'diagnoses', message: 'The assessment has no diagnosis to bill.' });
  if (unique.length > DIAGNOSIS_LETTERS.length) {
    problems.push({ field: 'diagnoses', message: `A claim carries at most ${DIAGNOSIS_LETTERS.length} diagnoses.` });
  }
  const diagnoses = unique
    .slice(0, DIAGNOSIS_LETTERS.length)
    .map((code, i) => ({ letter: DIAGNOSIS_LETTERS[i]!, code }));
  return { diagnoses, problems };
}

function pointersFor(
  code: string,
  diagnoses: ChargeProposal['diagnoses'],
  chosen: readonly string[] | undefined,
): DiagnosisLetter[] | ProposalProblem {
  if (chosen === undefined) return diagnoses.slice(0, MAX_POINTERS_PER_LINE).map((d) => d.letter);
  if (chosen.length === 0 || chosen.length > MAX_POINTERS_PER_LINE) {
    return { field: 'diagnosisPointers', message: `${code}: point at 1 to ${MAX_POINTERS_PER_LINE} diagnoses.` };
  }
  const letters: DiagnosisLetter[] = [];
  for (const raw of chosen) {
    const letter = diagnoses.find((d) => d.letter === raw.toUpperCase())?.letter;
    if (!letter)
      return { field: 'diagnosisPointers', message: `${code}: pointer ${raw} points at no diagnosis on this claim.` };
    if (!letters.includes(letter)) letters.push(letter);
  }
  return letters;
}

/** Proposes the visit's charge lines under the payer's (or self-pay) pricing, or says what is missing. */
export function proposeCharges(visit: SignedVisit, pricing: Pricing, options: ProposalOptions = {}): ProposalResult {
  const problems = checkVisit(visit);
  const { diagnoses, problems: diagnosisProblems } = letteredDiagnoses(visit.diagnoses);
  problems.push(...diagnosisProblems);

  const units = computeUnits(visit.timedSteps, pricing.unitRule);
  if (isUnitsError(units)) {
    problems.push({ field: 'timedSteps', message: `Timed services: ${units.error.message}.` });
    return { ok: false, problems };
  }
  const billed = units.lines.filter((l) => l.units > 0);
  const notes = [...units.explanation];
  for (const l of units.lines.filter((u) => u.units === 0)) {
    notes.push(`${l.code}: ${l.minutes} minute(s) earn no unit and are not charged.`);
  }
  if (billed.length === 0) problems.push({ field: 'timedSteps', message: 'No timed service reaches a billable unit.' });

  for (const code of Object.keys(options.pointers ?? {})) {
    if (!billed.some((l) => l.code === code)) {
      problems.push({ field: 'diagnosisPointers', message: `${code} is not charged on this visit.` });
    }
  }
  const pointerSets = billed.map((l) => pointersFor(l.code, diagnoses, options.pointers?.[l.code]));
  for (const p of pointerSets) if (!Array.isArray(p)) problems.push(p);

  let amounts: Money[] = [];
  if (pricing.kind === 'payer') {
    for (const l of billed) {
      if (pricing.feesPerUnit[l.code] === undefined) {
        problems.push({ field: 'feeSchedule', message: `The payer's fee schedule has no fee for ${l.code}.` });
      }
    }
    amounts = billed.map((l) => timesUnits(pricing.feesPerUnit[l.code] ?? (0 as Money), l.units));
  } else if (billed.length > 0) {
    amounts = allocate(
      pricing.servicePrice,
      billed.map((l) => l.units),
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  // The line with the most units (then the lower code) stands alone; the others carry the distinct modifier.
  const distinct = pricing.kind === 'payer' ? pricing.distinctModifier : '59';
  const anchor = [...billed].sort((a, b) => b.units - a.units || a.code.localeCompare(b.code))[0]?.code;
  if (billed.length > 1) {
    notes.push(
      `${distinct} added to ${billed
        .filter((l) => l.code !== anchor)
        .map((l) => l.code)
        .join(', ')}: keep it only if the note shows separate regions or separate time.`,
    );
  }
  const lines: ChargeLine[] = billed.map((l, i) => ({
    code: l.code,
    minutes: l.minutes,
    units: l.units,
    modifiers: billed.length > 1 && l.code !== anchor ? [THERAPY_MODIFIER, distinct] : [THERAPY_MODIFIER],
    diagnosisPointers: pointerSets[i] as DiagnosisLetter[],
    placeOfService: visit.placeOfService,
    serviceDate: visit.serviceDate,
    renderingNpi: visit.renderingProvider.npi.replace(/[\s-]/g, ''),
    amount: amounts[i]!,
  }));
  const proposal: ChargeProposal = {
    visitId: visit.visitId,
    patientId: visit.patientId,
    diagnoses,
    lines,
    total: sumMoney(lines.map((l) => l.amount)),
    notes,
  };
  if (pricing.kind === 'payer') proposal.payerId = pricing.payerId;
  return { ok: true, proposal };
}
