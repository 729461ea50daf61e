import { useEffect, type ReactNode } from 'react';
import { Layout } from './components/Layout.tsx';
import { Forbidden, Loading, NotFound } from './components/StatusViews.tsx';
import { AuditLog } from './pages/Audit.tsx';
import { ChangePassword } from './pages/ChangePassword.tsx';
import { LocationDetailPage, LocationList } from './pages/Locations.tsx';
import { PatientEdit } from './pages/PatientEdit.tsx';
import { PatientList } from './pages/PatientList.tsx';
import { PatientProfile } from './pages/PatientProfile.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { StaffList } from './pages/Staff.tsx';
import { TherapistDetail, TherapistList } from './pages/Therapists.tsx';
import { matchPath, navigate, useUrl } from './router.tsx';
import { CAN, useSession, useUser } from './session.tsx';

/** Where each role starts: a patient on their own record, everyone else on the patient list. */
function homeFor(role: string, patientId: string | null): string {
  return role === 'patient' ? (patientId ? `/patients/${patientId}` : '/account/password') : '/patients';
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

const ROUTES: { pattern: string; render: (params: Record<string, string>) => ReactNode }[] = [
  { pattern: '/patients', render: () => <Guarded can={CAN.searchPatients}><PatientList /></Guarded> },
  { pattern: '/patients/:id', render: ({ id }) => <PatientProfile key={id} id={id!} /> },
  { pattern: '/patients/:id/edit', render: ({ id }) => <PatientEdit key={id} id={id!} /> },
  { pattern: '/locations', render: () => <LocationList /> },
  { pattern: '/locations/:id', render: ({ id }) => <LocationDetailPage key={id} id={id!} /> },
  { pattern: '/therapists', render: () => <TherapistList /> },
  { pattern: '/therapists/:id', render: ({ id }) => <TherapistDetail key={id} id={id!} /> },
  { pattern: '/staff', render: () => <StaffList /> },
  { pattern: '/audit', render: () => <AuditLog /> },
  { pattern: '/account/password', render: () => <ChangePassword /> },
];

function Guarded({ can, children }: { can: (role: string) => boolean; children: ReactNode }) {
  const user = useUser();
  return can(user.role) ? <>{children}</> : <Forbidden />;
}

function Screen() {
  const user = useUser();
  const { path } = useUrl();
  if (path === '/' || path === '/login') return <Redirect to={homeFor(user.role, user.patientId)} />;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return <>{route.render(params)}</>;
  }
  return <NotFound />;
}

export function App() {
  const { user } = useSession();
  if (user === undefined) return <Loading label="Opening Knotwork…" />;
  if (user === null) return <SignIn />;
  return (
    <Layout>
      <Screen />
    </Layout>
  );
}
