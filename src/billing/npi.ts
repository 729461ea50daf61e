/**
 * National Provider Identifier check. An NPI is 10 digits whose last digit is a Luhn (ISO/IEC
 * 7812) check digit computed over the first nine digits prefixed with 80840, the card-issuer
 * prefix for US health applications; the prefix's digits add a constant 24 to the Luhn sum.
 * Source: CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator
 * Check Digit" (NPIcheckdigit.pdf, cms.gov, Administrative Simplification / NPI standard), whose
 * worked example is 123456789 → check digit 3, NPI 1234567893.
 */

const PREFIX = '80840';

/** The Luhn check digit for a string of digits (the digit to append). */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Walking from the right, the rightmost payload digit is doubled (the check digit will sit after it).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The check digit an NPI with these first nine digits must end in. */
export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('an NPI check digit is computed over exactly nine digits');
  return luhnCheckDigit(PREFIX + firstNine);
}

export type NpiCheck = { ok: true; npi: string } | { ok: false; reason: 'shape' | 'check-digit'; message: string };

/** Checks an NPI as typed (spaces and dashes allowed), in plain words for the desk. */
export function checkNpi(input: string): NpiCheck {
  const npi = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(npi)) return { ok: false, reason: 'shape', message: 'An NPI is 10 digits.' };
  if (npiCheckDigit(npi.slice(0, 9)) !== Number(npi[9])) {
    return {
      ok: false,
      reason: 'check-digit',
      message: 'This is not a valid NPI: its last digit does not check out; look for a typo.',
    };
  }
  return { ok: true, npi };
}

export function isValidNpi(input: string): boolean {
  return checkNpi(input).ok;
}
