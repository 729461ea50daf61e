import PDFDocument from 'pdfkit';

/** The smallest PDF a reader opens: one blank US Letter page (a reader rebuilds the missing xref). */
export const LETTER_PDF = Buffer.from(
  '%PDF-1.4\n' +
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Starts like a PDF and is not one: what a first-bytes check alone lets through. */
export const FAKE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('<html><script>alert(1)</script></html>'),
  Buffer.from('\n%%EOF\n'),
]);

/** A real letter written by a PDF library, optionally protected with a password. */
export function writtenPdf(options: { userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('To whom it may concern: cleared for soft-tissue work.');
    doc.end();
  });
}
