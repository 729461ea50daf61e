import { claimTotal, FREQUENCY_CODE } from './claim.ts';
import type { Address, ClaimInput, CoverageType, Person } from './claim.ts';
import { formatMoney, ZERO } from './money.ts';
import type { Money } from './money.ts';

/**
 * The CMS-1500 (02/12) paper claim as data: each property is a box of the form, filled the way
 * the NUCC "1500 Health Insurance Claim Form Reference Instruction Manual for Form Version 02/12"
 * (nucc.org) describes. A printable PDF lays these values on the form's boxes; this module only
 * decides what goes in them.
 */

/** Box 1: the program the claim is sent to. Auto and workers' comp are "Other" on this form. */
export type Box1 = 'Medicare' | 'Medicaid' | 'TRICARE' | 'CHAMPVA' | 'Group Health Plan' | 'FECA Black Lung' | 'Other';

const BOX1: Record<Exclude<CoverageType, 'self-pay'>, Box1> = {
  medicare: 'Medicare',
  commercial: 'Group Health Plan',
  auto: 'Other',
  'workers-comp': 'Other',
};

/** Dates print as MM DD YYYY in the 02/12 boxes that take a full year. */
export function formDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${m} ${d} ${y}`;
}

interface FormAddress {
  street: string;
  city: string;
  state: string;
  zip: string;
  phone?: string;
}

export interface Cms1500ServiceLine {
  /** 24A: from and to date of service. */
  dateFrom: string;
  dateTo: string;
  /** 24B place of service, 24C emergency (left blank unless Y). */
  placeOfService: string;
  emergency: '' | 'Y';
  /** 24D: CPT/HCPCS code and up to four modifiers. */
  procedure: string;
  modifiers: string[];
  /** 24E: diagnosis pointer letters, primary first (A–L, no separators). */
  diagnosisPointer: string;
  /** 24F: charges, 24G: days or units. */
  charges: Money;
  units: number;
  /** 24J: rendering provider NPI (24I qualifier blank for an NPI). */
  renderingNpi: string;
}

/** One page of the form: six service lines at most (box 24 has six rows). */
export interface Cms1500Form {
  box1: Box1;
  box1a_insuredId: string;
  box2_patientName: string;
  box3_patientBirthDate: string;
  box3_patientSex: 'M' | 'F' | '';
  box4_insuredName: string;
  box5_patientAddress: FormAddress;
  box6_relationship: 'Self' | 'Spouse' | 'Child' | 'Other';
  box7_insuredAddress: FormAddress;
  box10a_employmentRelated: boolean;
  box10b_autoAccident: boolean;
  box10b_accidentState: string;
  box10c_otherAccident: boolean;
  box11_insuredGroupNumber: string;
  box11a_insuredBirthDate: string;
  box11a_insuredSex: 'M' | 'F' | '';
  /** 11b: qualifier Y4 and the property and casualty (auto / workers' comp) claim number. */
  box11b_otherClaimId: { qualifier: 'Y4' | ''; id: string };
  box11c_planName: string;
  box12_patientSignature: string;
  box13_insuredSignature: string;
  /** 14: date of current injury with qualifier 431 (onset of current symptoms or illness). */
  box14_currentIllnessDate: { date: string; qualifier: '431' | '' };
  /** 21: ICD indicator 0 = ICD-10-CM, then diagnoses A–L without the dot. */
  box21_icdIndicator: '0';
  box21_diagnoses: Array<{ letter: string; code: string }>;
  /**
   * 22: resubmission code (7 replacement of prior claim, 8 void/cancel of prior claim) and the
   * payer's claim number of that claim (original ref. no.); both blank on an original claim, as
   * the NUCC manual asks.
   */
  box22_resubmission: { code: '' | '7' | '8'; originalRef: string };
  box23_priorAuthorization: string;
  box24_lines: Cms1500ServiceLine[];
  box25_federalTaxId: { id: string; type: 'EIN' };
  box26_patientAccountNumber: string;
  box27_acceptAssignment: boolean;
  box28_totalCharge: Money;
  box29_amountPaid: Money;
  box31_signature: string;
  box32_serviceFacility: FormAddress & { name: string };
  box32a_facilityNpi: string;
  box33_billingProvider: FormAddress & { name: string };
  box33a_billingNpi: string;
  page: number;
  pages: number;
}

export const LINES_PER_FORM = 6;

const name = (p: Person) => `${p.lastName}, ${p.firstName}${p.middleInitial ? `, ${p.middleInitial}` : ''}`;
const sex = (p: Person): 'M' | 'F' | '' => (p.sex === 'U' ? '' : p.sex);
const formAddress = (a: Address, phone?: string): FormAddress => ({
  street: a.line2 ? `${a.line1} ${a.line2}` : a.line1,
  city: a.city,
  state: a.state,
  zip: a.postalCode,
  ...(phone ? { phone } : {}),
});
const RELATIONSHIP = { self: 'Self', spouse: 'Spouse', child: 'Child', other: 'Other' } as const;

/**
 * The claim on as many forms as its lines need (six per form). Each form is a claim of its own
 * lines and totals its own charges, as the NUCC manual asks for claims longer than one form.
 * `amountPaid` is what the patient or another payer already paid toward the claim (box 29); it is
 * reported once, on the first form.
 */
export function cms1500Forms(claim: ClaimInput, amountPaid: Money, signedOn: string): Cms1500Form[] {
  const { coverage, patient, subscriber } = claim;
  const pages = Math.max(1, Math.ceil(claim.lines.length / LINES_PER_FORM));
  const facility = { name: claim.billingProvider.name, ...formAddress(claim.billingProvider.address) };
  const injury = coverage.type === 'auto' || coverage.type === 'workers-comp' ? coverage.dateOfInjury : undefined;
  return Array.from({ length: pages }, (_, page) => {
    const lines = claim.lines.slice(page * LINES_PER_FORM, (page + 1) * LINES_PER_FORM);
    return {
      box1: coverage.type === 'self-pay' ? 'Other' : BOX1[coverage.type],
      box1a_insuredId: coverage.memberId,
      box2_patientName: name(patient),
      box3_patientBirthDate: formDate(patient.birthDate),
      box3_patientSex: sex(patient),
      box4_insuredName: name(subscriber),
      box5_patientAddress: formAddress(patient.address, patient.phone),
      box6_relationship: RELATIONSHIP[claim.relationship],
      box7_insuredAddress: formAddress(subscriber.address, subscriber.phone),
      box10a_employmentRelated: coverage.type === 'workers-comp',
      box10b_autoAccident: coverage.type === 'auto',
      box10b_accidentState: coverage.type === 'auto' ? (coverage.accidentState ?? '') : '',
      box10c_otherAccident: false,
      box11_insuredGroupNumber: coverage.groupNumber ?? '',
      box11a_insuredBirthDate: formDate(subscriber.birthDate),
      box11a_insuredSex: sex(subscriber),
      box11b_otherClaimId:
        coverage.claimNumber && injury !== undefined
          ? { qualifier: 'Y4', id: coverage.claimNumber }
          : { qualifier: '', id: '' },
      box11c_planName: coverage.planName ?? coverage.payerName,
      box12_patientSignature: claim.signatureOnFile ? 'SIGNATURE ON FILE' : '',
      box13_insuredSignature: claim.signatureOnFile ? 'SIGNATURE ON FILE' : '',
      box14_currentIllnessDate: injury ? { date: formDate(injury), qualifier: '431' } : { date: '', qualifier: '' },
      box21_icdIndicator: '0',
      box21_diagnoses: claim.diagnoses.map((d) => ({ letter: d.letter, code: d.code.replace('.', '') })),
      box22_resubmission:
        claim.frequency === 'replacement' || claim.frequency === 'void'
          ? { code: FREQUENCY_CODE[claim.frequency] as '7' | '8', originalRef: claim.payerClaimNumber ?? '' }
          : { code: '', originalRef: '' },
      box23_priorAuthorization: claim.priorAuthorization ?? '',
      box24_lines: lines.map((l) => ({
        dateFrom: formDate(l.serviceDate),
        dateTo: formDate(l.serviceDate),
        placeOfService: l.placeOfService,
        emergency: '',
        procedure: l.code,
        modifiers: l.modifiers.slice(0, 4),
        diagnosisPointer: l.diagnosisPointers.join(''),
        charges: l.amount,
        units: l.units,
        renderingNpi: l.renderingNpi,
      })),
      box25_federalTaxId: { id: claim.billingProvider.taxId, type: 'EIN' },
      box26_patientAccountNumber: claim.claimId,
      box27_acceptAssignment: claim.acceptAssignment,
      box28_totalCharge: claimTotal({ lines }),
      box29_amountPaid: page === 0 ? amountPaid : ZERO,
      box31_signature: `${claim.renderingProvider.firstName} ${claim.renderingProvider.lastName} ${formDate(signedOn)}`,
      box32_serviceFacility: facility,
      box32a_facilityNpi: claim.billingProvider.npi,
      box33_billingProvider: { ...facility, phone: claim.billingProvider.phone },
      box33a_billingNpi: claim.billingProvider.npi,
      page: page + 1,
      pages,
    };
  });
}

/** A money box as printed: dollars and cents in their two columns ("1,234" | "50"). */
export function formMoney(amount: Money): { dollars: string; cents: string } {
  const [dollars = '', cents = ''] = formatMoney(amount).replace('$', '').split('.');
  return { dollars, cents };
}
