import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SessionUser } from '../api/types.ts';
import { ROLE_LABEL, useSession, useUser } from '../session.tsx';
import { Link, navigate, useUrl } from '../router.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useT, type MessageId } from '../i18n/t.ts';
import { SignOutButton } from '../offline/SignOutButton.tsx';

/** Roles whose label is in the page's language (a patient's pages are translated; staff screens are English). */
const TRANSLATED_ROLE: Partial<Record<string, MessageId>> = { patient: 'chrome.role.patient' };

interface NavItem {
  to: string;
  /** A patient's items are in their language (a message key); staff screens are in English. */
  label: string | { id: MessageId };
  /** The item is current on this path and every path below it. */
  section: string;
}

function navItemsFor({ can, patientId }: Pick<SessionUser, 'can' | 'patientId'>): NavItem[] {
  if (can.selfBook) {
    const mine = patientId ? `/patients/${patientId}` : '/';
    return [
      { to: mine, label: { id: 'nav.myDetails' }, section: mine },
      { to: '/appointments', label: { id: 'nav.myAppointments' }, section: '/appointments' },
      { to: '/home-care', label: { id: 'nav.homeCare' }, section: '/home-care' },
      { to: '/book', label: { id: 'nav.book' }, section: '/book' },
      { to: '/locations', label: { id: 'nav.clinics' }, section: '/locations' },
    ];
  }
  const items: NavItem[] = [
    // A therapist's day starts at their visits: My day comes first, and is their home page.
    ...(can.myDay ? [{ to: '/schedule/my-day', label: 'My day', section: '/schedule/my-day' }] : []),
    ...(can.searchPatients ? [{ to: '/patients', label: 'Patients', section: '/patients' }] : []),
    { to: '/locations', label: 'Locations', section: '/locations' },
    { to: '/therapists', label: 'Therapists', section: '/therapists' },
    ...(can.frontDeskCalendar ? [{ to: '/schedule', label: 'Calendar', section: '/schedule' }] : []),
    ...(can.bookForPatients ? [{ to: '/waitlist', label: 'Waitlist', section: '/waitlist' }] : []),
  ];
  if (can.postCharges || can.billingReports)
    items.push({ to: can.postCharges ? '/billing' : '/billing/reports', label: 'Billing', section: '/billing' });
  if (can.viewOutcomes) items.push({ to: '/outcomes', label: 'Outcomes', section: '/outcomes' });
  if (can.manageStaff) items.push({ to: '/staff', label: 'Staff', section: '/staff' });
  // One entry for the booking setup (services, booking settings); its pages have their own tabs.
  if (can.manageServices) items.push({ to: '/admin/services', label: 'Services', section: '/admin' });
  if (can.viewAudit) items.push({ to: '/audit', label: 'Audit log', section: '/audit' });
  return items;
}

export function Layout({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut, keepLocale } = useSession();
  const t = useT();
  const { path } = useUrl();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const shownPath = useRef(path);

  // After a client-side navigation, start reading and tabbing from the new page's content.
  useEffect(() => {
    setMenuOpen(false);
    if (shownPath.current === path) return;
    shownPath.current = path;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);

  const items = navItemsFor(user);
  const isCurrent = (item: NavItem) => path === item.section || path.startsWith(`${item.section}/`);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && menuOpen) {
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    }
  };

  return (
    <div className={`app role-${user.role}`}>
      <a href="#main" className="skip-link">
        {t('chrome.skip')}
      </a>
      <header className="site-header" onKeyDown={closeOnEscape}>
        <div className="header-bar">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              K
            </span>
            <span className="brand-name">Knotwork</span>
          </Link>
          {user.patientId !== null ? <LanguageSwitch onChosen={keepLocale} /> : null}
          <button
            type="button"
            ref={menuButtonRef}
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('chrome.menu')}
          </button>
          <nav id="site-nav" className={`site-nav${menuOpen ? ' is-open' : ''}`} aria-label={t('chrome.mainNav')}>
            <ul className="nav-list">
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="nav-link" aria-current={isCurrent(item) ? 'page' : undefined}>
                    {typeof item.label === 'string' ? item.label : t(item.label.id)}
                  </Link>
                </li>
              ))}
            </ul>
            <div className="account">
              <p className="account-name">
                {user.displayName}
                <span className="account-role">
                  {TRANSLATED_ROLE[user.role] ? t(TRANSLATED_ROLE[user.role]!) : (ROLE_LABEL[user.role] ?? user.role)}
                </span>
              </p>
              <ul className="nav-list account-links">
                <li>
                  <Link
                    to="/account/password"
                    className="nav-link"
                    aria-current={path === '/account/password' ? 'page' : undefined}
                  >
                    {t('chrome.changePassword')}
                  </Link>
                </li>
                <li>
                  <SignOutButton
                    className="nav-link link-button"
                    onSignOut={() => void signOut().then(() => navigate('/', { replace: true }))}
                  />
                </li>
              </ul>
            </div>
          </nav>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('chrome.footer')}</p>
      </footer>
    </div>
  );
}
