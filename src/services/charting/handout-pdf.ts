import type { HomeCareContent } from '../../store/repos/sessions/homecare.ts';

export interface HandoutInput {
  patientName: string;
  /** The visit's date, YYYY-MM-DD. */
  date: string;
  content: HomeCareContent;
}

const TITLE_SIZE = 24;
const HEADING_SIZE = 18;
const BODY_SIZE = 14;
const MARGIN = 56;

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/**
 * The home-care handout: large type and plain words (ARCHITECTURE.md, "The interface we want").
 * Only the PDF standard fonts (Helvetica) are used, so no font file is embedded or read.
 * `compress: false` keeps the text streams readable, for tests.
 */
export async function renderHandout(input: HandoutInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  // pdfkit loads with the first handout rather than at start: it is the slowest module to load.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: `Home care for ${input.patientName}`, Author: 'Knotwork' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(HEADING_SIZE).text(text).moveDown(0.3);
  const body = (text: string) => doc.font('Helvetica').fontSize(BODY_SIZE).text(text, { lineGap: 4 });
  const bullets = (items: readonly string[]) => {
    for (const item of items) body(`•  ${item}`);
  };

  doc.font('Helvetica-Bold').fontSize(TITLE_SIZE).text('Your home care');
  doc.moveDown(0.3);
  body(`For: ${input.patientName}`);
  body(`Visit on: ${longDate(input.date)}`);

  heading('After today');
  bullets([input.content.hydration, input.content.soreness, input.content.fatigue]);
  if (input.content.notes) body(input.content.notes);

  if (input.content.stretches.length > 0) {
    heading('Your stretches');
    for (const stretch of input.content.stretches) {
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .fontSize(BODY_SIZE + 2)
        .text(stretch.title);
      body(`For the ${stretch.muscleName.toLowerCase()}`);
      stretch.steps.forEach((step, i) => body(`${i + 1}.  ${step}`));
    }
  }

  if (input.content.activityChanges.length > 0) {
    heading('Small changes that help');
    bullets(input.content.activityChanges);
  }

  heading('Call the clinic if');
  bullets(input.content.callClinicIf);

  doc.end();
  return done;
}
