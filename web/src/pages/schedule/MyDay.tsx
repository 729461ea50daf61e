import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import {
  listAppointments,
  setAppointmentStatus,
  type Appointment,
  type AppointmentStatus,
} from '../../api/scheduling.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { plural } from '../../format.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { Link, useUrl } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { serviceName, usePatientNames, useServices } from './therapists-and-services.ts';
import './affected.css';
import { STATUS_ACTION, STATUS_BADGE, STATUS_LABEL, isInactive, isSecondaryStep, nextSteps } from './status.ts';
import { VisitNote } from './VisitNote.tsx';
import { addDays, dateLabel, timeAt, todayAt } from './time.ts';

const FALLBACK_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A therapist's day: their visits in order, each one click from the chart, with the attendance buttons. */
export function MyDayPage() {
  const user = useUser();
  const locations = useLocations();
  const { search } = useUrl();
  const home = locations.find((l) => user.locationIds.includes(l.id)) ?? locations[0];
  const zone = home?.timeZone ?? FALLBACK_ZONE;
  const today = todayAt(zone);
  const date = /^\d{4}-\d\d-\d\d$/.test(search.get('date') ?? '') ? search.get('date')! : today;
  usePageTitle(date === today ? 'My day' : `My day – ${dateLabel(date, 'short')}`);
  const therapistId = user.therapistId ?? '';
  const [day, setDay] = useResource(
    (signal) => listAppointments({ therapist: therapistId, from: date, to: date }, signal),
    [therapistId, date],
  );
  const services = useServices();
  const list = day.status === 'ok' ? [...day.data].sort((a, b) => a.start.localeCompare(b.start)) : [];
  const names = usePatientNames(list.map((a) => a.patientId));
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const site = (id: string) => locations.find((l) => l.id === id);

  if (!user.therapistId)
    return <ErrorView error={new ApiError(403, 'forbidden', 'Only therapists have a day list.')} />;
  if (day.status === 'error') return <ErrorView error={day.error} missingIsUnavailable="My day" />;

  const change = async (appointment: Appointment, status: AppointmentStatus) => {
    setBusy(appointment.id);
    setError(null);
    try {
      const updated = await setAppointmentStatus(appointment.id, status);
      if (day.status === 'ok') setDay(day.data.map((a) => (a.id === updated.id ? updated : a)));
      setMessage(`${names.get(updated.patientId) ?? 'Patient'}: ${STATUS_LABEL[updated.status].toLowerCase()}.`);
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Something went wrong.');
    } finally {
      setBusy(null);
    }
  };
  const active = list.filter((a) => !isInactive(a.status));

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{date === today ? 'My day' : dateLabel(date)}</h1>
          <p className="lead">
            {date === today ? `${dateLabel(date)} · ` : ''}
            {plural(active.length, 'visit')}
          </p>
        </div>
        <nav className="button-row" aria-label="Other days">
          <Link className="button button-secondary" to={`/schedule/my-day?date=${addDays(date, -1)}`}>
            ← Previous day
          </Link>
          {date !== today ? (
            <Link className="button button-secondary" to="/schedule/my-day">
              Today
            </Link>
          ) : null}
          <Link className="button button-secondary" to={`/schedule/my-day?date=${addDays(date, 1)}`}>
            Next day →
          </Link>
        </nav>
      </div>
      <p className="sch-message" role="status" aria-live="polite">
        {message}
      </p>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {day.status === 'loading' ? <Loading label="Loading your visits…" /> : null}
      {day.status === 'ok' && list.length === 0 ? <p>No visits booked for you on this day.</p> : null}
      <ol className="plain-list sch-myday">
        {list.map((a) => {
          const location = site(a.locationId);
          const tz = location?.timeZone ?? zone;
          const room = location?.rooms.find((r) => r.id === a.roomId)?.name;
          const name = names.get(a.patientId);
          return (
            <li key={a.id} className={`sch-visit${isInactive(a.status) ? ' is-inactive' : ''}`}>
              <p className="sch-visit-time">
                <strong>{timeAt(a.start, tz)}</strong> <span className="muted">to {timeAt(a.end, tz)}</span>
              </p>
              <div className="sch-visit-body">
                <h2 className="sch-visit-name">
                  {/* The visit opens the visit screen (screening gate, body chart, sessions), not the patient's
                      details. */}
                  <Link to={`/patients/${a.patientId}/chart`}>
                    {name ?? (names.has(a.patientId) ? 'Patient' : '…')}
                  </Link>
                </h2>
                <p className="sch-visit-meta">
                  {serviceName(services, a.serviceCode)} · {location?.name ?? 'Site'}
                  {room ? ` · ${room}` : ''}{' '}
                  <span className={`badge ${STATUS_BADGE[a.status]}`}>{STATUS_LABEL[a.status]}</span>
                </p>
                {/* The schedule changed under this visit: the desk is finding it a new time. */}
                {a.status === 'booked' && a.conflict ? (
                  <p className="sch-visit-conflict">
                    <span aria-hidden="true">⚠ </span>Needs a new time: {a.conflict.message}
                  </p>
                ) : null}
                <p className="sch-visit-links">
                  <Link to={`/patients/${a.patientId}`}>
                    Contact details<span className="visually-hidden">: {name ?? 'patient'}</span>
                  </Link>
                </p>
              </div>
              <div className="sch-visit-actions">
                <VisitNote appointment={a} patientName={name ?? 'patient'} />
                {/* Opening the note starts the session; the rest of the visit's steps stay at hand. */}
                {nextSteps(a.can)
                  .filter((status) => status !== 'in_session')
                  .map((status) => (
                    <button
                      key={status}
                      type="button"
                      className={isSecondaryStep(status) ? 'button button-secondary' : 'button'}
                      disabled={busy === a.id}
                      onClick={() => void change(a, status)}
                      aria-label={`${STATUS_ACTION[status]}: ${name ?? 'patient'} at ${timeAt(a.start, tz)}`}
                    >
                      {STATUS_ACTION[status]}
                    </button>
                  ))}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
