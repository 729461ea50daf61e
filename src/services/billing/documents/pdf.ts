import { formatMoney, type Address, type Money, type PaymentMethod } from '../../../billing/index.ts';

/**
 * What the billing documents share: a US Letter document written to a buffer, the dates and
 * addresses as American paperwork prints them. Only the PDF standard fonts (Helvetica, Courier)
 * are used, so no font file is read. `compress: false` keeps the text streams readable, for tests.
 */

export interface PdfOptions {
  compress?: boolean;
}

export interface OpenDocument {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish: () => Promise<Buffer>;
}

export async function openDocument(
  title: string,
  options: PdfOptions,
  layout: { margin?: number; bufferPages?: boolean; top?: number; bottom?: number } = {},
): Promise<OpenDocument> {
  // pdfkit loads with the first document rather than at start: it is the slowest module to load.
  const { default: PDFDocument } = await import('pdfkit');
  const margin = layout.margin ?? 48;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: layout.top ?? margin, bottom: layout.bottom ?? margin, left: margin, right: margin },
    compress: options.compress ?? true,
    bufferPages: layout.bufferPages ?? false,
    info: { Title: title, Author: 'Knotwork' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

/** How a payment was made, as a receipt says it. */
const PAYMENT_METHOD_LABEL: Record<PaymentMethod, string> = {
  card: 'Card',
  cash: 'Cash',
  check: 'Check',
  transfer: 'Bank transfer',
};

/** YYYY-MM-DD as MM/DD/YYYY. */
export function usDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${m}/${d}/${y}`;
}

/** ZIP+4 printed with its dash. */
function zip(postalCode: string): string {
  return postalCode.length === 9 ? `${postalCode.slice(0, 5)}-${postalCode.slice(5)}` : postalCode;
}

/** The address as the lines of an envelope. */
export function addressLines(address: Address): string[] {
  return [
    address.line2 ? `${address.line1}, ${address.line2}` : address.line1,
    `${address.city}, ${address.state} ${zip(address.postalCode)}`,
  ];
}

/** "12-3456789": an EIN as the IRS prints it. */
export function formatTaxId(taxId: string): string {
  return /^\d{9}$/.test(taxId) ? `${taxId.slice(0, 2)}-${taxId.slice(2)}` : taxId;
}

export interface Column {
  heading: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * A simple table: a bold heading row, then rows, a new page (with the heading again) when the
 * page fills. Each cell is one line, cut to its column.
 */
export function table(doc: PDFKit.PDFDocument, columns: readonly Column[], rows: ReadonlyArray<readonly string[]>) {
  const left = doc.page.margins.left;
  const rowHeight = 14;
  const drawRow = (cells: readonly string[], bold: boolean) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold)
        drawRow(
          columns.map((c) => c.heading),
          true,
        );
    }
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    columns.forEach((column, i) => {
      doc.text(cells[i] ?? '', x, y, {
        width: column.width - 4,
        align: column.align ?? 'left',
        height: rowHeight - 2,
        lineBreak: false,
        ellipsis: true,
      });
      x += column.width;
    });
    doc.x = left;
    doc.y = y + rowHeight;
  };
  drawRow(
    columns.map((c) => c.heading),
    true,
  );
  const width = columns.reduce((n, c) => n + c.width, 0);
  doc
    .moveTo(left, doc.y - 3)
    .lineTo(left + width, doc.y - 3)
    .lineWidth(0.5)
    .strokeColor('#888888')
    .stroke();
  for (const row of rows) drawRow(row, false);
}

/** A payment as the receipt and the superbill list it: date, method, reference, amount. */
export function paymentRow(p: { date: string; method: PaymentMethod; reference?: string; amount: Money }): string[] {
  return [usDate(p.date), PAYMENT_METHOD_LABEL[p.method], p.reference ?? '', formatMoney(p.amount)];
}

/** A section's heading, a line below what came before and just above its table. */
export function sectionHeading(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text(title);
  doc.moveDown(0.3);
}
