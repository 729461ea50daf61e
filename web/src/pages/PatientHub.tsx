import type { ReactNode } from 'react';
import { patientSummary, type PatientSummary, type VisitLine } from '../api/records.ts';
import type { AppointmentStatus } from '../api/scheduling.ts';
import type { Patient } from '../api/types.ts';
import { dayOf } from '../format.ts';
import { useFormat, useT, type MessageId } from '../i18n/t.ts';
import { useResource } from '../hooks.ts';
import { useLocations } from '../sites.ts';
import { Link } from '../router.tsx';
import { therapistName, serviceName, useTherapists, useServices } from './schedule/therapists-and-services.ts';
import { STATUS_BADGE } from './schedule/status.ts';
import { wallClock } from './schedule/time.ts';
import './records.css';
import { useOrgTimeZone } from '../session.tsx';
import { InsuranceCard } from './insurance/InsuranceCard.tsx';
import { BalanceCard } from './money/BalanceCard.tsx';
import { useUser } from '../session.tsx';

const PHASE: Record<string, MessageId> = {
  acute: 'details.plan.acute',
  chronic: 'details.plan.chronic',
  maintenance: 'details.plan.maintenance',
};
const PLAN_STATUS: Record<string, MessageId> = {
  active: 'details.plan.active',
  draft: 'details.plan.draft',
  completed: 'details.plan.completed',
};
const STATUS_WORDS: Record<AppointmentStatus, MessageId> = {
  booked: 'mine.status.booked',
  arrived: 'mine.status.arrived',
  in_session: 'mine.status.in_session',
  completed: 'mine.status.completed',
  cancelled: 'mine.status.cancelled',
  late_cancel: 'mine.status.late_cancel',
  no_show: 'mine.status.no_show',
};

/** Where "Book" goes: the patient's own booking, or the desk's calendar with this patient chosen. */
function bookHref(patient: Patient, own: boolean): string {
  if (own) return '/book';
  const site = patient.preferredLocationId ? `site=${encodeURIComponent(patient.preferredLocationId)}&` : '';
  return `/schedule?${site}patient=${encodeURIComponent(patient.id)}`;
}

