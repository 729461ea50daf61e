import { checkClaim, claimTotal, FREQUENCY_CODE } from '../claim.ts';
import type { Address, ClaimInput, ClaimProblem, CoverageType, Person, Relationship } from '../claim.ts';
import { DIAGNOSIS_LETTERS } from '../charges.ts';
import { controlNumber, DEFAULT_SEPARATORS, segment, x12Amount, x12Date } from './segments.ts';
import type { Element, Separators } from './segments.ts';

/**
 * The ANSI X12 837 Professional claim file (version 005010X222A1) for a batch of claims: one
 * interchange (ISA/IEA), one functional group (GS/GE), and one transaction set (ST/SE) per
 * billing provider, each holding that provider's claims as subscriber (and patient) loops.
 * Segment and element choices follow the ASC X12N 837P implementation guide 005010X222A1 as
 * documented publicly in the Stedi X12 reference and the CMS 5010 837P companion guides.
 */

export const IMPLEMENTATION = '005010X222A1';

export interface Party {
  /** ISA05/07 qualifier: ZZ mutually defined, 30 US federal tax id … */
  qualifier: string;
  /** ISA06/08 and GS02/03 id. */
  id: string;
  name: string;
}

export interface ClaimBatch {
  sender: Party & { contactName: string; contactPhone: string };
  receiver: Party;
  /** ISA13: unique per interchange the clinic sends to this receiver. */
  interchangeControlNumber: number;
  /** GS06. */
  groupControlNumber: number;
  /** When the file was made, in the clinic's words (the builder reads no clock). */
  createdOn: string;
  createdAt: string;
  /** P production, T test. */
  usage: 'P' | 'T';
  claims: readonly ClaimInput[];
}

export type Build837Result = { ok: true; text: string } | { ok: false; problems: ClaimProblem[] };

/** SBR09, claim filing indicator (X12 element 1032). */
const FILING_INDICATOR: Record<Exclude<CoverageType, 'self-pay'>, string> = {
  auto: 'AM', // automobile medical
  'workers-comp': 'WC', // workers' compensation health claim
  commercial: 'CI', // commercial insurance company
  medicare: 'MB', // Medicare Part B
};

/** PAT01, the patient's relationship to the insured (the codes 005010X222A1 allows). */
const PATIENT_RELATIONSHIP: Record<Exclude<Relationship, 'self'>, string> = {
  spouse: '01',
  child: '19',
  other: 'G8',
};

class Writer {
  readonly lines: string[] = [];
  constructor(readonly separators: Separators) {}
  add(tag: string, ...elements: Element[]): void {
    this.lines.push(segment(tag, elements, this.separators));
  }
}

function address(w: Writer, a: Address): void {
  w.add('N3', a.line1, a.line2 ?? '');
  w.add('N4', a.city, a.state, a.postalCode);
}

function demographics(w: Writer, p: Person): void {
  address(w, p.address);
  w.add('DMG', 'D8', x12Date(p.birthDate), p.sex);
}

