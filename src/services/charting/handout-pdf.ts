import { selfCareSentence, stretchMuscleName } from '../../clinical/atlas/self-care-es.ts';
import type { HomeCareContent } from '../../store/repos/sessions/homecare.ts';
import { afterCareSentence } from '../../words/after-care.ts';
import type { Locale } from '../../words/locales.ts';

export interface HandoutInput {
  patientName: string;
  /** The visit's date, YYYY-MM-DD. */
  date: string;
  content: HomeCareContent;
  /**
   * The patient's language: the handout's own words, the date, and the clinic's standard after-care and stretches
   * where the therapist left them as generated; the therapist's own words stay as written.
   */
  locale?: Locale;
}

const WORDS: Record<Locale, Record<'title' | 'for' | 'visit' | 'after' | 'stretches' | 'changes' | 'call', string>> = {
  en: {
    title: 'Your home care',
    for: 'For',
    visit: 'Visit on',
    after: 'After today',
    stretches: 'Your stretches',
    changes: 'Small changes that help',
    call: 'Call the clinic if',
  },
  es: {
    title: 'Sus cuidados en casa',
    for: 'Para',
    visit: 'Visita del',
    after: 'Después de hoy',
    stretches: 'Sus estiramientos',
    changes: 'Pequeños cambios que ayudan',
    call: 'Llame a la clínica si',
  },
};

const TITLE_SIZE = 24;
const HEADING_SIZE = 18;
const BODY_SIZE = 14;
const MARGIN = 56;

function longDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale === 'es' ? 'es-US' : 'en-US', {
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
  const locale = input.locale ?? 'en';
  const w = WORDS[locale];
  const said = (sentence: string) => afterCareSentence(sentence, locale);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: `${w.title}: ${input.patientName}`, Author: 'Knotwork' },
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

  doc.font('Helvetica-Bold').fontSize(TITLE_SIZE).text(w.title);
  doc.moveDown(0.3);
  body(`${w.for}: ${input.patientName}`);
  body(`${w.visit}: ${longDate(input.date, locale)}`);

  heading(w.after);
  bullets([input.content.hydration, input.content.soreness, input.content.fatigue].map(said));
  if (input.content.notes) body(said(input.content.notes));

  if (input.content.stretches.length > 0) {
    heading(w.stretches);
    for (const stretch of input.content.stretches) {
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .fontSize(BODY_SIZE + 2)
        .text(selfCareSentence(stretch.title, locale));
      const muscle = stretchMuscleName(stretch.muscle, stretch.muscleName, locale);
      body(locale === 'es' ? `Músculo: ${muscle}` : `For the ${muscle.toLowerCase()}`);
      stretch.steps.forEach((step, i) => body(`${i + 1}.  ${selfCareSentence(step, locale)}`));
    }
  }

  if (input.content.activityChanges.length > 0) {
    heading(w.changes);
    bullets(input.content.activityChanges);
  }

  heading(w.call);
  bullets(input.content.callClinicIf.map(said));

  doc.end();
  return done;
}
