import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useT } from '../i18n/t.ts';
import type { Locale } from '../../../src/words/locales.ts';

/** The skip link, brand bar and language switch of the pages shown without an account: sign-in and message links. */
export function PlainHeader({ onLanguage }: { onLanguage?: (locale: Locale) => void }) {
  const t = useT();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('chrome.skip')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              K
            </span>
            <span className="brand-name">Knotwork</span>
          </span>
          <LanguageSwitch onChosen={onLanguage} />
        </div>
      </header>
    </>
  );
}
