import { useState } from 'react';
import { getPatient } from '../api/patients.ts';
import { ApiError } from '../api/http.ts';
import { useCreateIntent } from '../api/intent.ts';
import { duplicatesOf, mergeIntoPatient, REASON_WORDS } from '../api/records.ts';
import type { Patient } from '../api/types.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatDate, formatDayOf } from '../format.ts';
import { useOrgTimeZone } from '../session.tsx';
import { usePageTitle, useResource } from '../hooks.ts';
import { useLocationNames } from '../sites.ts';
import { Link, navigate } from '../router.tsx';
import { PatientPicker, type PickedPatient } from './schedule/PatientPicker.tsx';
import './records.css';

const name = (p: Patient) => `${p.givenName} ${p.familyName}`;

function Comparison({ survivor, duplicate }: { survivor: Patient; duplicate: Patient }) {
  const sites = useLocationNames();
  const orgZone = useOrgTimeZone();
  const rows: [string, (p: Patient) => string][] = [
    ['Name', name],
    ['Date of birth', (p) => formatDate(p.dateOfBirth)],
    ['Email', (p) => p.email ?? '—'],
    ['Phone', (p) => p.phone ?? '—'],
    ['Preferred clinic', (p) => (p.preferredLocationId ? (sites.get(p.preferredLocationId) ?? '—') : '—')],
    ['Registered', (p) => formatDayOf(p.createdAt, orgZone)],
  ];
  return (
    <table className="table merge-table">
      <caption>The two records side by side</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Detail</span>
          </th>
          <th scope="col">Keeps (this record)</th>
          <th scope="col">Merged into it</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value(survivor)}</td>
            <td>{value(duplicate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A manager merges a duplicate into this record: choose it, compare the two, confirm. */
export function PatientMerge({ id }: { id: string }) {
  const [loaded] = useResource(
    async (signal) => ({ survivor: await getPatient(id), found: await duplicatesOf(id, signal) }),
    [id],
  );
  const [picked, setPicked] = useState<PickedPatient | null>(null);
  const [duplicate] = useResource(async () => (picked ? getPatient(picked.id) : null), [picked?.id]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  usePageTitle('Merge a duplicate record');
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} what="patient" />;
  const { survivor, found } = loaded.data;
  const chosen = duplicate.status === 'ok' ? duplicate.data : null;

  const merge = async () => {
    if (!chosen) return;
    setBusy(true);
    setProblem(null);
    try {
      await mergeIntoPatient(survivor.id, chosen.id, intent.keyFor([survivor.id, chosen.id]));
      navigate(`/patients/${survivor.id}?merged=1`);
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/patients/${survivor.id}`}>{name(survivor)}</Link> <span aria-hidden="true">›</span>{' '}
        <span>Merge a duplicate</span>
      </nav>
      <h1>Merge a duplicate into {name(survivor)}</h1>
      <p className="lead records-lead">
        Choose the other record of the same person. Its visits, intake, assessments, plans, notes, measures, files and
        care team move to this record.
      </p>
      {problem ? (
        <div className="alert alert-error" role="alert">
          <h2 className="alert-title">The records were not merged</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      {!picked ? (
        <>
          <section aria-labelledby="matches-heading">
            <h2 id="matches-heading">Possible duplicates</h2>
            {found.matches.length === 0 ? (
              <p className="muted">No other record has the same name and date of birth, email or phone.</p>
            ) : (
              <ul className="plain-list duplicate-list">
                {found.matches.map((m) => (
                  <li key={m.id}>
                    <span className="duplicate-who">
                      <strong>
                        {m.givenName} {m.familyName}
                      </strong>
                      , born {formatDate(m.dateOfBirth)}{' '}
                      <span className="muted">({m.reasons.map((r) => REASON_WORDS[r]).join(', ')})</span>
                    </span>
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => setPicked({ id: m.id, name: `${m.givenName} ${m.familyName}` })}
                    >
                      Choose
                      <span className="visually-hidden">
                        {' '}
                        {m.givenName} {m.familyName}, born {formatDate(m.dateOfBirth)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {found.elsewhere ? (
              <p>A record with these details may also exist at a site you do not manage; its manager can merge it.</p>
            ) : null}
          </section>
          <section aria-labelledby="search-heading">
            <h2 id="search-heading">Or find the record</h2>
            <PatientPicker value={null} onPick={(p) => p && p.id !== survivor.id && setPicked(p)} />
          </section>
        </>
      ) : chosen ? (
        <section aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">Check before merging</h2>
          <Comparison survivor={survivor} duplicate={chosen} />
          <p>
            This record keeps its details. The other record is kept only as a pointer to this one and cannot be opened
            on its own again.
          </p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void merge()}>
              {busy ? 'Merging…' : `Merge ${name(chosen)} into this record`}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setPicked(null)}>
              Choose another record
            </button>
          </div>
        </section>
      ) : duplicate.status === 'error' ? (
        <ErrorView error={duplicate.error} what="patient" />
      ) : (
        <Loading />
      )}
    </div>
  );
}
