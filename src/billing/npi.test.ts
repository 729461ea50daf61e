import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNpi, isValidNpi, npiCheckDigit } from './npi.ts';

describe('NPI check digit (Luhn with the 80840 prefix)', () => {
  it("reproduces CMS's worked example: 123456789 → 3", () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(checkNpi('1234567893')).toEqual({ ok: true, npi: '1234567893' });
  });

  it('accepts spaces and dashes as typed, and returns the bare digits', () => {
    expect(checkNpi(' 123-456-7893 ')).toEqual({ ok: true, npi: '1234567893' });
  });

  it('refuses a wrong last digit, saying it is the check digit', () => {
    expect(checkNpi('1234567890')).toMatchObject({ ok: false, reason: 'check-digit' });
  });

  it('refuses anything that is not ten digits', () => {
    for (const bad of ['', '123456789', '12345678931', '12345678a3']) {
      expect(checkNpi(bad)).toMatchObject({ ok: false, reason: 'shape' });
    }
  });

  it('exactly one last digit is valid for any nine digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const valid = [...'0123456789'].filter((d) => isValidNpi(nine + d));
        expect(valid).toEqual([String(npiCheckDigit(nine))]);
      }),
    );
  });

  it('catches every single-digit typo and every swap of two neighbouring different digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.nat(9), fc.integer({ min: 1, max: 9 }), (nine, at, shift) => {
        const npi = nine + String(npiCheckDigit(nine));
        const typo = npi.slice(0, at) + String((Number(npi[at]) + shift) % 10) + npi.slice(at + 1);
        expect(isValidNpi(typo)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.nat(8), (nine, at) => {
        const npi = nine + String(npiCheckDigit(nine));
        const a = npi[at] ?? '';
        const b = npi[at + 1] ?? '';
        // Luhn's one blind spot: 0 and 9 swapped stay valid.
        fc.pre(a !== b && !(a + b === '09' || a + b === '90'));
        expect(isValidNpi(npi.slice(0, at) + b + a + npi.slice(at + 2))).toBe(false);
      }),
    );
  });
});
