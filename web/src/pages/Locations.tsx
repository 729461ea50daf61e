import { getLocation, listLocations } from '../api/locations.ts';
import type { Closure, Location } from '../api/types.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatDate, formatTime, WEEKDAYS } from '../format.ts';
import { usePageTitle, useResource } from '../hooks.ts';
import { Link } from '../router.tsx';
import { usePortal } from '../session.tsx';
import { LocationEditors } from './admin/LocationEditors.tsx';

/** Monday first, as clinics print their hours. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export function HoursTable({ location, caption }: { location: Location; caption: string }) {
  return (
    <table className="table table-compact hours">
      <caption>{caption}</caption>
      <tbody>
        {WEEK_ORDER.map((day) => {
          const spans = location.hours[String(day)] ?? [];
          return (
            <tr key={day}>
              <th scope="row">{WEEKDAYS[day]}</th>
              <td>
                {spans.length === 0 ? (
                  <span className="muted">Closed</span>
                ) : (
                  spans.map((s) => `${formatTime(s.open)} – ${formatTime(s.close)}`).join(', ')
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function AddressLines({ location }: { location: Location }) {
  const a = location.address;
  return (
    <address>
      {a.line1}
      <br />
      {a.line2 ? (
        <>
          {a.line2}
          <br />
        </>
      ) : null}
      {a.city}, {a.state} {a.postalCode}
    </address>
  );
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

export function LocationList() {
  const portal = usePortal();
  const title = portal ? 'Our clinics' : 'Locations';
  usePageTitle(title);
  const [locations] = useResource(() => listLocations(), []);
  if (locations.status === 'loading') return <Loading />;
  if (locations.status === 'error') return <ErrorView error={locations.error} missingIsUnavailable={title} />;
  const list = [...locations.data].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        <p className="lead">{list.length} clinics</p>
      </div>
      <ul className="card-grid plain-list">
        {list.map((location) => (
          <li key={location.id} className="card location-card">
            <h2>
              <Link to={`/locations/${location.id}`}>{location.name}</Link>
              {!location.active ? <span className="badge badge-neutral">Closed permanently</span> : null}
            </h2>
            <div className="location-meta">
              <AddressLines location={location} />
              {location.phone ? (
                <p>
                  <a href={telHref(location.phone)}>{location.phone}</a>
                </p>
              ) : null}
            </div>
            <HoursTable location={location} caption="Opening hours" />
            {!portal ? (
              <p className="rooms">
                <span className="rooms-label">Rooms:</span>{' '}
                {location.rooms
                  .filter((r) => r.active)
                  .map((r) => r.name)
                  .join(', ') || 'none'}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function LocationDetailPage({ id }: { id: string }) {
  const portal = usePortal();
  const [location] = useResource(() => getLocation(id), [id]);
  usePageTitle(location.status === 'ok' ? location.data.name : 'Location');
  if (location.status === 'loading') return <Loading />;
  if (location.status === 'error') return <ErrorView error={location.error} what="location" />;
  const l = location.data;
  const closures: Closure[] = [...(l.closures ?? [])].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/locations">{portal ? 'Our clinics' : 'Locations'}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{l.name}</span>
      </nav>
      <div className="page-head">
        <h1>{l.name}</h1>
        {!l.active ? <span className="badge badge-neutral">Closed permanently</span> : null}
      </div>
      <div className="card-grid">
        <section className="card" aria-labelledby="visit-heading">
          <h2 id="visit-heading">Address and phone</h2>
          <AddressLines location={l} />
          {l.phone ? (
            <p>
              <a href={telHref(l.phone)}>{l.phone}</a>
            </p>
          ) : null}
          <p className="muted">Times are local ({l.timeZone.replace('_', ' ')}).</p>
        </section>
        {l.can.manage ? (
          <LocationEditors location={l} />
        ) : (
          <>
            <section className="card" aria-labelledby="hours-heading">
              <h2 id="hours-heading">Opening hours</h2>
              <HoursTable location={l} caption={`Opening hours of ${l.name}`} />
            </section>
            <section className="card" aria-labelledby="closures-heading">
              <h2 id="closures-heading">Closures</h2>
              {closures.length === 0 ? (
                <p className="muted">No closures planned.</p>
              ) : (
                <table className="table table-compact">
                  <caption className="visually-hidden">Days {l.name} is closed</caption>
                  <thead>
                    <tr>
                      <th scope="col">Dates</th>
                      <th scope="col">Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {closures.map((c) => (
                      <tr key={c.id}>
                        <td>
                          {c.startsOn === c.endsOn
                            ? formatDate(c.startsOn)
                            : `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`}
                        </td>
                        <td>{c.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            {!portal ? (
              <section className="card" aria-labelledby="rooms-heading">
                <h2 id="rooms-heading">Rooms</h2>
                <ul className="plain-list room-list">
                  {l.rooms.map((room) => (
                    <li key={room.id}>
                      {room.name}
                      {!room.active ? <span className="badge badge-neutral">Out of use</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
