import { useState, type FormEvent } from 'react';
import * as api from '../api/client.ts';
import { ApiError } from '../api/http.ts';
import type { Patient } from '../api/types.ts';
import { Checkbox, ErrorSummary, SelectField, TextField, type SummaryItem } from '../components/Form.tsx';
import { ErrorView, Forbidden, Loading } from '../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../hooks.ts';
import { useLocations } from '../lookups.ts';
import { Link, navigate } from '../router.tsx';
import { CAN, useUser } from '../session.tsx';
import { API_FIELD, toFormValues, toUpdate, type PatientFormValues } from './patientForm.ts';

const LABELS: Record<string, string> = {
  givenName: 'Given name', familyName: 'Family name', preferredName: 'Preferred name', dateOfBirth: 'Date of birth',
  sexAtBirth: 'Sex assigned at birth', genderIdentity: 'Gender identity', pronouns: 'Pronouns', email: 'Email', phone: 'Phone',
  line1: 'Address line 1', line2: 'Address line 2', city: 'Town or city', state: 'State', postalCode: 'ZIP code',
  ecName: 'Emergency contact name', ecRelationship: 'Relationship', ecPhone: 'Emergency contact phone',
  preferredLocationId: 'Preferred clinic', language: 'Preferred language',
};
const ORDER = Object.keys(LABELS);

export function PatientEdit({ id }: { id: string }) {
  const user = useUser();
  const [patient, replace] = useResource(() => api.getPatient(id), [id]);
  usePageTitle(user.role === 'patient' ? 'Change my contact details' : 'Edit patient');
  if (!CAN.editPatient(user.role)) return <Forbidden />;
  if (patient.status === 'loading') return <Loading />;
  if (patient.status === 'error') return <ErrorView error={patient.error} what="patient" />;
  // Keyed by version: a reload after a conflict starts the form afresh from the saved record.
  return <EditForm key={patient.data.version} patient={patient.data} contactOnly={user.role === 'patient'} onReloaded={replace} />;
}

