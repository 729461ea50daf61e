import type { BookingWarning } from '../../api/scheduling.ts';
import { BookingWarnings } from '../../components/BookingWarnings.tsx';
import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { bookSeries, BookingRefusal, type Appointment, type SeriesConflict, type Slot } from '../../api/scheduling.ts';
import { ErrorSummary, SelectField, summaryItems, TextField } from '../../components/Form.tsx';
import { Loading } from '../../components/StatusViews.tsx';
import { WEEKDAYS } from '../../format.ts';
import { usePageTitle } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { Link } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { calendarUrl } from './Calendar.tsx';
import { PatientPicker, type PickedPatient } from './PatientPicker.tsx';
import { therapistName, useTherapists, useServices } from './therapists-and-services.ts';
import { applyPicks, previewSeries, usableAlternatives, type PlannedVisit } from './seriesPlan.ts';
import { addDays, clockLabel, dateLabel, minutesOf, timeAt, todayAt, wallClock } from './time.ts';
import { useCreateIntent } from '../../api/intent.ts';

const LABELS = {
  patientId: 'Patient',
  serviceCode: 'Service',
  locationId: 'Site',
  therapistId: 'Therapist',
  startDate: 'First date',
  visitsPerWeek: 'Visits a week',
  count: 'Number of visits',
  preferredDays: 'Preferred days',
  time: 'Time',
};

/**
 * Book a plan's visits in one go: fill in the rhythm → preview the dates → book all, or fix each conflict and retry.
 */
