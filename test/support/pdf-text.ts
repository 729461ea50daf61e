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
      const body = op[1] ?? op[2]!;
      let text = '';
      for (const part of body.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)) {
        text +=
          part[1] !== undefined ? Buffer.from(part[1], 'hex').toString('latin1') : part[2]!.replace(/\\(.)/g, '$1');
      }
      lines.push(text);
    }
  }
  return lines.join('\n');
}
