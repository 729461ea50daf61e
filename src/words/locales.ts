/**
 * The languages patients can read Knotwork in. A patient's record keeps a BCP 47 tag (en, es-MX,
 * vi…); the portal and the messages use the nearest supported one, and English for any other.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** "es-MX" → "es"; null for a tag no supported language covers (or none). */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === base) ?? null;
}
