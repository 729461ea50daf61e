import { BookingWarnings } from '../../components/BookingWarnings.tsx';
import { useState } from 'react';
import type { TreatmentPlan } from '../../api/charting.ts';
import { ApiError } from '../../api/http.ts';
import { bookPlanSeries, type BookedPlan, type VisitChoice } from '../../api/plan-booking.ts';
import { BookingRefusal, type SeriesConflict, type Slot } from '../../api/scheduling.ts';
import type { Location, Therapist } from '../../api/types.ts';
import { Link } from '../../router.tsx';
import { calendarUrl } from '../schedule/Calendar.tsx';
import { clockLabel, dateLabel, minutesOf, timeAt, wallClock } from '../schedule/time.ts';
import { useCreateIntent } from '../../api/intent.ts';

type Choice = { kind: 'slot'; slot: Slot } | { kind: 'skip' };

/**
 * "Book the series": one action books every visit of the plan. When some cannot be booked as
 * planned nothing is booked; each such visit offers its alternatives (or leave it out) and the
 * retry sends every choice made so far, so it is still all or nothing.
 */
export function PlanBooking({
  plan,
  locations,
  therapists,
  onPlan,
}: {
  plan: TreatmentPlan;
  locations: Location[];
  therapists: Therapist[];
  onPlan: (plan: TreatmentPlan) => void;
}) {
  const [conflicts, setConflicts] = useState<SeriesConflict[]>([]);
  const [refusal, setRefusal] = useState('');
  const [choices, setChoices] = useState<Map<number, Choice>>(new Map());
  const [booked, setBooked] = useState<BookedPlan | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const site = locations.find((l) => l.id === plan.plan.locationId);
  const zoneOf = (locationId: string) =>
    locations.find((l) => l.id === locationId)?.timeZone ?? site?.timeZone ?? 'UTC';
  const siteName = (locationId: string) => locations.find((l) => l.id === locationId)?.name ?? 'the clinic';
  const therapistName = (id: string) => therapists.find((t) => t.id === id)?.name ?? 'the therapist';

  const book = async () => {
    setBusy(true);
    setError('');
    const sent: VisitChoice[] = [...choices].map(([visit, c]) =>
      c.kind === 'skip' ? { visit, skip: true } : { visit, start: c.slot.start, locationId: c.slot.locationId },
    );
    try {
      const result = await bookPlanSeries(plan.id, sent, intent.keyFor(sent));
      setBooked(result);
      setConflicts([]);
      onPlan(result.plan);
    } catch (err) {
      if (err instanceof BookingRefusal && err.code === 'series_conflict') {
        // A visit that conflicts again needs a new choice; the others keep theirs.
        const again = new Set(err.conflicts.map((c) => c.visit));
        setChoices(new Map([...choices].filter(([visit]) => !again.has(visit))));
        setConflicts(err.conflicts);
        setRefusal(err.message);
      } else setError(err instanceof ApiError ? err.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  if (booked || plan.seriesId) {
    const list = [...(booked?.appointments ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    const first = list[0];
    return (
      <div className="ch-plan-booked">
        <div className="alert alert-success" role="status">
          <h3 className="alert-title">
            {booked ? `Booked ${list.length} visits.` : 'The series of this plan is booked.'}
          </h3>
          {booked ? <p>Nothing more to do: the patient gets the reminders.</p> : null}
        </div>
        <BookingWarnings warnings={booked?.warnings ?? []} dated />
        {list.length ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Booked visits">
            <table className="table">
              <caption className="visually-hidden">Booked visits</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Time</th>
                  <th scope="col">Clinic</th>
                  <th scope="col">Therapist</th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id}>
                    <td>{dateLabel(wallClock(a.start, zoneOf(a.locationId)).date)}</td>
                    <td>{timeAt(a.start, zoneOf(a.locationId))}</td>
                    <td>{siteName(a.locationId)}</td>
                    <td>{therapistName(a.therapistId)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {first ? (
          <p>
            <Link
              className="button"
              to={calendarUrl(first.locationId, wallClock(first.start, zoneOf(first.locationId)).date, 'week')}
            >
              Open the calendar
            </Link>
          </p>
        ) : null}
      </div>
    );
  }

  const unresolved = conflicts.filter((c) => !choices.has(c.visit));
  // The series is booked with the plan's therapist, so only their free times are real choices.
  const usable = (c: SeriesConflict) => c.alternatives.filter((s) => s.therapistId === plan.plan.therapistId);
  const choose = (visit: number, choice: Choice) => setChoices(new Map(choices).set(visit, choice));
  return (
    <div className="ch-plan-booking">
      {conflicts.length === 0 ? (
        <button type="button" className="button button-large" onClick={() => void book()} disabled={busy}>
          {busy ? 'Booking…' : 'Book the series'}
        </button>
      ) : (
        <section className="ch-conflicts" aria-labelledby="conflicts-title">
          <div className="alert alert-warning" role="alert">
            <h3 id="conflicts-title" className="alert-title">
              {conflicts.length === 1 ? '1 visit needs another time' : `${conflicts.length} visits need another time`}
            </h3>
            <p>{refusal} Pick another time for each visit below (or leave it out), then book again.</p>
          </div>
          <ol className="ch-conflict-list">
            {conflicts.map((c) => {
              const chosen = choices.get(c.visit);
              const label = `Visit ${c.visit + 1}`;
              const isChosen = (slot: { start: string }) => chosen?.kind === 'slot' && chosen.slot.start === slot.start;
              return (
                <li key={c.visit}>
                  <h4>
                    {label}: {dateLabel(c.wanted.date)} at {clockLabel(minutesOf(c.wanted.time))}
                  </h4>
                  <p className="error-message">
                    Not free:{' '}
                    {c.reasons.map((r) => r.message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'the therapist')).join('; ')}
                  </p>
                  {usable(c).length === 0 ? (
                    <p>
                      No free time nearby. Leave this visit out, or change the plan's days or time and save it again.
                    </p>
                  ) : null}
                  <div className="ch-toggle-row" role="group" aria-label={`Other times for visit ${c.visit + 1}`}>
                    {usable(c).map((slot) => (
                      <button
                        key={slot.start + slot.therapistId}
                        type="button"
                        className={`ch-toggle${isChosen(slot) ? ' is-on' : ''}`}
                        aria-pressed={isChosen(slot)}
                        onClick={() => choose(c.visit, { kind: 'slot', slot })}
                      >
                        {dateLabel(wallClock(slot.start, zoneOf(slot.locationId)).date, 'short')}{' '}
                        {timeAt(slot.start, zoneOf(slot.locationId))}
                        {slot.locationId !== plan.plan.locationId ? ` · ${siteName(slot.locationId)}` : ''}
                      </button>
                    ))}
                    <button
                      type="button"
                      className={`ch-toggle${chosen?.kind === 'skip' ? ' is-on' : ''}`}
                      aria-pressed={chosen?.kind === 'skip'}
                      onClick={() => choose(c.visit, { kind: 'skip' })}
                    >
                      Leave this visit out
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button-large"
            onClick={() => void book()}
            disabled={busy || unresolved.length > 0}
          >
            {busy ? 'Booking…' : 'Book the series with these times'}
          </button>
          {unresolved.length > 0 ? (
            <p className="hint">Choose a time, or leave the visit out, for each visit above first.</p>
          ) : null}
        </section>
      )}
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
