import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type en from './en.json';
import { timeAt } from '../pages/schedule/time.ts';

/** A message's key: en.json is the list of keys, and es.json must have the same ones (i18n/messages.test.ts). */
export type MessageId = keyof typeof en;

/** `t('key', { name })`: the message in the page's language, ICU placeholders filled in. */
export function useT(): (id: MessageId, values?: Record<string, string | number>) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}

/**
 * Dates, times, zones and prices in the page's language. Calendar dates (YYYY-MM-DD) are read as they
 * are; instants on the clock of the zone given (a site's, or the organisation's), never the device's.
 */
export function useFormat() {
  const intl = useIntl();
  return useMemo(
    () => ({
      /** "2026-11-27" → "Friday, November 27" / "viernes, 27 de noviembre". */
      date: (date: string, style: 'medium' | 'long' | 'short' = 'medium') =>
        intl.formatDate(new Date(`${date}T12:00:00Z`), {
          timeZone: 'UTC',
          weekday: style === 'short' ? 'short' : 'long',
          month: style === 'short' ? 'short' : 'long',
          day: 'numeric',
          ...(style === 'long' ? { year: 'numeric' } : {}),
        }),
      /** A calendar date with its year, short: "Nov 27, 2026" / "27 nov 2026". */
      day: (date: string) =>
        intl.formatDate(new Date(`${date.slice(0, 10)}T12:00:00Z`), {
          timeZone: 'UTC',
          month: 'short',
          day: 'numeric',
          year: 'numeric',
        }),
      /** An instant as a date and a clock time on this device: "Nov 27, 2026, 9:15 AM" / "27 nov 2026, 9:15 a.m.". */
      moment: (instant: string) => {
        const date = new Date(instant);
        return Number.isNaN(date.getTime())
          ? instant
          : intl.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
      },
      /** A language tag named in the page's language ("es-MX" → "Mexican Spanish" / "español de México"). */
      language(tag: string): string {
        try {
          return new Intl.DisplayNames([intl.locale], { type: 'language' }).of(tag) ?? tag;
        } catch {
          return tag;
        }
      },
      /** An instant's clock time at a zone: the clinic's own "9:15 am" / "12 pm" in English, "9:15 a.m." in Spanish. */
      time: (instant: string, timeZone: string) =>
        intl.locale.startsWith('en')
          ? timeAt(instant, timeZone)
          : intl.formatTime(new Date(instant), { timeZone, hour: 'numeric', minute: '2-digit' }),
      /** A visit's full time, as its messages write it: "Tuesday, December 1, 2026 at 9:00 AM PST". */
      visit: (instant: string, timeZone: string) =>
        intl.formatDate(new Date(instant), {
          timeZone,
          weekday: 'long',
          month: 'long',
          day: 'numeric',
          year: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'short',
        }),
      /** The zone's name as people say it at that instant: "Pacific Standard Time" / "hora estándar del Pacífico". */
      zone: (timeZone: string, instant: number) =>
        intl
          .formatDateToParts(new Date(instant), { timeZone, timeZoneName: 'long' })
          .find((part) => part.type === 'timeZoneName')?.value ?? timeZone,
      /** A price in the currency's minor unit (cents). */
      price: (minor: number, currency: string) => {
        const digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits;
        return intl.formatNumber(minor / 10 ** (digits ?? 2), { style: 'currency', currency });
      },
      /** What a patient reads about a service's price: the amount, or that the clinic will say. */
      priceLabel(service: { priceCents: number | null; currency: string }): string {
        return service.priceCents === null
          ? intl.formatMessage({ id: 'book.price.ask' })
          : this.price(service.priceCents, service.currency);
      },
    }),
    [intl],
  );
}
