import type { ClearanceRequest } from '../../clinical/frontdoor/safety.ts';

const TITLE_SIZE = 20;
const BODY_SIZE = 13;
const MARGIN = 56;

export interface ClearanceInput {
  clinicName: string;
  request: ClearanceRequest;
  /** Printed as given when the person typed them; blank lines otherwise. */
  patientName?: string | undefined;
  dateOfBirth?: string | undefined;
}

/**
 * The printable clearance request a physician fills in: the reasons in the patient's language and
 * blank lines to sign. Standard PDF fonts only (their encoding covers Spanish accents and ¿ ¡ ñ).
 */
export async function renderClearanceRequest(
  input: ClearanceInput,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  // pdfkit loads with the first request rather than at start: it is the slowest module to load.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: input.request.title, Author: input.clinicName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const body = (t: string) => doc.font('Helvetica').fontSize(BODY_SIZE).text(t, { lineGap: 3 });

  doc.font('Helvetica-Bold').fontSize(TITLE_SIZE).text(input.request.title);
  doc.moveDown(0.2);
  body(input.clinicName);
  doc.moveDown(0.8);
  body(input.request.toPhysician);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(BODY_SIZE).text(`${input.request.reported}:`);
  for (const reason of input.request.reasons) body(`•  ${reason}`);
  doc.moveDown(0.8);
  const [nameLabel, dobLabel, ...rest] = input.request.fields;
  const line = (label: string, value?: string) => {
    body(`${label}: ${value ?? '_'.repeat(Math.max(10, 60 - label.length))}`);
    doc.moveDown(0.7);
  };
  line(nameLabel!, input.patientName);
  line(dobLabel!, input.dateOfBirth);
  for (const label of rest) line(label);
  doc.end();
  return done;
}
