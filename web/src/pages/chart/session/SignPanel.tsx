import { useState } from 'react';
import * as charting from '../../../api/charting.ts';
import type { NoteHistory, SessionNote } from '../../../api/charting.ts';
import { formatDateTime } from '../../../format.ts';
import { useCreateIntent } from '../../../api/intent.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../../src/words/limits.ts';

/** Sign (then the note is locked); after that, corrections are amendments with a reason, kept in the history. */
export function SignPanel({
  note,
  history,
  onSigned,
  onAmended,
}: {
  note: SessionNote;
  history: NoteHistory | null;
  onSigned: (note: SessionNote) => void;
  onAmended: () => void;
}) {
  const [reason, setReason] = useState('');
  const [addendum, setAddendum] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const sign = async () => {
    setBusy(true);
    try {
      onSigned(await charting.signSession(note.id));
      setError('');
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not sign.');
    } finally {
      setBusy(false);
    }
  };
  const amend = async () => {
    if (reason.trim().length < 3 || !addendum.trim()) {
      setError('Give a reason (at least 3 characters) and the correction.');
      return;
    }
    const amendment = { reason: reason.trim(), changes: { addendum: addendum.trim() } };
    setBusy(true);
    try {
      await charting.amendSession(note.id, amendment, intent.keyFor(amendment));
      intent.done();
      setReason('');
      setAddendum('');
      setError('');
      onAmended();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save the amendment.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card ch-sign" aria-labelledby="sign-title">
      <h2 id="sign-title">{note.status === 'signed' ? 'Signed and locked' : 'Sign the note'}</h2>
      {note.status === 'draft' ? (
        note.can.sign ? (
          <>
            <p>Signing locks the note. Later corrections are amendments that keep the original.</p>
            <button type="button" className="button button-large" disabled={busy} onClick={() => void sign()}>
              Sign and lock
            </button>
          </>
        ) : (
          <p>Only the treating therapist signs this note.</p>
        )
      ) : (
        <p>
          <span className="badge badge-success">Signed</span> {note.signedAt ? formatDateTime(note.signedAt) : ''}
        </p>
      )}
      {note.can.amend ? (
        <>
          <h3>Add an amendment</h3>
          <div className="field">
            <label className="label" htmlFor="amend-reason">
              Reason
            </label>
            <input
              id="amend-reason"
              maxLength={LIMIT.longReason}
              className="input"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="label" htmlFor="amend-text">
              Correction
            </label>
            <textarea
              id="amend-text"
              maxLength={LIMIT.note}
              className="input ch-textarea"
              rows={3}
              value={addendum}
              onChange={(e) => setAddendum(e.target.value)}
            />
          </div>
          <button type="button" className="button" disabled={busy} onClick={() => void amend()}>
            Save amendment
          </button>
        </>
      ) : null}
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {history && history.events.length > 0 ? (
        <>
          <h3>History</h3>
          <ol className="ch-history">
            {history.events.map((e, i) => (
              <li key={i}>
                <strong>{e.what}</strong> {formatDateTime(e.at)}
                {e.by ? ` by ${e.by}` : ''}
                {e.reason ? `: ${e.reason}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
