import { formatMoney, subtractMoney, sumMoney } from '../../../billing/index.ts';
import type { Address, ChargeLine, DiagnosisLetter, Money, PaymentMethod } from '../../../billing/index.ts';
import { TIMED_CODES, UNTIMED_CODES } from '../../../clinical/billing/index.ts';
import { lookupDiagnosis } from '../../../clinical/diagnoses/index.ts';
import { addressLines, formatTaxId, openDocument, paymentRow, sectionHeading, table, usDate } from './pdf.ts';
import type { PdfOptions } from './pdf.ts';

/**
 * The superbill: an itemised statement a self-pay or out-of-network patient sends their insurer
 * to be reimbursed. It carries what a claim would (provider NPI and taxonomy, the clinic's tax id,
 * ICD-10-CM diagnoses with the pointers each service line uses, CPT codes with modifiers, units and
 * fees) and what the patient already paid.
 */
export interface SuperbillInput {
  /** YYYY-MM-DD. */
  issuedOn: string;
  clinic: { name: string; address: Address; phone: string; taxId: string };
  /** The rendering provider. Taxonomy is the NUCC provider taxonomy code, when the clinic keeps one. */
  provider: { name: string; credentials?: string; npi: string; taxonomy?: string };
  patient: { name: string; birthDate: string; address?: Address; accountNumber?: string };
  /** The patient's plan in force, when they have one (out-of-network): what their insurer files it under. */
  insurance?: SuperbillInsurance;
  diagnoses: ReadonlyArray<{ letter: DiagnosisLetter; code: string; description?: string }>;
  lines: readonly ChargeLine[];
  /** Words per CPT code; otherwise the clinic's own short labels. */
  serviceLabels?: Readonly<Record<string, string>>;
  payments: ReadonlyArray<{ date: string; method: PaymentMethod; reference?: string; amount: Money }>;
}

export interface SuperbillInsurance {
  payerName: string;
  payerAddress?: Address;
  /** The electronic payer id. */
  payerId?: string;
  memberId: string;
  groupNumber?: string;
  /** The insured person and the patient's relationship to them. */
  insured?: { name: string; relationship: 'self' | 'spouse' | 'child' | 'other' };
  /** Auto and workers' comp: the adjuster's claim number and the date of injury. */
  claimNumber?: string;
  dateOfInjury?: string;
}

/** The insurance block's two columns: who the insurer is, and how it knows the patient. */
function insuranceColumns(i: SuperbillInsurance): [string[], string[]] {
  return [
    [
      i.payerName,
      ...(i.payerAddress ? addressLines(i.payerAddress) : []),
      ...(i.payerId ? [`Payer ID: ${i.payerId}`] : []),
    ],
    [
      `Member ID: ${i.memberId}`,
      ...(i.groupNumber ? [`Group: ${i.groupNumber}`] : []),
      ...(i.insured ? [`Insured: ${i.insured.name} (${i.insured.relationship})`] : []),
      ...(i.claimNumber ? [`Claim number: ${i.claimNumber}`] : []),
      ...(i.dateOfInjury ? [`Date of injury: ${usDate(i.dateOfInjury)}`] : []),
    ],
  ];
}

/** CMS place-of-service codes the clinic uses (cms.gov, "Place of Service Code Set"). */
const PLACE_OF_SERVICE: Record<string, string> = {
  '02': 'Telehealth',
  '10': 'Telehealth in home',
  '11': 'Office',
  '12': 'Home',
};

const serviceLabel = (code: string, labels?: Readonly<Record<string, string>>) =>
  labels?.[code] ?? TIMED_CODES[code]?.label ?? UNTIMED_CODES[code]?.label ?? '';

export function superbillTotals(input: Pick<SuperbillInput, 'lines' | 'payments'>): {
  charges: Money;
  paid: Money;
  balance: Money;
} {
  const charges = sumMoney(input.lines.map((l) => l.amount));
  const paid = sumMoney(input.payments.map((p) => p.amount));
  return { charges, paid, balance: subtractMoney(charges, paid) };
}

