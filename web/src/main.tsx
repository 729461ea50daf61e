import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { LocaleProvider } from './i18n/locale.tsx';
import { LinkPage } from './pages/links/LinkPage.tsx';
import { ReliefPage } from './pages/relief/ReliefPage.tsx';
import { SessionProvider } from './session.tsx';
import './styles.css';

/**
 * A self-service link (/a/<token>) from a message opens without signing in: its page is rendered
 * outside the session, so nothing there asks for or needs an account.
 */
const linkToken = /^\/a\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];
/** The relief check-in (/relief/<token>) opens the same way. */
const reliefToken = /^\/relief\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      {linkToken !== undefined ? (
        <LinkPage token={decodeURIComponent(linkToken)} />
      ) : reliefToken !== undefined ? (
        <ReliefPage token={decodeURIComponent(reliefToken)} />
      ) : (
        <SessionProvider>
          <App />
        </SessionProvider>
      )}
    </LocaleProvider>
  </StrictMode>,
);
