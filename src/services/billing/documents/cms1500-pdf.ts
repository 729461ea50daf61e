import { formMoney, LINES_PER_FORM } from '../../../billing/index.ts';
import type { Address, Cms1500Form, Cms1500ServiceLine, Money } from '../../../billing/index.ts';
import { addressLines, openDocument } from './pdf.ts';
import type { PdfOptions } from './pdf.ts';

/**
 * The CMS-1500 (02/12) as a printable data overlay: each box's value printed where that box sits
 * on the letter-size form, with the box outlined lightly and its number and title printed small,
 * so the page reads like the form without the red OCR original. Boxes and their contents follow
 * the NUCC "1500 Health Insurance Claim Form Reference Instruction Manual for Form Version 02/12"
 * (nucc.org); the positions follow the form's grid (10 characters and 6 lines to the inch), to
 * within a line. Values are in Courier, as the manual asks for (fixed pitch, capitals).
 */

export interface Cms1500PdfInput {
  forms: readonly Cms1500Form[];
  /** The carrier block at the top right: who the claim is mailed to. */
  payer?: { name: string; address?: Address };
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

// Column edges (points from the page's left) and the box grid, top-down in points.
const A = 18;
const B = 238;
const C = 382;
const D = 594;
const row = (y: number, h = 24) => ({ y, h });

/** Box number → where it sits, in points from the page's top left, and the title printed in it. */
export const CMS1500_BOXES = {
  carrier: { x: 330, y: 22, w: D - 330, h: 58, label: 'CARRIER (payer name and address)' },
  '1': {
    x: A,
    w: C - A,
    ...row(100),
    label: '1. MEDICARE  MEDICAID  TRICARE  CHAMPVA  GROUP HEALTH PLAN  FECA BLK LUNG  OTHER',
  },
  '1a': { x: C, w: D - C, ...row(100), label: "1a. INSURED'S I.D. NUMBER" },
  '2': { x: A, w: B - A, ...row(124), label: "2. PATIENT'S NAME (Last, First, Middle Initial)" },
  '3': { x: B, w: C - B, ...row(124), label: "3. PATIENT'S BIRTH DATE (MM DD YYYY)  SEX" },
  '4': { x: C, w: D - C, ...row(124), label: "4. INSURED'S NAME (Last, First, Middle Initial)" },
  '5': { x: A, w: B - A, ...row(148, 72), label: "5. PATIENT'S ADDRESS (No., Street)  CITY  STATE  ZIP  PHONE" },
  '6': { x: B, w: C - B, ...row(148), label: '6. PATIENT RELATIONSHIP TO INSURED' },
  '8': { x: B, w: C - B, ...row(172, 48), label: '8. RESERVED FOR NUCC USE' },
  '7': { x: C, w: D - C, ...row(148, 72), label: "7. INSURED'S ADDRESS (No., Street)  CITY  STATE  ZIP  PHONE" },
  '9': { x: A, w: B - A, ...row(220), label: "9. OTHER INSURED'S NAME" },
  '9a': { x: A, w: B - A, ...row(244), label: "a. OTHER INSURED'S POLICY OR GROUP NUMBER" },
  '9b': { x: A, w: B - A, ...row(268), label: 'b. RESERVED FOR NUCC USE' },
  '9c': { x: A, w: B - A, ...row(292), label: 'c. RESERVED FOR NUCC USE' },
  '9d': { x: A, w: B - A, ...row(316), label: 'd. INSURANCE PLAN NAME OR PROGRAM NAME' },
  '10': { x: B, w: C - B, ...row(220), label: "10. IS PATIENT'S CONDITION RELATED TO:" },
  '10a': { x: B, w: C - B, ...row(244), label: 'a. EMPLOYMENT? (Current or Previous)' },
  '10b': { x: B, w: C - B, ...row(268), label: 'b. AUTO ACCIDENT?  PLACE (State)' },
  '10c': { x: B, w: C - B, ...row(292), label: 'c. OTHER ACCIDENT?' },
  '10d': { x: B, w: C - B, ...row(316), label: '10d. CLAIM CODES (Designated by NUCC)' },
  '11': { x: C, w: D - C, ...row(220), label: "11. INSURED'S POLICY GROUP OR FECA NUMBER" },
  '11a': { x: C, w: D - C, ...row(244), label: "a. INSURED'S DATE OF BIRTH  SEX" },
  '11b': { x: C, w: D - C, ...row(268), label: 'b. OTHER CLAIM ID (Designated by NUCC)' },
  '11c': { x: C, w: D - C, ...row(292), label: 'c. INSURANCE PLAN NAME OR PROGRAM NAME' },
  '11d': { x: C, w: D - C, ...row(316), label: 'd. IS THERE ANOTHER HEALTH BENEFIT PLAN?' },
  '12': { x: A, w: C - A, ...row(340, 30), label: "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE" },
  '13': { x: C, w: D - C, ...row(340, 30), label: "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE" },
  '14': { x: A, w: B - A, ...row(370), label: '14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)  QUAL' },
  '15': { x: B, w: C - B, ...row(370), label: '15. OTHER DATE  QUAL' },
  '16': { x: C, w: D - C, ...row(370), label: '16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION' },
  '17': { x: A, w: B - A, ...row(394), label: '17. NAME OF REFERRING PROVIDER OR OTHER SOURCE' },
  '17b': { x: B, w: C - B, ...row(394), label: '17a.  17b. NPI' },
  '18': { x: C, w: D - C, ...row(394), label: '18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES' },
  '19': { x: A, w: C - A, ...row(418), label: '19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)' },
  '20': { x: C, w: D - C, ...row(418), label: '20. OUTSIDE LAB?  $ CHARGES' },
  '21': {
    x: A,
    w: C - A,
    ...row(442, 48),
    label: '21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to service line below (24E)',
  },
  '22': { x: C, w: D - C, ...row(442), label: '22. RESUBMISSION CODE  ORIGINAL REF. NO.' },
  '23': { x: C, w: D - C, ...row(466), label: '23. PRIOR AUTHORIZATION NUMBER' },
  '24': { x: A, w: D - A, ...row(490, 162), label: '24.' },
  '25': { x: A, w: 152, ...row(652), label: '25. FEDERAL TAX I.D. NUMBER  SSN EIN' },
  '26': { x: 170, w: 120, ...row(652), label: "26. PATIENT'S ACCOUNT NO." },
  '27': { x: 290, w: C - 290, ...row(652), label: '27. ACCEPT ASSIGNMENT?' },
  '28': { x: C, w: 78, ...row(652), label: '28. TOTAL CHARGE' },
  '29': { x: 460, w: 70, ...row(652), label: '29. AMOUNT PAID' },
  '30': { x: 530, w: D - 530, ...row(652), label: '30. Rsvd for NUCC Use' },
  '31': {
    x: A,
    w: 182,
    ...row(676, 80),
    label: '31. SIGNATURE OF PHYSICIAN OR SUPPLIER INCLUDING DEGREES OR CREDENTIALS',
  },
  '32': { x: 200, w: C - 200, ...row(676, 60), label: '32. SERVICE FACILITY LOCATION INFORMATION' },
  '32a': { x: 200, w: 91, ...row(736, 20), label: '32a. NPI' },
  '32b': { x: 291, w: C - 291, ...row(736, 20), label: '32b.' },
  '33': { x: C, w: D - C, ...row(676, 60), label: '33. BILLING PROVIDER INFO & PH #' },
  '33a': { x: C, w: 106, ...row(736, 20), label: '33a. NPI' },
  '33b': { x: 488, w: D - 488, ...row(736, 20), label: '33b.' },
} satisfies Record<string, Rect & { label: string }>;

type BoxId = keyof typeof CMS1500_BOXES;

/** Box 24's columns (A–J) across the page, and its six service lines below a heading row. */
export const CMS1500_LINE_COLUMNS = {
  A: { x: A, w: 124, label: 'A. DATE(S) OF SERVICE From  To' },
  B: { x: 142, w: 22, label: 'B. POS' },
  C: { x: 164, w: 20, label: 'C. EMG' },
  D: { x: 184, w: 122, label: 'D. PROCEDURES, SERVICES (CPT/HCPCS  MODIFIER)' },
  E: { x: 306, w: 36, label: 'E. DIAGNOSIS POINTER' },
  F: { x: 342, w: 70, label: 'F. $ CHARGES' },
  G: { x: 412, w: 30, label: 'G. DAYS OR UNITS' },
  H: { x: 442, w: 26, label: 'H. EPSDT' },
  I: { x: 468, w: 26, label: 'I. ID QUAL' },
  J: { x: 494, w: D - 494, label: 'J. RENDERING PROVIDER ID. #' },
} satisfies Record<string, { x: number; w: number; label: string }>;

const LINE_TOP = 508;
const LINE_HEIGHT = 24;

/** Where service line `index` (0–5) sits: its shaded supplemental half on top, the claim data below. */
export function cms1500LineRect(index: number): Rect {
  return { x: A, y: LINE_TOP + index * LINE_HEIGHT, w: D - A, h: LINE_HEIGHT };
}

/** Values print at 8.5 pt (12 characters to the inch in Courier); titles at 5 pt. */
export const CMS1500_VALUE_SIZE = 8.5;
const VALUE_SIZE = CMS1500_VALUE_SIZE;
const LABEL_SIZE = 5;
/** Courier glyphs are 0.6 em wide. */
const fits = (text: string, width: number, size = VALUE_SIZE) =>
  text.slice(0, Math.max(1, Math.floor((width - 4) / (0.6 * size))));
const mark = (on: boolean) => (on ? '[X]' : '[ ]');

type Doc = PDFKit.PDFDocument;

function value(doc: Doc, text: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left') {
  if (text === '') return;
  doc
    .font('Courier')
    .fontSize(VALUE_SIZE)
    .fillColor('black')
    .text(fits(text.toUpperCase(), width), x + 2, y, { width: width - 4, align, lineBreak: false });
}

function outline(doc: Doc, rect: Rect, label: string) {
  doc.rect(rect.x, rect.y, rect.w, rect.h).lineWidth(0.4).strokeColor('#b0b0b0').stroke();
  if (label === '') return;
  doc
    .font('Helvetica')
    .fontSize(LABEL_SIZE)
    .fillColor('#707070')
    .text(label, rect.x + 2, rect.y + 1.5, { width: rect.w - 4, height: rect.h > 30 ? 13 : 7 });
}

/** A box's value lines, one under another below its title. */
function box(doc: Doc, id: BoxId, lines: readonly string[]) {
  const rect = CMS1500_BOXES[id];
  lines.forEach((line, i) => value(doc, line, rect.x, rect.y + 10 + i * 10, rect.w));
}

/** A money box: dollars right-aligned against a thin divider, cents after it, as the form prints them. */
function moneyBox(doc: Doc, amount: Money, x: number, y: number, w: number) {
  const { dollars, cents } = formMoney(amount);
  const divider = x + w - 18;
  doc
    .moveTo(divider, y - 1)
    .lineTo(divider, y + 9)
    .lineWidth(0.3)
    .strokeColor('#b0b0b0')
    .stroke();
  value(doc, dollars, x, y, divider - x + 2, 'right');
  value(doc, cents, divider, y, 20);
}

function address(a: { street: string; city: string; state: string; zip: string; phone?: string }): string[] {
  return [a.street, `${a.city} ${a.state}`, `${a.zip}${a.phone ? `  ${a.phone}` : ''}`];
}

function serviceLine(doc: Doc, line: Cms1500ServiceLine, index: number) {
  const y = cms1500LineRect(index).y + 13;
  const col = CMS1500_LINE_COLUMNS;
  value(doc, `${line.dateFrom}  ${line.dateTo}`, col.A.x, y, col.A.w);
  value(doc, line.placeOfService, col.B.x, y, col.B.w);
  value(doc, line.emergency, col.C.x, y, col.C.w);
  value(doc, [line.procedure, ...line.modifiers].join(' '), col.D.x, y, col.D.w);
  value(doc, line.diagnosisPointer, col.E.x, y, col.E.w);
  moneyBox(doc, line.charges, col.F.x, y, col.F.w);
  value(doc, String(line.units), col.G.x, y, col.G.w, 'right');
  value(doc, line.renderingNpi, col.J.x, y, col.J.w);
}

function page(doc: Doc, form: Cms1500Form, payer: Cms1500PdfInput['payer']) {
  for (const [id, rect] of Object.entries(CMS1500_BOXES)) outline(doc, rect, id === '24' ? '' : rect.label);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('black')
    .text('HEALTH INSURANCE CLAIM FORM', A, 30, { lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(7)
    .text('APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12 - data overlay', A, 46, { lineBreak: false });
  doc.text(`Page ${form.page} of ${form.pages}`, A, 58, { lineBreak: false });
  if (payer) box(doc, 'carrier', [payer.name, ...(payer.address ? addressLines(payer.address) : [])]);

  box(doc, '1', [`${mark(true)} ${form.box1}`]);
  box(doc, '1a', [form.box1a_insuredId]);
  box(doc, '2', [form.box2_patientName]);
  box(doc, '3', [
    `${form.box3_patientBirthDate}  ${form.box3_patientSex ? `${mark(true)} ${form.box3_patientSex}` : ''}`,
  ]);
  box(doc, '4', [form.box4_insuredName]);
  box(doc, '5', address(form.box5_patientAddress));
  box(doc, '6', [`${mark(true)} ${form.box6_relationship}`]);
  box(doc, '7', address(form.box7_insuredAddress));
  box(doc, '10a', [`${mark(form.box10a_employmentRelated)} YES  ${mark(!form.box10a_employmentRelated)} NO`]);
  box(doc, '10b', [
    `${mark(form.box10b_autoAccident)} YES  ${mark(!form.box10b_autoAccident)} NO  ${form.box10b_accidentState}`,
  ]);
  box(doc, '10c', [`${mark(form.box10c_otherAccident)} YES  ${mark(!form.box10c_otherAccident)} NO`]);
  box(doc, '11', [form.box11_insuredGroupNumber]);
  box(doc, '11a', [
    `${form.box11a_insuredBirthDate}  ${form.box11a_insuredSex ? `${mark(true)} ${form.box11a_insuredSex}` : ''}`,
  ]);
  box(doc, '11b', [
    form.box11b_otherClaimId.id ? `${form.box11b_otherClaimId.qualifier}  ${form.box11b_otherClaimId.id}` : '',
  ]);
  box(doc, '11c', [form.box11c_planName]);
  box(doc, '12', [form.box12_patientSignature]);
  box(doc, '13', [form.box13_insuredSignature]);
  box(doc, '14', [
    form.box14_currentIllnessDate.date
      ? `${form.box14_currentIllnessDate.date}  QUAL ${form.box14_currentIllnessDate.qualifier}`
      : '',
  ]);

  const dx = CMS1500_BOXES['21'];
  value(doc, `ICD IND ${form.box21_icdIndicator}`, dx.x + dx.w - 80, dx.y + 1, 80);
  form.box21_diagnoses.forEach((d, i) => {
    const x = dx.x + (i % 4) * (dx.w / 4);
    const y = dx.y + 10 + Math.floor(i / 4) * 12;
    value(doc, `${d.letter}. ${d.code}`, x, y, dx.w / 4);
  });
  const resubmission = form.box22_resubmission;
  box(doc, '22', [resubmission.code ? `${resubmission.code}  ${resubmission.originalRef}` : '']);
  box(doc, '23', [form.box23_priorAuthorization]);

  const col = CMS1500_LINE_COLUMNS;
  doc
    .rect(A, 490, D - A, 18)
    .lineWidth(0.4)
    .strokeColor('#b0b0b0')
    .stroke();
  doc.font('Helvetica').fontSize(LABEL_SIZE).fillColor('#707070').text('24.', 4, 492, { lineBreak: false });
  for (const c of Object.values(col)) {
    doc.text(c.label, c.x + 2, 492, { width: c.w - 4, height: 14 });
  }
  for (let i = 0; i < LINES_PER_FORM; i += 1) {
    // Each row's shaded top half is for supplemental information (NDC codes), left empty here.
    const rect = cms1500LineRect(i);
    doc.rect(rect.x, rect.y, rect.w, 10).fillColor('#f1f1f1').fill();
    doc.rect(rect.x, rect.y, rect.w, rect.h).lineWidth(0.4).strokeColor('#b0b0b0').stroke();
    doc
      .font('Helvetica')
      .fontSize(LABEL_SIZE)
      .fillColor('#707070')
      .text(String(i + 1), 6, rect.y + 14, { lineBreak: false });
  }
  form.box24_lines.forEach((line, i) => serviceLine(doc, line, i));

  box(doc, '25', [`${form.box25_federalTaxId.id}  ${mark(true)} ${form.box25_federalTaxId.type}`]);
  box(doc, '26', [form.box26_patientAccountNumber]);
  box(doc, '27', [`${mark(form.box27_acceptAssignment)} YES  ${mark(!form.box27_acceptAssignment)} NO`]);
  const total = CMS1500_BOXES['28'];
  moneyBox(doc, form.box28_totalCharge, total.x, total.y + 11, total.w);
  const paid = CMS1500_BOXES['29'];
  moneyBox(doc, form.box29_amountPaid, paid.x, paid.y + 11, paid.w);
  box(doc, '31', ['', '', '', form.box31_signature]);
  const facility = form.box32_serviceFacility;
  box(doc, '32', [facility.name, facility.street, `${facility.city} ${facility.state} ${facility.zip}`]);
  box(doc, '32a', [form.box32a_facilityNpi]);
  const billing = form.box33_billingProvider;
  box(doc, '33', [
    `${billing.name}${billing.phone ? `  ${billing.phone}` : ''}`,
    billing.street,
    `${billing.city} ${billing.state} ${billing.zip}`,
  ]);
  box(doc, '33a', [form.box33a_billingNpi]);
}

/** One letter page per form (a claim of more than six lines runs to several forms). */
export async function renderCms1500(input: Cms1500PdfInput, options: PdfOptions = {}): Promise<Buffer> {
  const first = input.forms[0];
  if (!first) throw new RangeError('a CMS-1500 needs at least one form');
  const { doc, finish } = await openDocument(`CMS-1500 claim ${first.box26_patientAccountNumber}`, options, {
    margin: 0,
  });
  input.forms.forEach((form, i) => {
    if (i > 0) doc.addPage();
    page(doc, form, input.payer);
  });
  return finish();
}
