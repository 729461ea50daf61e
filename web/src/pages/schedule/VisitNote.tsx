import { useState } from 'react';
import * as charting from '../../api/charting.ts';
import { ApiError } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import type { Appointment } from '../../api/scheduling.ts';
import { Link, navigate } from '../../router.tsx';

/**
 * The session note of a visit, one tap from the day list or the calendar: "Open the session note"
 * once there is one; for the visit's own therapist, "Start the session note" opens it for this visit
 * (which puts the visit in session; signing the note completes it).
 */
export function VisitNote({ appointment, patientName }: { appointment: Appointment; patientName: string }) {
  const intent = useCreateIntent();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const notes = `/patients/${appointment.patientId}/chart/sessions`;
  if (appointment.sessionNoteId) {
    return appointment.can.openNote ? (
      <Link
        className="button button-secondary"
        to={`${notes}/${appointment.sessionNoteId}`}
        aria-label={`Open the session note: ${patientName}`}
      >
        Open the session note
      </Link>
    ) : (
      <span className="badge badge-neutral">Session note started</span>
    );
  }
  if (!appointment.can.startNote) return null;
  const start = async () => {
    const input = { appointmentId: appointment.id, subjective: {}, objective: {}, cptMinutes: [] };
    setBusy(true);
    setError('');
    try {
      const note = await charting.createSession(appointment.patientId, input, intent.keyFor(input));
      navigate(`${notes}/${note.id}`);
    } catch (err) {
      setBusy(false);
      setError(
        err instanceof ApiError
          ? (Object.values(err.fields)[0] ?? err.message)
          : 'The note could not be started. Try again.',
      );
    }
  };
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void start()}
        aria-label={`${busy ? 'Starting the note' : 'Start the session note'}: ${patientName}`}
      >
        {busy ? 'Starting the note…' : 'Start the session note'}
      </button>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
