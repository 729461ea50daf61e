import type { BookingWarning } from '../../api/scheduling.ts';
import { BookingWarnings } from '../../components/BookingWarnings.tsx';
import { useEffect, useMemo, useState } from 'react';
import { getLocation } from '../../api/locations.ts';
import { getSchedule, listAppointments, type Appointment, type WeeklySchedule } from '../../api/scheduling.ts';
import type { Location } from '../../api/types.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { navigate, useUrl, Link } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { AppointmentPanel } from './AppointmentPanel.tsx';
import { BookPanel } from './BookPanel.tsx';
import { buildDay } from './dayModel.ts';
import { DayGrid } from './DayGrid.tsx';
import {
  therapistName,
  serviceName,
  shortServiceName,
  usePatientNames,
  useTherapists,
  useServices,
} from './therapists-and-services.ts';
import type { MoveTarget } from './ReschedulePanel.tsx';
import { ShortcutHelp, useCalendarKeys } from './shortcuts.tsx';
import type { SlotNaming } from './SlotChoices.tsx';
import { addDays, dateLabel, mondayOf, timeAt, todayAt, wallClock } from './time.ts';
import { WeekGrid } from './WeekGrid.tsx';

type Panel =
  | { kind: 'book'; therapistId: string | null; minutes: number | null; patientId?: string }
  | { kind: 'appointment'; id: string }
  | null;

export function calendarUrl(site: string, date: string, view: 'day' | 'week'): string {
  return `/schedule?${new URLSearchParams({ site, date, view }).toString()}`;
}

/** Front desk: a site's day (therapist columns, 15-minute rows) or week, in the site's time zone. */
export function CalendarPage() {
  const user = useUser();
  const locations = useLocations();
  const { search } = useUrl();
  const mine = locations.filter((l) => user.locationIds.length === 0 || user.locationIds.includes(l.id));
  const location = locations.find((l) => l.id === search.get('site')) ?? mine[0] ?? locations[0];
  usePageTitle(location ? `Calendar – ${location.name}` : 'Calendar');
  if (!location) return <Loading label="Loading the calendar…" />;
  return <SiteCalendar key={location.id} location={location} sites={mine.length ? mine : locations} />;
}

