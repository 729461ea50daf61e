import { useState } from 'react';
import {
  addException,
  removeException,
  type ExceptionCreate,
  type ScheduleException,
} from '../../api/admin-scheduling.ts';
import { previewException } from '../../api/schedule-changes.ts';
import { SelectField, TextField } from '../../components/Form.tsx';
import { clockLabel, dateLabel, minutesOf, wallClock, instantAt } from '../schedule/time.ts';
import { useBookingCheck } from './BookingCheck.tsx';
import { Outcome, useSubmit } from './useSubmit.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

interface Site {
  value: string;
  label: string;
  timeZone: string;
}

const EMPTY = {
  kind: 'time-off' as 'time-off' | 'extra-shift',
  locationId: '',
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
  reason: '',
};

/**
 * "2026-12-03" + "09:30" at the site → an ISO instant; anything incomplete is sent as typed, for the server to name.
 */
function instant(date: string, time: string, zone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return `${date}T${time}`;
  return new Date(instantAt(date, minutesOf(time), zone)).toISOString();
}

export function when(exception: ScheduleException, zone: string): string {
  const a = wallClock(exception.start, zone);
  const b = wallClock(exception.end, zone);
  const start = `${dateLabel(a.date, 'short')} ${clockLabel(a.minutes)}`;
  return a.date === b.date
    ? `${start} – ${clockLabel(b.minutes)}`
    : `${start} – ${dateLabel(b.date, 'short')} ${clockLabel(b.minutes)}`;
}

/** Time off and extra shifts still to come; times are entered on the site's clock. */
export function ExceptionsEditor({
  therapistId,
  sites,
  initial,
}: {
  therapistId: string;
  sites: Site[];
  initial: ScheduleException[];
}) {
  const [list, setList] = useState(initial);
  const [draft, setDraft] = useState(EMPTY);
  const { errors, outcome, busy, run, create } = useSubmit();
  const check = useBookingCheck();
  const zoneOf = (locationId: string | null) =>
    sites.find((s) => s.value === locationId)?.timeZone ?? sites[0]?.timeZone ?? 'UTC';
  const siteLabel = (locationId: string | null) =>
    locationId ? (sites.find((s) => s.value === locationId)?.label ?? 'Unknown site') : 'Every site';
  const edit = (change: Partial<typeof EMPTY>) => setDraft((d) => ({ ...d, ...change }));

  const add = async () => {
    const zone = zoneOf(draft.locationId || null);
    const exception: ExceptionCreate = {
      kind: draft.kind,
      locationId: draft.locationId || null,
      start: instant(draft.startDate, draft.startTime, zone),
      end: instant(draft.endDate || draft.startDate, draft.endTime, zone),
      reason: draft.reason.trim() || null,
    };
    const found = await run(() => previewException(therapistId, exception), 'Checked the bookings at that time.');
    await check.gate(
      found,
      async () => {
        const created = await create(
          exception,
          (body, key) => addException(therapistId, body, key),
          draft.kind === 'time-off' ? 'Time off added.' : 'Extra shift added.',
        );
        if (!created) return false;
        setList((l) => [...l, created].sort((a, b) => a.start.localeCompare(b.start)));
        setDraft(EMPTY);
        return true;
      },
      { what: 'fall in this time off', confirmLabel: 'Add the time off anyway' },
    );
  };
  const remove = async (e: ScheduleException) => {
    const done = await run(() => removeException(therapistId, e.id).then(() => true), 'Removed.');
    if (done) setList((l) => l.filter((x) => x.id !== e.id));
  };

  return (
    <>
      {list.length === 0 ? (
        <p className="muted">No time off or extra shifts to come.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact table-stack">
            <caption className="visually-hidden">Time off and extra shifts</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">When</th>
                <th scope="col">Site</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.kind === 'time-off' ? 'Time off' : 'Extra shift'}</th>
                  <td>{when(e, zoneOf(e.locationId))}</td>
                  <td>{siteLabel(e.locationId)}</td>
                  <td>{e.reason ?? '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary adm-inline-button"
                      disabled={busy}
                      onClick={() => void remove(e)}
                      aria-label={
                        `Remove ${e.kind === 'time-off' ? 'time off' : 'extra shift'} ` +
                        `${when(e, zoneOf(e.locationId))}`
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="adm-form adm-subform"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
        noValidate
      >
        <h3>Add time off or an extra shift</h3>
        <div className="adm-row">
          <SelectField
            name="kind"
            label="Kind"
            value={draft.kind}
            onValue={(v) => edit({ kind: v as typeof draft.kind })}
            options={[
              { value: 'time-off', label: 'Time off' },
              { value: 'extra-shift', label: 'Extra shift' },
            ]}
            error={errors.kind}
          />
          <SelectField
            name="locationId"
            label="Site"
            value={draft.locationId}
            onValue={(v) => edit({ locationId: v })}
            error={errors.locationId}
            options={[{ value: '', label: draft.kind === 'time-off' ? 'Every site' : 'Choose a site' }, ...sites]}
          />
        </div>
        <div className="adm-row">
          <TextField
            name="start"
            label="From (date)"
            type="date"
            width="short"
            value={draft.startDate}
            onValue={(v) => edit({ startDate: v })}
            error={errors.start}
          />
          <TextField
            name="start-time"
            label="From (time)"
            type="time"
            width="short"
            value={draft.startTime}
            onValue={(v) => edit({ startTime: v })}
          />
          <TextField
            name="end"
            label="Until (date)"
            hint="Empty: the same day."
            type="date"
            width="short"
            value={draft.endDate}
            onValue={(v) => edit({ endDate: v })}
            error={errors.end}
          />
          <TextField
            name="end-time"
            label="Until (time)"
            type="time"
            width="short"
            value={draft.endTime}
            onValue={(v) => edit({ endTime: v })}
          />
        </div>
        <TextField
          name="reason"
          maxLength={LIMIT.reason}
          label="Reason (optional)"
          width="medium"
          value={draft.reason}
          onValue={(v) => edit({ reason: v })}
          error={errors.reason}
        />
        <button type="submit" className="button" disabled={busy || check.pending}>
          Add
        </button>
        <Outcome outcome={outcome} />
      </form>
      {check.view}
    </>
  );
}
