import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { notifyAffected } from '../../api/schedule-changes.ts';
import { setAppointmentStatus, type Appointment, type AppointmentStatus } from '../../api/scheduling.ts';
import type { Location } from '../../api/types.ts';
import { TextField } from '../../components/Form.tsx';
import { Link } from '../../router.tsx';
import { VisitConflictActions } from './AffectedVisits.tsx';
import { ReschedulePanel, type MoveTarget } from './ReschedulePanel.tsx';
import type { SlotNaming } from './SlotChoices.tsx';
import { STATUS_ACTION, STATUS_BADGE, STATUS_LABEL, isSecondaryStep, nextSteps } from './status.ts';
import { VisitNote } from './VisitNote.tsx';
import { dateLabel, timeAt, wallClock } from './time.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

/** Cancellations inside this many hours are late (the clinic's policy; the server has the final word). */
const POLICY_HOURS = 24;

export function AppointmentPanel({
  appointment,
  location,
  naming,
  patientName,
  serviceName,
  roomName,
  moving,
  moveTarget,
  onMove,
  onChanged,
  onClose,
}: {
  appointment: Appointment;
  location: Location;
  naming: SlotNaming;
  patientName: string;
  serviceName: string;
  roomName: string | null;
  moving: boolean;
  moveTarget: MoveTarget | null;
  onMove: (moving: boolean) => void;
  onChanged: (appointment: Appointment, message: string) => void;
  onClose: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [appointment.id]);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notifyIntent = useCreateIntent();
  const zone = location.timeZone;
  const date = wallClock(appointment.start, zone).date;

  const change = async (status: AppointmentStatus, reason?: string) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await setAppointmentStatus(appointment.id, status, reason);
      setCancelling(false);
      onChanged(updated, `${patientName}: ${STATUS_LABEL[updated.status].toLowerCase()}.`);
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  const notify = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { appointmentIds: [appointment.id] };
      const [result] = (await notifyAffected(body, notifyIntent.keyFor(body))).visits;
      notifyIntent.done();
      const words =
        result!.outcome === 'queued'
          ? 'emailed a link to choose a new time.'
          : result!.outcome === 'already-sent'
            ? 'already has a link to choose a new time.'
            : result!.outcome === 'fits-schedule'
              ? 'the visit fits the schedule again.'
              : 'no email could be sent: call the patient.';
      onChanged(result!.appointment, `${patientName}: ${words}`);
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sch-panel" aria-labelledby="sch-appt-title">
      <div className="sch-panel-head">
        <h2 id="sch-appt-title" tabIndex={-1} ref={headingRef}>
          {patientName}
        </h2>
        <button type="button" className="button button-secondary sch-small-button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="sch-panel-sub">
        <Link to={`/patients/${appointment.patientId}`}>Open the patient’s record</Link>
      </p>
      <dl className="summary-list sch-details">
        <div className="summary-row">
          <dt>When</dt>
          <dd>
            {dateLabel(date)}, {timeAt(appointment.start, zone)} to {timeAt(appointment.end, zone)}
          </dd>
        </div>
        <div className="summary-row">
          <dt>Therapist</dt>
          <dd>{naming.therapistName(appointment.therapistId)}</dd>
        </div>
        <div className="summary-row">
          <dt>Service</dt>
          <dd>{serviceName}</dd>
        </div>
        <div className="summary-row">
          <dt>Room</dt>
          <dd>{roomName ?? 'No room needed'}</dd>
        </div>
        <div className="summary-row">
          <dt>Status</dt>
          <dd>
            <span className={`badge ${STATUS_BADGE[appointment.status]}`}>{STATUS_LABEL[appointment.status]}</span>
          </dd>
        </div>
        {appointment.cancelReason ? (
          <div className="summary-row">
            <dt>Reason</dt>
            <dd>{appointment.cancelReason}</dd>
          </div>
        ) : null}
      </dl>
      {appointment.status === 'booked' && appointment.conflict ? (
        <div className="alert alert-warning sch-conflict-alert">
          <h3 className="alert-title">This visit needs a new time</h3>
          <p>{appointment.conflict.message}</p>
          {appointment.conflict.notifiedAt ? (
            <p>
              The patient was emailed a link to choose a new time on{' '}
              {dateLabel(wallClock(appointment.conflict.notifiedAt, zone).date, 'short')}.
            </p>
          ) : null}
          {appointment.can.resolveConflict ? (
            <VisitConflictActions
              appointment={appointment}
              naming={naming}
              patientName={patientName}
              busy={busy}
              onError={(text) => setError(text || null)}
              onResolved={(updated, words) => onChanged(updated, `${patientName}: ${words}`)}
              onNotify={() => void notify()}
            />
          ) : null}
        </div>
      ) : null}
      <div className="button-row sch-note-link">
        <VisitNote appointment={appointment} patientName={patientName} />
      </div>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {nextSteps(appointment.can).length > 0 ? (
        <div className="button-row sch-status-buttons" role="group" aria-label="Change status">
          {nextSteps(appointment.can).map((status) => (
            <button
              key={status}
              type="button"
              className={isSecondaryStep(status) ? 'button button-secondary' : 'button'}
              disabled={busy}
              onClick={() => void change(status)}
            >
              {STATUS_ACTION[status]}
            </button>
          ))}
        </div>
      ) : null}
      {(appointment.can.move || appointment.can.cancel) && !moving && !cancelling ? (
        <div className="button-row sch-more-buttons">
          {appointment.can.move ? (
            <button type="button" className="button button-secondary" onClick={() => onMove(true)}>
              Reschedule
            </button>
          ) : null}
          {appointment.can.cancel ? (
            <button type="button" className="button button-secondary" onClick={() => setCancelling(true)}>
              Cancel appointment
            </button>
          ) : null}
        </div>
      ) : null}
      {cancelling ? (
        <CancelForm
          start={appointment.start}
          busy={busy}
          onCancel={(status, reason) => void change(status, reason)}
          onBack={() => setCancelling(false)}
        />
      ) : null}
      {moving ? (
        <ReschedulePanel
          appointment={appointment}
          location={location}
          naming={naming}
          target={moveTarget}
          onDone={(updated, message) => {
            onMove(false);
            onChanged(updated, message);
          }}
          onBack={() => onMove(false)}
        />
      ) : null}
    </section>
  );
}

