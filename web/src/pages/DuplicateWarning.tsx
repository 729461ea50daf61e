import { useEffect, useRef } from 'react';
import { REASON_WORDS, type PossibleDuplicates } from '../api/records.ts';
import { formatDate } from '../format.ts';
import { useLocationNames } from '../sites.ts';
import { Link } from '../router.tsx';
import './records.css';

/**
 * Registering someone who may already have a record: the records the desk may open, each with a
 * way into it, and (without naming anyone) whether one may exist at another site; then the choice.
 */
export function DuplicateWarning({
  found,
  busy,
  onRegisterAnyway,
}: {
  found: PossibleDuplicates;
  busy: boolean;
  onRegisterAnyway: () => void;
}) {
  const names = useLocationNames();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [found]);
  return (
    <section className="alert alert-warning duplicate-warning" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading" className="alert-title" tabIndex={-1} ref={heading}>
        This patient may already be registered
      </h2>
      {found.matches.length > 0 ? (
        <>
          <p>Check these records before registering. Nothing has been saved yet.</p>
          <ul className="plain-list duplicate-list">
            {found.matches.map((m) => (
              <li key={m.id}>
                <span className="duplicate-who">
                  <strong>
                    {m.givenName} {m.familyName}
                  </strong>
                  , born {formatDate(m.dateOfBirth)}
                  {m.preferredLocationId ? `, ${names.get(m.preferredLocationId) ?? 'another clinic'}` : ''}
                  <span className="muted"> ({m.reasons.map((r) => REASON_WORDS[r]).join(', ')})</span>
                </span>
                <Link to={`/patients/${m.id}`} className="button button-secondary">
                  Open this patient
                  <span className="visually-hidden">
                    : {m.givenName} {m.familyName}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {found.elsewhere ? (
        <p>
          A patient with these details may already be registered at another site. Check with that site before
          registering a new record.
        </p>
      ) : null}
      <button type="button" className="button" disabled={busy} onClick={onRegisterAnyway}>
        {busy ? 'Registering…' : 'This is a different person — register'}
      </button>
    </section>
  );
}
