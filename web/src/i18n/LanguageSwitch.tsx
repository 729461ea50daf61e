import { LOCALES, type Locale } from '../../../src/words/locales.ts';
import { LANGUAGE_NAMES, useLocale } from './locale.tsx';

/**
 * The other language, named in itself ("Español" on an English page, "English" on a Spanish one) and
 * marked as that language (read aloud in its own voice), as a button on every patient page. `onChosen`
 * keeps the choice elsewhere too (a signed-in patient's record).
 */
export function LanguageSwitch({ onChosen }: { onChosen?: (locale: Locale) => void }) {
  const { locale, setLocale } = useLocale();
  const other = LOCALES.find((l) => l !== locale) ?? 'en';
  const name = LANGUAGE_NAMES[other];
  return (
    <button
      type="button"
      className="language-switch"
      lang={other}
      onClick={() => {
        setLocale(other);
        onChosen?.(other);
      }}
    >
      {name}
    </button>
  );
}
