import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useCreateIntent, type CreateIntent } from '../../api/intent.ts';
import {
  cancelAffected,
  notifyAffected,
  visitAlternatives,
  type Alternative,
  type ResolvedVisits,
  type VisitOutcome,
} from '../../api/schedule-changes.ts';
import { rescheduleAppointment, type Appointment } from '../../api/scheduling.ts';
import { useLocations } from '../../sites.ts';
import { useResource } from '../../hooks.ts';
import { therapistName, usePatientNames, useTherapists } from './therapists-and-services.ts';
import { describeSlot, type SlotNaming } from './SlotChoices.tsx';
import { dateLabel, timeAt, wallClock } from './time.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';
import './affected.css';
import { useOrgTimeZone } from '../../session.tsx';

/** Sends one of the desk's actions with its intent's key; a finished action makes the next one new. */
async function once<B, T>(intent: CreateIntent, body: B, send: (body: B, key: string) => Promise<T>): Promise<T> {
  const result = await send(body, intent.keyFor(body));
  intent.done();
  return result;
}

/** What the desk did about one visit, in its words. */
const OUTCOME_WORDS: Record<VisitOutcome, string> = {
  queued: 'Emailed a link to choose a new time.',
  'already-sent': 'The patient already has a link to choose a new time.',
  'no-email-address': 'No email address on file: call the patient.',
  'email-declined': 'The patient does not want email: call them.',
  cancelled: 'Cancelled; the patient was sent your message.',
  'fits-schedule': 'This visit fits the schedule again: nothing to do.',
};

const DEFAULT_MESSAGE =
  'We are sorry: we cannot see you at this time after all. Please book another visit, or call us and we will find ' +
  'one with you.';

function errorText(err: unknown): string {
  return err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Something went wrong. Try again.';
}

function useNaming(): SlotNaming & { zone: (a: Appointment) => string } {
  const locations = useLocations();
  const therapists = useTherapists();
  const orgZone = useOrgTimeZone();
  const zoneOf = (locationId: string) => locations.find((l) => l.id === locationId)?.timeZone ?? orgZone;
  return {
    zoneOf,
    zone: (a) => zoneOf(a.locationId),
    therapistName: (id) => therapistName(therapists, id),
    siteName: (id) => (locations.find((l) => l.id === id)?.name ?? 'Clinic').replace(/^Knotwork /, ''),
  };
}

/**
 * Booked visits a schedule change leaves without a place. `resolve` offers, per visit and for all at
 * once: email the patient their link to choose a new time, move them (alternatives from the engine),
 * or cancel with a message. Without `resolve` it only lists them (before the change is saved).
 */