function SiteCalendar({ location, sites }: { location: Location; sites: Location[] }) {
  const { search } = useUrl();
  const zone = location.timeZone;
  const date = /^\d{4}-\d\d-\d\d$/.test(search.get('date') ?? '') ? search.get('date')! : todayAt(zone);
  const view = search.get('view') === 'week' ? 'week' : 'day';
  const go = (next: { date?: string; view?: 'day' | 'week'; site?: string }) =>
    navigate(calendarUrl(next.site ?? location.id, next.date ?? date, next.view ?? view), { replace: false });
  const step = view === 'week' ? 7 : 1;
  useCalendarKeys({
    prev: () => go({ date: addDays(date, -step) }),
    next: () => go({ date: addDays(date, step) }),
    today: () => go({ date: todayAt(zone) }),
    day: () => go({ view: 'day' }),
    week: () => go({ view: 'week' }),
  });

  const allTherapists = useTherapists();
  const services = useServices();
  const therapists = useMemo(
    () => (allTherapists ?? []).filter((p) => (!('active' in p) || p.active) && p.locationIds.includes(location.id)),
    [allTherapists, location.id],
  );
  const [refresh, setRefresh] = useState(0);
  const from = view === 'week' ? mondayOf(date) : date;
  const to = view === 'week' ? addDays(from, 6) : date;
  const [loaded, setLoaded] = useState<{ key: string; list: Appointment[] } | { key: string; error: unknown } | null>(
    null,
  );
  const rangeKey = `${location.id}|${from}|${to}`;
  useEffect(() => {
    const controller = new AbortController();
    listAppointments({ location: location.id, from, to }, controller.signal).then(
      (list) => setLoaded({ key: rangeKey, list }),
      (error: unknown) => !controller.signal.aborted && setLoaded({ key: rangeKey, error }),
    );
    return () => controller.abort();
  }, [rangeKey, refresh]); // eslint-disable-line react-hooks/exhaustive-deps
  const [schedules] = useResource(async () => {
    const pairs = await Promise.all(
      therapists.map(async (t) => [t.id, await getSchedule(t.id).catch(() => null)] as const),
    );
    return new Map(pairs.filter((p): p is readonly [string, WeeklySchedule] => p[1] !== null));
  }, [therapists]);
  const [detail] = useResource(() => getLocation(location.id), [location.id]);
  const closures = detail.status === 'ok' ? detail.data.closures : [];
  const closedFor = (d: string) => closures.find((c) => c.startsOn <= d && d <= c.endsOn)?.reason ?? null;
  // Opened from a patient's page ("Book a visit"): the booking panel starts with that patient.
  const bookFor = search.get('patient');
  const [panel, setPanelState] = useState<Panel>(
    bookFor ? { kind: 'book', therapistId: null, minutes: null, patientId: bookFor } : null,
  );
  const bookingNames = usePatientNames(panel?.kind === 'book' && panel.patientId ? [panel.patientId] : []);
  const [moving, setMoving] = useState(false);
  const [moveTarget, setMoveTarget] = useState<MoveTarget | null>(null);
  const [message, setMessage] = useState('');
  const [warnings, setWarnings] = useState<BookingWarning[]>([]);
  const [showCancelled, setShowCancelled] = useState(false);
  /** Opening another panel ends a move, unless the panel opens for one (a drop on the grid). */
  const setPanel = (next: Panel, move: MoveTarget | null = null) => {
    setPanelState(next);
    setMoving(move !== null);
    setMoveTarget(move);
  };

  // The last answer stays on screen while the next one loads, so a refresh does not blank the day.
  const list = loaded && 'list' in loaded && loaded.key === rangeKey ? loaded.list : [];
  const loading = !loaded || loaded.key !== rangeKey;
  const names = usePatientNames(list.map((a) => a.patientId));
  const patientName = (id: string) => names.get(id) ?? (names.has(id) ? 'Patient (other site)' : '…');
  const rooms = new Map(location.rooms.map((r) => [r.id, r.name]));
  const roomName = (id: string | null) => (id ? (rooms.get(id) ?? 'Room') : null);
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));
  const naming: SlotNaming = {
    zoneOf: () => zone,
    therapistName: (id) => therapistName(allTherapists, id),
    siteName: (id) => siteNames.get(id) ?? location.name,
  };
  const open = panel?.kind === 'appointment' ? (list.find((a) => a.id === panel.id) ?? null) : null;

  const replaceOne = (updated: Appointment, text: string) => {
    // A visit booked or moved to another day: follow it there, with its details open.
    const day = wallClock(updated.start, zone).date;
    if (day < from || day > to) go({ date: day });
    setLoaded({
      key: rangeKey,
      list: list.some((a) => a.id === updated.id)
        ? list.map((a) => (a.id === updated.id ? updated : a))
        : [...list, updated],
    });
    setMessage(text);
    setWarnings([]);
    setRefresh((n) => n + 1);
  };
  const onCell = (therapistId: string, minutes: number) => {
    if (moving) setMoveTarget({ therapistId, date, minutes });
    else setPanel({ kind: 'book', therapistId, minutes });
  };
  const onDropMove = (id: string, therapistId: string, minutes: number) => {
    setPanel({ kind: 'appointment', id }, { therapistId, date, minutes });
  };

  if (loaded && 'error' in loaded) return <ErrorView error={loaded.error} missingIsUnavailable="Calendar" />;
  const needNewTime = list.filter(
    (a) =>
      a.locationId === location.id &&
      a.status === 'booked' &&
      a.conflict &&
      (view === 'week' || wallClock(a.start, zone).date === date),
  ).length;
  const model = buildDay({
    date,
    location,
    therapists,
    schedules: schedules.status === 'ok' ? schedules.data : new Map(),
    appointments: list,
    showCancelled,
  });
  const title = view === 'week' ? `Week of ${dateLabel(from, 'short')}` : dateLabel(date, 'long');

  return (
    <div className="sch-calendar">
      <div className="page-head sch-head">
        <div>
          <h1>
            {location.name}: {title}
          </h1>
          <p className="lead">Times are the clinic’s local time ({zone.replace('_', ' ')}).</p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => setPanel({ kind: 'book', therapistId: null, minutes: null })}
          >
            Book an appointment
          </button>
          <Link to="/schedule/series" className="button button-secondary">
            Book a series
          </Link>
        </div>
      </div>
      <div className="sch-toolbar" role="toolbar" aria-label="Calendar controls">
        {sites.length > 1 ? (
          <label className="sch-site">
            <span className="visually-hidden">Site</span>
            <select className="input" value={location.id} onChange={(e) => go({ site: e.target.value })}>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="sch-nav">
          <button type="button" className="button button-secondary" onClick={() => go({ date: addDays(date, -step) })}>
            ←<span className="sch-wide">&nbsp;Previous {view}</span>
          </button>
          <button type="button" className="button button-secondary" onClick={() => go({ date: todayAt(zone) })}>
            Today
          </button>
          <button type="button" className="button button-secondary" onClick={() => go({ date: addDays(date, step) })}>
            <span className="sch-wide">Next {view}&nbsp;</span>→
          </button>
          <label className="sch-date">
            <span className="visually-hidden">Go to date</span>
            <input
              type="date"
              className="input"
              value={date}
              onChange={(e) => e.target.value && go({ date: e.target.value })}
            />
          </label>
        </div>
        <div className="sch-views" role="group" aria-label="View">
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={view === 'day'}
            onClick={() => go({ view: 'day' })}
          >
            Day
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={view === 'week'}
            onClick={() => go({ view: 'week' })}
          >
            Week
          </button>
        </div>
        {view === 'day' ? (
          <label className="checkbox sch-show-cancelled">
            <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} /> Show
            cancelled
          </label>
        ) : null}
        <ShortcutHelp />
      </div>
      <p className="sch-message" role="status" aria-live="polite">
        {message}
      </p>
      <BookingWarnings warnings={warnings} />
      {view === 'day' && closedFor(date) ? (
        <p className="notice sch-moving-note">The clinic is closed on this day: {closedFor(date)}.</p>
      ) : null}
      {needNewTime > 0 ? (
        <p className="notice sch-conflict-note">
          {needNewTime === 1 ? '1 booked visit' : `${needNewTime} booked visits`}{' '}
          {view === 'day' ? 'on this day' : 'this week'} no longer {needNewTime === 1 ? 'fits' : 'fit'} the schedule.
          Open each (marked “Needs a new time”) to email the patient a link, move it or cancel it.
        </p>
      ) : null}
      {moving ? (
        <p className="notice sch-moving-note">
          Choose the new time: click a free cell on the calendar, or use the list in the panel.
        </p>
      ) : null}
      <div className={`sch-layout${panel ? ' has-panel' : ''}`}>
        <div className="sch-main">
          {loading ? <Loading label="Loading appointments…" /> : null}
          {view === 'day' ? (
            <DayGrid
              model={model}
              siteName={location.name}
              patientName={patientName}
              serviceName={(code) => shortServiceName(services, code)}
              roomName={roomName}
              selectedId={open?.id ?? null}
              moving={moving ? open : null}
              target={
                moving
                  ? moveTarget
                  : panel?.kind === 'book' && panel.therapistId && panel.minutes !== null
                    ? { therapistId: panel.therapistId, date, minutes: panel.minutes }
                    : null
              }
              onCell={onCell}
              onOpen={(a) => setPanel({ kind: 'appointment', id: a.id })}
              onDropMove={onDropMove}
            />
          ) : (
            <WeekGrid
              dates={Array.from({ length: 7 }, (_, i) => addDays(from, i))}
              location={location}
              therapists={therapists}
              appointments={list}
              dayHref={(d) => calendarUrl(location.id, d, 'day')}
              closedFor={closedFor}
            />
          )}
        </div>
        {panel?.kind === 'book' && services ? (
          <BookPanel
            key={`${panel.therapistId}-${panel.minutes}-${date}`}
            location={location}
            therapists={model.columns.map((c) => c.therapist)}
            services={services}
            date={date}
            therapistId={panel.therapistId}
            minutes={panel.minutes}
            naming={naming}
            onClose={() => setPanel(null)}
            patient={
              panel.patientId && bookingNames.get(panel.patientId)
                ? { id: panel.patientId, name: bookingNames.get(panel.patientId)! }
                : null
            }
            onBooked={(a, name) => {
              setPanel({ kind: 'appointment', id: a.id });
              replaceOne(
                a,
                `Booked ${name}: ${dateLabel(wallClock(a.start, zone).date, 'short')} at ${timeAt(a.start, zone)}.`,
              );
              setWarnings(a.warnings);
            }}
          />
        ) : null}
        {open ? (
          <AppointmentPanel
            appointment={open}
            location={location}
            naming={naming}
            patientName={patientName(open.patientId)}
            serviceName={serviceName(services, open.serviceCode)}
            roomName={roomName(open.roomId)}
            moving={moving}
            moveTarget={moveTarget}
            onMove={(on) => {
              setMoving(on);
              setMoveTarget(null);
            }}
            onChanged={replaceOne}
            onClose={() => setPanel(null)}
          />
        ) : null}
      </div>
    </div>
  );
}
