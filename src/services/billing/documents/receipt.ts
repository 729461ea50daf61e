import { formatMoney, negate, sumMoney } from '../../../billing/index.ts';
import type { Address, Money, PaymentMethod } from '../../../billing/index.ts';
import { addressLines, openDocument, paymentRow, sectionHeading, table, usDate } from './pdf.ts';
import type { PdfOptions } from './pdf.ts';

/** The receipt the desk prints or emails at checkout: what was charged today, what was paid, what is left. */
export interface ReceiptInput {
  receiptNumber: string;
  /** YYYY-MM-DD. */
  issuedOn: string;
  clinic: { name: string; taxId?: string };
  site: { name: string; address: Address; phone?: string };
  patient: { name: string; accountNumber?: string };
  /** YYYY-MM-DD: the visit checked out. */
  visitDate: string;
  /** What the patient is charged (self-pay services, the copay); codes and units when a service. */
  lines: ReadonlyArray<{ description: string; code?: string; units?: number; amount: Money }>;
  /** What the visit billed to an insurer, shown so the patient sees it is not theirs to pay. */
  billedToInsurer?: { payerName: string; amount: Money };
  payments: ReadonlyArray<{ date: string; method: PaymentMethod; reference?: string; amount: Money }>;
  /** The patient's balance after this checkout (negative: a credit on the account). */
  balanceAfter: Money;
}

export async function renderReceipt(input: ReceiptInput, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, finish } = await openDocument(`Receipt ${input.receiptNumber}`, options);
  doc.font('Helvetica-Bold').fontSize(16).text(input.clinic.name);
  doc.font('Helvetica').fontSize(10).text(input.site.name);
  for (const line of addressLines(input.site.address)) doc.text(line);
  if (input.site.phone) doc.text(`Phone ${input.site.phone}`);
  if (input.clinic.taxId) doc.text(`Tax ID ${input.clinic.taxId}`);

  doc.moveDown(1).font('Helvetica-Bold').fontSize(14).text('Receipt');
  doc.font('Helvetica').fontSize(10);
  doc.text(`Receipt number: ${input.receiptNumber}`);
  doc.text(`Date: ${usDate(input.issuedOn)}`);
  doc.text(`Patient: ${input.patient.name}`);
  if (input.patient.accountNumber) doc.text(`Account: ${input.patient.accountNumber}`);
  doc.text(`Visit date: ${usDate(input.visitDate)}`);

  sectionHeading(doc, 'Charges');
  table(
    doc,
    [
      { heading: 'Service', width: 300 },
      { heading: 'Code', width: 70 },
      { heading: 'Units', width: 50, align: 'right' },
      { heading: 'Amount', width: 90, align: 'right' },
    ],
    [
      ...input.lines.map((l) => [
        l.description,
        l.code ?? '',
        l.units === undefined ? '' : String(l.units),
        formatMoney(l.amount),
      ]),
      ['Total charges', '', '', formatMoney(sumMoney(input.lines.map((l) => l.amount)))],
    ],
  );
  if (input.billedToInsurer) {
    doc
      .moveDown(0.5)
      .font('Helvetica')
      .fontSize(9)
      .text(
        `Billed to ${input.billedToInsurer.payerName}: ${formatMoney(input.billedToInsurer.amount)} ` +
          '(not included above; the insurer pays it).',
      );
  }

  sectionHeading(doc, 'Payments');
  table(
    doc,
    [
      { heading: 'Date', width: 80 },
      { heading: 'Method', width: 110 },
      { heading: 'Reference', width: 230 },
      { heading: 'Amount', width: 90, align: 'right' },
    ],
    [
      ...input.payments.map(paymentRow),
      ['Total paid', '', '', formatMoney(sumMoney(input.payments.map((p) => p.amount)))],
    ],
  );

  const balance = input.balanceAfter;
  doc.moveDown(1).font('Helvetica-Bold').fontSize(12);
  if (balance < 0) doc.text(`Credit on your account: ${formatMoney(negate(balance))}`);
  else doc.text(`Balance after this visit: ${formatMoney(balance)}`);
  doc.moveDown(1).font('Helvetica').fontSize(9).text('Thank you. Keep this receipt for your records.');
  return finish();
}
