import { describe, expect, it } from 'vitest';
import { FAKE_PDF, LETTER_PDF, writtenPdf } from '../../../test/support/pdf.ts';
import { ValidationError } from '../errors.ts';
import { checkLetter, letterFilename } from './letter-file.ts';

const letter = (filename: string, data: Buffer, declaredType = 'application/octet-stream') => ({
  filename,
  declaredType,
  data,
});

describe('clearance letter files', () => {
  it('keeps the name, with the extension of what the bytes are', () => {
    expect(letterFilename('rivera.pdf', 'application/pdf')).toBe('rivera.pdf');
    expect(letterFilename('Rivera.PDF', 'application/pdf')).toBe('Rivera.PDF');
    expect(letterFilename('scan.png', 'application/pdf')).toBe('scan.pdf');
    expect(letterFilename('letter.exe', 'application/pdf')).toBe('letter.pdf');
    expect(letterFilename('letter.html', 'image/png')).toBe('letter.png');
    expect(letterFilename('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(letterFilename('Dr. Okafor letter', 'application/pdf')).toBe('Dr. Okafor letter.pdf');
    expect(letterFilename('clearance v2.1', 'application/pdf')).toBe('clearance v2.1.pdf');
    expect(letterFilename('C:\\fakepath\\scan.jpg', 'application/pdf')).toBe('scan.pdf');
    expect(letterFilename('', 'application/pdf')).toBe('letter.pdf');
    expect(letterFilename('.png', 'application/pdf')).toBe('letter.pdf');
  });

  it('accepts a PDF that opens, and names it .pdf whatever it was called', async () => {
    expect(await checkLetter(letter('scan.png', LETTER_PDF))).toEqual({
      contentType: 'application/pdf',
      filename: 'scan.pdf',
    });
    expect(await checkLetter(letter('okafor', await writtenPdf(), 'application/pdf'))).toEqual({
      contentType: 'application/pdf',
      filename: 'okafor.pdf',
    });
  });

  it('refuses a file that only starts like a PDF, a cut-off PDF and a password-protected one', async () => {
    const real = await writtenPdf();
    for (const data of [FAKE_PDF, real.subarray(0, real.length >> 1), Buffer.from('%PDF-')]) {
      const refused = await checkLetter(letter('a.pdf', data)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).fields.letter).toMatch(/not a readable PDF/);
    }
    const locked = await checkLetter(letter('a.pdf', await writtenPdf({ userPassword: 'secret' }))).catch(
      (e: unknown) => e,
    );
    expect((locked as ValidationError).fields.letter).toMatch(/password/);
  });

  it('checks type, claimed type and size by the bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(await checkLetter(letter('x', png, 'image/png'))).toEqual({ contentType: 'image/png', filename: 'x.png' });
    await expect(checkLetter(letter('x.png', LETTER_PDF, 'image/png'))).rejects.toThrow(/says it is image\/png/);
    await expect(checkLetter(letter('x.gif', Buffer.from('GIF89a')))).rejects.toThrow(/PDF, PNG or JPEG/);
    await expect(
      checkLetter(letter('big.pdf', Buffer.concat([LETTER_PDF, Buffer.alloc(5 * 1024 * 1024)]))),
    ).rejects.toThrow(/5 MB/);
  });
});
