import type { FileMeta } from '../../store/repos/charting-files.ts';
import { ValidationError } from '../errors.ts';

export const MAX_LETTER_BYTES = 5 * 1024 * 1024;
export type LetterType = FileMeta['contentType'];

/** File signatures: what the bytes are, whatever the upload claims (ISO 32000 "%PDF-", PNG spec, JPEG SOI + marker). */
const SIGNATURES: Array<{ type: LetterType; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function sniffType(data: Uint8Array): LetterType | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => data[i] === b))?.type ?? null;
}

const EXTENSIONS: Record<LetterType, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/**
 * The name a letter is kept under: the given name, with the extension of what its bytes are —
 * "scan.png" holding a PDF is kept as "scan.pdf", so whoever downloads it opens it with the
 * right program (and never as something else a name could make it).
 */
export function letterFilename(given: string, type: LetterType): string {
  // Some browsers send a whole path ("C:\fakepath\letter.pdf"); control characters never belong.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  const name = (given.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const extension = /\.([A-Za-z][A-Za-z0-9]{0,4})$/.exec(name);
  if (extension && EXTENSIONS[type].includes(extension[1]!.toLowerCase())) return name;
  const stem = (extension ? name.slice(0, extension.index) : name).replace(/[.\s]+$/, '') || 'letter';
  return `${stem.slice(0, 190)}.${EXTENSIONS[type][0]}`;
}

/**
 * Opens a PDF with Mozilla's parser (pdf.js) without rendering or running anything in it: the
 * document structure must resolve to at least one page. A header alone ("%PDF-" then anything)
 * is not a letter.
 */
async function checkPdf(data: Uint8Array): Promise<void> {
  // Loaded with the first letter rather than at start: most servers never parse one.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(data), // pdf.js takes ownership of the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    if (document.numPages < 1) throw new Error('no pages');
    await document.getPage(1);
  } catch (err) {
    if ((err as { name?: string }).name === 'PasswordException') {
      throw new ValidationError({
        letter: 'The PDF is protected with a password. Save it without one and attach it again.',
      });
    }
    throw new ValidationError({
      letter: 'The letter is not a readable PDF. Scan or save it again as a PDF, PNG or JPEG.',
    });
  } finally {
    await task.destroy();
  }
}

export interface Letter {
  filename: string;
  declaredType: string;
  data: Uint8Array;
}

/**
 * Refuses a letter that is empty, too large, not a PDF/PNG/JPEG by its bytes, not what it claims,
 * or a PDF that does not open; answers its type and the name to keep it under.
 */
export async function checkLetter(letter: Letter): Promise<{ contentType: LetterType; filename: string }> {
  if (letter.data.length === 0) throw new ValidationError({ letter: 'The letter is empty.' });
  if (letter.data.length > MAX_LETTER_BYTES) throw new ValidationError({ letter: 'The letter is larger than 5 MB.' });
  const actual = sniffType(letter.data);
  if (!actual) throw new ValidationError({ letter: 'The letter must be a PDF, PNG or JPEG file.' });
  const declared = letter.declaredType.toLowerCase().split(';')[0]!.trim().replace('image/jpg', 'image/jpeg');
  if (declared !== actual && declared !== 'application/octet-stream') {
    throw new ValidationError({ letter: `The file says it is ${declared} but its contents are ${actual}.` });
  }
  if (actual === 'application/pdf') await checkPdf(letter.data);
  return { contentType: actual, filename: letterFilename(letter.filename, actual) };
}