/** Loops 2000B–2400 for one claim; `hl` is the next hierarchical id, returned advanced. */
function claimLoops(w: Writer, claim: ClaimInput, parentHl: number, hl: number): number {
  const { coverage } = claim;
  const self = claim.relationship === 'self';
  const subscriberHl = hl;
  w.add('HL', String(subscriberHl), String(parentHl), '22', self ? '0' : '1');
  w.add(
    'SBR',
    coverage.responsibility === 'primary' ? 'P' : 'S',
    self ? '18' : '',
    coverage.groupNumber ?? '',
    coverage.groupNumber ? '' : (coverage.planName ?? ''),
    '',
    '',
    '',
    '',
    FILING_INDICATOR[coverage.type as Exclude<CoverageType, 'self-pay'>],
  );
  const s = claim.subscriber;
  w.add('NM1', 'IL', '1', s.lastName, s.firstName, s.middleInitial ?? '', '', '', 'MI', coverage.memberId);
  if (self) demographics(w, s);
  // Property and casualty (auto, workers' comp) claim number of the subscriber loop.
  if (coverage.claimNumber && (coverage.type === 'auto' || coverage.type === 'workers-comp')) {
    w.add('REF', 'Y4', coverage.claimNumber);
  }
  w.add('NM1', 'PR', '2', coverage.payerName, '', '', '', '', 'PI', coverage.payerId);
  let next = hl + 1;
  if (!self) {
    w.add('HL', String(next), String(subscriberHl), '23', '0');
    w.add('PAT', PATIENT_RELATIONSHIP[claim.relationship as Exclude<Relationship, 'self'>]);
    const p = claim.patient;
    w.add('NM1', 'QC', '1', p.lastName, p.firstName, p.middleInitial ?? '');
    demographics(w, p);
    next += 1;
  }

  const placeOfService = claim.lines[0]?.placeOfService ?? '11';
  // CLM11, related causes: AA auto accident (with its state), EM employment.
  const related =
    coverage.type === 'auto'
      ? ['AA', '', '', coverage.accidentState ?? '']
      : coverage.type === 'workers-comp'
        ? ['EM']
        : [];
  w.add(
    'CLM',
    claim.claimId,
    x12Amount(claimTotal(claim)),
    '',
    '',
    // CLM05: place of service, B (the place code is a CMS place of service), and CLM05-3 the claim
    // frequency type code: 1 original, 7 replacement, 8 void (005010X222A1 loop 2300).
    [placeOfService, 'B', FREQUENCY_CODE[claim.frequency ?? 'original']],
    'Y',
    claim.acceptAssignment ? 'A' : 'C',
    claim.signatureOnFile ? 'Y' : 'N',
    claim.signatureOnFile ? 'Y' : 'I',
    '',
    related,
  );
  if (coverage.dateOfInjury && related.length > 0) w.add('DTP', '439', 'D8', x12Date(coverage.dateOfInjury));
  if (claim.priorAuthorization) w.add('REF', 'G1', claim.priorAuthorization);
  // Loop 2300 REF*F8, payer claim control number: the payer's number of the claim a replacement or
  // void stands in for. The guide places it after the prior authorization's REF*G1; CMS-1500 box 22
  // maps to CLM05-3 with this REF (eclaims.com, "HCFA-1500 Box 22").
  if ((claim.frequency ?? 'original') !== 'original') w.add('REF', 'F8', claim.payerClaimNumber ?? '');
  // ABK: principal diagnosis (ICD-10-CM), ABF: the others; codes without their dot.
  w.add('HI', ...claim.diagnoses.map((d, i) => [i === 0 ? 'ABK' : 'ABF', d.code.replace('.', '')] as const));
  const r = claim.renderingProvider;
  w.add('NM1', '82', '1', r.lastName, r.firstName, '', '', '', 'XX', r.npi);

  claim.lines.forEach((line, i) => {
    w.add('LX', String(i + 1));
    w.add(
      'SV1',
      ['HC', line.code, ...line.modifiers],
      x12Amount(line.amount),
      'UN',
      String(line.units),
      line.placeOfService === placeOfService ? '' : line.placeOfService,
      '',
      // The 837 points at diagnoses by position 1–12 where the paper form uses letters A–L.
      line.diagnosisPointers.map((letter) => String(DIAGNOSIS_LETTERS.indexOf(letter) + 1)),
    );
    w.add('DTP', '472', 'D8', x12Date(line.serviceDate));
  });
  return next;
}

/** One ST…SE transaction set: the claims of one billing provider. */
function transactionSet(w: Writer, batch: ClaimBatch, claims: readonly ClaimInput[], setNumber: number): void {
  const start = w.lines.length;
  const st = controlNumber(setNumber, 4);
  w.add('ST', '837', st, IMPLEMENTATION);
  w.add(
    'BHT',
    '0019',
    '00',
    `${batch.groupControlNumber}-${setNumber}`,
    x12Date(batch.createdOn),
    batch.createdAt.replace(':', ''),
    'CH',
  );
  w.add('NM1', '41', '2', batch.sender.name, '', '', '', '', '46', batch.sender.id);
  w.add('PER', 'IC', batch.sender.contactName, 'TE', batch.sender.contactPhone.replace(/\D/g, ''));
  w.add('NM1', '40', '2', batch.receiver.name, '', '', '', '', '46', batch.receiver.id);
  const provider = claims[0]!.billingProvider;
  w.add('HL', '1', '', '20', '1');
  w.add('NM1', '85', '2', provider.name, '', '', '', '', 'XX', provider.npi);
  address(w, provider.address);
  w.add('REF', 'EI', provider.taxId);
  let hl = 2;
  for (const claim of claims) hl = claimLoops(w, claim, 1, hl);
  // SE01 counts the segments of the set, ST and SE included.
  w.add('SE', String(w.lines.length - start + 1), st);
}

