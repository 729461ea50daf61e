import { useEffect, useRef, type ReactNode } from 'react';
import { PlainHeader } from '../../components/PlainHeader.tsx';
import { useT } from '../../i18n/t.ts';

/**
 * The frame of the pages a patient opens from a message, without signing in: the brand, one
 * main region, no navigation (there is no account behind a link).
 */
export function PublicShell({ children, focusKey }: { children: ReactNode; focusKey: string }) {
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Each new step starts reading from the top, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [focusKey]);
  return (
    <div className="app role-patient lnk-app">
      <PlainHeader />
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        <div className="narrow sch-question lnk-page">{children}</div>
      </main>
      <footer className="site-footer">
        <p>{t('link.footer')}</p>
      </footer>
    </div>
  );
}

/** A phone number people can tap to call. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a className="lnk-phone" href={`tel:${phone.replace(/[^+\d]/g, '')}`}>
      {phone}
    </a>
  );
}
