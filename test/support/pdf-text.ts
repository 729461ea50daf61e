import { inflateSync } from 'node:zlib';

/**
 * A stream's data: the /Length bytes after its `stream` line. Read up to `endstream` instead, a
 * compressed stream whose last byte is a carriage return lost it (the line break before `endstream`
 * took it), did not inflate, and its page read as empty — about one stream in 256.
 */
const STREAM = /\/Length (\d+)(?!\d|\s+\d+\s+R)[^]*?stream\r?\n/g;

function inflated(data: string): string {
  try {
    return inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
  } catch {
    return data;
  }
}

function streamsOf(text: string): string[] {
  return [...text.matchAll(STREAM)].map((m) => {
    const start = m.index + m[0].length;
    return inflated(text.slice(start, start + Number(m[1])));
  });
}

/** The text a PDF shows: every (hex or literal) string of its content streams, inflated when compressed. */
export function pdfText(pdf: Buffer): string {
  const streams = streamsOf(pdf.toString('latin1'));
  const lines: string[] = [];
  for (const content of streams) {
    // Each TJ/Tj is one run of text; kerning numbers between its strings are dropped.
    for (const op of content.matchAll(
      /\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/g,
    )) {
      lines.push(decodeStrings(op[1] ?? op[2]!));
    }
  }
  return lines.join('\n');
}

/** A run of text as the page places it: `x` from the left edge, `baseline` from the top, in points. */
export interface PdfRun {
  /** 1-based page number. */
  page: number;
  x: number;
  baseline: number;
  /** The font size the run is set in. */
  size: number;
  text: string;
}

function decodeStrings(body: string): string {
  let text = '';
  for (const part of body.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)) {
    text += part[1] !== undefined ? Buffer.from(part[1], 'hex').toString('latin1') : part[2]!.replace(/\\(.)/g, '$1');
  }
  return text;
}

/** Each page's content stream, in page order (the page tree's Kids, then each page's Contents). */
function pageContents(pdf: Buffer): Array<{ content: string; height: number }> {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const kids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/.exec(raw)?.[1] ?? '';
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, id]) => {
    const pageObject = objects.get(id!) ?? '';
    const height = Number(/\/MediaBox \[0 0 [\d.]+ ([\d.]+)\]/.exec(pageObject)?.[1] ?? 792);
    const contentId = /\/Contents (\d+) 0 R/.exec(pageObject)?.[1] ?? '';
    return { content: streamsOf(objects.get(contentId) ?? '')[0] ?? '', height };
  });
}

/**
 * Every text run with its position, for PDFs written by pdfkit (which places each run with
 * `1 0 0 1 x y Tm` in the page's own bottom-up coordinates).
 */
export function pdfRuns(pdf: Buffer): PdfRun[] {
  const runs: PdfRun[] = [];
  pageContents(pdf).forEach(({ content, height }, i) => {
    let x = 0;
    let y = 0;
    let size = 0;
    const ops =
      /\/F\d+ ([\d.]+) Tf|1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm|\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/g;
    for (const op of content.matchAll(ops)) {
      if (op[1] !== undefined) {
        size = Number(op[1]);
      } else if (op[2] !== undefined) {
        x = Number(op[2]);
        y = Number(op[3]);
      } else {
        runs.push({ page: i + 1, x, baseline: height - y, size, text: decodeStrings(op[4] ?? op[5]!) });
      }
    }
  });
  return runs;
}

/** The text of each page, runs joined by new lines. */
export function pdfPages(pdf: Buffer): string[] {
  const pages = pageContents(pdf).map(() => [] as string[]);
  for (const run of pdfRuns(pdf)) pages[run.page - 1]!.push(run.text);
  return pages.map((lines) => lines.join('\n'));
}
