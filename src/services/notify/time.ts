import type { Locale } from '../../words/locales.ts';

/** The clinics are in the United States: US English, and Spanish as written in the US. */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

/**
 * How a visit's time reads in a message: the site's own clock and zone, e.g. "Tuesday, December 1, 2026 at 9:00 AM
 * PST".
 */
export function visitTime(instant: Date, timeZone: string, locale: Locale = 'en'): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}

/** A short form for subject lines: "Tue, Dec 1, 9:00 AM PST". */
export function shortVisitTime(instant: Date, timeZone: string, locale: Locale = 'en'): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}

export function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}

/** A price in the currency's minor unit as people read it, e.g. 12000 USD → "$120.00" (12000 JPY → "¥12,000"). */
export function formatPrice(minor: number, currency: string, locale: Locale = 'en'): string {
  const format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
