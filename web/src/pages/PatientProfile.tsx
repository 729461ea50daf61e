import { useEffect, type ReactNode } from 'react';
import { getPatient } from '../api/patients.ts';
import { mergedInto } from '../api/records.ts';
import type { Patient } from '../api/types.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { ageOn, formatDate, formatDayOf, SEX_AT_BIRTH } from '../format.ts';
import { todayAt } from './schedule/time.ts';
import { usePageTitle, useResource } from '../hooks.ts';
import { useLocationNames } from '../sites.ts';
import { Link, navigate, useUrl } from '../router.tsx';
import { MeasuresCard } from './measures/MeasuresCard.tsx';
import { MyBalanceCard } from './money/MyBalanceCard.tsx';
import { PatientHub } from './PatientHub.tsx';
import { CareTeamCard } from './care/CareTeamCard.tsx';
import { RecordDownload } from './RecordDownload.tsx';
import { useOrgTimeZone, useUser } from '../session.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">Not given</span>}</dd>
    </div>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Into the charting screens: the chart for clinicians, the health questionnaire for everyone who may fill it. */
function ChartLinks({ patientId, own }: { patientId: string; own: boolean }) {
  const { can } = useUser();
  return (
    <>
      {can.chart ? (
        <Link to={`/patients/${patientId}/chart`} className="button">
          Chart
        </Link>
      ) : null}
      {can.fillIntake ? (
        <Link to={`/patients/${patientId}/intake`} className="button button-secondary">
          {own ? 'My health questionnaire' : 'Intake questionnaire'}
        </Link>
      ) : null}
    </>
  );
}

export function PatientProfile({ id }: { id: string }) {
  const user = useUser();
  const own = user.patientId === id;
  const [patient] = useResource(() => getPatient(id), [id]);
  usePageTitle(
    own ? 'My details' : patient.status === 'ok' ? `${patient.data.givenName} ${patient.data.familyName}` : 'Patient',
  );
  // A record merged into another one: open the record it now lives in, when this user may.
  const survivor = patient.status === 'error' ? mergedInto(patient.error) : null;
  useEffect(() => {
    if (survivor) navigate(`/patients/${survivor}?from=merged`, { replace: true });
  }, [survivor]);
  if (patient.status === 'loading' || survivor) return <Loading />;
  if (patient.status === 'error') return <ErrorView error={patient.error} what="patient" />;
  return <ProfileView patient={patient.data} own={own} canEdit={user.can.editPatient} />;
}

function ProfileView({ patient, own, canEdit }: { patient: Patient; own: boolean; canEdit: boolean }) {
  const names = useLocationNames();
  const orgZone = useOrgTimeZone();
  const today = todayAt(orgZone);
  const { search } = useUrl();
  const name = `${patient.givenName} ${patient.familyName}`;
  const address = patient.address;
  const contact = patient.emergencyContact;
  const comms = patient.communication;
  return (
    <>
      {!own ? (
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span> <span>{name}</span>
        </nav>
      ) : null}
      <div className="page-head">
        <div>
          <h1>{own ? 'My details' : name}</h1>
          <p className="lead">
            {own ? `${name} · ` : ''}
            Born {formatDate(patient.dateOfBirth)} (age {ageOn(patient.dateOfBirth, today)})
          </p>
        </div>
        <div className="button-row">
          {canEdit ? (
            <Link to={`/patients/${patient.id}/edit`} className="button">
              {own ? 'Change my contact details' : 'Edit details'}
            </Link>
          ) : null}
          <ChartLinks patientId={patient.id} own={own} />
        </div>
      </div>

      {search.get('from') === 'merged' ? (
        <p className="notice" role="status">
          The record you opened was merged into this one. Its visits and charts are here now.
        </p>
      ) : null}
      {search.get('merged') ? (
        <div className="alert alert-success" role="status">
          <p>The duplicate record was merged into this one. Its visits and charts are listed here now.</p>
        </div>
      ) : null}
      {/* A patient's own page leads with what to fill in; staff look at the details first. */}
      {own ? <MeasuresCard patientId={patient.id} /> : null}
      {own ? <MyBalanceCard patientId={patient.id} /> : null}
      <PatientHub patient={patient} own={own} measures={own ? null : <MeasuresCard patientId={patient.id} />} />
      <div className="card-grid">
        <section className="card" aria-labelledby="personal-heading">
          <h2 id="personal-heading">Personal details</h2>
          <dl className="summary-list">
            <Row label="Full name">{name}</Row>
            <Row label="Preferred name">{patient.preferredName}</Row>
            <Row label="Date of birth">
              {formatDate(patient.dateOfBirth)} (age {ageOn(patient.dateOfBirth, today)})
            </Row>
            <Row label="Sex assigned at birth">{SEX_AT_BIRTH[patient.sexAtBirth] ?? patient.sexAtBirth}</Row>
            <Row label="Gender identity">{patient.genderIdentity}</Row>
            <Row label="Pronouns">{patient.pronouns}</Row>
          </dl>
        </section>

        <section className="card" aria-labelledby="contact-heading">
          <h2 id="contact-heading">Contact</h2>
          <dl className="summary-list">
            <Row label="Email">{patient.email}</Row>
            <Row label="Phone">{patient.phone}</Row>
            <Row label="Address">
              {address ? (
                <address>
                  {address.line1}
                  <br />
                  {address.line2 ? (
                    <>
                      {address.line2}
                      <br />
                    </>
                  ) : null}
                  {address.city}, {address.state} {address.postalCode}
                </address>
              ) : null}
            </Row>
          </dl>
        </section>

        <section className="card" aria-labelledby="emergency-heading">
          <h2 id="emergency-heading">Emergency contact</h2>
          {contact ? (
            <dl className="summary-list">
              <Row label="Name">{contact.name}</Row>
              <Row label="Relationship">{contact.relationship}</Row>
              <Row label="Phone">{contact.phone}</Row>
            </dl>
          ) : (
            <p className="muted">No emergency contact given.</p>
          )}
        </section>

        <section className="card" aria-labelledby="prefs-heading">
          <h2 id="prefs-heading">Clinic and communication</h2>
          <dl className="summary-list">
            <Row label="Preferred clinic">
              {patient.preferredLocationId ? (names.get(patient.preferredLocationId) ?? '—') : null}
            </Row>
            <Row label="Email messages">{yesNo(comms.email)}</Row>
            <Row label="Text messages">{yesNo(comms.sms)}</Row>
            <Row label="Phone calls">{yesNo(comms.phone)}</Row>
            <Row label="Appointment reminders">{yesNo(comms.reminders)}</Row>
            <Row label="Language">{comms.language ?? null}</Row>
          </dl>
        </section>
      </div>
      {!own ? <CareTeamCard patientId={patient.id} /> : null}
      {own ? <RecordDownload patientId={patient.id} /> : null}
      <p className="small-print">Last updated {formatDayOf(patient.updatedAt, orgZone)}</p>
    </>
  );
}
