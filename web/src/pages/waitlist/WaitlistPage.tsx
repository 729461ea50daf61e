import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { leaveWaitlist, listWaitlist, type WaitlistEntry } from '../../api/waitlist.ts';
import { SelectField } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { navigate, useUrl } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import {
  therapistName,
  serviceName,
  usePatientNames,
  useTherapists,
  useServices,
} from '../schedule/therapists-and-services.ts';
import { todayAt } from '../schedule/time.ts';
import { WaitlistForm } from './WaitlistForm.tsx';
import { entryState, siteTime, timeOfDayLabel, windowLabel } from './waitlistWords.ts';
import './waitlist.css';

/** The front desk's waitlist: who waits for what at one site, in queue order, and each entry's state. */
export function WaitlistPage() {
  usePageTitle('Waitlist');
  const user = useUser();
  const locations = useLocations();
  const { search } = useUrl();
  const mySites = user.locationIds.length > 0 ? locations.filter((l) => user.locationIds.includes(l.id)) : locations;
  const siteId = search.get('site') ?? mySites[0]?.id ?? '';
  const site = locations.find((l) => l.id === siteId);
  const [version, setVersion] = useState(0);
  const [list] = useResource((signal) => listWaitlist(signal, 'booked'), [version]);
  const [message, setMessage] = useState('');
  const [added, setAdded] = useState(0);
  const reload = (text: string) => {
    setMessage(text);
    setVersion((v) => v + 1);
  };
  const here = list.status === 'ok' ? list.data.filter((e) => e.locationIds.includes(siteId)) : [];
  return (
    <div className="wl-page">
      <div className="page-head">
        <div>
          <h1>Waitlist{site ? ` – ${site.name.replace(/^Knotwork /, '')}` : ''}</h1>
          <p className="hint">
            When a time frees up, it is held for the first patient who fits, who then has a set time to accept it.
          </p>
        </div>
        {mySites.length > 1 ? (
          <SelectField
            name="site"
            label="Site"
            value={siteId}
            onValue={(id) => navigate(`/waitlist?site=${id}`, { replace: true })}
            options={mySites.map((l) => ({ value: l.id, label: l.name }))}
          />
        ) : null}
      </div>
      <p className="sch-message" role="status">
        {message}
      </p>
      <div className="wl-layout">
        <section className="wl-list" aria-labelledby="wl-list-title">
          <div className="wl-list-head">
            <h2 id="wl-list-title">On the list at this site ({here.length})</h2>
            <button type="button" className="button button-secondary sch-small-button" onClick={() => reload('')}>
              Refresh
            </button>
          </div>
          {list.status === 'loading' ? <Loading /> : null}
          {list.status === 'error' ? <ErrorView error={list.error} missingIsUnavailable="Waitlist" /> : null}
          {list.status === 'ok' ? (
            <EntryTable entries={here} timeZone={site?.timeZone ?? user.orgTimeZone} onRemoved={reload} />
          ) : null}
        </section>
        <section className="card wl-add" aria-labelledby="wl-add-title">
          <h2 id="wl-add-title">Add a patient to the waitlist</h2>
          {siteId ? (
            <WaitlistForm
              key={`${siteId}-${added}`}
              siteIds={mySites.map((l) => l.id)}
              defaultSite={siteId}
              submitLabel="Add to the waitlist"
              onJoined={(_entry, name) => {
                setAdded((n) => n + 1);
                reload(`Added ${name ?? 'the patient'} to the waitlist.`);
              }}
            />
          ) : (
            <Loading />
          )}
        </section>
      </div>
    </div>
  );
}

function EntryTable({
  entries,
  timeZone,
  onRemoved,
}: {
  entries: WaitlistEntry[];
  timeZone: string;
  onRemoved: (message: string) => void;
}) {
  const names = usePatientNames(entries.map((e) => e.patientId));
  const services = useServices();
  const therapists = useTherapists();
  const locations = useLocations();
  const [problem, setProblem] = useState('');
  const today = todayAt(timeZone);
  if (entries.length === 0) return <p className="notice">Nobody is waiting at this site.</p>;
  const remove = async (entry: WaitlistEntry, name: string) => {
    setProblem('');
    try {
      await leaveWaitlist(entry.id);
      onRemoved(
        `Removed ${name} from the waitlist.${entry.offer ? ' The held time goes to the next patient who fits.' : ''}`,
      );
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Could not remove the entry. Please try again.');
    }
  };
  return (
    <>
      {problem ? (
        <div className="alert alert-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table wl-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Patient</th>
              <th scope="col">Wants</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => {
              const name = names.get(entry.patientId) ?? 'Patient';
              const state = entryState(entry, today);
              const offerZone = entry.offer
                ? (locations.find((l) => l.id === entry.offer!.locationId)?.timeZone ?? timeZone)
                : timeZone;
              const others = entry.locationIds.length - 1;
              return (
                <tr key={entry.id}>
                  <td>{index + 1}</td>
                  <th scope="row">{name}</th>
                  <td>
                    {serviceName(services, entry.serviceCode)}
                    <br />
                    <span className="wl-muted">
                      {windowLabel(entry)} · {timeOfDayLabel(entry.timeOfDay)}
                      {others > 0 ? ` · also ${others} other site${others > 1 ? 's' : ''}` : ''}
                    </span>
                  </td>
                  <td>
                    <span className={`badge ${state.badge}`}>{state.label}</span>
                    {entry.offer ? (
                      <span className="wl-offer">
                        {siteTime(entry.offer.start, offerZone)} with{' '}
                        {therapistName(therapists, entry.offer.therapistId)}
                        <br />
                        held until {siteTime(entry.offer.expiresAt, offerZone)}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {entry.status === 'booked' ? null : (
                      <button
                        type="button"
                        className="button button-secondary sch-small-button"
                        onClick={() => void remove(entry, name)}
                      >
                        Remove<span className="visually-hidden"> {name} from the waitlist</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
