import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getSession, logout } from './api/auth.ts';
import { setCsrfToken, setUnauthenticatedHandler } from './api/http.ts';
import type { Session, SessionUser } from './api/types.ts';

interface SessionState {
  /** undefined while the first session check is in flight. */
  user: SessionUser | null | undefined;
  /** Why the user was sent back to sign in (an expired session), if that is why. */
  notice: string | null;
  signIn: (session: Session) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setUser((previous) => {
        if (previous) setNotice('Your session has ended. Sign in again to carry on.');
        return null;
      });
    });
    getSession().then(
      (session) => {
        setCsrfToken(session?.csrfToken ?? '');
        setUser(session?.user ?? null);
      },
      () => setUser(null),
    );
  }, []);

  const signIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setNotice(null);
    setUser(session.user);
  }, []);

  const signOut = useCallback(async () => {
    await logout().catch(() => undefined);
    setCsrfToken('');
    setNotice('You have signed out.');
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, notice, signIn, signOut }), [user, notice, signIn, signOut]);
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
