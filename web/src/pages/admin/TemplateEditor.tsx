import { useState } from 'react';
import { replaceSchedule, type ShiftTemplate } from '../../api/admin-scheduling.ts';
import type { WeeklySchedule } from '../../api/scheduling.ts';
import { previewWeek } from '../../api/schedule-changes.ts';
import { SelectField, TextField } from '../../components/Form.tsx';
import { WEEKDAYS } from '../../format.ts';
import { useBookingCheck } from './BookingCheck.tsx';
import { Outcome, useSubmit } from './useSubmit.tsx';

type Row = Omit<ShiftTemplate, 'weekday'> & { weekday: number; key: number };
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const DAY_OPTIONS = WEEK_ORDER.map((d) => ({ value: String(d), label: WEEKDAYS[d]! }));

let nextKey = 1;
const rowsOf = (schedule: WeeklySchedule): Row[] =>
  schedule.templates.map((t) => ({
    key: nextKey++,
    locationId: t.locationId,
    weekday: t.weekday,
    start: t.start,
    end: t.end,
    validFrom: t.validFrom,
    validTo: t.validTo,
  }));

/**
 * The therapist's repeating week: one row per shift (weekday, site, start–end). A therapist may work
 * at several sites on different days; saving replaces the whole week, as the API does.
 */
export function TemplateEditor({
  therapistId,
  sites,
  schedule,
  onSaved,
}: {
  therapistId: string;
  sites: { value: string; label: string }[];
  schedule: WeeklySchedule;
  onSaved: (schedule: WeeklySchedule) => void;
}) {
  const [rows, setRows] = useState(() => rowsOf(schedule));
  const { errors, outcome, busy, run } = useSubmit();
  const check = useBookingCheck();
  const set = (key: number, change: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const add = () =>
    setRows((list) => [
      ...list,
      {
        key: nextKey++,
        locationId: sites[0]?.value ?? '',
        weekday: 1,
        start: '09:00',
        end: '17:00',
        validFrom: null,
        validTo: null,
      },
    ]);

  const save = async () => {
    const templates = rows.map(({ key: _key, ...t }) => t);
    const found = await run(() => previewWeek(therapistId, templates), 'Checked the bookings against the new week.');
    await check.gate(
      found,
      async () => {
        const saved = await run(() => replaceSchedule(therapistId, templates), 'Weekly schedule saved.');
        if (!saved) return false;
        setRows(rowsOf(saved));
        onSaved(saved);
        return true;
      },
      { what: 'fall outside the new week', confirmLabel: 'Save the week anyway' },
    );
  };

  return (
    <>
      <form
        className="adm-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        {rows.length === 0 ? (
          <p className="muted">No weekly shifts: this therapist is offered only on extra shifts.</p>
        ) : null}
        <ol className="plain-list adm-shifts">
          {rows.map((row, i) => {
            const where = `shift ${i + 1}`;
            return (
              <li key={row.key} className="adm-row adm-shift" aria-label={`Shift ${i + 1}`}>
                <SelectField
                  name={`templates.${i}.weekday`}
                  label={`Day (${where})`}
                  value={String(row.weekday)}
                  options={DAY_OPTIONS}
                  onValue={(v) => set(row.key, { weekday: Number(v) })}
                  error={errors[`templates.${i}.weekday`]}
                />
                <SelectField
                  name={`templates.${i}.locationId`}
                  label={`Site (${where})`}
                  value={row.locationId}
                  options={sites}
                  onValue={(v) => set(row.key, { locationId: v })}
                  error={errors[`templates.${i}.locationId`]}
                />
                <TextField
                  name={`templates.${i}.start`}
                  label={`Starts (${where})`}
                  type="time"
                  width="short"
                  value={row.start}
                  onValue={(v) => set(row.key, { start: v })}
                  error={errors[`templates.${i}.start`]}
                />
                <TextField
                  name={`templates.${i}.end`}
                  label={`Ends (${where})`}
                  type="time"
                  width="short"
                  value={row.end}
                  onValue={(v) => set(row.key, { end: v })}
                  error={errors[`templates.${i}.end`]}
                />
                <button
                  type="button"
                  className="button button-secondary adm-inline-button"
                  onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
                >
                  Remove<span className="visually-hidden"> {where}</span>
                </button>
              </li>
            );
          })}
        </ol>
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={add}>
            Add a shift
          </button>
          <button type="submit" className="button" disabled={busy || check.pending}>
            Save weekly schedule
          </button>
        </div>
        <Outcome outcome={outcome} />
      </form>
      {check.view}
    </>
  );
}
