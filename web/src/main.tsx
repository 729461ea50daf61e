import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Loading } from './components/StatusViews.tsx';
import { LocaleProvider } from './i18n/locale.tsx';
import { lazyPage } from './lazyPage.ts';
import { SessionProvider } from './session.tsx';
import './styles.css';

/**
 * A self-service link (/a/<token>) from a message opens without signing in: its page is rendered
 * outside the session, so nothing there asks for or needs an account.
 */
const linkToken = /^\/a\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];
/** The relief check-in (/relief/<token>) opens the same way. */
const reliefToken = /^\/relief\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];

/** The public pages (/start/<organisation>/…) open without signing in. */
const frontDoor = /^\/start\//.test(window.location.pathname);

// Each part loads on its own: the public pages never download the staff screens, nor they the public pages.
const App = lazyPage(() => import('./App.tsx').then((m) => m.App));
const LinkPage = lazyPage(() => import('./pages/links/LinkPage.tsx').then((m) => m.LinkPage));
const ReliefPage = lazyPage(() => import('./pages/relief/ReliefPage.tsx').then((m) => m.ReliefPage));
const FrontDoor = lazyPage(() => import('./pages/front/FrontDoor.tsx').then((m) => m.FrontDoor));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <Suspense fallback={<Loading />}>
        {frontDoor ? (
          <FrontDoor />
        ) : linkToken !== undefined ? (
          <LinkPage token={decodeURIComponent(linkToken)} />
        ) : reliefToken !== undefined ? (
          <ReliefPage token={decodeURIComponent(reliefToken)} />
        ) : (
          <SessionProvider>
            {/* Inside the session, so the session is asked for while the app downloads. */}
            <Suspense fallback={<Loading />}>
              <App />
            </Suspense>
          </SessionProvider>
        )}
      </Suspense>
    </LocaleProvider>
  </StrictMode>,
);
