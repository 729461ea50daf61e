import { inflateSync } from 'node:zlib';

/** The text a PDF shows: every (hex or literal) string of its content streams, inflated when compressed. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const bytes = Buffer.from(m[1]!, 'latin1');
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(m[1]!);
    }
  }
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
    const stream = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(objects.get(contentId) ?? '')?.[1] ?? '';
    const bytes = Buffer.from(stream, 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = stream;
    }
    return { content, height };
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
