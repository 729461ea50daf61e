import { useState } from 'react';
import { updateLocationHours, type Hours } from '../../api/admin-scheduling.ts';
import { previewHours } from '../../api/schedule-changes.ts';
import type { Location } from '../../api/types.ts';
import { TextField } from '../../components/Form.tsx';
import { WEEKDAYS } from '../../format.ts';
import { useBookingCheck } from './BookingCheck.tsx';
import { Outcome, useSubmit } from './useSubmit.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

/** Monday first, as clinics print their hours. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** Every weekday present, so a day with no spans is sent as closed rather than left as it was. */
function fullWeek(hours: Location['hours']): Hours {
  return Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((day) => [String(day), [...(hours[String(day)] ?? [])]]));
}

export function HoursEditor({ location }: { location: Location }) {
  const [hours, setHours] = useState<Hours>(() => fullWeek(location.hours));
  const { errors, outcome, busy, run } = useSubmit();
  const check = useBookingCheck();

  const change = (day: string, index: number, key: 'open' | 'close', value: string) =>
    setHours((h) => ({ ...h, [day]: h[day]!.map((span, i) => (i === index ? { ...span, [key]: value } : span)) }));
  const addSpan = (day: string) =>
    setHours((h) => {
      const last = h[day]!.at(-1);
      return { ...h, [day]: [...h[day]!, last ? { open: last.close, close: '' } : { open: '09:00', close: '17:00' }] };
    });
  const removeSpan = (day: string, index: number) =>
    setHours((h) => ({ ...h, [day]: h[day]!.filter((_, i) => i !== index) }));

  const save = async () => {
    const wanted = hours;
    const found = await run(() => previewHours(location.id, wanted), 'Checked the bookings against the new hours.');
    await check.gate(
      found,
      async () => {
        const saved = await run(() => updateLocationHours(location.id, wanted), 'Opening hours saved.');
        if (saved) setHours(fullWeek(saved.hours));
        return Boolean(saved);
      },
      { what: 'fall outside the new hours', confirmLabel: 'Save the hours anyway' },
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
        <p className="hint">
          Local time at the site. Add a second span for a lunch break; a day with no spans is closed.
        </p>
        {WEEK_ORDER.map((n) => {
          const day = String(n);
          const name = WEEKDAYS[n]!;
          return (
            <fieldset key={day} className="adm-day">
              <legend>{name}</legend>
              <div className="adm-spans">
                {hours[day]!.length === 0 ? <p className="muted adm-closed">Closed</p> : null}
                {hours[day]!.map((span, i) => (
                  <div className="adm-span" key={i}>
                    <TextField
                      name={`hours.${day}.${i}.open`}
                      label={i === 0 ? 'Opens' : `Opens (span ${i + 1})`}
                      aria-label={`${name} opens${i ? ` (span ${i + 1})` : ''}`}
                      type="time"
                      maxLength={LIMIT.time}
                      width="short"
                      value={span.open}
                      onValue={(v) => change(day, i, 'open', v)}
                      error={errors[`hours.${day}.${i}.open`]}
                    />
                    <TextField
                      name={`hours.${day}.${i}.close`}
                      label={i === 0 ? 'Closes' : `Closes (span ${i + 1})`}
                      aria-label={`${name} closes${i ? ` (span ${i + 1})` : ''}`}
                      type="time"
                      maxLength={LIMIT.time}
                      width="short"
                      value={span.close}
                      onValue={(v) => change(day, i, 'close', v)}
                      error={errors[`hours.${day}.${i}.close`]}
                    />
                    <button
                      type="button"
                      className="button button-secondary adm-inline-button"
                      onClick={() => removeSpan(day, i)}
                      aria-label={`Remove ${name} ${span.open}–${span.close}`}
                    >
                      Remove
                    </button>
                  </div>
                ))}
                <button type="button" className="link-button adm-add" onClick={() => addSpan(day)}>
                  {hours[day]!.length === 0 ? (
                    `Open on ${name}`
                  ) : (
                    <>
                      Add hours<span className="visually-hidden"> on {name}</span>
                    </>
                  )}
                </button>
              </div>
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy || check.pending}>
            Save opening hours
          </button>
        </div>
        <Outcome outcome={outcome} />
      </form>
      {check.view}
    </>
  );
}
