import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { setRequestLanguage } from '../api/http.ts';
import { supportedLocale, type Locale } from '../../../src/words/locales.ts';
import en from './en.json';
import es from './es.json';

/**
 * The patient's language: the account's choice once signed in, else the last one chosen on this device,
 * else the browser's first language we write in (navigator.languages), else English. Messages live in
 * en.json and es.json (ICU MessageFormat, FormatJS react-intl); nothing is translated at run time.
 */
const MESSAGES: Record<Locale, Record<string, string>> = { en, es };
/** Dates, times and prices as written in the United States, in each language. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', es: 'es-US' };
const STORED = 'knotwork.locale';

function browserLocale(): Locale {
  const stored = supportedLocale(readStored());
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const found = supportedLocale(tag);
    if (found) return found;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORED);
  } catch {
    return null;
  }
}

interface LocaleState {
  locale: Locale;
  /** Shows the pages in this language and remembers it on this device. */
  setLocale: (locale: Locale) => void;
  /** Holds the pages in one language whatever was chosen (staff screens are in English); null lets go. */
  pin: (locale: Locale | null) => void;
  /** The language a record says its patient reads: shown unless this device has chosen one. */
  suggest: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [chosen, setState] = useState<Locale>(browserLocale);
  const [pinned, pin] = useState<Locale | null>(null);
  const locale = pinned ?? chosen;
  const setLocale = useCallback((next: Locale) => {
    setState(next);
    try {
      window.localStorage.setItem(STORED, next);
    } catch {
      // A private window may refuse storage: the choice lasts for this page.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // Set while rendering, not in an effect: the pages' own effects (their first requests) run before this one's.
  setRequestLanguage(locale);
  const suggest = useCallback((next: Locale) => {
    if (!supportedLocale(readStored())) setState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale, pin, suggest }), [locale, setLocale, suggest]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={INTL_LOCALE[locale]} messages={MESSAGES[locale]} defaultLocale="en-US">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

/** Each language named in itself, as a switch offers it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };
