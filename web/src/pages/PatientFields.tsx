import type { Dispatch, SetStateAction } from 'react';
import type { Location } from '../api/types.ts';
import { Checkbox, SelectField, TextField } from '../components/Form.tsx';
import type { PatientFormValues } from './patientForm.ts';
import { TEXT_LIMITS as LIMIT } from '../../../src/words/limits.ts';

export const PATIENT_LABELS: Record<string, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  sexAtBirth: 'Sex assigned at birth',
  genderIdentity: 'Gender identity',
  pronouns: 'Pronouns',
  email: 'Email',
  phone: 'Phone',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'Town or city',
  state: 'State',
  postalCode: 'ZIP code',
  ecName: 'Emergency contact name',
  ecRelationship: 'Relationship',
  ecPhone: 'Emergency contact phone',
  preferredLocationId: 'Preferred clinic',
  language: 'Preferred language',
};
export const PATIENT_FIELD_ORDER = Object.keys(PATIENT_LABELS);

/**
 * The patient form's fieldsets, shared by registering and editing. `contactOnly` is the patient's own
 * view: contact details only, with autofill on (staff forms turn it off: the browser would offer the
 * staff member's own address).
 */
/** Each text field's server limit, so nobody can type more than is kept. */
const MAX_LENGTH: Partial<Record<keyof PatientFormValues, number>> = {
  givenName: LIMIT.personName,
  familyName: LIMIT.personName,
  preferredName: LIMIT.personName,
  dateOfBirth: LIMIT.isoDate,
  genderIdentity: LIMIT.personName,
  pronouns: LIMIT.pronouns,
  email: LIMIT.email,
  phone: LIMIT.phone,
  line1: LIMIT.addressLine,
  line2: LIMIT.addressLine,
  city: LIMIT.city,
  state: LIMIT.state,
  postalCode: LIMIT.postalCode,
  ecName: LIMIT.contactName,
  ecRelationship: LIMIT.personName,
  ecPhone: LIMIT.phone,
  language: LIMIT.language,
};

export function PatientFields({
  values,
  setValues,
  errors,
  locations,
  contactOnly,
}: {
  values: PatientFormValues;
  setValues: Dispatch<SetStateAction<PatientFormValues>>;
  errors: Record<string, string>;
  locations: Location[];
  contactOnly: boolean;
}) {
  const auto = (token: string) => (contactOnly ? token : 'off');
  const text = (field: keyof PatientFormValues, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={field}
      label={PATIENT_LABELS[field]!}
      value={values[field] as string}
      error={errors[field]}
      maxLength={MAX_LENGTH[field]}
      onValue={(value) => setValues((v) => ({ ...v, [field]: value }))}
      {...extra}
    />
  );
  const flag = (field: keyof PatientFormValues, label: string) => (
    <Checkbox
      name={field}
      label={label}
      checked={values[field] as boolean}
      onChecked={(value) => setValues((v) => ({ ...v, [field]: value }))}
    />
  );
  return (
    <>
      {!contactOnly ? (
        <fieldset className="fieldset">
          <legend>Personal details</legend>
          {text('givenName', { autoComplete: 'off', width: 'medium' })}
          {text('familyName', { autoComplete: 'off', width: 'medium' })}
          {text('preferredName', { width: 'medium', hint: 'What they like to be called, if different.' })}
          {text('dateOfBirth', {
            width: 'short',
            hint: 'For example, 1984-03-27 (year-month-day).',
            inputMode: 'numeric',
          })}
          <SelectField
            name="sexAtBirth"
            label={PATIENT_LABELS.sexAtBirth!}
            value={values.sexAtBirth}
            error={errors.sexAtBirth}
            hint="Recorded for clinical reasons; gender identity is asked separately."
            onValue={(v) => setValues((s) => ({ ...s, sexAtBirth: v }))}
            options={[
              { value: 'female', label: 'Female' },
              { value: 'male', label: 'Male' },
              { value: 'intersex', label: 'Intersex' },
              { value: 'unknown', label: 'Not recorded' },
            ]}
          />
          {text('genderIdentity', { width: 'medium', hint: 'In their own words. Leave blank if not shared.' })}
          {text('pronouns', { width: 'short', hint: 'For example, she/her, he/him, they/them.' })}
        </fieldset>
      ) : null}
      <fieldset className="fieldset">
        <legend>Contact</legend>
        {text('email', { type: 'email', autoComplete: auto('email'), spellCheck: false })}
        {text('phone', { type: 'tel', autoComplete: auto('tel'), width: 'medium', hint: 'For example, 503-555-0142.' })}
        {text('line1', { autoComplete: auto('address-line1') })}
        {text('line2', { autoComplete: auto('address-line2') })}
        {text('city', { autoComplete: auto('address-level2'), width: 'medium' })}
        {text('state', { autoComplete: auto('address-level1'), width: 'short', hint: 'Two letters, for example OR.' })}
        {text('postalCode', { autoComplete: auto('postal-code'), width: 'short', inputMode: 'numeric' })}
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
          <SelectField
            name="preferredLocationId"
            label={PATIENT_LABELS.preferredLocationId!}
            value={values.preferredLocationId}
            error={errors.preferredLocationId}
            onValue={(v) => setValues((s) => ({ ...s, preferredLocationId: v }))}
            options={locations.map((l) => ({ value: l.id, label: l.name }))}
          />
        ) : null}
      </fieldset>
    </>
  );
}

/** Server field errors → form field errors (first message per field) and the ordered summary. */
export function formErrors(apiFields: Record<string, string>, apiToForm: Record<string, string>) {
  const byField: Record<string, string> = {};
  for (const [key, message] of Object.entries(apiFields)) byField[apiToForm[key] ?? key] ??= message;
  const items = Object.entries(byField).map(([field, message]) => ({ field, message }));
  items.sort(
    (a, b) => (PATIENT_FIELD_ORDER.indexOf(a.field) + 1 || 99) - (PATIENT_FIELD_ORDER.indexOf(b.field) + 1 || 99),
  );
  return { byField, items };
}
