import type { Locale } from '../../words/locales.ts';

/** The clinics are in the United States: US English, and Spanish as written in the US. */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

/**
 * Making an Intl formatter costs far more than using one (a booking's messages took a third of its
 * server time making them), so each is made once per locale and zone or currency — a bounded set.
 */
function once<T>(make: (locale: Locale, what: string) => T): (locale: Locale, what: string) => T {
  const made = new Map<string, T>();
  return (locale, what) => {
    const key = `${locale} ${what}`;
    let found = made.get(key);
    if (found === undefined) {
      found = make(locale, what);
      made.set(key, found);
    }
    return found;
  };
}

const longFormat = once(
  (locale, timeZone) =>
    new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }),
);

const shortFormat = once(
  (locale, timeZone) =>
    new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }),
);

const priceFormat = once((locale, currency) => {
  const format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency });
  return { format, minorUnits: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) };
});

/**
 * How a visit's time reads in a message: the site's own clock and zone, e.g. "Tuesday, December 1, 2026 at 9:00 AM
 * PST".
 */
export function visitTime(instant: Date, timeZone: string, locale: Locale = 'en'): string {
  return longFormat(locale, timeZone).format(instant);
}

/** A short form for subject lines: "Tue, Dec 1, 9:00 AM PST". */
export function shortVisitTime(instant: Date, timeZone: string, locale: Locale = 'en'): string {
  return shortFormat(locale, timeZone).format(instant);
}

export function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}

/** A price in the currency's minor unit as people read it, e.g. 12000 USD → "$120.00" (12000 JPY → "¥12,000"). */
export function formatPrice(minor: number, currency: string, locale: Locale = 'en'): string {
  const { format, minorUnits } = priceFormat(locale, currency);
  return format.format(minor / minorUnits);
}
