import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http.ts';
import { joinWaitlist, type TimeOfDay, type WaitlistEntry } from '../../api/waitlist.ts';
import { ErrorSummary, fieldId, SelectField, summaryItems, TextField } from '../../components/Form.tsx';
import { useLocations } from '../../sites.ts';
import { PatientPicker, type PickedPatient } from '../schedule/PatientPicker.tsx';
import { useServices } from '../schedule/therapists-and-services.ts';
import { addDays, todayAt } from '../schedule/time.ts';
import { TIME_OF_DAY_CHOICES } from './waitlistWords.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { useOrgTimeZone } from '../../session.tsx';

const LABELS = {
  patientId: 'Patient',
  serviceCode: 'Service',
  locationIds: 'Clinics',
  earliest: 'From',
  latest: 'Until',
  timeOfDay: 'Time of day',
};
const ORDER = Object.keys(LABELS);

/**
 * What a waitlist entry asks for: a service, one or more clinics, a date window and a time of
 * day. The desk picks the patient; a patient joins for themselves (`patientId` given).
 */
export function WaitlistForm({
  patientId,
  siteIds,
  defaultSite,
  submitLabel,
  onJoined,
}: {
  /** The patient the entry is for; without it the form asks (front desk). */
  patientId?: string;
  /** The clinics offered as choices (all when empty). */
  siteIds: string[];
  defaultSite: string;
  submitLabel: string;
  onJoined: (entry: WaitlistEntry, patientName: string | null) => void;
}) {
  const services = useServices();
  const allSites = useLocations();
  const orgZone = useOrgTimeZone();
  const sites = siteIds.length > 0 ? allSites.filter((l) => siteIds.includes(l.id)) : allSites;
  const today = todayAt(sites[0]?.timeZone ?? orgZone);
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [service, setService] = useState('');
  const [chosenSites, setChosenSites] = useState<string[] | null>(null);
  const [earliest, setEarliest] = useState(addDays(today, 1));
  const [latest, setLatest] = useState(addDays(today, 14));
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const picked = chosenSites ?? (defaultSite ? [defaultSite] : []);
  const serviceCode = service || services?.[0]?.code || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!patientId && !patient) local.patientId = 'Choose a patient.';
    if (picked.length === 0) local.locationIds = 'Choose at least one clinic.';
    if (Object.keys(local).length > 0) return setErrors(local);
    setBusy(true);
    setErrors({});
    try {
      const wanted = {
        patientId: patientId ?? patient!.id,
        serviceCode,
        locationIds: picked,
        earliest,
        latest,
        timeOfDay: timeOfDay || null,
      };
      const entry = await joinWaitlist(wanted, intent.keyFor(wanted));
      intent.done();
      onJoined(entry, patient?.name ?? null);
      setPatient(null);
    } catch (err) {
      setErrors(
        err instanceof ApiError
          ? Object.keys(err.fields).length > 0
            ? err.fields
            : { _: err.message }
          : { _: 'Something went wrong. Please try again.' },
      );
    } finally {
      setBusy(false);
    }
  };

  const toggleSite = (id: string, on: boolean) => setChosenSites(on ? [...picked, id] : picked.filter((s) => s !== id));
  const sitesId = fieldId('locationIds');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="wl-form">
      <ErrorSummary items={summaryItems(errors, ORDER)} labels={LABELS} />
      {patientId ? null : <PatientPicker value={patient} onPick={setPatient} error={errors.patientId} />}
      <SelectField
        name="serviceCode"
        label="Service"
        value={serviceCode}
        onValue={setService}
        error={errors.serviceCode}
        options={(services ?? []).map((s) => ({ value: s.code, label: s.name }))}
      />
      <div className={`field${errors.locationIds ? ' field-error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={errors.locationIds ? `${sitesId}-error` : undefined}>
          <legend className="label">Clinics</legend>
          {errors.locationIds ? (
            <p id={`${sitesId}-error`} className="error-message">
              <span className="visually-hidden">Error: </span>
              {errors.locationIds}
            </p>
          ) : null}
          <div className="wl-sites">
            {sites.map((site, index) => (
              <div className="checkbox" key={site.id}>
                <input
                  type="checkbox"
                  id={index === 0 ? sitesId : `${sitesId}-${index}`}
                  checked={picked.includes(site.id)}
                  onChange={(e) => toggleSite(site.id, e.target.checked)}
                />
                <label htmlFor={index === 0 ? sitesId : `${sitesId}-${index}`}>
                  {site.name.replace(/^Knotwork /, '')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="wl-dates">
        <TextField
          name="earliest"
          label="From"
          type="date"
          value={earliest}
          onValue={setEarliest}
          error={errors.earliest}
          width="medium"
        />
        <TextField
          name="latest"
          label="Until"
          type="date"
          value={latest}
          onValue={setLatest}
          error={errors.latest}
          width="medium"
        />
      </div>
      <SelectField
        name="timeOfDay"
        label="Time of day"
        value={timeOfDay}
        onValue={(v) => setTimeOfDay(v as TimeOfDay | '')}
        error={errors.timeOfDay}
        options={TIME_OF_DAY_CHOICES.map((c) => ({ value: c.value, label: c.label }))}
      />
      <button type="submit" className="button button-large" disabled={busy || !services}>
        {busy ? 'Adding…' : submitLabel}
      </button>
    </form>
  );
}
