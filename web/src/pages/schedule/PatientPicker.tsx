import { useState } from 'react';
import { searchPatients } from '../../api/patients.ts';
import type { Patient } from '../../api/types.ts';
import { fieldId } from '../../components/Form.tsx';
import { formatDate } from '../../format.ts';
import { useDebounced, useResource } from '../../hooks.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

export interface PickedPatient {
  id: string;
  name: string;
}

/** Find a patient by name, phone or date of birth, then pick one; the pick can be changed. */
export function PatientPicker({
  value,
  onPick,
  error,
}: {
  value: PickedPatient | null;
  onPick: (p: PickedPatient | null) => void;
  error?: string;
}) {
  const [typed, setTyped] = useState('');
  const query = useDebounced(typed.trim(), 250);
  const [result] = useResource(
    (signal) => (query.length >= 2 ? searchPatients({ q: query, pageSize: 6 }, signal) : Promise.resolve(null)),
    [query],
  );
  const id = fieldId('patientId');
  if (value) {
    return (
      <div className="field">
        <p className="label" id={`${id}-label`}>
          Patient
        </p>
        <p className="sch-picked">
          <strong>{value.name}</strong>{' '}
          <button
            type="button"
            id={id}
            className="button button-secondary sch-small-button"
            onClick={() => onPick(null)}
            aria-describedby={`${id}-label`}
          >
            Change patient
          </button>
        </p>
      </div>
    );
  }
  const patients: Patient[] = result.status === 'ok' && result.data ? result.data.patients : [];
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id} className="label">
        Patient
      </label>
      <p id={`${id}-hint`} className="hint">
        Type part of a name, a phone number or a date of birth.
      </p>
      {error ? (
        <p id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="search"
        className="input"
        maxLength={LIMIT.search}
        value={typed}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setTyped(event.target.value)}
      />
      <p className="visually-hidden" aria-live="polite">
        {query.length >= 2 && result.status === 'ok' ? `${patients.length} patients found` : ''}
      </p>
      {patients.length > 0 ? (
        <ul className="plain-list sch-patient-results">
          {patients.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="sch-patient-choice"
                onClick={() => onPick({ id: p.id, name: `${p.givenName} ${p.familyName}` })}
              >
                <strong>
                  {p.familyName}, {p.givenName}
                </strong>{' '}
                <span className="muted">born {formatDate(p.dateOfBirth)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : query.length >= 2 && result.status === 'ok' ? (
        <p className="muted">No patients match “{query}”.</p>
      ) : null}
    </div>
  );
}
