import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfPages, pdfText } from './pdf-text.ts';

/** A one-page PDF, as pdfkit lays one out, whose content stream is `content` deflated. */
function onePage(content: string): Buffer {
  const data = deflateSync(Buffer.from(content, 'latin1'));
  const head =
    '%PDF-1.3\n1 0 obj\n<< /Type /Pages /Count 1 /Kids [2 0 R] >>\nendobj\n' +
    '2 0 obj\n<< /Type /Page /Parent 1 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>\nendobj\n' +
    `3 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]);
}

describe('reading text back from a PDF', () => {
  it('reads a compressed page whose last byte is a carriage return, not the break before endstream', () => {
    // The first page of 1, 2, 3… lines whose deflated bytes end in \r: the case a property test met at random.
    let content = '';
    for (let i = 0; i < 5000 && deflateSync(Buffer.from(content, 'latin1')).at(-1) !== 0x0d; i++)
      content += `BT /F1 12 Tf 1 0 0 1 72 ${700 - (i % 600)} Tm (Line ${i}) Tj ET\n`;
    expect(deflateSync(Buffer.from(content, 'latin1')).at(-1)).toBe(0x0d);
    const pdf = onePage(content);
    expect(pdfPages(pdf)).toHaveLength(1);
    expect(pdfPages(pdf)[0]).toMatch(/^Line 0\n/);
    expect(pdfText(pdf).split('\n').at(-1)).toMatch(/^Line \d+$/);
  });
});