export function SeriesPage() {
  usePageTitle('Book a series of visits');
  const user = useUser();
  const locations = useLocations();
  const allTherapists = useTherapists();
  const services = useServices();
  const sites = locations.filter((l) => user.locationIds.length === 0 || user.locationIds.includes(l.id));
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [siteId, setSiteId] = useState('');
  const site = sites.find((s) => s.id === siteId) ?? sites[0];
  const therapists = (allTherapists ?? []).filter((p) => site && p.locationIds.includes(site.id));
  const [therapistId, setTherapistId] = useState('');
  const therapist = therapists.find((t) => t.id === therapistId) ?? therapists[0];
  const offered = (services ?? []).filter((s) => !therapist || s.discipline === therapist.discipline);
  const [serviceCode, setServiceCode] = useState('nmt-followup-60');
  const service = offered.find((s) => s.code === serviceCode) ?? offered[0];
  const zone = site?.timeZone ?? user.orgTimeZone;
  const [startDate, setStartDate] = useState(addDays(todayAt(zone), 1));
  const [perWeek, setPerWeek] = useState('2');
  const [count, setCount] = useState('6');
  const [days, setDays] = useState<number[]>([1, 4]);
  const [time, setTime] = useState('10:00');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [visits, setVisits] = useState<PlannedVisit[] | null>(null);
  const [warnings, setWarnings] = useState<BookingWarning[]>([]);
  const [conflicts, setConflicts] = useState<SeriesConflict[]>([]);
  const [picks, setPicks] = useState<Map<number, Slot>>(new Map());
  /** Visits the user chose to leave out rather than move (by visit number). */
  const [skipped, setSkipped] = useState<Set<number>>(new Set());
  const [booked, setBooked] = useState<Appointment[] | null>(null);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();

  if (!allTherapists || !services || !site) return <Loading />;

  const preview = () => {
    const problems: Record<string, string> = {};
    if (!patient) problems.patientId = 'Choose the patient.';
    if (!therapist) problems.therapistId = 'Choose the therapist.';
    if (!/^\d\d:\d\d$/.test(time)) problems.time = 'Give a time, e.g. 10:00.';
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 60) problems.count = 'Give a number from 1 to 60.';
    const result = Object.keys(problems).length
      ? null
      : previewSeries({ startDate, visitsPerWeek: Number(perWeek), count: n, preferredDays: days, time });
    if (result && !result.ok) Object.assign(problems, result.errors);
    setErrors(problems);
    setConflicts([]);
    setPicks(new Map());
    setSkipped(new Set());
    setVisits(result?.ok ? result.visits : null);
  };

  const bookAll = async () => {
    if (!visits || !patient || !therapist || !service) return;
    const wanted = applyPicks(visits, picks, zone).filter((v) => !skipped.has(v.visit));
    setBusy(true);
    setErrors({});
    try {
      const series = {
        patientId: patient.id,
        serviceCode: service.code,
        therapistId: therapist.id,
        locationId: site.id,
        visits: wanted.map((v) => ({ date: v.date, time: v.time })),
      };
      const result = await bookSeries(series, intent.keyFor(series));
      setBooked(result.appointments);
      setWarnings(result.warnings);
    } catch (err) {
      if (err instanceof BookingRefusal && err.code === 'series_conflict') {
        setVisits(wanted);
        setPicks(new Map());
        setSkipped(new Set());
        setConflicts(err.conflicts);
      } else if (err instanceof ApiError)
        setErrors(Object.keys(err.fields).length ? err.fields : { body: err.message });
      else setErrors({ body: 'Something went wrong.' });
    } finally {
      setBusy(false);
    }
  };

  if (booked) {
    return (
      <div className="narrow">
        <div className="alert alert-success" role="status">
          <h1 className="alert-title">
            Booked {booked.length} visits for {patient?.name}
          </h1>
          <p>
            With {therapist?.name} at {site.name}.
          </p>
        </div>
        <BookingWarnings warnings={warnings} dated />
        <ol className="sch-series-list">
          {[...booked]
            .sort((a, b) => a.start.localeCompare(b.start))
            .map((a) => (
              <li key={a.id}>
                {dateLabel(wallClock(a.start, zone).date)} at {timeAt(a.start, zone)}
              </li>
            ))}
        </ol>
        <p className="button-row">
          <Link className="button" to={calendarUrl(site.id, wallClock(booked[0]!.start, zone).date, 'week')}>
            Open the calendar
          </Link>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setBooked(null);
              setVisits(null);
            }}
          >
            Book another series
          </button>
        </p>
      </div>
    );
  }

  const unresolved = conflicts.filter(
    (c) => visits?.[c.visit] && !picks.has(visits[c.visit]!.visit) && !skipped.has(visits[c.visit]!.visit),
  );
  const sending = visits ? visits.length - skipped.size : 0;
  return (
    <div className="sch-series">
      <div className="page-head">
        <h1>Book a series of visits</h1>
      </div>
      <ErrorSummary items={summaryItems(errors, Object.keys(LABELS))} labels={LABELS} />
      <form
        className="panel sch-series-form"
        onSubmit={(e) => {
          e.preventDefault();
          preview();
        }}
        noValidate
      >
        <PatientPicker value={patient} onPick={setPatient} error={errors.patientId} />
        <div className="sch-series-row">
          <SelectField
            name="locationId"
            label="Site"
            value={site.id}
            onValue={(v) => {
              setSiteId(v);
              setTherapistId('');
            }}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
          <SelectField
            name="therapistId"
            label="Therapist"
            value={therapist?.id ?? ''}
            onValue={setTherapistId}
            error={errors.therapistId}
            options={therapists.map((t) => ({ value: t.id, label: t.name }))}
          />
          <SelectField
            name="serviceCode"
            label="Service"
            value={service?.code ?? ''}
            onValue={setServiceCode}
            error={errors.serviceCode}
            options={offered.map((s) => ({ value: s.code, label: s.name }))}
          />
        </div>
        <div className="sch-series-row">
          <TextField
            name="startDate"
            label="First date"
            type="date"
            width="short"
            value={startDate}
            onValue={setStartDate}
            error={errors.startDate}
          />
          <SelectField
            name="visitsPerWeek"
            label="Visits a week"
            value={perWeek}
            onValue={setPerWeek}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
          />
          <TextField
            name="count"
            label="Number of visits"
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            width="short"
            value={count}
            onValue={setCount}
            error={errors.count}
          />
          <TextField
            name="time"
            label="Time"
            type="time"
            step={900}
            width="short"
            value={time}
            onValue={setTime}
            error={errors.time}
            hint={`${clockLabel(minutesOf(time))}, site time`}
          />
        </div>
        <fieldset
          className="fieldset sch-days"
          aria-describedby={errors.preferredDays ? 'f-preferredDays-error' : undefined}
        >
          <legend id="f-preferredDays" tabIndex={-1}>
            Preferred days
          </legend>
          {errors.preferredDays ? (
            <p id="f-preferredDays-error" className="error-message">
              {errors.preferredDays}
            </p>
          ) : null}
          <div className="sch-day-checks">
            {[1, 2, 3, 4, 5, 6, 0].map((d) => (
              <label key={d} className="checkbox">
                <input
                  type="checkbox"
                  checked={days.includes(d)}
                  onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
                />{' '}
                {WEEKDAYS[d]}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button">
          Preview the dates
        </button>
      </form>

      {visits ? (
        <section className="section" aria-labelledby="sch-preview-title">
          <h2 id="sch-preview-title">
            {conflicts.length
              ? `${conflicts.length} of ${visits.length} visits need another time`
              : `${visits.length} visits with ${therapistName(allTherapists, therapist?.id ?? '')}`}
          </h2>
          {conflicts.length ? (
            <p>Nothing has been booked yet. Pick another time for each visit below, then book again.</p>
          ) : null}
          <ol className="sch-series-list">
            {visits.map((v, index) => {
              // The server numbers conflicts by their index in the visits it was sent (0-based).
              const conflict = conflicts.find((c) => c.visit === index);
              const picked = picks.get(v.visit);
              return (
                <li key={v.visit} className={conflict ? 'sch-series-conflict' : undefined}>
                  <span>
                    {dateLabel(v.date, 'short')} at {clockLabel(minutesOf(v.time))}
                  </span>
                  {conflict ? (
                    <div className="sch-series-fix">
                      <p className="error-message">
                        Not free:{' '}
                        {conflict.reasons
                          .map((r) => r.message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'the therapist'))
                          .join('; ')}
                      </p>
                      {usableAlternatives(conflict, therapist!.id, site.id).length === 0 ? (
                        <p>
                          No free time nearby with this therapist. Leave this visit out, or change the rhythm and
                          preview again.
                        </p>
                      ) : null}
                      <div className="sch-alt-row" role="group" aria-label={`Other times for visit ${v.visit}`}>
                        {usableAlternatives(conflict, therapist!.id, site.id).map((slot) => (
                          <button
                            key={slot.start}
                            type="button"
                            className="button button-secondary sch-small-button"
                            aria-pressed={picked?.start === slot.start}
                            onClick={() => {
                              setPicks(new Map(picks).set(v.visit, slot));
                              setSkipped(new Set([...skipped].filter((k) => k !== v.visit)));
                            }}
                          >
                            {dateLabel(wallClock(slot.start, zone).date, 'short')} {timeAt(slot.start, zone)}
                          </button>
                        ))}
                        <button
                          type="button"
                          className="button button-secondary sch-small-button"
                          aria-pressed={skipped.has(v.visit)}
                          onClick={() => {
                            const next = new Set(skipped);
                            if (next.has(v.visit)) next.delete(v.visit);
                            else next.add(v.visit);
                            setSkipped(next);
                            setPicks(new Map([...picks].filter(([k]) => k !== v.visit)));
                          }}
                        >
                          Leave this visit out
                        </button>
                      </div>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {errors.body ? (
            <p className="error-message" role="alert">
              {errors.body}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-large"
            disabled={busy || unresolved.length > 0 || sending === 0}
            onClick={() => void bookAll()}
          >
            {busy
              ? 'Booking…'
              : conflicts.length
                ? `Book all ${sending} visits with the new times`
                : `Book all ${sending} visits`}
          </button>
          {unresolved.length > 0 ? <p className="hint">Pick a time for each visit marked above first.</p> : null}
        </section>
      ) : null}
    </div>
  );
}
