import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { linkSlots, rescheduleByLink, type LinkedAppointment, type LinkSlot } from '../../api/links.ts';
import { ErrorSummary } from '../../components/Form.tsx';
import { Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { addDays, dateLabel, timeAt, wallClock, zoneName } from '../schedule/time.ts';
import { atClinic } from './linkWords.ts';
import type { Step } from './LinkPage.tsx';

/** Free times grouped by the clinic's calendar day, the visit's own time left out. */
export function timesByDay(slots: LinkSlot[], timeZone: string, currentStart: string): [string, LinkSlot[]][] {
  const days = new Map<string, LinkSlot[]>();
  const seen = new Set<string>();
  for (const slot of [...slots].sort((x, y) => x.start.localeCompare(y.start))) {
    if (Date.parse(slot.start) === Date.parse(currentStart) || seen.has(slot.start)) continue;
    seen.add(slot.start);
    const date = wallClock(slot.start, timeZone).date;
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return [...days.entries()];
}

const WEEK_DAYS = 7;

const BackButton = ({ onClick, label = 'Back' }: { onClick: () => void; label?: string }) => (
  <p className="breadcrumb">
    <button type="button" className="link-button sch-back" onClick={onClick}>
      {label}
    </button>
  </p>
);

export function LinkTimes({
  token,
  appointment: a,
  problem,
  onStep,
}: {
  token: string;
  appointment: LinkedAppointment;
  problem?: string;
  onStep: (step: Step) => void;
}) {
  usePageTitle('Choose a new time');
  const [slots] = useResource((signal) => linkSlots(token, signal), [token, problem]);
  const days = slots.status === 'ok' ? timesByDay(slots.data, a.timeZone, a.start) : [];
  // A week at a time, as in booking: four weeks of times is too long a list for a phone.
  const [week, setWeek] = useState(0);
  const weekStart = days.length > 0 ? addDays(days[0]![0], WEEK_DAYS * week) : '';
  const weekEnd = weekStart ? addDays(weekStart, WEEK_DAYS) : '';
  const shown = days.filter(([date]) => date >= weekStart && date < weekEnd);
  const later = days.some(([date]) => date >= weekEnd);
  return (
    <>
      <BackButton onClick={() => onStep({ kind: 'view' })} />
      <ErrorSummary items={problem ? [{ field: '_', message: problem }] : []} />
      <h1 className="sch-question-title">Choose a new time</h1>
      <p>
        Free times for {a.service} with {a.therapist} at {a.site.name} in the next four weeks. Your visit is now on{' '}
        {a.when}.
      </p>
      <p className="sch-zone">All times are the clinic’s local time: {zoneName(a.timeZone, Date.parse(a.start))}.</p>
      {slots.status === 'loading' ? <Loading label="Finding free times…" /> : null}
      {slots.status === 'error' ? (
        <div className="alert alert-error" role="alert">
          <p>
            {slots.error instanceof ApiError
              ? slots.error.message
              : 'We could not load the free times. Please try again.'}
          </p>
        </div>
      ) : null}
      {slots.status === 'ok' && days.length === 0 ? (
        <div className="notice sch-empty">
          <p>
            There are no other free times with {a.therapist} in the next four weeks. Please call the clinic to find
            another time.
          </p>
        </div>
      ) : null}
      {shown.length === 0 && days.length > 0 ? (
        <div className="notice sch-empty">
          <p>No free times in these 7 days.</p>
        </div>
      ) : null}
      {shown.map(([date, daySlots]) => (
        <section key={date} className="sch-day-times" aria-labelledby={`day-${date}`}>
          <h2 id={`day-${date}`}>{dateLabel(date)}</h2>
          <ul className="plain-list sch-time-grid">
            {daySlots.map((slot) => (
              <li key={slot.start}>
                <button
                  type="button"
                  className="button button-secondary sch-time-button"
                  onClick={() => onStep({ kind: 'confirm', slot })}
                  aria-label={`${timeAt(slot.start, a.timeZone)}, ${dateLabel(date)}`}
                >
                  {timeAt(slot.start, a.timeZone)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {week > 0 || later ? (
        <nav className="lnk-weeks" aria-label="Other weeks">
          {week > 0 ? (
            <button type="button" className="button button-secondary" onClick={() => setWeek(week - 1)}>
              ← Earlier dates
            </button>
          ) : (
            <span />
          )}
          {later ? (
            <button type="button" className="button button-secondary" onClick={() => setWeek(week + 1)}>
              Later dates →
            </button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export function LinkConfirmMove({
  token,
  appointment: a,
  slot,
  onStep,
  onDone,
}: {
  token: string;
  appointment: LinkedAppointment;
  slot: LinkSlot;
  onStep: (step: Step) => void;
  onDone: (changed: LinkedAppointment) => void;
}) {
  usePageTitle('Check the new time');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const to = atClinic(slot.start, a.timeZone);
  const move = async () => {
    setBusy(true);
    setProblem('');
    try {
      onDone(await rescheduleByLink(token, slot.start));
    } catch (err) {
      const message = err instanceof ApiError ? err.message : 'Something went wrong. Please try again.';
      // Taken meanwhile: back to the list, refreshed, with the reason on top.
      if (err instanceof ApiError && err.status === 409)
        onStep({ kind: 'times', problem: `${message} Please choose another time.` });
      else setProblem(message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <BackButton onClick={() => onStep({ kind: 'times' })} label="Choose another time" />
      <ErrorSummary items={problem ? [{ field: '_', message: problem }] : []} />
      <h1 className="sch-question-title">Move your appointment?</h1>
      <dl className="summary-list lnk-summary">
        <div className="summary-row">
          <dt>From</dt>
          <dd>
            <s>{a.when}</s>
          </dd>
        </div>
        <div className="summary-row">
          <dt>To</dt>
          <dd>
            <strong>{to}</strong>
          </dd>
        </div>
        <div className="summary-row">
          <dt>Visit</dt>
          <dd>
            {a.service} with {a.therapist}
          </dd>
        </div>
        <div className="summary-row">
          <dt>Clinic</dt>
          <dd>
            {a.site.name}
            <br />
            {a.site.address}
          </dd>
        </div>
      </dl>
      <div className="lnk-actions">
        <button type="button" className="button button-large" disabled={busy} onClick={() => void move()}>
          {busy ? 'Moving…' : 'Yes, move it'}
        </button>
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={() => onStep({ kind: 'times' })}
        >
          Choose another time
        </button>
      </div>
    </>
  );
}
