import { useEffect, useId, useState } from 'react';
import * as charting from '../../../api/charting.ts';
import type { Diagnosis } from '../../../api/charting.ts';
import { fieldId } from '../../../components/Form.tsx';
import { TEXT_LIMITS } from '../../../../../src/words/limits.ts';

/**
 * The assessment's diagnoses: search the clinic's list by code or words, add a result, remove a
 * chosen one. Each shows its plain name with the code; the first is the primary diagnosis (the
 * condition outcomes are reported under).
 */
export function DiagnosisPicker({
  chosen,
  onChange,
  errors,
}: {
  chosen: Diagnosis[];
  onChange: (next: Diagnosis[]) => void;
  errors: Record<string, string>;
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Diagnosis[]>([]);
  const [searching, setSearching] = useState(false);
  const inputId = fieldId('diagnoses');
  const resultsId = useId();

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults([]);
      return;
    }
    const abort = new AbortController();
    setSearching(true);
    // A short pause so each keystroke does not ask the server.
    const timer = setTimeout(() => {
      charting
        .searchDiagnoses(q, abort.signal)
        .then((found) => setResults(found))
        .catch(() => undefined)
        .finally(() => setSearching(false));
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  const add = (d: Diagnosis) => {
    if (!chosen.some((c) => c.code === d.code)) onChange([...chosen, d]);
    setQuery('');
    setResults([]);
  };
  const listErrors = Object.entries(errors).filter(
    ([field]) => field === 'diagnoses' || field.startsWith('diagnoses.'),
  );
  const offered = results.filter((r) => !chosen.some((c) => c.code === r.code));

  return (
    <section className="card ch-diagnoses" aria-labelledby="diagnoses-title">
      <h2 id="diagnoses-title">Diagnoses</h2>
      {listErrors.map(([field, message]) => (
        <p key={field} id={fieldId(field)} className="error-message" tabIndex={-1}>
          <span className="visually-hidden">Error: </span>
          {message}
        </p>
      ))}
      {chosen.length === 0 ? (
        <p className="muted">No diagnosis chosen yet.</p>
      ) : (
        <ul className="ch-chips" aria-label="Chosen diagnoses">
          {chosen.map((d, i) => (
            <li key={d.code} className="ch-chip">
              <span>
                {d.plainName} <span className="ch-chip-code">{d.code}</span>
                {i === 0 ? <span className="badge badge-neutral">primary</span> : null}
              </span>
              <button
                type="button"
                className="button button-secondary ch-small-button"
                onClick={() => onChange(chosen.filter((c) => c.code !== d.code))}
              >
                Remove
                <span className="visually-hidden">
                  {' '}
                  {d.plainName} ({d.code})
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId} className="label">
        Find a diagnosis
      </label>
      <p className="hint" id={`${inputId}-hint`}>
        A code such as M54.2, or words such as neck pain or whiplash.
      </p>
      <input
        id={inputId}
        type="search"
        className="input"
        value={query}
        autoComplete="off"
        maxLength={TEXT_LIMITS.diagnosisSearch}
        aria-describedby={`${inputId}-hint`}
        aria-controls={resultsId}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div id={resultsId} aria-live="polite">
        {query.trim().length >= 2 && !searching && offered.length === 0 ? (
          <p className="muted">No code on the clinic's list matches “{query.trim()}”.</p>
        ) : null}
        {offered.length > 0 ? (
          <ul className="ch-diagnosis-results" aria-label="Matching diagnoses">
            {offered.map((d) => (
              <li key={d.code}>
                <button type="button" className="button button-secondary ch-small-button" onClick={() => add(d)}>
                  Add
                  <span className="visually-hidden">
                    {' '}
                    {d.plainName} ({d.code})
                  </span>
                </button>
                <span>
                  {d.plainName} <span className="ch-chip-code">{d.code}</span>{' '}
                  <span className="muted">· {d.groupLabel}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
