import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import {
  acceptOffer,
  leaveWaitlist,
  listWaitlist,
  type WaitlistEntry,
  type WaitlistOffer,
} from '../../api/waitlist.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { Link, navigate } from '../../router.tsx';
import { useUser, useOrgTimeZone } from '../../session.tsx';
import { therapistName, serviceName, useTherapists, useServices } from '../schedule/therapists-and-services.ts';
import { dateLabel, timeAt, wallClock } from '../schedule/time.ts';
import { WaitlistForm } from './WaitlistForm.tsx';
import { timeOfDayLabel, windowLabel } from './waitlistWords.ts';
import './waitlist.css';
import { useCreateIntent } from '../../api/intent.ts';

export interface MyWaitlistState {
  entries: WaitlistEntry[] | null;
  reload: () => void;
}

/** The patient's own open entries, loaded once for both parts of "My appointments". */
export function useMyWaitlist(): MyWaitlistState {
  const [version, setVersion] = useState(0);
  const [list] = useResource((signal) => listWaitlist(signal), [version]);
  return { entries: list.status === 'ok' ? list.data : null, reload: () => setVersion((v) => v + 1) };
}

/** A time held for the patient, with an Accept button until the hold ends: top of "My appointments". */
export function WaitlistOffers({ waitlist }: { waitlist: MyWaitlistState }) {
  const [problem, setProblem] = useState('');
  const offered = (waitlist.entries ?? []).filter((e) => e.offer);
  return (
    <>
      {problem ? (
        <div className="alert alert-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {offered.map((entry) => (
        <OfferCard
          key={entry.offer!.id}
          entry={entry}
          offer={entry.offer!}
          onGone={(why) => {
            setProblem(why);
            waitlist.reload();
          }}
        />
      ))}
    </>
  );
}

/** What the patient is still waiting for, with a way to leave, and the way to join. */
export function MyWaitlist({ waitlist }: { waitlist: MyWaitlistState }) {
  const [problem, setProblem] = useState('');
  const [note, setNote] = useState('');
  const services = useServices();
  const siteName = useSiteName();
  if (!waitlist.entries) return null;
  const waiting = waitlist.entries.filter((e) => !e.offer);
  const leave = async (entry: WaitlistEntry) => {
    setProblem('');
    try {
      await leaveWaitlist(entry.id);
      setNote('You have left the waitlist.');
      waitlist.reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');
    }
  };
  return (
    <section aria-labelledby="my-waitlist">
      <h2 id="my-waitlist">Waitlist</h2>
      {problem ? (
        <div className="alert alert-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {note ? (
        <div className="alert alert-success" role="status">
          <p>{note}</p>
        </div>
      ) : null}
      {waiting.length === 0 ? (
        <p>
          You are not on the waitlist. If no time suits you, join it: we hold the first free time that fits and email
          you.
        </p>
      ) : (
        <ul className="plain-list wl-waiting">
          {waiting.map((entry) => {
            const what = `${serviceName(services, entry.serviceCode)}, ${windowLabel(entry)}`;
            return (
              <li key={entry.id}>
                <span>
                  <strong>{what}</strong>
                  <br />
                  {entry.locationIds.map(siteName).join(', ')} · {timeOfDayLabel(entry.timeOfDay)}
                </span>
                <button type="button" className="button button-secondary" onClick={() => void leave(entry)}>
                  Leave the waitlist<span className="visually-hidden"> for {what}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link to="/waitlist/join" className="button button-secondary">
          Join the waitlist
        </Link>
      </p>
    </section>
  );
}

function useSiteName() {
  const locations = useLocations();
  return (id: string) => (locations.find((l) => l.id === id)?.name ?? 'Clinic').replace(/^Knotwork /, '');
}

function OfferCard({
  entry,
  offer,
  onGone,
}: {
  entry: WaitlistEntry;
  offer: WaitlistOffer;
  onGone: (why: string) => void;
}) {
  const services = useServices();
  const therapists = useTherapists();
  const locations = useLocations();
  const siteName = useSiteName();
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const orgZone = useOrgTimeZone();
  const zone = locations.find((l) => l.id === offer.locationId)?.timeZone ?? orgZone;
  const when = `${dateLabel(wallClock(offer.start, zone).date)} at ${timeAt(offer.start, zone)}`;
  const until = `${timeAt(offer.expiresAt, zone)} on ${dateLabel(wallClock(offer.expiresAt, zone).date)}`;
  const accept = async () => {
    setBusy(true);
    try {
      const appointment = await acceptOffer(offer.id, intent.keyFor(offer.id));
      navigate(`/book/done?id=${encodeURIComponent(appointment.id)}`);
    } catch (err) {
      setBusy(false);
      onGone(err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');
    }
  };
  return (
    <section className="card wl-offer-card" aria-labelledby={`offer-${offer.id}`}>
      <h2 id={`offer-${offer.id}`}>A time is held for you</h2>
      <h3>{when}</h3>
      <p>
        {serviceName(services, entry.serviceCode)} with {therapistName(therapists, offer.therapistId)} at{' '}
        {siteName(offer.locationId)}.
      </p>
      <p className="wl-expiry">We hold it for you until {until}. After that it goes to the next person waiting.</p>
      <p className="button-row">
        <button type="button" className="button button-large" disabled={busy} onClick={() => void accept()}>
          {busy ? 'Booking…' : 'Accept this time'}
        </button>
      </p>
    </section>
  );
}

/** A patient joins the waitlist for themselves. */
export function JoinWaitlist() {
  usePageTitle('Join the waitlist');
  const user = useUser();
  const locations = useLocations();
  return (
    <div className="narrow sch-question">
      <p className="breadcrumb">
        <Link to="/appointments" className="sch-back">
          Back
        </Link>
      </p>
      <h1 className="sch-question-title">Join the waitlist</h1>
      <p>
        Tell us what you are waiting for. When a time that fits frees up, we hold it for you and email you. You then
        have a few hours to accept it in “My appointments”.
      </p>
      {locations.length > 0 ? (
        <WaitlistForm
          patientId={user.patientId ?? ''}
          siteIds={[]}
          defaultSite=""
          submitLabel="Join the waitlist"
          onJoined={() => navigate('/appointments?waitlisted=1')}
        />
      ) : null}
    </div>
  );
}
