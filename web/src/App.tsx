import { Suspense, useEffect, type ReactNode } from 'react';
import { lazyPage } from './lazyPage.ts';
import { Layout } from './components/Layout.tsx';
import { Forbidden, Loading, NotFound } from './components/StatusViews.tsx';
import { BookingSettingsPage } from './pages/admin/BookingSettingsPage.tsx';
import { ServiceEditPage, ServicesPage } from './pages/admin/ServicesPage.tsx';
import { AuditLog } from './pages/Audit.tsx';
import { ChangePassword } from './pages/ChangePassword.tsx';
import { BookingDone, CancelAppointment, MyAppointments } from './pages/booking/MyAppointments.tsx';
import { LocationDetailPage, LocationList } from './pages/Locations.tsx';
import { PatientEdit } from './pages/PatientEdit.tsx';
import { PatientList } from './pages/PatientList.tsx';
import { PatientNew } from './pages/PatientNew.tsx';
import { PatientFind } from './pages/care/PatientFind.tsx';
import { PatientProfile } from './pages/PatientProfile.tsx';
import { FirstPassword } from './pages/FirstPassword.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { StaffList } from './pages/Staff.tsx';
import { StaffNew } from './pages/StaffNew.tsx';
import { TherapistDetail, TherapistList } from './pages/Therapists.tsx';
import { JoinWaitlist } from './pages/waitlist/MyWaitlist.tsx';
import { WaitlistPage } from './pages/waitlist/WaitlistPage.tsx';
import { matchPath, navigate, useUrl } from './router.tsx';
import type { SessionCan, SessionUser } from './api/types.ts';
import { useSession, useUser } from './session.tsx';
import { useT } from './i18n/t.ts';
import { TabletBar } from './offline/TabletBar.tsx';
import { UpdatePrompt } from './offline/UpdatePrompt.tsx';

// Charting (body chart, atlas) and scheduling screens load on first use: the patient's phone gets a small first
// download.
const SelfBooking = lazyPage(() => import('./pages/booking/SelfBooking.tsx').then((m) => m.SelfBooking));
const PlanPage = lazyPage(() => import('./pages/chart/PlanPage.tsx').then((m) => m.PlanPage));
const VisitPage = lazyPage(() => import('./pages/chart/VisitPage.tsx').then((m) => m.VisitPage));
const IntakePage = lazyPage(() => import('./pages/intake/IntakePage.tsx').then((m) => m.IntakePage));
const CalendarPage = lazyPage(() => import('./pages/schedule/Calendar.tsx').then((m) => m.CalendarPage));
const MyDayPage = lazyPage(() => import('./pages/schedule/MyDay.tsx').then((m) => m.MyDayPage));
const SeriesPage = lazyPage(() => import('./pages/schedule/Series.tsx').then((m) => m.SeriesPage));
const SessionPage = lazyPage(() => import('./pages/chart/SessionPage.tsx').then((m) => m.SessionPage));
const SessionsPage = lazyPage(() => import('./pages/chart/SessionPage.tsx').then((m) => m.SessionsPage));
const IntakeVersionPage = lazyPage(() => import('./pages/intake/IntakeVersions.tsx').then((m) => m.IntakeVersionPage));
const PatientMerge = lazyPage(() => import('./pages/PatientMerge.tsx').then((m) => m.PatientMerge));
const TherapistOnboarding = lazyPage(() =>
  import('./pages/TherapistOnboarding.tsx').then((m) => m.TherapistOnboarding),
);
const HomeCarePage = lazyPage(() => import('./pages/homecare/HomeCarePage.tsx').then((m) => m.HomeCarePage));
const OutcomesPage = lazyPage(() => import('./pages/outcomes/OutcomesPage.tsx').then((m) => m.OutcomesPage));
const AboutTextPage = lazyPage(() => import('./pages/admin/AboutTextPage.tsx').then((m) => m.AboutTextPage));
const ChargeReviewList = lazyPage(() => import('./pages/money/ChargeReviewList.tsx').then((m) => m.ChargeReviewList));
const VisitMoneyPage = lazyPage(() => import('./pages/money/VisitMoneyPage.tsx').then((m) => m.VisitMoneyPage));
const ClaimsPage = lazyPage(() => import('./pages/money/ClaimsPage.tsx').then((m) => m.ClaimsPage));
const BillingReportsPage = lazyPage(() => import('./pages/money/ReportsPage.tsx').then((m) => m.ReportsPage));
const MeasureEntryPage = lazyPage(() => import('./pages/measures/MeasureEntry.tsx').then((m) => m.MeasureEntryPage));