function EditForm({ patient, contactOnly, onReloaded }: { patient: Patient; contactOnly: boolean; onReloaded: (p: Patient) => void }) {
  const [initial] = useState(() => toFormValues(patient));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const locations = useLocations();
  const profileUrl = `/patients/${patient.id}`;
  const name = `${patient.givenName} ${patient.familyName}`;

  const text = (field: keyof PatientFormValues, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={field} label={LABELS[field]!} value={values[field] as string} error={errors[field]}
      onValue={(value) => setValues((v) => ({ ...v, [field]: value }))} {...extra}
    />
  );
  const flag = (field: keyof PatientFormValues, label: string) => (
    <Checkbox name={field} label={label} checked={values[field] as boolean} onChecked={(value) => setValues((v) => ({ ...v, [field]: value }))} />
  );

  const showErrors = (apiFields: Record<string, string>) => {
    const byField: Record<string, string> = {};
    for (const [key, message] of Object.entries(apiFields)) byField[API_FIELD[key] ?? key] ??= message;
    setErrors(byField);
    const items = Object.entries(byField).map(([field, message]) => ({ field, message }));
    items.sort((a, b) => (ORDER.indexOf(a.field) + 1 || 99) - (ORDER.indexOf(b.field) + 1 || 99));
    setSummary(items);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const body = toUpdate(initial, values, patient.version, contactOnly);
    if (Object.keys(body).length === 1) return navigate(profileUrl);
    setBusy(true);
    try {
      await api.updatePatient(patient.id, body);
      navigate(profileUrl);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setErrors({});
        setSummary([]);
        setConflict(true);
      } else if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        showErrors(err.fields);
      } else {
        showErrors({ form: err instanceof Error ? err.message : 'Something went wrong.' });
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => onReloaded(await api.getPatient(patient.id));

  return (
    <div className="narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={profileUrl}>{contactOnly ? 'My details' : name}</Link> <span aria-hidden="true">›</span> <span>Edit</span>
      </nav>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <h2 className="alert-title">Someone else has changed these details</h2>
          <p>They were saved by someone else after you opened this form, so yours have not been saved. Load the latest details, then make your changes again.</p>
          <button type="button" className="button" onClick={() => void reload()}>Load the latest details</button>
        </div>
      ) : null}
      <ErrorSummary items={summary} labels={LABELS} />
      <h1>{contactOnly ? 'Change my contact details' : `Edit ${name}`}</h1>
      <form onSubmit={submit} noValidate>
        {!contactOnly ? (
          <fieldset className="fieldset">
            <legend>Personal details</legend>
            {text('givenName', { autoComplete: 'off', width: 'medium' })}
            {text('familyName', { autoComplete: 'off', width: 'medium' })}
            {text('preferredName', { width: 'medium', hint: 'What they like to be called, if different.' })}
            {text('dateOfBirth', { width: 'short', hint: 'For example, 1984-03-27 (year-month-day).', inputMode: 'numeric' })}
            <SelectField name="sexAtBirth" label={LABELS.sexAtBirth!} value={values.sexAtBirth} error={errors.sexAtBirth}
              hint="Recorded for clinical reasons; gender identity is asked separately."
              onValue={(v) => setValues((s) => ({ ...s, sexAtBirth: v }))}
              options={[{ value: 'female', label: 'Female' }, { value: 'male', label: 'Male' }, { value: 'intersex', label: 'Intersex' }, { value: 'unknown', label: 'Not recorded' }]} />
            {text('genderIdentity', { width: 'medium', hint: 'In their own words. Leave blank if not shared.' })}
            {text('pronouns', { width: 'short', hint: 'For example, she/her, he/him, they/them.' })}
          </fieldset>
        ) : null}
        <fieldset className="fieldset">
          <legend>Contact</legend>
          {text('email', { type: 'email', autoComplete: contactOnly ? 'email' : 'off', spellCheck: false })}
          {text('phone', { type: 'tel', autoComplete: contactOnly ? 'tel' : 'off', width: 'medium', hint: 'For example, 503-555-0142.' })}
          {text('line1', { autoComplete: contactOnly ? 'address-line1' : 'off' })}
          {text('line2', { autoComplete: contactOnly ? 'address-line2' : 'off' })}
          {text('city', { autoComplete: contactOnly ? 'address-level2' : 'off', width: 'medium' })}
          {text('state', { autoComplete: contactOnly ? 'address-level1' : 'off', width: 'short', hint: 'Two letters, for example OR.', maxLength: 2 })}
          {text('postalCode', { autoComplete: contactOnly ? 'postal-code' : 'off', width: 'short', inputMode: 'numeric' })}
        </fieldset>
        <fieldset className="fieldset">
          <legend>Emergency contact</legend>
          {text('ecName', { width: 'medium' })}
          {text('ecRelationship', { width: 'medium', hint: 'For example, partner, parent, friend.' })}
          {text('ecPhone', { type: 'tel', width: 'medium' })}
        </fieldset>
        <fieldset className="fieldset">
          <legend>How {contactOnly ? 'we may contact you' : 'the clinic may make contact'}</legend>
          <div className="checkboxes">
            {flag('commEmail', 'Email')}
            {flag('commSms', 'Text message')}
            {flag('commPhone', 'Phone call')}
            {flag('commReminders', 'Appointment reminders')}
          </div>
          {text('language', { width: 'short', hint: 'A language code, for example en or es-MX.' })}
          {!contactOnly && locations.length > 0 ? (
            <SelectField name="preferredLocationId" label={LABELS.preferredLocationId!} value={values.preferredLocationId}
              error={errors.preferredLocationId} onValue={(v) => setValues((s) => ({ ...s, preferredLocationId: v }))}
              options={locations.map((l) => ({ value: l.id, label: l.name }))} />
          ) : null}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : 'Save changes'}</button>
          <Link to={profileUrl} className="button button-secondary">Cancel</Link>
        </div>
      </form>
    </div>
  );
}
