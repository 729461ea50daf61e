import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as api from './api/client.ts';
import { setCsrfToken, setUnauthenticatedHandler } from './api/http.ts';
import type { Role, Session, SessionUser } from './api/types.ts';

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
    api.getSession().then(
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
    await api.logout().catch(() => undefined);
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

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

/** The organisation's time zone: dates that belong to no site are read on its clock. */
export function useOrgTimeZone(): string {
  return useUser().orgTimeZone;
}

/** What each role may use: the navigation and the route guards both read this. */
export const CAN = {
  searchPatients: (role: Role | string) => role !== 'patient',
  registerPatient: (role: Role | string) => ['front_desk', 'manager', 'admin'].includes(role),
  editPatient: (role: Role | string) => ['front_desk', 'manager', 'admin', 'patient'].includes(role),
  viewStaff: (role: Role | string) => role === 'admin' || role === 'manager',
  manageStaff: (role: Role | string) => role === 'admin' || role === 'manager',
  viewAudit: (role: Role | string) => role === 'admin',
  /** Merging duplicate patient records (the server checks both records are within their sites). */
  mergePatients: (role: Role | string) => role === 'admin' || role === 'manager',
  /** Adding a therapist in one step: record, credentials, sites, shifts and sign-in. */
  onboardTherapists: (role: Role | string) => role === 'admin' || role === 'manager',
  viewCredentials: (role: Role | string) => role !== 'patient',
  /** Scheduling: the site calendar for the desk and managers, "my day" for therapists, self-booking for patients. */
  frontDeskCalendar: (role: Role | string) => ['front_desk', 'manager', 'admin'].includes(role),
  myDay: (role: Role | string) => role === 'therapist',
  bookForPatients: (role: Role | string) => ['front_desk', 'manager', 'admin'].includes(role),
  selfBook: (role: Role | string) => role === 'patient',
  /** Clinical charting (assessment, plan, session notes): the clinicians and their managers. */
  chart: (role: Role | string) => ['therapist', 'manager', 'admin'].includes(role),
  /** The intake questionnaire: the patient for themselves, the desk and clinicians for them. */
  fillIntake: (role: Role | string) => ['patient', 'front_desk', 'therapist', 'manager', 'admin'].includes(role),
  /** Site hours, closures, rooms and therapists' weeks: admins everywhere, managers at their own sites. */
  manageSchedules: (role: Role | string) => role === 'manager' || role === 'admin',
  /** The service catalogue (lengths, buffers, required credentials). */
  manageServices: (role: Role | string) => role === 'manager' || role === 'admin',
  viewBookingSettings: (role: Role | string) => role === 'manager' || role === 'admin',
  editBookingSettings: (role: Role | string) => role === 'admin',
  /** Outcome questionnaires (NDI, ODI, PSFS): the patient for themselves, the desk and therapists with them. */
  fillMeasures: (role: Role | string) => ['patient', 'front_desk', 'therapist'].includes(role),
  /** Who may see a chart: staff see the care team; managers and admins change it. */
  viewCareTeam: (role: Role | string) => role !== 'patient',
  manageCareTeam: (role: Role | string) => role === 'manager' || role === 'admin',
  /** The outcomes report: admins the organisation, managers their sites, therapists their own patients. */
  viewOutcomes: (role: Role | string) => ['therapist', 'manager', 'admin'].includes(role),
};

export const ROLE_LABEL: Record<string, string> = {
  patient: 'Patient',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  manager: 'Manager',
  admin: 'Administrator',
};