function isaSegment(batch: ClaimBatch, s: Separators): string {
  const pad = (value: string, width: number) => value.toUpperCase().slice(0, width).padEnd(width, ' ');
  const date = x12Date(batch.createdOn).slice(2); // YYMMDD
  return [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    pad(batch.sender.qualifier, 2),
    pad(batch.sender.id, 15),
    pad(batch.receiver.qualifier, 2),
    pad(batch.receiver.id, 15),
    date,
    batch.createdAt.replace(':', ''),
    s.repetition,
    '00501',
    controlNumber(batch.interchangeControlNumber),
    '0',
    batch.usage,
    s.component,
  ].join(s.element);
}

/**
 * The 837P text for a batch, or every problem that would make it fail, by claim and field. Claims
 * are grouped by billing provider NPI in first-seen order.
 */
export function build837p(
  batch: ClaimBatch,
  { separators = DEFAULT_SEPARATORS, lineBreaks = false }: { separators?: Separators; lineBreaks?: boolean } = {},
): Build837Result {
  const problems: ClaimProblem[] = [];
  if (batch.claims.length === 0) problems.push({ field: 'claims', message: 'The batch has no claims.' });
  batch.claims.forEach((claim, i) =>
    problems.push(
      ...checkClaim(claim).map((p) => ({ field: p.field, message: `Claim ${i + 1} (${claim.claimId}): ${p.message}` })),
    ),
  );
  if (!/^\d{8}$/.test(x12Date(batch.createdOn)) || !/^\d{2}:\d{2}$/.test(batch.createdAt)) {
    problems.push({ field: 'createdOn', message: 'The file needs the date and time it was made.' });
  }
  for (const [field, n] of [
    ['interchangeControlNumber', batch.interchangeControlNumber],
    ['groupControlNumber', batch.groupControlNumber],
  ] as const) {
    if (!Number.isSafeInteger(n) || n < 1 || n > 999_999_999) {
      problems.push({ field, message: 'A control number is a whole number from 1 to 999999999.' });
    }
  }
  if (new Set(Object.values(separators)).size !== 4) {
    problems.push({ field: 'separators', message: 'The four separators must differ.' });
  }
  for (const [field, value] of [
    ['senderId', batch.sender.id],
    ['receiverId', batch.receiver.id],
  ] as const) {
    if (value.trim() === '' || value.length > 15)
      problems.push({ field, message: 'An interchange id is 1 to 15 characters.' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const byProvider = new Map<string, ClaimInput[]>();
  for (const claim of batch.claims) {
    const group = byProvider.get(claim.billingProvider.npi) ?? [];
    group.push(claim);
    byProvider.set(claim.billingProvider.npi, group);
  }
  const w = new Writer(separators);
  w.lines.push(isaSegment(batch, separators));
  const gs = String(batch.groupControlNumber);
  w.add(
    'GS',
    'HC',
    batch.sender.id,
    batch.receiver.id,
    x12Date(batch.createdOn),
    batch.createdAt.replace(':', ''),
    gs,
    'X',
    IMPLEMENTATION,
  );
  let setNumber = 0;
  for (const claims of byProvider.values()) transactionSet(w, batch, claims, ++setNumber);
  w.add('GE', String(setNumber), gs);
  w.add('IEA', '1', controlNumber(batch.interchangeControlNumber));
  return { ok: true, text: w.lines.map((line) => line + separators.segment).join(lineBreaks ? '\n' : '') };
}