export async function renderSuperbill(input: SuperbillInput, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, finish } = await openDocument(`Superbill for ${input.patient.name}`, options);
  const left = doc.page.margins.left;
  const half = (doc.page.width - left - doc.page.margins.right) / 2;

  doc.font('Helvetica-Bold').fontSize(16).text('Superbill (statement for insurance reimbursement)');
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`Issued ${usDate(input.issuedOn)}`);
  doc.moveDown(0.8);

  let top = doc.y;
  const block = (x: number, heading: string, lines: string[]) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(heading, x, top, { width: half - 8 });
    doc.font('Helvetica').fontSize(9);
    for (const line of lines) doc.text(line, { width: half - 8 });
    return doc.y;
  };
  const { clinic, provider, patient } = input;
  const leftEnd = block(left, 'Provider', [
    provider.credentials ? `${provider.name}, ${provider.credentials}` : provider.name,
    `NPI: ${provider.npi}`,
    ...(provider.taxonomy ? [`Taxonomy: ${provider.taxonomy}`] : []),
    clinic.name,
    ...addressLines(clinic.address),
    `Phone: ${clinic.phone}`,
    `Tax ID (EIN): ${formatTaxId(clinic.taxId)}`,
  ]);
  const rightEnd = block(left + half, 'Patient', [
    patient.name,
    `Date of birth: ${usDate(patient.birthDate)}`,
    ...(patient.address ? addressLines(patient.address) : []),
    ...(patient.accountNumber ? [`Account: ${patient.accountNumber}`] : []),
  ]);
  doc.x = left;
  doc.y = Math.max(leftEnd, rightEnd) + 14;
  if (input.insurance) {
    const [insurer, member] = insuranceColumns(input.insurance);
    top = doc.y;
    const insurerEnd = block(left, 'Insurance', insurer);
    const memberEnd = block(left + half, 'Member', member);
    doc.x = left;
    doc.y = Math.max(insurerEnd, memberEnd) + 14;
  }

  doc.font('Helvetica-Bold').fontSize(11).text('Diagnoses (ICD-10-CM)');
  doc.moveDown(0.3);
  table(
    doc,
    [
      { heading: 'Pointer', width: 50 },
      { heading: 'Code', width: 80 },
      { heading: 'Description', width: 386 },
    ],
    input.diagnoses.map((d) => [d.letter, d.code, d.description ?? lookupDiagnosis(d.code)?.title ?? '']),
  );

  sectionHeading(doc, 'Services');
  table(
    doc,
    [
      { heading: 'Date', width: 62 },
      { heading: 'Place', width: 50 },
      { heading: 'CPT', width: 40 },
      { heading: 'Modifiers', width: 54 },
      { heading: 'Description', width: 150 },
      { heading: 'Dx pointer', width: 52 },
      { heading: 'Units', width: 34, align: 'right' },
      { heading: 'Fee', width: 74, align: 'right' },
    ],
    input.lines.map((l) => [
      usDate(l.serviceDate),
      PLACE_OF_SERVICE[l.placeOfService]
        ? `${l.placeOfService} ${PLACE_OF_SERVICE[l.placeOfService]}`
        : l.placeOfService,
      l.code,
      l.modifiers.join(' '),
      serviceLabel(l.code, input.serviceLabels),
      l.diagnosisPointers.join(','),
      String(l.units),
      formatMoney(l.amount),
    ]),
  );

  const totals = superbillTotals(input);
  if (input.payments.length > 0) {
    sectionHeading(doc, 'Payments received');
    table(
      doc,
      [
        { heading: 'Date', width: 80 },
        { heading: 'Method', width: 100 },
        { heading: 'Reference', width: 246 },
        { heading: 'Amount', width: 90, align: 'right' },
      ],
      input.payments.map(paymentRow),
    );
  }

  doc.moveDown(1);
  table(
    doc,
    [
      { heading: 'Totals', width: 426 },
      { heading: '', width: 90, align: 'right' },
    ],
    [
      ['Total charges', formatMoney(totals.charges)],
      ['Amount paid', formatMoney(totals.paid)],
      ['Balance due', formatMoney(totals.balance)],
    ],
  );
  doc
    .moveDown(1.5)
    .font('Helvetica')
    .fontSize(9)
    .text(
      totals.paid > 0
        ? `The patient has paid ${formatMoney(totals.paid)} to this provider. Please send any reimbursement ` +
            'for these services to the patient.'
        : 'The patient is billed for these services; this statement is for their claim to their insurer.',
      left,
      doc.y,
      { width: half * 2 },
    );
  doc.moveDown(2).text(`Provider signature: ____________________________   Date: ${usDate(input.issuedOn)}`);
  return finish();
}
