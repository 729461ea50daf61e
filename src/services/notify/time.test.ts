import { describe, expect, it } from 'vitest';
import { formatPrice, shortVisitTime, visitTime } from './time.ts';

// Formatters are kept per locale and zone (or currency): a kept one must never answer for another.
describe('message times and prices', () => {
  const nineAmPacific = new Date('2026-12-01T17:00:00Z');

  it('reads a visit time in the site zone, in each language, whatever was formatted before', () => {
    expect(visitTime(nineAmPacific, 'America/Los_Angeles')).toBe('Tuesday, December 1, 2026 at 9:00 AM PST');
    expect(visitTime(nineAmPacific, 'America/New_York')).toBe('Tuesday, December 1, 2026 at 12:00 PM EST');
    expect(visitTime(nineAmPacific, 'America/Los_Angeles', 'es')).toMatch(/^martes, 1 de diciembre de 2026/);
    expect(visitTime(nineAmPacific, 'America/Los_Angeles')).toBe('Tuesday, December 1, 2026 at 9:00 AM PST');
    expect(shortVisitTime(nineAmPacific, 'America/Los_Angeles')).toBe('Tue, Dec 1, 9:00 AM PST');
    expect(shortVisitTime(nineAmPacific, 'America/Chicago')).toBe('Tue, Dec 1, 11:00 AM CST');
  });

  it('reads a price in each currency’s own minor unit', () => {
    expect(formatPrice(12000, 'USD')).toBe('$120.00');
    expect(formatPrice(12000, 'JPY')).toBe('¥12,000');
    expect(formatPrice(12050, 'USD')).toBe('$120.50');
    expect(formatPrice(12000, 'USD', 'es')).toMatch(/120\.00/);
  });

  it('refuses a zone that does not exist, every time', () => {
    expect(() => visitTime(nineAmPacific, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => visitTime(nineAmPacific, 'Mars/Olympus')).toThrow(RangeError);
  });
});