/** Where each role starts: a patient on their own record, a therapist on My day, everyone else on the patient list. */
function homeFor(user: SessionUser): string {
  if (user.can.selfBook) return user.patientId ? `/patients/${user.patientId}` : '/account/password';
  if (user.can.myDay) return '/schedule/my-day';
  return user.can.searchPatients ? '/patients' : '/account/password';
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

const BOOK_STEPS = ['site', 'therapist', 'time', 'confirm'] as const;

const ROUTES: { pattern: string; render: (params: Record<string, string>) => ReactNode }[] = [
  {
    pattern: '/patients',
    render: () => (
      <Guarded can="searchPatients">
        <PatientList />
      </Guarded>
    ),
  },
  { pattern: '/patients/new', render: () => <PatientNew /> },
  { pattern: '/patients/find', render: () => <PatientFind /> },
  { pattern: '/patients/:id', render: ({ id }) => <PatientProfile key={id} id={id!} /> },
  { pattern: '/patients/:id/edit', render: ({ id }) => <PatientEdit key={id} id={id!} /> },
  {
    pattern: '/patients/:id/merge',
    render: ({ id }) => (
      <Guarded can="mergePatients">
        <PatientMerge key={id} id={id!} />
      </Guarded>
    ),
  },
  {
    pattern: '/patients/:id/intake',
    render: ({ id }) => (
      <Guarded can="fillIntake">
        <IntakePage key={id} patientId={id!} />
      </Guarded>
    ),
  },
  {
    pattern: '/patients/:id/intake/versions/:version',
    render: ({ id, version }) => (
      <Guarded can="fillIntake">
        <IntakeVersionPage key={`${id}-${version}`} patientId={id!} version={Number(version)} />
      </Guarded>
    ),
  },
  {
    pattern: '/patients/:id/measures/new',
    render: ({ id }) => (
      <Guarded can="fillMeasures">
        <MeasureEntryPage key={id} patientId={id!} />
      </Guarded>
    ),
  },
  {
    pattern: '/patients/:id/chart',
    render: ({ id }) => (
      <Guarded can="chart">
        <VisitPage key={id} patientId={id!} />
      </Guarded>
    ),
  },
  {
    pattern: '/patients/:id/chart/plan',
    render: ({ id }) => (
      <Guarded can="chart">
        <PlanPage key={id} patientId={id!} />
      </Guarded>
    ),
  },
  {
    pattern: '/patients/:id/chart/sessions',
    render: ({ id }) => (
      <Guarded can="chart">
        <SessionsPage key={id} patientId={id!} />
      </Guarded>
    ),
  },
  {
    pattern: '/patients/:id/chart/sessions/:note',
    render: ({ id, note }) => (
      <Guarded can="chart">
        <SessionPage key={note} patientId={id!} noteId={note!} />
      </Guarded>
    ),
  },
  { pattern: '/locations', render: () => <LocationList /> },
  { pattern: '/locations/:id', render: ({ id }) => <LocationDetailPage key={id} id={id!} /> },
  { pattern: '/therapists', render: () => <TherapistList /> },
  {
    pattern: '/therapists/new',
    render: () => (
      <Guarded can="onboardTherapists">
        <TherapistOnboarding />
      </Guarded>
    ),
  },
  { pattern: '/therapists/:id', render: ({ id }) => <TherapistDetail key={id} id={id!} /> },
  { pattern: '/staff', render: () => <StaffList /> },
  { pattern: '/staff/new', render: () => <StaffNew /> },
  { pattern: '/audit', render: () => <AuditLog /> },
  { pattern: '/account/password', render: () => <ChangePassword /> },
  {
    pattern: '/schedule',
    render: () => (
      <Guarded can="frontDeskCalendar">
        <CalendarPage />
      </Guarded>
    ),
  },
  {
    pattern: '/schedule/my-day',
    render: () => (
      <Guarded can="myDay">
        <MyDayPage />
      </Guarded>
    ),
  },
  {
    pattern: '/schedule/series',
    render: () => (
      <Guarded can="bookForPatients">
        <SeriesPage />
      </Guarded>
    ),
  },
  {
    pattern: '/book',
    render: () => (
      <Guarded can="selfBook">
        <SelfBooking step="service" />
      </Guarded>
    ),
  },
  {
    pattern: '/book/done',
    render: () => (
      <Guarded can="selfBook">
        <BookingDone />
      </Guarded>
    ),
  },
  {
    pattern: '/book/:step',
    render: ({ step }) => (
      <Guarded can="selfBook">
        <SelfBooking key={step} step={BOOK_STEPS.includes(step as never) ? (step as 'site') : 'service'} />
      </Guarded>
    ),
  },
  {
    pattern: '/admin/services',
    render: () => (
      <Guarded can="manageServices">
        <ServicesPage />
      </Guarded>
    ),
  },
  {
    pattern: '/admin/services/new',
    render: () => (
      <Guarded can="manageServices">
        <ServiceEditPage key="new" id={null} />
      </Guarded>
    ),
  },
  {
    pattern: '/admin/services/:id',
    render: ({ id }) => (
      <Guarded can="manageServices">
        <ServiceEditPage key={id} id={id!} />
      </Guarded>
    ),
  },
  {
    pattern: '/admin/booking-settings',
    render: () => (
      <Guarded can="manageServices">
        <BookingSettingsPage />
      </Guarded>
    ),
  },
  {
    pattern: '/admin/about',
    render: () => (
      <Guarded can="editPublicText">
        <AboutTextPage />
      </Guarded>
    ),
  },
  {
    pattern: '/appointments',
    render: () => (
      <Guarded can="selfBook">
        <MyAppointments />
      </Guarded>
    ),
  },
  {
    pattern: '/home-care',
    render: () => (
      <Guarded can="selfBook">
        <HomeCarePage />
      </Guarded>
    ),
  },
  {
    pattern: '/waitlist',
    render: () => (
      <Guarded can="bookForPatients">
        <WaitlistPage />
      </Guarded>
    ),
  },
  {
    pattern: '/waitlist/join',
    render: () => (
      <Guarded can="selfBook">
        <JoinWaitlist />
      </Guarded>
    ),
  },
  {
    pattern: '/outcomes',
    render: () => (
      <Guarded can="viewOutcomes">
        <OutcomesPage />
      </Guarded>
    ),
  },
  {
    pattern: '/billing',
    render: () => (
      <Guarded can="postCharges">
        <ChargeReviewList />
      </Guarded>
    ),
  },
  {
    pattern: '/billing/visits/:id',
    render: ({ id }) => (
      <Guarded can="postCharges">
        <VisitMoneyPage key={id} visitId={id!} />
      </Guarded>
    ),
  },
  {
    pattern: '/billing/claims',
    render: () => (
      <Guarded can="postCharges">
        <ClaimsPage />
      </Guarded>
    ),
  },
  {
    pattern: '/billing/reports',
    render: () => (
      <Guarded can="billingReports">
        <BillingReportsPage />
      </Guarded>
    ),
  },
  {
    pattern: '/appointments/:id/cancel',
    render: ({ id }) => (
      <Guarded can="selfBook">
        <CancelAppointment key={id} id={id!} />
      </Guarded>
    ),
  },
];

function Guarded({ can, children }: { can: keyof SessionCan; children: ReactNode }) {
  return useUser().can[can] ? <>{children}</> : <Forbidden />;
}

function Screen() {
  const user = useUser();
  const { path } = useUrl();
  if (path === '/' || path === '/login') return <Redirect to={homeFor(user)} />;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return <>{route.render(params)}</>;
  }
  return <NotFound />;
}

export function App() {
  const { user } = useSession();
  const t = useT();
  if (user === undefined) return <Loading label={t('status.opening')} />;
  if (user === null) return <SignIn />;
  // Someone else chose this account's password: choosing its own comes before anything else.
  if (user.mustChangePassword) return <FirstPassword />;
  return (
    <Layout>
      <TabletBar />
      <UpdatePrompt />
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    </Layout>
  );
}
