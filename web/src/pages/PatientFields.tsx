import { useMemo, type Dispatch, type SetStateAction } from 'react';
import type { Location } from '../api/types.ts';
import { Checkbox, SelectField, TextField } from '../components/Form.tsx';
import type { PatientFormValues } from './patientForm.ts';
import { TEXT_LIMITS as LIMIT } from '../../../src/words/limits.ts';
import { useT, type MessageId } from '../i18n/t.ts';

/** Each field's label, by the form's field name, in the order the form shows them. */
const LABEL_IDS: Record<string, MessageId> = {
  givenName: 'details.field.givenName',
  familyName: 'details.field.familyName',
  preferredName: 'details.field.preferredName',
  dateOfBirth: 'details.field.dateOfBirth',
  sexAtBirth: 'details.field.sexAtBirth',
  genderIdentity: 'details.field.genderIdentity',
  pronouns: 'details.field.pronouns',
  email: 'details.field.email',
  phone: 'details.field.phone',
  line1: 'details.field.line1',
  line2: 'details.field.line2',
  city: 'details.field.city',
  state: 'details.field.state',
  postalCode: 'details.field.postalCode',
  ecName: 'details.field.ecName',
  ecRelationship: 'details.field.ecRelationship',
  ecPhone: 'details.field.ecPhone',
  preferredLocationId: 'details.field.preferredLocationId',
  language: 'details.field.language',
};
const PATIENT_FIELD_ORDER = Object.keys(LABEL_IDS);

/** The form's labels in the page's language, for the fields and the error summary. */
export function usePatientLabels(): Record<string, string> {
  const t = useT();
  return useMemo(() => Object.fromEntries(Object.entries(LABEL_IDS).map(([field, id]) => [field, t(id)])), [t]);
}

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
  const t = useT();
  const labels = usePatientLabels();
  const auto = (token: string) => (contactOnly ? token : 'off');
  const text = (field: keyof PatientFormValues, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={field}
      label={labels[field]!}
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
          <legend>{t('details.personal')}</legend>
          {text('givenName', { autoComplete: 'off', width: 'medium' })}
          {text('familyName', { autoComplete: 'off', width: 'medium' })}
          {text('preferredName', { width: 'medium', hint: t('details.field.preferredNameHint') })}
          {text('dateOfBirth', {
            width: 'short',
            hint: t('details.field.dateOfBirthHint'),
            inputMode: 'numeric',
          })}
          <SelectField
            name="sexAtBirth"
            label={labels.sexAtBirth!}
            value={values.sexAtBirth}
            error={errors.sexAtBirth}
            hint={t('details.field.sexAtBirthHint')}
            onValue={(v) => setValues((s) => ({ ...s, sexAtBirth: v }))}
            options={[
              { value: 'female', label: t('details.sex.female') },
              { value: 'male', label: t('details.sex.male') },
              { value: 'intersex', label: t('details.sex.intersex') },
              { value: 'unknown', label: t('details.sex.unknown') },
            ]}
          />
          {text('genderIdentity', { width: 'medium', hint: t('details.field.genderIdentityHint') })}
          {text('pronouns', { width: 'short', hint: t('details.field.pronounsHint') })}
        </fieldset>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('details.contact')}</legend>
        {text('email', { type: 'email', autoComplete: auto('email'), spellCheck: false })}
        {text('phone', { type: 'tel', autoComplete: auto('tel'), width: 'medium', hint: t('details.field.phoneHint') })}
        {text('line1', { autoComplete: auto('address-line1') })}
        {text('line2', { autoComplete: auto('address-line2') })}
        {text('city', { autoComplete: auto('address-level2'), width: 'medium' })}
        {text('state', { autoComplete: auto('address-level1'), width: 'short', hint: t('details.field.stateHint') })}
        {text('postalCode', { autoComplete: auto('postal-code'), width: 'short', inputMode: 'numeric' })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('details.emergency')}</legend>
        {text('ecName', { width: 'medium' })}
        {text('ecRelationship', { width: 'medium', hint: t('details.field.relationshipHint') })}
        {text('ecPhone', { type: 'tel', width: 'medium' })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{contactOnly ? t('details.field.howWeContactYou') : t('details.field.howClinicContacts')}</legend>
        <div className="checkboxes">
          {flag('commEmail', t('details.email'))}
          {flag('commSms', t('details.field.textMessage'))}
          {flag('commPhone', t('details.field.phoneCall'))}
          {flag('commReminders', t('details.reminders'))}
        </div>
        {text('language', { width: 'short', hint: t('details.field.languageHint') })}
        {!contactOnly && locations.length > 0 ? (
          <SelectField
            name="preferredLocationId"
            label={labels.preferredLocationId!}
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
