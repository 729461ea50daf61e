import type { ReactNode } from 'react';
import { patientSummary, type PatientSummary, type VisitLine } from '../api/records.ts';
import type { AppointmentStatus } from '../api/scheduling.ts';
import type { Patient } from '../api/types.ts';
import { formatDayOf } from '../format.ts';
import { useResource } from '../hooks.ts';
import { useLocations } from '../sites.ts';
import { Link } from '../router.tsx';
import { therapistName, serviceName, useTherapists, useServices } from './schedule/therapists-and-services.ts';
import { STATUS_BADGE, STATUS_LABEL } from './schedule/status.ts';
import { dateLabel, timeAt, wallClock } from './schedule/time.ts';
import './records.css';
import { useOrgTimeZone } from '../session.tsx';
import { InsuranceCard } from './insurance/InsuranceCard.tsx';
import { BalanceCard } from './money/BalanceCard.tsx';
import { useUser } from '../session.tsx';

const PHASE: Record<string, string> = { acute: 'Acute', chronic: 'Chronic', maintenance: 'Maintenance' };

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
              {dateLabel(wallClock(v.start, zone).date, 'short')} at {timeAt(v.start, zone)}
            </span>
            <span>
              {serviceName(services, v.serviceCode)} with {therapistName(therapists, v.therapistId)}
              {site ? `, ${site.name}` : ''}
            </span>
            <span className={`badge ${STATUS_BADGE[status] ?? 'badge-neutral'}`}>
              {STATUS_LABEL[status] ?? v.status}
            </span>
            {v.noteId ? (
              <Link to={`/patients/${patientId}/chart/sessions/${v.noteId}`}>
                Session note<span className="visually-hidden"> of this visit</span>
              </Link>
            ) : null}
            {v.noteId && can.postCharges ? (
              <Link to={`/billing/visits/${v.noteId}`}>
                Charges and checkout<span className="visually-hidden"> of this visit</span>
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
  const total = plan.totalVisits ?? 0;
  const done = Math.min(plan.visitsDone, total || plan.visitsDone);
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Treatment plan</h2>
      <p>
        {plan.phase ? `${PHASE[plan.phase] ?? plan.phase} plan, ` : ''}
        {plan.status === 'active' ? 'under way' : plan.status === 'draft' ? 'not started yet' : 'completed'}.
      </p>
      {total > 0 ? (
        <>
          <label className="hub-progress-label" htmlFor="plan-progress">
            {done} of {total} visits done
          </label>
          <progress id="plan-progress" className="hub-progress" max={total} value={done}>
            {done} of {total}
          </progress>
        </>
      ) : null}
      <p className="muted">
        {plan.visitsBooked} booked ahead
        {plan.nextReassessmentAt ? ` · next reassessment at visit ${plan.nextReassessmentAt}` : ''}
      </p>
      {clinician ? (
        <p>
          <Link to={`/patients/${patientId}/chart/plan`}>Open the plan</Link>
        </p>
      ) : null}
    </section>
  );
}

function NotesCard({ notes, patientId }: { notes: NonNullable<PatientSummary['notes']>; patientId: string }) {
  const therapists = useTherapists();
  const orgZone = useOrgTimeZone();
  return (
    <section className="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Session notes</h2>
      {notes.length === 0 ? (
        <p className="muted">No session notes yet.</p>
      ) : (
        <ul className="plain-list hub-notes">
          {notes.map((n) => (
            <li key={n.id}>
              <Link to={`/patients/${patientId}/chart/sessions/${n.id}`}>{formatDayOf(n.createdAt, orgZone)}</Link>{' '}
              <span>{therapistName(therapists, n.therapistId)}</span>{' '}
              <span className={`badge ${n.status === 'signed' ? 'badge-success' : 'badge-warning'}`}>
                {n.status === 'signed' ? 'Signed' : 'Draft'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/patients/${patientId}/chart/sessions`}>All session notes</Link>
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
  const [summary] = useResource((signal) => patientSummary(patient.id, signal), [patient.id]);
  if (summary.status !== 'ok')
    return summary.status === 'loading' ? (
      <p className="muted" role="status">
        Loading visits…
      </p>
    ) : null;
  const s = summary.data;
  // The visits card takes the whole row when nothing sits beside it.
  const hubHasSide = Boolean(s.plan || s.notes || s.can.merge || s.can.readCoverage || measures);
  return (
    <div className="card-grid hub">
      <section className={`card hub-visits-card${hubHasSide ? '' : ' hub-wide'}`} aria-labelledby="visits-heading">
        <h2 id="visits-heading">{own ? 'My visits' : 'Visits'}</h2>
        {s.can.book ? (
          <p>
            <Link to={bookHref(patient, own)} className="button">
              Book a visit
            </Link>
          </p>
        ) : null}
        <h3 className="hub-subhead">Coming up</h3>
        <VisitList visits={s.visits.upcoming} label="Visits coming up" patientId={patient.id} empty="Nothing booked." />
        <h3 className="hub-subhead">Past visits</h3>
        <VisitList visits={s.visits.past} label="Past visits" patientId={patient.id} empty="No visits yet." />
      </section>
      {s.plan ? <PlanCard plan={s.plan} patientId={patient.id} clinician={s.can.readNotes} /> : null}
      {s.notes ? <NotesCard notes={s.notes} patientId={patient.id} /> : null}
      {measures}
      {s.can.readCoverage ? <InsuranceCard patientId={patient.id} manage={s.can.manageCoverage} /> : null}
      {own ? null : <BalanceCard patientId={patient.id} />}
      {s.can.merge ? (
        <section className="card" aria-labelledby="merge-heading">
          <h2 id="merge-heading">Duplicate records</h2>
          <p>
            If this person was registered twice, merge the other record into this one: its visits and charts move here.
          </p>
          <p>
            <Link to={`/patients/${patient.id}/merge`} className="button button-secondary">
              Merge a duplicate into this record
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
