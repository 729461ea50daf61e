import { useEffect, useRef, useState } from 'react';
import { searchPatients } from '../api/patients.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { fieldId } from '../components/Form.tsx';
import { formatDate } from '../format.ts';
import { useDebounced, usePageTitle, useResource } from '../hooks.ts';
import { useLocationNames } from '../sites.ts';
import { Link, navigate, useUrl } from '../router.tsx';
import { useUser } from '../session.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../src/words/limits.ts';

export const PAGE_SIZE = 25;

/** The search and page live in the URL, so back, reload and shared links land on the same list. */
export function PatientList() {
  usePageTitle('Patients');
  const user = useUser();
  const { search } = useUrl();
  const urlQuery = search.get('q') ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [typed, setTyped] = useState(urlQuery);
  const settled = useDebounced(typed.trim(), 300);
  const names = useLocationNames();

  // `shown` is the query the URL was last set to from here; a different one came from back/forward.
  const shown = useRef(urlQuery);
  useEffect(() => {
    if (urlQuery !== shown.current) {
      shown.current = urlQuery;
      setTyped(urlQuery);
    }
  }, [urlQuery]);
  useEffect(() => {
    if (settled === shown.current) return;
    shown.current = settled;
    navigate(listUrl(settled, 1), { replace: true });
  }, [settled]);

  const [result] = useResource(
    (signal) => searchPatients({ q: urlQuery || undefined, page, pageSize: PAGE_SIZE }, signal),
    [urlQuery, page],
  );

  const id = fieldId('patient-search');
  let countText = '';
  if (result.status === 'ok') {
    const { total, patients } = result.data;
    const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
    const last = (page - 1) * PAGE_SIZE + patients.length;
    countText =
      total === 0
        ? urlQuery
          ? `No patients match “${urlQuery}”`
          : 'No patients yet'
        : `Showing ${first}–${last} of ${total.toLocaleString('en-US')} patients`;
  }

  return (
    <>
      <div className="page-head">
        <h1>Patients</h1>
        {user.can.registerPatient ? (
          <div className="button-row">
            <Link to="/patients/new" className="button">
              Register a patient
            </Link>
            <Link to="/patients/find" className="button button-secondary">
              Find at another site
            </Link>
          </div>
        ) : null}
      </div>
      <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={id} className="label">
          Find a patient
        </label>
        <p id={`${id}-hint`} className="hint">
          Type a name (family name first, or both names), phone digits, or date of birth as YYYY-MM-DD or MM/DD/YYYY.
        </p>
        <input
          id={id}
          type="search"
          className="input input-search"
          maxLength={LIMIT.search}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setTyped(event.target.value)}
        />
      </form>
      <p className="result-count" aria-live="polite" aria-atomic="true">
        {countText}
      </p>
      {result.status === 'loading' ? <Loading label="Searching…" /> : null}
      {result.status === 'error' ? <ErrorView error={result.error} /> : null}
      {result.status === 'ok' && result.data.patients.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="visually-hidden">Patients, {countText}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Date of birth</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Preferred site</th>
                </tr>
              </thead>
              <tbody>
                {result.data.patients.map((patient) => (
                  <tr key={patient.id}>
                    <th scope="row">
                      <Link to={`/patients/${patient.id}`}>
                        {patient.familyName}, {patient.givenName}
                      </Link>
                      {patient.preferredName ? <span className="muted"> (“{patient.preferredName}”)</span> : null}
                    </th>
                    <td>{formatDate(patient.dateOfBirth)}</td>
                    <td>{patient.phone ?? '—'}</td>
                    <td>{patient.preferredLocationId ? (names.get(patient.preferredLocationId) ?? '—') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} total={result.data.total} query={urlQuery} />
        </>
      ) : null}
      {result.status === 'ok' && result.data.patients.length === 0 && urlQuery ? (
        <p>Check the spelling, try fewer letters of the name, or search by phone number instead.</p>
      ) : null}
    </>
  );
}

function listUrl(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/patients?${text}` : '/patients';
}

function Pager({ page, total, query }: { page: number; total: number; query: string }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages of patients">
      {page > 1 ? (
        <Link to={listUrl(query, page - 1)} className="button button-secondary" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="pager-status">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link to={listUrl(query, page + 1)} className="button button-secondary" rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
