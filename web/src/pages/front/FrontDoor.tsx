import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Loading } from '../../components/StatusViews.tsx';
import { lazyPage } from '../../lazyPage.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { useT, type MessageId } from '../../i18n/t.ts';
import { Link, matchPath, useUrl } from '../../router.tsx';
import { AboutPage } from './AboutPage.tsx';
import { SafetyPage } from './SafetyPage.tsx';
import { SelfCheckPage } from './SelfCheckPage.tsx';
import { CheckEmailPage, StartPage } from './StartPage.tsx';
import { SitesPage } from './SitesPage.tsx';
import { VerifyPage } from './VerifyPage.tsx';
import './front.css';
import { frontPath, rememberFrontOrg } from './paths.ts';

// The body chart and the place words load only on the page that shows them.
const WhereItHurtsPage = lazyPage(() => import('./WhereItHurtsPage.tsx').then((m) => m.WhereItHurtsPage));

/** The public pages, in the order a person meets them: each is /start/<organisation>/<page>. */
const PAGES: { path: string; label: MessageId; render: (org: string) => ReactNode }[] = [
  { path: '', label: 'front.nav.about', render: (org) => <AboutPage org={org} /> },
  { path: 'self-check', label: 'front.nav.selfCheck', render: (org) => <SelfCheckPage org={org} /> },
  { path: 'where-it-hurts', label: 'front.nav.whereItHurts', render: () => <WhereItHurtsPage /> },
  { path: 'safety', label: 'front.nav.safety', render: (org) => <SafetyPage org={org} /> },
  { path: 'sites', label: 'front.nav.sites', render: (org) => <SitesPage org={org} /> },
  { path: 'account', label: 'front.nav.start', render: (org) => <StartPage org={org} /> },
];
/** Steps of "Start" that are not in the menu. */
const STEPS: Record<string, (org: string) => ReactNode> = {
  'check-email': (org) => <CheckEmailPage org={org} />,
  verify: (org) => <VerifyPage org={org} />,
};

/**
 * The front door: what NMT is, a self-check, where it hurts, whether it is safe, the sites, and an
 * account — without signing in, phone first, in English or Spanish. Loaded on its own, apart from the
 * staff screens.
 */
export function FrontDoor() {
  const t = useT();
  const { path } = useUrl();
  const params = matchPath('/start/:org', path) ?? matchPath('/start/:org/:page', path);
  const org = params?.org ?? '';
  const page = params?.page ?? '';
  useEffect(() => rememberFrontOrg(org), [org]);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page starts reading from the top, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);
  const known = PAGES.find((p) => p.path === page);
  const body = known ? known.render(org) : STEPS[page]?.(org);
  return (
    <div className="app role-patient front-app">
      <a href="#main" className="skip-link">
        {t('chrome.skip')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <Link to={frontPath(org, '')} className="brand">
            <span className="brand-mark" aria-hidden="true">
              K
            </span>
            <span className="brand-name">Knotwork</span>
          </Link>
          <LanguageSwitch />
        </div>
        <nav className="front-nav" aria-label={t('front.nav.label')}>
          <ul>
            {PAGES.map((p) => (
              <li key={p.path}>
                <Link to={frontPath(org, p.path)} aria-current={p.path === page ? 'page' : undefined}>
                  {t(p.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        <div className="narrow front-page">
          <Suspense fallback={<Loading />}>{body ?? <Missing />}</Suspense>
        </div>
      </main>
      <footer className="site-footer">
        <p>{t('front.footer')}</p>
      </footer>
    </div>
  );
}

function Missing() {
  const t = useT();
  return (
    <section>
      <h1>{t('front.missing.title')}</h1>
      <p>{t('front.missing.body')}</p>
    </section>
  );
}
