import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getSession, logout, saveLocale } from './api/auth.ts';
import { setCsrfToken, setUnauthenticatedHandler } from './api/http.ts';
import type { Session, SessionUser } from './api/types.ts';
import { useLocale } from './i18n/locale.tsx';
import { endTablet, resumeOffline, startTablet } from './offline/start.ts';
import type { MessageId } from './i18n/t.ts';
import type { Locale } from '../../src/words/locales.ts';

interface SessionState {
  /** undefined while the first session check is in flight. */
  user: SessionUser | null | undefined;
  /** Why the user was sent back to sign in (an expired session), if that is why: a message key. */
  notice: MessageId | null;
  signIn: (session: Session) => void;
  signOut: () => Promise<void>;
  /** A signed-in patient chose a language: kept on their record, so their messages follow it. */
  keepLocale: (locale: Locale) => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [notice, setNotice] = useState<MessageId | null>(null);
  const { setLocale, pin } = useLocale();

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setUser((previous) => {
        if (previous) setNotice('signIn.ended');
        return null;
      });
    });
    getSession().then(
      (session) => {
        setCsrfToken(session?.csrfToken ?? '');
        setUser(session?.user ?? null);
        if (session) startTablet(session);
      },
      () => {
        // No connection: the tablet opens on the session this tab signed in with, from its kept day.
        const kept = resumeOffline();
        setCsrfToken(kept?.csrfToken ?? '');
        setUser(kept?.user ?? null);
      },
    );
  }, []);

  const signIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setNotice(null);
    setUser(session.user);
    startTablet(session);
  }, []);

  const signOut = useCallback(async () => {
    await logout().catch(() => undefined);
    await endTablet().catch(() => undefined);
    setCsrfToken('');
    setNotice('signIn.signedOut');
    setUser(null);
  }, []);

  // A patient reads the language their account keeps; staff screens are in English.
  const accountLocale = user?.locale ?? null;
  const staff = Boolean(user && user.patientId === null);
  useEffect(() => {
    if (accountLocale) setLocale(accountLocale);
  }, [accountLocale, setLocale]);
  useEffect(() => pin(staff ? 'en' : null), [staff, pin]);

  const keepLocale = useCallback((locale: Locale) => {
    saveLocale(locale).then(
      (session) => setUser(session.user),
      // The page already shows the language; the account keeps it on the next choice that reaches it.
      () => undefined,
    );
  }, []);

  const value = useMemo(
    () => ({ user, notice, signIn, signOut, keepLocale }),
    [user, notice, signIn, signOut, keepLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/**
 * The signed-in user; only for components rendered behind the sign-in gate. What they may do is
 * `user.can` (role-wide, from the server's policies) or the `can` of the record at hand, never their role.
 */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

/** The organisation's time zone: dates that belong to no site are read on its clock. */
export function useOrgTimeZone(): string {
  return useUser().orgTimeZone;
}

/**
 * A patient's own account: the portal speaks to them in the first person and shows the clinics as the
 * public sees them. A matter of wording, not of permission (that is `user.can`).
 */
export function usePortal(): boolean {
  return useUser().patientId !== null;
}

export const ROLE_LABEL: Record<string, string> = {
  patient: 'Patient',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  manager: 'Manager',
  admin: 'Administrator',
};
