import { useEffect, useState, type FormEvent } from 'react';
import { listAuditEvents } from '../api/audit.ts';
import type { AuditEvent, AuditQuery } from '../api/types.ts';
import { ApiError } from '../api/http.ts';
import { ErrorView, Forbidden, Loading } from '../components/StatusViews.tsx';
import { ErrorSummary, SelectField, TextField } from '../components/Form.tsx';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../hooks.ts';
import { Link } from '../router.tsx';
import { useUser } from '../session.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../src/words/limits.ts';

const PAGE = 50;
type Filters = Required<Pick<AuditQuery, 'actor' | 'patient' | 'action' | 'outcome' | 'from' | 'to'>>;
const NO_FILTERS: Filters = { actor: '', patient: '', action: '', outcome: '', from: '', to: '' };
const FILTER_LABELS: Record<string, string> = { actor: 'Who', patient: 'Patient' };

/** The patient an event is about, or for a search how many patients it listed. */
function PatientCell({ event }: { event: AuditEvent }) {
  if (event.patientId)
    return <Link to={`/patients/${event.patientId}`}>{event.patientName ?? event.patientId.slice(0, 8)}</Link>;
  const listed = event.detail?.resultCount;
  if (event.action === 'patient.search' && typeof listed === 'number')
    return <span>{listed === 1 ? '1 patient found' : `${listed} patients found`}</span>;
  return <>—</>;
}

export function AuditLog() {
  usePageTitle('Audit log');
  const user = useUser();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ok' | 'more'>('loading');
  const [error, setError] = useState<unknown>(null);
  const allowed = user.can.viewAudit;
  // A filter the server cannot use (a name that matches too many people) is shown at its field.
  const fieldErrors = error instanceof ApiError && error.status === 422 ? error.fields : {};
  const filterError = Object.keys(fieldErrors).length > 0;

  const load = async (filters: Filters, before: string | null) => {
    setState(before ? 'more' : 'loading');
    setError(null);
    try {
      const page = await listAuditEvents({ ...filters, before: before ?? undefined, limit: PAGE });
      setEvents((previous) => (before ? [...previous, ...page.events] : page.events));
      setNextBefore(page.nextBefore);
    } catch (err) {
      setError(err);
    } finally {
      setState('ok');
    }
  };

  useEffect(() => {
    if (allowed) void load(applied, null);
  }, [applied, allowed]);

  if (!allowed) return <Forbidden />;
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...draft });
  };

  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
        <p className="lead">Every read and change of patient data, newest first.</p>
      </div>
      <ErrorSummary
        items={Object.entries(fieldErrors).map(([field, message]) => ({ field, message }))}
        labels={FILTER_LABELS}
      />
      <form className="filters" onSubmit={apply} aria-label="Filter the audit log">
        <TextField
          name="actor"
          label="Who"
          hint="Name, email or user id"
          value={draft.actor}
          onValue={set('actor')}
          width="medium"
          error={fieldErrors.actor}
          maxLength={LIMIT.auditFilter}
          spellCheck={false}
        />
        <TextField
          name="patient"
          label="Patient"
          hint="Name, date of birth, phone or patient id"
          value={draft.patient}
          onValue={set('patient')}
          width="medium"
          error={fieldErrors.patient}
          maxLength={LIMIT.auditFilter}
          spellCheck={false}
        />
        <TextField
          name="action"
          label="Action"
          hint="Starts with, e.g. patient."
          value={draft.action}
          onValue={set('action')}
          width="short"
          maxLength={LIMIT.auditAction}
        />
        <SelectField
          name="outcome"
          label="Outcome"
          value={draft.outcome}
          onValue={set('outcome')}
          options={[
            { value: '', label: 'Any' },
            { value: 'allowed', label: 'Allowed' },
            { value: 'denied', label: 'Denied' },
          ]}
        />
        <TextField name="from" label="From" type="date" value={draft.from} onValue={set('from')} width="short" />
        <TextField name="to" label="To" type="date" value={draft.to} onValue={set('to')} width="short" />
        <div className="filter-actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setApplied(NO_FILTERS);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <p className="result-count" aria-live="polite">
        {state === 'ok' && !error ? `${events.length} events shown${nextBefore ? ' (more are older)' : ''}` : ''}
      </p>
      {error && !filterError ? <ErrorView error={error} missingIsUnavailable="Audit log" /> : null}
      {state === 'loading' ? <Loading /> : null}
      {state !== 'loading' && events.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">Audit events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Outcome</th>
                <th scope="col">Patient</th>
                <th scope="col">Record</th>
                <th scope="col">IP</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>
                    {e.actorName ?? e.actorEmail ?? '—'}
                    {e.actorRole ? <span className="muted"> · {e.actorRole.replace('_', ' ')}</span> : null}
                    {e.actorName && e.actorEmail ? <div className="muted">{e.actorEmail}</div> : null}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.outcome === 'denied' ? (
                      <span className="badge badge-danger">Denied</span>
                    ) : (
                      <span className="badge badge-success">Allowed</span>
                    )}
                  </td>
                  <td>
                    <PatientCell event={e} />
                  </td>
                  <td>{e.recordType ? `${e.recordType}` : '—'}</td>
                  <td className="nowrap">{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {state === 'ok' && !error && events.length === 0 ? <p>No events match these filters.</p> : null}
      {nextBefore ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            disabled={state === 'more'}
            onClick={() => void load(applied, nextBefore)}
          >
            {state === 'more' ? 'Loading…' : 'Load older'}
          </button>
        </p>
      ) : null}
    </>
  );
}
