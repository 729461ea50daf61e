import { useEffect, useRef, useState } from 'react';
import {
  bookAppointment,
  BookingRefusal,
  findSlots,
  type BookedAppointment,
  type Service,
  type Slot,
} from '../../api/scheduling.ts';
import { ApiError } from '../../api/http.ts';
import type { Location, Therapist } from '../../api/types.ts';
import { ErrorSummary, SelectField, summaryItems, TextField } from '../../components/Form.tsx';
import { useResource } from '../../hooks.ts';
import { PatientPicker, type PickedPatient } from './PatientPicker.tsx';
import { AlternativeList, type SlotNaming } from './SlotChoices.tsx';
import { clockLabel, dateLabel, wallClock, instantAt, zoneName } from './time.ts';
import { useCreateIntent } from '../../api/intent.ts';

const LABELS = {
  patientId: 'Patient',
  serviceCode: 'Service',
  therapistId: 'Therapist',
  start: 'Time',
  date: 'Date',
  roomId: 'Room',
  locationId: '',
};

/**
 * Front desk: book one visit at a site. Opened from a free cell (therapist and time filled in) or the "Book" button.
 */
export function BookPanel({
  location,
  therapists,
  services,
  date: initialDate,
  therapistId: initialTherapist,
  minutes,
  naming,
  onBooked,
  onClose,
  patient: initialPatient = null,
}: {
  location: Location;
  therapists: Therapist[];
  services: Service[];
  date: string;
  therapistId: string | null;
  minutes: number | null;
  naming: SlotNaming;
  onBooked: (appointment: BookedAppointment, patientName: string) => void;
  onClose: () => void;
  /** Chosen already (booking from the patient's page). */
  patient?: PickedPatient | null;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [patient, setPatient] = useState<PickedPatient | null>(initialPatient);
  // The name arrives after the panel opens: take it then, unless someone chose already.
  useEffect(() => {
    if (initialPatient) setPatient((current) => current ?? initialPatient);
  }, [initialPatient?.id, initialPatient?.name]); // eslint-disable-line react-hooks/exhaustive-deps
  const [therapistId, setTherapistId] = useState(initialTherapist ?? therapists[0]?.id ?? '');
  const therapist = therapists.find((t) => t.id === therapistId);
  const offered = services.filter((s) => !therapist || s.discipline === therapist.discipline);
  const [serviceCode, setServiceCode] = useState(
    offered.find((s) => s.code === 'nmt-followup-60')?.code ?? offered[0]?.code ?? '',
  );
  const [date, setDate] = useState(initialDate);
  const [time, setTime] = useState(minutes === null ? '' : String(minutes));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<BookingRefusal | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!offered.some((s) => s.code === serviceCode)) setServiceCode(offered[0]?.code ?? '');
  }, [therapistId]); // eslint-disable-line react-hooks/exhaustive-deps

  const [free] = useResource(
    (signal) =>
      serviceCode && therapistId && /^\d{4}-\d\d-\d\d$/.test(date)
        ? findSlots(
            { service: serviceCode, from: date, to: date, location: location.id, therapist: therapistId },
            signal,
          )
        : Promise.resolve([] as Slot[]),
    [serviceCode, therapistId, date, location.id],
  );
  const freeMinutes = free.status === 'ok' ? free.data.map((s) => wallClock(s.start, location.timeZone).minutes) : [];
  const timeOptions = [...new Set([...(time ? [Number(time)] : []), ...freeMinutes])].sort((a, b) => a - b);
  const chosenIsFree = time !== '' && freeMinutes.includes(Number(time));

  const intent = useCreateIntent();
  const book = async (slot?: Slot) => {
    const missing: Record<string, string> = {};
    if (!patient) missing.patientId = 'Choose the patient.';
    if (!slot && time === '') missing.start = 'Choose a time.';
    setErrors(missing);
    if (!patient || Object.keys(missing).length > 0) return;
    setBusy(true);
    setRefusal(null);
    try {
      const start = slot ? slot.start : new Date(instantAt(date, Number(time), location.timeZone)).toISOString();
      const booking = {
        patientId: patient.id,
        serviceCode,
        start,
        therapistId: slot?.therapistId ?? therapistId,
        locationId: location.id,
        ...(slot?.roomId ? { roomId: slot.roomId } : {}),
      };
      const booked = await bookAppointment(booking, intent.keyFor(booking));
      onBooked(booked, patient.name);
    } catch (err) {
      if (err instanceof BookingRefusal && err.code === 'slot_unavailable') setRefusal(err);
      else if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setErrors({ body: err instanceof Error ? err.message : 'Something went wrong.' });
    } finally {
      setBusy(false);
    }
  };

  const zone = zoneName(location.timeZone, instantAt(date, 12 * 60, location.timeZone));
  return (
    <section className="sch-panel" aria-labelledby="sch-book-title">
      <div className="sch-panel-head">
        <h2 id="sch-book-title" tabIndex={-1} ref={headingRef}>
          Book an appointment
        </h2>
        <button type="button" className="button button-secondary sch-small-button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted sch-panel-sub">
        {location.name} · times in {zone}
      </p>
      <ErrorSummary items={summaryItems(errors, Object.keys(LABELS))} labels={LABELS} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void book();
        }}
        noValidate
      >
        <PatientPicker value={patient} onPick={setPatient} error={errors.patientId} />
        <SelectField
          name="therapistId"
          label="Therapist"
          value={therapistId}
          onValue={setTherapistId}
          error={errors.therapistId}
          options={therapists.map((t) => ({ value: t.id, label: t.name }))}
        />
        <SelectField
          name="serviceCode"
          label="Service"
          value={serviceCode}
          onValue={setServiceCode}
          error={errors.serviceCode}
          options={offered.map((s) => ({ value: s.code, label: s.name }))}
        />
        <TextField
          name="date"
          label="Date"
          type="date"
          width="short"
          value={date}
          onValue={setDate}
          hint={/^\d{4}-\d\d-\d\d$/.test(date) ? dateLabel(date) : undefined}
        />
        <SelectField
          name="start"
          label="Time"
          value={time}
          onValue={setTime}
          error={errors.start}
          hint={
            free.status === 'loading'
              ? 'Finding free times…'
              : `${freeMinutes.length} free start times for this service`
          }
          options={[
            { value: '', label: 'Choose a time' },
            ...timeOptions.map((m) => ({
              value: String(m),
              label: `${clockLabel(m)}${freeMinutes.includes(m) ? '' : ' (not free)'}`,
            })),
          ]}
        />
        {time !== '' && !chosenIsFree && free.status === 'ok' ? (
          <p className="sch-note">
            That time does not look free for this service. You can still try; the clinic’s rules decide.
          </p>
        ) : null}
        {errors.body ? <p className="error-message">{errors.body}</p> : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Booking…' : 'Book appointment'}
          </button>
        </div>
      </form>
      {refusal ? (
        <div
          className="alert alert-warning sch-refusal"
          role="alert"
          ref={(el) => el?.scrollIntoView({ block: 'nearest' })}
        >
          <h3 className="alert-title">That time is not free</h3>
          <p>{plainReasons(refusal)}</p>
          <AlternativeList
            alternatives={refusal.alternatives}
            naming={naming}
            busy={busy}
            onPick={(slot) => void book(slot)}
          />
        </div>
      ) : null}
    </section>
  );
}

/** The server's reasons, worded for the desk (its own messages can name internal ids). */
export function plainReasons(refusal: BookingRefusal): string {
  const fields = Object.keys(refusal.fields);
  const parts: string[] = [];
  if (fields.includes('therapistId')) parts.push('the therapist is busy or not working then');
  if (fields.includes('patientId')) parts.push('the patient already has a visit then');
  if (fields.includes('roomId')) parts.push('no room is free');
  if (fields.includes('locationId')) parts.push('the clinic is closed');
  if (fields.includes('start')) parts.push('the time is outside the booking window');
  return parts.length
    ? `It cannot be booked because ${parts.join(', and ')}. Pick one of these instead:`
    : `${refusal.message} Pick one of these instead:`;
}
