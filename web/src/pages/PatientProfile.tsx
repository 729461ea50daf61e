import { useEffect, type ReactNode } from 'react';
import { getPatient } from '../api/patients.ts';
import { mergedInto } from '../api/records.ts';
import type { Patient } from '../api/types.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { ageOn, dayOf } from '../format.ts';
import { useFormat, useT, type MessageId } from '../i18n/t.ts';
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
  const t = useT();
  return (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">{t('details.notGiven')}</span>}</dd>
    </div>
  );
}

/** The record's sex at birth in the page's language; a value this page does not know is shown as stored. */
const SEX_AT_BIRTH: Record<string, MessageId> = {
  female: 'details.sex.female',
  male: 'details.sex.male',
  intersex: 'details.sex.intersex',
  unknown: 'details.sex.unknown',
};

/** Into the charting screens: the chart for clinicians, the health questionnaire for everyone who may fill it. */
function ChartLinks({ patientId, own }: { patientId: string; own: boolean }) {
  const { can } = useUser();
  const t = useT();
  return (
    <>
      {can.chart ? (
        <Link to={`/patients/${patientId}/chart`} className="button">
          {t('details.chart')}
        </Link>
      ) : null}
      {can.fillIntake ? (
        <Link to={`/patients/${patientId}/intake`} className="button button-secondary">
          {own ? t('details.myQuestionnaire') : t('details.intakeQuestionnaire')}
        </Link>
      ) : null}
    </>
  );
}

export function PatientProfile({ id }: { id: string }) {
  const user = useUser();
  const t = useT();
  const own = user.patientId === id;
  const [patient] = useResource(() => getPatient(id), [id]);
  usePageTitle(
    own
      ? t('nav.myDetails')
      : patient.status === 'ok'
        ? `${patient.data.givenName} ${patient.data.familyName}`
        : t('details.patient'),
  );
  // A record merged into another one: open the record it now lives in, when this user may.
  const survivor = patient.status === 'error' ? mergedInto(patient.error) : null;
  useEffect(() => {
    if (survivor) navigate(`/patients/${survivor}?from=merged`, { replace: true });
  }, [survivor]);
  if (patient.status === 'loading' || survivor) return <Loading />;
  if (patient.status === 'error') return <ErrorView error={patient.error} what={t('details.record')} />;
  return <ProfileView patient={patient.data} own={own} canEdit={user.can.editPatient} />;
}

function ProfileView({ patient, own, canEdit }: { patient: Patient; own: boolean; canEdit: boolean }) {
  const t = useT();
  const format = useFormat();
  const names = useLocationNames();
  const orgZone = useOrgTimeZone();
  const today = todayAt(orgZone);
  const { search } = useUrl();
  const name = `${patient.givenName} ${patient.familyName}`;
  const address = patient.address;
  const contact = patient.emergencyContact;
  const comms = patient.communication;
  const born = format.day(patient.dateOfBirth);
  const age = ageOn(patient.dateOfBirth, today);
  const yesNo = (value: boolean) => (value ? t('details.yes') : t('details.no'));
  return (
    <>
      {!own ? (
        <nav aria-label={t('details.breadcrumb')} className="breadcrumb">
          <Link to="/patients">{t('details.patients')}</Link> <span aria-hidden="true">›</span> <span>{name}</span>
        </nav>
      ) : null}
      <div className="page-head">
        <div>
          <h1>{own ? t('nav.myDetails') : name}</h1>
          <p className="lead">
            {own ? `${name} · ` : ''}
            {t('details.born', { date: born, age })}
          </p>
        </div>
        <div className="button-row">
          {canEdit ? (
            <Link to={`/patients/${patient.id}/edit`} className="button">
              {own ? t('details.changeMine') : t('details.edit')}
            </Link>
          ) : null}
          <ChartLinks patientId={patient.id} own={own} />
        </div>
      </div>

      {search.get('from') === 'merged' ? (
        <p className="notice" role="status">
          {t('details.mergedFrom')}
        </p>
      ) : null}
      {search.get('merged') ? (
        <div className="alert alert-success" role="status">
          <p>{t('details.mergedHere')}</p>
        </div>
      ) : null}
      {/* A patient's own page leads with what to fill in; staff look at the details first. */}
      {own ? <MeasuresCard patientId={patient.id} /> : null}
      {own ? <MyBalanceCard patientId={patient.id} /> : null}
      <PatientHub patient={patient} own={own} measures={own ? null : <MeasuresCard patientId={patient.id} />} />
      <div className="card-grid">
        <section className="card" aria-labelledby="personal-heading">
          <h2 id="personal-heading">{t('details.personal')}</h2>
          <dl className="summary-list">
            <Row label={t('details.fullName')}>{name}</Row>
            <Row label={t('details.preferredName')}>{patient.preferredName}</Row>
            <Row label={t('details.dateOfBirth')}>{t('details.dateAndAge', { date: born, age })}</Row>
            <Row label={t('details.sexAtBirth')}>
              {SEX_AT_BIRTH[patient.sexAtBirth] ? t(SEX_AT_BIRTH[patient.sexAtBirth]!) : patient.sexAtBirth}
            </Row>
            <Row label={t('details.genderIdentity')}>{patient.genderIdentity}</Row>
            <Row label={t('details.pronouns')}>{patient.pronouns}</Row>
          </dl>
        </section>

        <section className="card" aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t('details.contact')}</h2>
          <dl className="summary-list">
            <Row label={t('details.email')}>{patient.email}</Row>
            <Row label={t('details.phone')}>{patient.phone}</Row>
            <Row label={t('details.address')}>
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
          <h2 id="emergency-heading">{t('details.emergency')}</h2>
          {contact ? (
            <dl className="summary-list">
              <Row label={t('details.name')}>{contact.name}</Row>
              <Row label={t('details.relationship')}>{contact.relationship}</Row>
              <Row label={t('details.phone')}>{contact.phone}</Row>
            </dl>
          ) : (
            <p className="muted">{t('details.noEmergency')}</p>
          )}
        </section>

        <section className="card" aria-labelledby="prefs-heading">
          <h2 id="prefs-heading">{t('details.clinicAndMessages')}</h2>
          <dl className="summary-list">
            <Row label={t('details.preferredClinic')}>
              {patient.preferredLocationId ? (names.get(patient.preferredLocationId) ?? '—') : null}
            </Row>
            <Row label={t('details.emailMessages')}>{yesNo(comms.email)}</Row>
            <Row label={t('details.textMessages')}>{yesNo(comms.sms)}</Row>
            <Row label={t('details.phoneCalls')}>{yesNo(comms.phone)}</Row>
            <Row label={t('details.reminders')}>{yesNo(comms.reminders)}</Row>
            <Row label={t('details.language')}>{comms.language ? format.language(comms.language) : null}</Row>
          </dl>
        </section>
      </div>
      {!own ? <CareTeamCard patientId={patient.id} /> : null}
      {own ? <RecordDownload patientId={patient.id} /> : null}
      <p className="small-print">{t('details.updated', { date: format.day(dayOf(patient.updatedAt, orgZone)) })}</p>
    </>
  );
}
