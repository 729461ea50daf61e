import { useState } from 'react';
import { addClosure, removeClosure, type Closure } from '../../api/admin-scheduling.ts';
import { previewClosure } from '../../api/schedule-changes.ts';
import { TextField } from '../../components/Form.tsx';
import { formatDate } from '../../format.ts';
import { useBookingCheck } from './BookingCheck.tsx';
import { Outcome, useSubmit } from './useSubmit.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

const span = (c: Closure) =>
  c.startsOn === c.endsOn ? formatDate(c.startsOn) : `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`;
const byStart = (list: Closure[]) => [...list].sort((a, b) => a.startsOn.localeCompare(b.startsOn));

export function ClosuresEditor({
  locationId,
  siteName,
  initial,
}: {
  locationId: string;
  siteName: string;
  initial: Closure[];
}) {
  const [closures, setClosures] = useState(() => byStart(initial));
  const [draft, setDraft] = useState({ startsOn: '', endsOn: '', reason: '' });
  const { errors, outcome, busy, run, create } = useSubmit();
  const check = useBookingCheck();

  const save = async (closure: Omit<Closure, 'id'>): Promise<boolean> => {
    const created = await create(
      closure,
      (body, key) => addClosure(locationId, body, key),
      `Closure added: ${closure.reason || 'closed'}.`,
    );
    if (!created) return false;
    setClosures((list) => byStart([...list, created]));
    setDraft({ startsOn: '', endsOn: '', reason: '' });
    return true;
  };
  const add = async () => {
    // A one-day closure needs only its first day.
    const closure = { ...draft, endsOn: draft.endsOn || draft.startsOn };
    // Booked visits on those days are listed first; saving over them is a choice, never silent.
    const found = await run(() => previewClosure(locationId, closure), 'Checked the bookings on those days.');
    await check.gate(found, () => save(closure), {
      what: `fall on ${span({ ...closure, id: '' })}`,
      confirmLabel: 'Close the clinic anyway',
    });
  };
  const remove = async (closure: Closure) => {
    const done = await run(
      () => removeClosure(locationId, closure.id).then(() => true),
      `Closure of ${span(closure)} removed.`,
    );
    if (done) setClosures((list) => list.filter((c) => c.id !== closure.id));
  };

  return (
    <>
      {closures.length === 0 ? (
        <p className="muted">No closures planned.</p>
      ) : (
        <table className="table table-compact">
          <caption className="visually-hidden">Days {siteName} is closed</caption>
          <thead>
            <tr>
              <th scope="col">Dates</th>
              <th scope="col">Reason</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {closures.map((c) => (
              <tr key={c.id}>
                <td>{span(c)}</td>
                <td>{c.reason}</td>
                <td>
                  <button
                    type="button"
                    className="button button-secondary adm-inline-button"
                    disabled={busy}
                    onClick={() => void remove(c)}
                    aria-label={`Remove closure ${span(c)}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="adm-form adm-subform"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
        noValidate
      >
        <h3>Add a closure</h3>
        <div className="adm-row">
          <TextField
            name="startsOn"
            label="First day closed"
            type="date"
            width="short"
            value={draft.startsOn}
            onValue={(v) => setDraft((d) => ({ ...d, startsOn: v }))}
            error={errors.startsOn}
          />
          <TextField
            name="endsOn"
            label="Last day closed"
            hint="Leave empty for one day."
            type="date"
            width="short"
            value={draft.endsOn}
            onValue={(v) => setDraft((d) => ({ ...d, endsOn: v }))}
            error={errors.endsOn}
          />
        </div>
        <TextField
          name="reason"
          maxLength={LIMIT.closureReason}
          label="Reason"
          hint="e.g. Thanksgiving, floor repairs"
          width="medium"
          value={draft.reason}
          onValue={(v) => setDraft((d) => ({ ...d, reason: v }))}
          error={errors.reason}
        />
        <button type="submit" className="button" disabled={busy || check.pending}>
          Add closure
        </button>
        <Outcome outcome={outcome} />
      </form>
      {check.view}
    </>
  );
}
