import type { Patient, PatientCreate, PatientUpdate } from '../api/types.ts';

/** Everything the edit form holds, as the strings and booleans the inputs show. */
export interface PatientFormValues {
  givenName: string;
  familyName: string;
  preferredName: string;
  dateOfBirth: string;
  sexAtBirth: string;
  genderIdentity: string;
  pronouns: string;
  email: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
  ecName: string;
  ecRelationship: string;
  ecPhone: string;
  preferredLocationId: string;
  commEmail: boolean;
  commSms: boolean;
  commPhone: boolean;
  commReminders: boolean;
  language: string;
}

export function toFormValues(p: Patient): PatientFormValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName ?? '',
    dateOfBirth: p.dateOfBirth,
    sexAtBirth: p.sexAtBirth,
    genderIdentity: p.genderIdentity ?? '',
    pronouns: p.pronouns ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    line1: p.address?.line1 ?? '',
    line2: p.address?.line2 ?? '',
    city: p.address?.city ?? '',
    state: p.address?.state ?? '',
    postalCode: p.address?.postalCode ?? '',
    ecName: p.emergencyContact?.name ?? '',
    ecRelationship: p.emergencyContact?.relationship ?? '',
    ecPhone: p.emergencyContact?.phone ?? '',
    preferredLocationId: p.preferredLocationId ?? '',
    commEmail: p.communication.email,
    commSms: p.communication.sms,
    commPhone: p.communication.phone,
    commReminders: p.communication.reminders,
    language: p.communication.language ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Form field name → the API field it feeds, so server errors land beside the right input. */
export const API_FIELD: Record<string, keyof PatientFormValues> = {
  'address.line1': 'line1',
  'address.line2': 'line2',
  'address.city': 'city',
  'address.state': 'state',
  'address.postalCode': 'postalCode',
  'emergencyContact.name': 'ecName',
  'emergencyContact.relationship': 'ecRelationship',
  'emergencyContact.phone': 'ecPhone',
  'communication.language': 'language',
  address: 'line1',
  emergencyContact: 'ecName',
};

/** The PATCH body: only what changed, plus the version we read (a stale one is a 409). */
export function toUpdate(
  before: PatientFormValues,
  after: PatientFormValues,
  version: number,
  contactOnly: boolean,
): PatientUpdate {
  const body: PatientUpdate = { version };
  const changed = (...keys: (keyof PatientFormValues)[]) => keys.some((key) => before[key] !== after[key]);
  if (!contactOnly) {
    if (changed('givenName')) body.givenName = after.givenName.trim();
    if (changed('familyName')) body.familyName = after.familyName.trim();
    if (changed('preferredName')) body.preferredName = orNull(after.preferredName);
    if (changed('dateOfBirth')) body.dateOfBirth = after.dateOfBirth.trim();
    if (changed('sexAtBirth')) body.sexAtBirth = after.sexAtBirth as PatientUpdate['sexAtBirth'];
    if (changed('genderIdentity')) body.genderIdentity = orNull(after.genderIdentity);
    if (changed('pronouns')) body.pronouns = orNull(after.pronouns);
    if (changed('preferredLocationId') && after.preferredLocationId)
      body.preferredLocationId = after.preferredLocationId;
  }
  if (changed('email')) body.email = orNull(after.email);
  if (changed('phone')) body.phone = orNull(after.phone);
  if (changed('line1', 'line2', 'city', 'state', 'postalCode')) {
    const empty = [after.line1, after.line2, after.city, after.state, after.postalCode].every((v) => v.trim() === '');
    body.address = empty
      ? null
      : {
          line1: after.line1,
          line2: orNull(after.line2),
          city: after.city,
          state: after.state.trim().toUpperCase(),
          postalCode: after.postalCode.trim(),
        };
  }
  if (changed('ecName', 'ecRelationship', 'ecPhone')) {
    const empty = [after.ecName, after.ecRelationship, after.ecPhone].every((v) => v.trim() === '');
    body.emergencyContact = empty
      ? null
      : { name: after.ecName, relationship: after.ecRelationship, phone: after.ecPhone };
  }
  if (changed('commEmail', 'commSms', 'commPhone', 'commReminders', 'language')) {
    body.communication = {
      email: after.commEmail,
      sms: after.commSms,
      phone: after.commPhone,
      reminders: after.commReminders,
      ...(after.language.trim() ? { language: after.language.trim() } : {}),
    };
  }
  return body;
}

/** A blank registration form: reminders on by default (the patient can opt out), the desk's own site preselected. */
export function emptyForm(preferredLocationId: string): PatientFormValues {
  return {
    givenName: '',
    familyName: '',
    preferredName: '',
    dateOfBirth: '',
    sexAtBirth: 'unknown',
    genderIdentity: '',
    pronouns: '',
    email: '',
    phone: '',
    line1: '',
    line2: '',
    city: '',
    state: '',
    postalCode: '',
    ecName: '',
    ecRelationship: '',
    ecPhone: '',
    preferredLocationId,
    commEmail: true,
    commSms: false,
    commPhone: false,
    commReminders: true,
    language: '',
  };
}

/** The POST body: a registration is an update from a blank form, without the version. */
export function toCreate(values: PatientFormValues): PatientCreate {
  const { version: _version, ...changes } = toUpdate(emptyForm(''), values, 1, false);
  return {
    ...changes,
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    dateOfBirth: values.dateOfBirth.trim(),
    sexAtBirth: values.sexAtBirth as PatientCreate['sexAtBirth'],
    preferredLocationId: values.preferredLocationId,
  };
}
