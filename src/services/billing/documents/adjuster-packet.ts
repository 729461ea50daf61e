import { formatMoney } from '../../../billing/index.ts';
import type { Address, Statement } from '../../../billing/index.ts';
import { addressLines, formatTaxId, openDocument, table, usDate } from './pdf.ts';
import type { PdfOptions } from './pdf.ts';

/**
 * What a workers' compensation or auto (PIP / med-pay) claims adjuster asks for before paying: the
 * treatment notes of the claim's visits and the ledger of what was billed and paid. Adjusters file
 * pages loose, so every page carries the patient, the claim number and the date of injury in its
 * header, and "page n of N" below.
 */
export interface AdjusterPacketInput {
  coverageType: 'auto' | 'workers-comp';
  claimNumber: string;
  /** YYYY-MM-DD. */
  dateOfInjury: string;
  /** YYYY-MM-DD: the day the packet was put together. */
  preparedOn: string;
  patient: { name: string; birthDate: string };
  payer: { name: string; address?: Address };
  adjuster?: { name: string; phone?: string; email?: string };
  /** Workers' comp: the employer at the time of injury. */
  employer?: string;
  /** Two letters: the state whose rules the claim falls under. */
  state?: string;
  /**
   * Identifiers the state's board or the carrier asks to see on the claim's papers (e.g. a
   * workers' compensation board case number), printed on the cover page as given.
   */
  stateFields?: ReadonlyArray<{ label: string; value: string }>;
  clinic: { name: string; address: Address; phone: string; taxId?: string; npi?: string };
  /** The signed treatment notes, in date order. */
  notes: readonly PacketNote[];
  /** The claim's receivable as a statement (src/billing `accountStatement`). */
  ledger: Statement;
}

export interface PacketNote {
  /** YYYY-MM-DD: the date of service. */
  date: string;
  therapistName: string;
  /** YYYY-MM-DD the note was signed, when it was. */
  signedOn?: string;
  /** Services with their CPT codes, units and minutes, as billed. */
  services?: ReadonlyArray<{ code: string; units: number; minutes?: number }>;
  /** The note's sections in the order written (subjective, objective, assessment, plan …). */
  sections: ReadonlyArray<{ heading: string; text: string }>;
}

const HEADER_TOP = 24;
const BODY_TOP = 92;
const FOOTER_GAP = 30;

/** The words that head every page: patient, claim number, date of injury, and the kind of claim. */
function packetHeader(
  input: Pick<AdjusterPacketInput, 'coverageType' | 'claimNumber' | 'dateOfInjury' | 'patient' | 'state'>,
) {
  const kind = input.coverageType === 'workers-comp' ? "Workers' compensation" : 'Auto accident (PIP / med-pay)';
  return {
    title: `${kind} claim${input.state ? ` (${input.state})` : ''}`,
    line: [
      `Patient: ${input.patient.name}`,
      `Claim number: ${input.claimNumber}`,
      `Date of injury: ${usDate(input.dateOfInjury)}`,
    ].join('   '),
  };
}

export async function renderAdjusterPacket(input: AdjusterPacketInput, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, finish } = await openDocument(`Claim ${input.claimNumber}: notes and ledger`, options, {
    bufferPages: true,
    top: BODY_TOP,
    bottom: 48 + FOOTER_GAP,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(14).text('Treatment notes and ledger');
  doc.moveDown(0.4).font('Helvetica').fontSize(10);
  const facts: Array<[string, string]> = [
    ['Patient', `${input.patient.name}, born ${usDate(input.patient.birthDate)}`],
    ['Claim number', input.claimNumber],
    ['Date of injury', usDate(input.dateOfInjury)],
    ['Insurer', input.payer.name],
    ...(input.payer.address
      ? [['Insurer address', addressLines(input.payer.address).join(', ')] as [string, string]]
      : []),
    ...(input.adjuster
      ? [
          [
            'Adjuster',
            [input.adjuster.name, input.adjuster.phone, input.adjuster.email].filter(Boolean).join(', '),
          ] as [string, string],
        ]
      : []),
    ...(input.employer ? [['Employer', input.employer] as [string, string]] : []),
    ...(input.stateFields ?? []).map((f): [string, string] => [f.label, f.value]),
    ['Provider', [input.clinic.name, ...addressLines(input.clinic.address), input.clinic.phone].join(', ')],
    ...(input.clinic.taxId ? [['Tax ID (EIN)', formatTaxId(input.clinic.taxId)] as [string, string]] : []),
    ...(input.clinic.npi ? [['NPI', input.clinic.npi] as [string, string]] : []),
    ['Prepared', usDate(input.preparedOn)],
    ['Visits enclosed', String(input.notes.length)],
  ];
  for (const [label, text] of facts) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(text);
  }

  for (const note of input.notes) {
    doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`Treatment note, ${usDate(note.date)}`);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(
        `Therapist: ${note.therapistName}${note.signedOn ? `   Signed ${usDate(note.signedOn)}` : '   Not signed'}`,
      );
    if (note.services && note.services.length > 0) {
      doc.text(
        `Services: ${note.services
          .map((s) => `${s.code} × ${s.units} unit${s.units === 1 ? '' : 's'}${s.minutes ? ` (${s.minutes} min)` : ''}`)
          .join('; ')}`,
      );
    }
    for (const section of note.sections) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(section.heading, left, doc.y, { width });
      doc.font('Helvetica').fontSize(10).text(section.text, left, doc.y, { width, lineGap: 2 });
    }
  }

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(12).text('Ledger for this claim');
  doc.moveDown(0.4);
  const { ledger } = input;
  table(
    doc,
    [
      { heading: 'Date', width: 70 },
      { heading: 'Description', width: 230 },
      { heading: 'Charges', width: 72, align: 'right' },
      { heading: 'Credits', width: 72, align: 'right' },
      { heading: 'Balance', width: 72, align: 'right' },
    ],
    [
      ...ledger.lines.map((l) => [
        usDate(l.date),
        l.description,
        l.charge > 0 ? formatMoney(l.charge) : '',
        l.credit > 0 ? formatMoney(l.credit) : '',
        formatMoney(l.balance),
      ]),
      ['', 'Totals', formatMoney(ledger.charges), formatMoney(ledger.credits), formatMoney(ledger.balance)],
    ],
  );
  doc
    .moveDown(0.8)
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`Balance due on this claim: ${formatMoney(ledger.balance)}`);

  // Every page gets the header and its number once the page count is known.
  const header = packetHeader(input);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('black')
      .text(header.title, left, HEADER_TOP, { width, lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(header.line, left, HEADER_TOP + 14, { width, lineBreak: false });
    doc.text(input.clinic.name, left, HEADER_TOP + 28, { width, lineBreak: false });
    doc
      .moveTo(left, HEADER_TOP + 44)
      .lineTo(left + width, HEADER_TOP + 44)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(`Claim ${input.claimNumber} - page ${i - range.start + 1} of ${range.count}`, left, doc.page.height - 40, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  return finish();
}