function CancelForm({
  start,
  busy,
  onCancel,
  onBack,
}: {
  start: string;
  busy: boolean;
  onCancel: (status: 'cancelled' | 'late_cancel', reason: string) => void;
  onBack: () => void;
}) {
  const late = Date.parse(start) - Date.now() < POLICY_HOURS * 3_600_000;
  const [kind, setKind] = useState<'cancelled' | 'late_cancel'>(late ? 'late_cancel' : 'cancelled');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    if (!reason.trim()) return setError('Say why the visit is cancelled.');
    onCancel(kind, reason.trim());
  };
  return (
    <form
      className="sch-subform"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <fieldset className="fieldset">
        <legend>Cancel this appointment</legend>
        <div className="sch-radios">
          <label className="checkbox">
            <input
              type="radio"
              name="cancel-kind"
              checked={kind === 'cancelled'}
              onChange={() => setKind('cancelled')}
            />{' '}
            Cancelled in good time
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="cancel-kind"
              checked={kind === 'late_cancel'}
              onChange={() => setKind('late_cancel')}
            />{' '}
            Late cancellation (within {POLICY_HOURS} hours)
          </label>
        </div>
        <TextField
          name="cancelReason"
          label="Reason"
          value={reason}
          onValue={setReason}
          error={error}
          maxLength={LIMIT.reason}
        />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          Cancel appointment
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          Keep it
        </button>
      </div>
    </form>
  );
}
