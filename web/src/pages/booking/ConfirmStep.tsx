import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/http.ts';
import { bookAppointment, BookingRefusal, rescheduleAppointment, type Slot } from '../../api/scheduling.ts';
import { ErrorSummary } from '../../components/Form.tsx';
import { Loading } from '../../components/StatusViews.tsx';
import { useLocations } from '../../sites.ts';
import { Link, navigate } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { therapistName, useTherapists, useServices } from '../schedule/therapists-and-services.ts';
import { AlternativeList } from '../schedule/SlotChoices.tsx';
import { dateLabel, timeAt, wallClock, zoneName } from '../schedule/time.ts';
import { priceLabel } from '../../format.ts';
import { stepUrl, type Answers } from './flow.ts';
import { useCreateIntent } from '../../api/intent.ts';

/**
 * What to do before a first visit, in our words, from the clinic guidance summarised in
 * /work/shared/clinical/REFERENCE.md ("Before the first visit").
 */
export const FIRST_VISIT_ADVICE = [
  'Arrive 15 minutes early. There are a few forms to fill in before we start.',
  'Wear comfortable clothes that let the therapist reach the areas that hurt.',
  'Avoid coffee, tea, energy drinks and other caffeine before your visit.',
  'Bring your health history (past injuries and operations) and a list of the medicines you take.',
];

export function FirstVisitAdvice({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="sch-advice" aria-labelledby="advice-title">
      <Heading id="advice-title">Before your first visit</Heading>
      <ul>
        {FIRST_VISIT_ADVICE.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

export function ConfirmStep({ answers, title }: { answers: Answers; title: string }) {
  const user = useUser();
  const locations = useLocations();
  const therapists = useTherapists();
  const services = useServices();
  const [refusal, setRefusal] = useState<BookingRefusal | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const site = locations.find((l) => l.id === answers.slotSite);
  const service = services?.find((s) => s.code === answers.service);
  if (!site || !service || !therapists) return <Loading />;

  const zone = site.timeZone;
  const start = answers.start!;
  const date = wallClock(start, zone).date;
  const therapist = therapistName(therapists, answers.slotTherapist!);
  const moving = answers.reschedule;

  const confirm = async () => {
    if (!user.patientId)
      return setErrors({ body: 'Only a patient account can book here. Ask the clinic to book for you.' });
    setBusy(true);
    setRefusal(null);
    setErrors({});
    const slot = {
      start,
      therapistId: answers.slotTherapist!,
      locationId: site.id,
      ...(answers.slotRoom ? { roomId: answers.slotRoom } : {}),
    };
    try {
      const done = moving
        ? await rescheduleAppointment(moving, { ...slot, reason: 'Changed by the patient online' })
        : await bookAppointment({ patientId: user.patientId, serviceCode: service.code, ...slot }, intent.keyFor(slot));
      navigate(`/book/done?id=${encodeURIComponent(done.id)}${moving ? '&moved=1' : ''}`);
    } catch (err) {
      if (err instanceof BookingRefusal && err.code === 'slot_unavailable') setRefusal(err);
      else if (err instanceof ApiError) setErrors({ body: Object.values(err.fields)[0] ?? err.message });
      else setErrors({ body: 'Something went wrong. Please try again.' });
    } finally {
      setBusy(false);
    }
  };
  const pickAlternative = (slot: Slot) => {
    setRefusal(null);
    navigate(
      stepUrl('confirm', {
        ...answers,
        start: slot.start,
        slotTherapist: slot.therapistId,
        slotSite: slot.locationId,
        slotRoom: slot.roomId,
      }),
      { replace: true },
    );
  };
  const siteName = (id: string) => (locations.find((l) => l.id === id)?.name ?? 'Clinic').replace(/^Knotwork /, '');

  return (
    <div className="narrow sch-question">
      <p className="breadcrumb">
        <Link to={stepUrl('time', answers)} className="sch-back">
          Back
        </Link>
      </p>
      <ErrorSummary items={errors.body ? [{ field: 'body', message: errors.body }] : []} />
      <h1 className="sch-question-title">{moving ? 'Check your new time' : title}</h1>
      <dl className="summary-list sch-check">
        <Row label="Visit" change={moving ? undefined : stepUrl('service', answers)}>
          {service.name}
        </Row>
        <Row label="Price">{priceLabel(service)}</Row>
        <Row label="Clinic" change={stepUrl('site', answers)}>
          {siteName(site.id)}
          <br />
          <span className="muted">
            {site.address.line1}, {site.address.city}
          </span>
        </Row>
        <Row label="Therapist" change={stepUrl('therapist', answers)}>
          {therapist}
        </Row>
        <Row label="Date and time" change={stepUrl('time', answers)}>
          {dateLabel(date)} at {timeAt(start, zone)}
          <br />
          <span className="muted">{zoneName(zone, Date.parse(start))}, the clinic’s local time</span>
        </Row>
      </dl>
      {service.isInitial && !moving ? <FirstVisitAdvice /> : null}
      {refusal ? (
        <div className="alert alert-warning" role="alert">
          <h2 className="alert-title">Sorry, that time is no longer free</h2>
          <p>Someone else may have just booked it. Choose another time. You will be asked to confirm it.</p>
          <AlternativeList
            alternatives={refusal.alternatives}
            busy={busy}
            onPick={pickAlternative}
            naming={{
              zoneOf: (id) => locations.find((l) => l.id === id)?.timeZone ?? zone,
              therapistName: (id) => therapistName(therapists, id),
              siteName,
            }}
          />
        </div>
      ) : null}
      <button type="button" className="button button-large" disabled={busy} onClick={() => void confirm()}>
        {busy ? 'Booking…' : moving ? 'Confirm the new time' : 'Confirm booking'}
      </button>
    </div>
  );
}

function Row({ label, change, children }: { label: string; change?: string; children: ReactNode }) {
  return (
    <div className="summary-row sch-check-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      {change ? (
        <dd className="sch-check-change">
          <Link to={change}>
            Change<span className="visually-hidden"> {label.toLowerCase()}</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}
