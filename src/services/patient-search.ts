import type { PatientQuery } from '../store/repos/patients.ts';

/** What a search box may hold: a birth date, a phone number, or one or two name prefixes. */
export function interpretSearch(q: string | undefined): PatientQuery {
  const text = (q ?? '').trim();
  if (!text) return { kind: 'all' };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return { kind: 'dob', date: text };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) return { kind: 'dob', date: `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` };
  const digits = text.replace(/[\s().+-]/g, '');
  if (/^\d{3,}$/.test(digits))
    return { kind: 'phone', digits: digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits };
  const words = text.split(/[\s,]+/).filter(Boolean);
  return { kind: 'name', first: words[0]!, second: words.slice(1).join(' ') || undefined };
}

/** 1980-02-31 is no date (Date.parse would roll it into March, and the database refuses it). */
export function isCalendarDate(date: string): boolean {
  return !Number.isNaN(Date.parse(date)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}