export function AffectedVisits({
  visits,
  resolve,
  onChanged,
}: {
  visits: Appointment[];
  resolve: boolean;
  onChanged?: (a: Appointment) => void;
}) {
  const naming = useNaming();
  const names = usePatientNames(visits.map((v) => v.patientId));
  const [current, setCurrent] = useState<Map<string, Appointment>>(() => new Map(visits.map((v) => [v.id, v])));
  const [outcomes, setOutcomes] = useState<Map<string, string>>(new Map());
  const [cancelling, setCancelling] = useState(false);
  const [message, setMessage] = useState(DEFAULT_MESSAGE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const intent = useCreateIntent();
  const list = visits.map((v) => current.get(v.id)!);
  const open = list.filter((a) => a.status === 'booked' && a.conflict);

  const record = (updated: Appointment, words: string) => {
    setCurrent((m) => new Map(m).set(updated.id, updated));
    setOutcomes((m) => new Map(m).set(updated.id, words));
    onChanged?.(updated);
  };
  const apply = (result: ResolvedVisits) =>
    result.visits.forEach((v) => record(v.appointment, OUTCOME_WORDS[v.outcome]));
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const patient = (a: Appointment) =>
    names.get(a.patientId) ?? (names.has(a.patientId) ? 'Patient (another site)' : 'Patient');

  return (
    <div className="cv-visits">
      <ul className="plain-list cv-list">
        {list.map((a) => (
          <li key={a.id} className="cv-visit">
            <p className="cv-who">
              <strong>{patient(a)}</strong>
            </p>
            <p className="cv-when">
              {dateLabel(wallClock(a.start, naming.zone(a)).date, 'short')} at {timeAt(a.start, naming.zone(a))} ·{' '}
              {a.serviceName} with {naming.therapistName(a.therapistId)} at {naming.siteName(a.locationId)}
            </p>
            {a.conflict ? <p className="cv-why">{a.conflict.message}</p> : null}
            <p className="cv-state" aria-live="polite">
              {outcomes.get(a.id) ??
                (a.conflict?.notifiedAt
                  ? `Emailed a link to choose a new time on ` +
                    `${dateLabel(wallClock(a.conflict.notifiedAt, naming.zone(a)).date, 'short')}.`
                  : '')}
            </p>
            {resolve && a.status === 'booked' && a.conflict ? (
              <VisitConflictActions
                appointment={a}
                naming={naming}
                patientName={patient(a)}
                busy={busy}
                onResolved={record}
                onError={setError}
                onNotify={() =>
                  void act(async () => apply(await once(intent, { appointmentIds: [a.id] }, notifyAffected)))
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {resolve && open.length > 1 ? (
        <div className="cv-bulk">
          <h3>For all {open.length} visits still to resolve</h3>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(async () =>
                  apply(await once(intent, { appointmentIds: open.map((a) => a.id) }, notifyAffected)),
                )
              }
            >
              Email all {open.length} patients a link to choose a new time
            </button>
            {!cancelling ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => setCancelling(true)}
              >
                Cancel all {open.length}…
              </button>
            ) : null}
          </div>
          {cancelling ? (
            <CancelMessage
              count={open.length}
              message={message}
              onMessage={setMessage}
              busy={busy}
              onBack={() => setCancelling(false)}
              onSubmit={() =>
                void act(async () => {
                  apply(
                    await once(
                      intent,
                      { appointmentIds: open.map((a) => a.id), message: message.trim() },
                      cancelAffected,
                    ),
                  );
                  setCancelling(false);
                })
              }
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function CancelMessage({
  count,
  message,
  onMessage,
  busy,
  onBack,
  onSubmit,
}: {
  count: number;
  message: string;
  onMessage: (m: string) => void;
  busy: boolean;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const [error, setError] = useState('');
  const id = `cv-message-${count}`;
  return (
    <form
      className="cv-cancel"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!message.trim()) return setError('Write a message to the patient.');
        onSubmit();
      }}
    >
      <div className={`field${error ? ' field-error' : ''}`}>
        <label className="label" htmlFor={id}>
          Message to the patient{count > 1 ? 's' : ''}
        </label>
        <p className="hint" id={`${id}-hint`}>
          Sent with the cancellation email.
        </p>
        {error ? (
          <p className="error-message" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <textarea
          id={id}
          className="input"
          rows={3}
          maxLength={LIMIT.reason}
          value={message}
          onChange={(e) => onMessage(e.target.value)}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button sch-danger" disabled={busy}>
          {count > 1 ? `Cancel ${count} visits and send the message` : 'Cancel the visit and send the message'}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          Keep {count > 1 ? 'them' : 'it'}
        </button>
      </div>
    </form>
  );
}

/** The three ways to resolve one visit; used in the list above and in the calendar's appointment panel. */
export function VisitConflictActions({
  appointment,
  naming,
  patientName,
  busy,
  onResolved,
  onError,
  onNotify,
}: {
  appointment: Appointment;
  naming: SlotNaming;
  patientName: string;
  busy: boolean;
  onResolved: (a: Appointment, words: string) => void;
  onError: (text: string) => void;
  onNotify: () => void;
}) {
  const [open, setOpen] = useState<'move' | 'cancel' | null>(null);
  const [message, setMessage] = useState(DEFAULT_MESSAGE);
  const [working, setWorking] = useState(false);
  const intent = useCreateIntent();
  const run = async (work: () => Promise<void>) => {
    setWorking(true);
    onError('');
    try {
      await work();
      setOpen(null);
    } catch (err) {
      onError(errorText(err));
    } finally {
      setWorking(false);
    }
  };
  const move = (slot: Alternative) =>
    run(async () => {
      const moved = await rescheduleAppointment(appointment.id, {
        start: slot.start,
        therapistId: slot.therapistId,
        locationId: slot.locationId,
        ...(slot.roomId ? { roomId: slot.roomId } : {}),
        reason: 'The clinic could not keep the original time.',
      });
      onResolved({ ...moved, conflict: null }, `Moved to ${describeSlot(slot, naming)}.`);
    });
  const cancel = () =>
    run(async () => {
      const [result] = (
        await once(intent, { appointmentIds: [appointment.id], message: message.trim() }, cancelAffected)
      ).visits;
      onResolved(result!.appointment, OUTCOME_WORDS[result!.outcome]);
    });
  const disabled = busy || working;
  return (
    <div className="cv-actions">
      <div className="button-row" role="group" aria-label={`Resolve ${patientName}'s visit`}>
        <button type="button" className="button" disabled={disabled} onClick={onNotify}>
          Email a link to choose a new time
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={disabled}
          aria-expanded={open === 'move'}
          onClick={() => setOpen(open === 'move' ? null : 'move')}
        >
          Move to another time…
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={disabled}
          aria-expanded={open === 'cancel'}
          onClick={() => setOpen(open === 'cancel' ? null : 'cancel')}
        >
          Cancel with a message…
        </button>
      </div>
      {open === 'move' ? (
        <MoveChoices appointment={appointment} naming={naming} busy={disabled} onPick={(slot) => void move(slot)} />
      ) : null}
      {open === 'cancel' ? (
        <CancelMessage
          count={1}
          message={message}
          onMessage={setMessage}
          busy={disabled}
          onBack={() => setOpen(null)}
          onSubmit={() => void cancel()}
        />
      ) : null}
    </div>
  );
}

function MoveChoices({
  appointment,
  naming,
  busy,
  onPick,
}: {
  appointment: Appointment;
  naming: SlotNaming;
  busy: boolean;
  onPick: (slot: Alternative) => void;
}) {
  const [slots] = useResource((signal) => visitAlternatives(appointment.id, signal), [appointment.id]);
  if (slots.status === 'loading')
    return (
      <p className="muted" role="status">
        Finding free times…
      </p>
    );
  if (slots.status === 'error')
    return (
      <p className="error-message" role="alert">
        {errorText(slots.error)}
      </p>
    );
  if (slots.data.length === 0)
    return (
      <p>
        No free times within three days of this visit, with any therapist or at any site. Email the patient a link
        instead, or cancel.
      </p>
    );
  return (
    <div className="cv-move">
      <p className="hint">Free times nearby: the same therapist first, then other therapists and sites.</p>
      <ul className="plain-list sch-choice-list">
        {slots.data.map((slot) => (
          <li key={`${slot.start}-${slot.therapistId}-${slot.locationId}`}>
            <button
              type="button"
              className="button button-secondary sch-choice"
              disabled={busy}
              onClick={() => onPick(slot)}
            >
              {describeSlot(slot, naming)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
