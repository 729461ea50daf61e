import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { BookingRefusal, findSlots, rescheduleAppointment, type Appointment, type Slot } from '../../api/scheduling.ts';
import type { Location } from '../../api/types.ts';
import { TextField } from '../../components/Form.tsx';
import { useResource } from '../../hooks.ts';
import { plainReasons } from './BookPanel.tsx';
import { AlternativeList, describeSlot, type SlotNaming } from './SlotChoices.tsx';
import { addDays, dateLabel, timeAt, wallClock, instantAt } from './time.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

/** How far ahead the list of free times looks, from the visit's day. */
const SEARCH_DAYS = 7;

/** Where a moved appointment should go: picked on the grid (click or drop) or from the list. */
export interface MoveTarget {
  therapistId: string;
  date: string;
  minutes: number;
}

/**
 * Click-to-move: the grid is the picker (a click or a drop sets the target); the list of free times
 * is the same choice for keyboard users. The old time is released only when the new one is taken.
 */
export function ReschedulePanel({
  appointment,
  location,
  naming,
  target,
  onDone,
  onBack,
}: {
  appointment: Appointment;
  location: Location;
  naming: SlotNaming;
  target: MoveTarget | null;
  onDone: (appointment: Appointment, message: string) => void;
  onBack: () => void;
}) {
  const zone = location.timeZone;
  const day = wallClock(appointment.start, zone).date;
  const [picked, setPicked] = useState<Slot | null>(null);
  const [reason, setReason] = useState('Moved at the patient’s request');
  const [error, setError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<BookingRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [free] = useResource(
    (signal) =>
      findSlots(
        {
          service: appointment.serviceCode,
          from: day,
          to: addDays(day, SEARCH_DAYS - 1),
          location: location.id,
          limit: 2000,
        },
        signal,
      ),
    [appointment.id, day],
  );
  // Nearest days first; within a day the same therapist first, then by time.
  const dateOf = (slot: Slot) => wallClock(slot.start, zone).date;
  const sameTherapist = (slot: Slot) => Number(slot.therapistId !== appointment.therapistId);
  const choices =
    free.status === 'ok'
      ? [...free.data]
          .filter((slot) => slot.start !== appointment.start || slot.therapistId !== appointment.therapistId)
          .sort(
            (a, b) =>
              dateOf(a).localeCompare(dateOf(b)) ||
              sameTherapist(a) - sameTherapist(b) ||
              a.start.localeCompare(b.start),
          )
          .slice(0, 8)
      : [];

  // A target from the grid wins over an earlier pick from the list.
  const wanted = target
    ? { start: new Date(instantAt(target.date, target.minutes, zone)).toISOString(), therapistId: target.therapistId }
    : picked
      ? { start: picked.start, therapistId: picked.therapistId, roomId: picked.roomId ?? undefined }
      : null;

  const move = async (to: { start: string; therapistId: string; roomId?: string }) => {
    if (!reason.trim()) return setError('Say why the visit is moved.');
    setBusy(true);
    setRefusal(null);
    setError(undefined);
    try {
      const updated = await rescheduleAppointment(appointment.id, {
        ...to,
        locationId: location.id,
        reason: reason.trim(),
      });
      const date = wallClock(updated.start, zone).date;
      onDone(
        updated,
        `Moved to ${dateLabel(date, 'short')} at ${timeAt(updated.start, zone)} with ` +
          `${naming.therapistName(updated.therapistId)}.`,
      );
    } catch (err) {
      if (err instanceof BookingRefusal && err.code === 'slot_unavailable') setRefusal(err);
      else setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sch-subform">
      <h3>Reschedule</h3>
      <p className="sch-note" aria-live="polite">
        {wanted ? (
          <>
            New time:{' '}
            <strong>
              {describeSlot({ ...wanted, end: wanted.start, locationId: location.id, roomId: null }, naming)}
            </strong>
          </>
        ) : (
          'Click a free time on the calendar (or drag the appointment there), or choose one of the nearest free times.'
        )}
      </p>
      {!wanted && choices.length > 0 ? (
        <ul className="plain-list sch-choice-list">
          {choices.map((slot) => (
            <li key={`${slot.start}-${slot.therapistId}`}>
              <button type="button" className="button button-secondary sch-choice" onClick={() => setPicked(slot)}>
                {describeSlot(slot, naming)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!wanted && free.status === 'ok' && choices.length === 0 ? (
        <p>No free times for this service in the next {SEARCH_DAYS} days at this site.</p>
      ) : null}
      <TextField
        name="moveReason"
        label="Reason for the change"
        value={reason}
        onValue={setReason}
        error={error}
        maxLength={LIMIT.reason}
      />
      <div className="button-row">
        <button type="button" className="button" disabled={!wanted || busy} onClick={() => wanted && void move(wanted)}>
          {busy ? 'Moving…' : 'Move appointment'}
        </button>
        {picked && !target ? (
          <button type="button" className="button button-secondary" onClick={() => setPicked(null)}>
            Choose another time
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={onBack}>
          Don’t move it
        </button>
      </div>
      {refusal ? (
        <div
          className="alert alert-warning sch-refusal"
          role="alert"
          ref={(el) => el?.scrollIntoView({ block: 'nearest' })}
        >
          <h4 className="alert-title">That time is not free</h4>
          <p>{plainReasons(refusal)}</p>
          <AlternativeList
            alternatives={refusal.alternatives}
            naming={naming}
            busy={busy}
            headingLevel={4}
            onPick={(slot) =>
              void move({ start: slot.start, therapistId: slot.therapistId, roomId: slot.roomId ?? undefined })
            }
          />
        </div>
      ) : null}
    </div>
  );
}