function VisitList({
  visits,
  label,
  patientId,
  empty,
}: {
  visits: VisitLine[];
  label: string;
  patientId: string;
  empty: string;
}) {
  const locations = useLocations();
  const therapists = useTherapists();
  const services = useServices();
  const orgZone = useOrgTimeZone();
  const { can } = useUser();
  const t = useT();
  const format = useFormat();
  if (visits.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list hub-visits" aria-label={label}>
      {visits.map((v) => {
        const site = locations.find((l) => l.id === v.locationId);
        const zone = site?.timeZone ?? orgZone;
        const status = v.status as AppointmentStatus;
        return (
          <li key={v.id} className="hub-visit">
            <span className="hub-when">
              {t('details.visitWhen', {
                date: format.date(wallClock(v.start, zone).date, 'short'),
                time: format.time(v.start, zone),
              })}
            </span>
            <span>
              {t('mine.with', {
                service: serviceName(services, v.serviceCode),
                therapist: therapistName(therapists, v.therapistId),
              })}
              {site ? `, ${site.name}` : ''}
            </span>
            <span className={`badge ${STATUS_BADGE[status] ?? 'badge-neutral'}`}>
              {STATUS_WORDS[status] ? t(STATUS_WORDS[status]) : v.status}
            </span>
            {v.noteId ? (
              <Link to={`/patients/${patientId}/chart/sessions/${v.noteId}`}>
                {t('details.sessionNote')}
                <span className="visually-hidden">{t('details.ofThisVisit')}</span>
              </Link>
            ) : null}
            {v.noteId && can.postCharges ? (
              <Link to={`/billing/visits/${v.noteId}`}>
                {t('details.charges')}
                <span className="visually-hidden">{t('details.ofThisVisit')}</span>
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function PlanCard({
  plan,
  patientId,
  clinician,
}: {
  plan: NonNullable<PatientSummary['plan']>;
  patientId: string;
  clinician: boolean;
}) {
  const t = useT();
  const total = plan.totalVisits ?? 0;
  const done = Math.min(plan.visitsDone, total || plan.visitsDone);
  const status = t(PLAN_STATUS[plan.status] ?? 'details.plan.completed');
  const phase = plan.phase ? (PHASE[plan.phase] ? t(PHASE[plan.phase]!) : plan.phase) : null;
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('details.plan.title')}</h2>
      <p>{phase ? t('details.plan.phaseStatus', { phase, status }) : t('details.plan.status', { status })}</p>
      {total > 0 ? (
        <>
          <label className="hub-progress-label" htmlFor="plan-progress">
            {t('details.plan.done', { done, total })}
          </label>
          <progress id="plan-progress" className="hub-progress" max={total} value={done}>
            {t('details.plan.doneShort', { done, total })}
          </progress>
        </>
      ) : null}
      <p className="muted">
        {t('details.plan.booked', { booked: plan.visitsBooked })}
        {plan.nextReassessmentAt ? t('details.plan.reassessment', { visit: plan.nextReassessmentAt }) : ''}
      </p>
      {clinician ? (
        <p>
          <Link to={`/patients/${patientId}/chart/plan`}>{t('details.plan.open')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function NotesCard({ notes, patientId }: { notes: NonNullable<PatientSummary['notes']>; patientId: string }) {
  const therapists = useTherapists();
  const orgZone = useOrgTimeZone();
  const t = useT();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('details.notes')}</h2>
      {notes.length === 0 ? (
        <p className="muted">{t('details.noNotes')}</p>
      ) : (
        <ul className="plain-list hub-notes">
          {notes.map((n) => (
            <li key={n.id}>
              <Link to={`/patients/${patientId}/chart/sessions/${n.id}`}>
                {format.day(dayOf(n.createdAt, orgZone))}
              </Link>{' '}
              <span>{therapistName(therapists, n.therapistId)}</span>{' '}
              <span className={`badge ${n.status === 'signed' ? 'badge-success' : 'badge-warning'}`}>
                {n.status === 'signed' ? t('details.signed') : t('details.draft')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/patients/${patientId}/chart/sessions`}>{t('details.allNotes')}</Link>
      </p>
    </section>
  );
}

/** The top of the patient's page: visits, Book, the plan's progress and notes, as far as the viewer may see. */
export function PatientHub({
  patient,
  own,
  measures = null,
}: {
  patient: Patient;
  own: boolean;
  measures?: ReactNode;
}) {
  const t = useT();
  const [summary] = useResource((signal) => patientSummary(patient.id, signal), [patient.id]);
  if (summary.status !== 'ok')
    return summary.status === 'loading' ? (
      <p className="muted" role="status">
        {t('details.loadingVisits')}
      </p>
    ) : null;
  const s = summary.data;
  // The visits card takes the whole row when nothing sits beside it.
  const hubHasSide = Boolean(s.plan || s.notes || s.can.merge || s.can.readCoverage || measures);
  return (
    <div className="card-grid hub">
      <section className={`card hub-visits-card${hubHasSide ? '' : ' hub-wide'}`} aria-labelledby="visits-heading">
        <h2 id="visits-heading">{own ? t('details.myVisits') : t('details.visits')}</h2>
        {s.can.book ? (
          <p>
            <Link to={bookHref(patient, own)} className="button">
              {t('nav.book')}
            </Link>
          </p>
        ) : null}
        <h3 className="hub-subhead">{t('mine.comingUp')}</h3>
        <VisitList
          visits={s.visits.upcoming}
          label={t('details.upcomingList')}
          patientId={patient.id}
          empty={t('details.nothingBooked')}
        />
        <h3 className="hub-subhead">{t('details.past')}</h3>
        <VisitList
          visits={s.visits.past}
          label={t('details.past')}
          patientId={patient.id}
          empty={t('details.noVisits')}
        />
      </section>
      {s.plan ? <PlanCard plan={s.plan} patientId={patient.id} clinician={s.can.readNotes} /> : null}
      {s.notes ? <NotesCard notes={s.notes} patientId={patient.id} /> : null}
      {measures}
      {s.can.readCoverage ? <InsuranceCard patientId={patient.id} manage={s.can.manageCoverage} /> : null}
      {own ? null : <BalanceCard patientId={patient.id} />}
      {s.can.merge ? (
        <section className="card" aria-labelledby="merge-heading">
          <h2 id="merge-heading">{t('details.merge.title')}</h2>
          <p>{t('details.merge.body')}</p>
          <p>
            <Link to={`/patients/${patient.id}/merge`} className="button button-secondary">
              {t('details.merge.action')}
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
