import type { Appointment } from '../../api/scheduling.ts';
import type { Location, Therapist } from '../../api/types.ts';
import { plural } from '../../format.ts';
import { Link } from '../../router.tsx';
import { openingOn, placeOn } from './dayModel.ts';
import { isInactive } from './status.ts';
import { dateLabel, wallClock } from './time.ts';

/**
 * A site's week at a glance: one row per therapist, one cell per day with the number of visits and
 * a strip that draws them across the opening hours (the picture; the number is what is read out).
 */
export function WeekGrid({
  dates,
  location,
  therapists,
  appointments,
  dayHref,
  closedFor,
}: {
  dates: string[];
  location: Location;
  therapists: Therapist[];
  appointments: Appointment[];
  dayHref: (date: string) => string;
  /** The closure reason when the site is closed that day (a holiday). */
  closedFor: (date: string) => string | null;
}) {
  const zone = location.timeZone;
  const active = appointments.filter((a) => a.locationId === location.id && !isInactive(a.status));
  const byCell = new Map<string, Appointment[]>();
  for (const a of active) {
    const key = `${a.therapistId}|${wallClock(a.start, zone).date}`;
    byCell.set(key, [...(byCell.get(key) ?? []), a]);
  }
  const spans = dates.flatMap((d) => openingOn(location, d));
  const dayStart = spans.length ? Math.min(...spans.map((s) => s.from)) : 8 * 60;
  const dayEnd = spans.length ? Math.max(...spans.map((s) => s.to)) : 18 * 60;
  const rows = therapists.filter(
    (t) => t.locationIds.includes(location.id) || active.some((a) => a.therapistId === t.id),
  );
  const percent = (m: number) =>
    `${(Math.min(Math.max(m - dayStart, 0), dayEnd - dayStart) / (dayEnd - dayStart)) * 100}%`;
  return (
    <div
      className="table-wrap sch-week"
      tabIndex={0}
      role="region"
      data-own-arrows=""
      aria-label={`Week at ${location.name}`}
    >
      <table className="table table-compact">
        <caption className="visually-hidden">Visits per therapist per day at {location.name}</caption>
        <thead>
          <tr>
            <th scope="col">Therapist</th>
            {dates.map((date) => (
              <th
                scope="col"
                key={date}
                className={openingOn(location, date).length === 0 || closedFor(date) ? 'sch-week-closed' : undefined}
              >
                <Link to={dayHref(date)} className="sch-week-day">
                  {dateLabel(date, 'short')}
                </Link>
                {closedFor(date) ? <span className="sch-week-note">Closed: {closedFor(date)}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((therapist) => (
            <tr key={therapist.id}>
              <th scope="row" className="nowrap">
                {therapist.name}
              </th>
              {dates.map((date) => {
                const visits = (byCell.get(`${therapist.id}|${date}`) ?? []).map((a) => placeOn(a, date, zone));
                return (
                  <td key={date} className="sch-week-cell">
                    <span className={visits.length ? 'sch-week-count' : 'sch-week-count muted'}>
                      {visits.length ? plural(visits.length, 'visit') : '—'}
                    </span>
                    {visits.some((v) => v.appointment.status === 'booked' && v.appointment.conflict) ? (
                      <span className="sch-week-conflict">
                        {plural(
                          visits.filter((v) => v.appointment.status === 'booked' && v.appointment.conflict).length,
                          'needs',
                          'need',
                        )}{' '}
                        a new time
                      </span>
                    ) : null}
                    <span className="sch-week-bar" aria-hidden="true">
                      {visits.map((v) => (
                        <span
                          key={v.appointment.id}
                          className="sch-week-block"
                          style={{ left: percent(v.from), width: `calc(${percent(v.to)} - ${percent(v.from)})` }}
                        />
                      ))}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
          <tr className="sch-week-total">
            <th scope="row">All therapists</th>
            {dates.map((date) => {
              const count = active.filter((a) => wallClock(a.start, zone).date === date).length;
              return (
                <td key={date}>
                  {(openingOn(location, date).length === 0 || closedFor(date)) && count === 0
                    ? 'Closed'
                    : plural(count, 'visit')}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
