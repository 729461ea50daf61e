import { contactPoints, EntryReader, list, text, type Json } from './import-read.ts';

/**
 * Patients and therapists as Knotwork keeps them, read back from FHIR: the inverse of `patient.ts` and
 * `practitioner.ts`, so what Knotwork exports imports as the same record.
 */

export interface PatientDraft {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sexAtBirth: 'female' | 'male' | 'intersex' | 'unknown';
  genderIdentity: null;
  pronouns: null;
  email: string | null;
  phone: string | null;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    postalCode: string;
    country?: string;
  } | null;
  emergencyContact: { name: string; relationship: string; phone: string } | null;
  preferredLocationId: null;
  communication: { email: boolean; sms: boolean; phone: boolean; reminders: boolean; language?: string };
}

const SEX = { female: 'female', male: 'male', other: 'intersex', unknown: 'unknown' } as const;

/** The official name (or the first one), its given and family names. */
function officialName(r: Json): Json | undefined {
  const names = list(r.name);
  return names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'usual') ?? names[0];
}

function givenOf(name: Json | undefined): string | null {
  return Array.isArray(name?.given) ? text(name.given[0]) : null;
}

export function readAddress(reader: EntryReader, a: Json, path: string): PatientDraft['address'] {
  const lines = Array.isArray(a.line) ? a.line : [];
  const state = reader.required(a.state, `${path}.state`, 'the state of the address');
  if (state && !/^[A-Z]{2}$/.test(state))
    reader.problem(`${path}.state`, 'the state is not a two-letter code (e.g. OR).');
  const country = text(a.country);
  return {
    line1: reader.required(lines[0], `${path}.line`, 'the street of the address'),
    line2: reader.optional(lines[1], `${path}.line`, 'the second line of the address'),
    city: reader.required(a.city, `${path}.city`, 'the city of the address', 100),
    state,
    postalCode: reader.required(a.postalCode, `${path}.postalCode`, 'the postal code of the address', 20),
    ...(country ? { country } : {}),
  };
}

export function readPatient(reader: EntryReader): PatientDraft {
  const r = reader.r;
  const name = officialName(r);
  const usual = list(r.name).find((n) => n.use === 'usual');
  const gender =
    r.gender === undefined
      ? 'unknown'
      : reader.code(r.gender, Object.keys(SEX) as (keyof typeof SEX)[], 'gender', 'the gender');
  const { phone, email } = contactPoints(r.telecom);
  const address = list(r.address)[0];
  const contact = list(r.contact)[0];
  const language = list(((list(r.communication)[0]?.language ?? {}) as Json).coding)[0];
  return {
    givenName: reader.required(givenOf(name), 'name.given', 'the given name'),
    familyName: reader.required(name?.family, 'name.family', 'the family name'),
    preferredName: givenOf(usual),
    dateOfBirth: reader.date(r.birthDate, 'birthDate', 'the date of birth', true) ?? '',
    sexAtBirth: gender ? SEX[gender] : 'unknown',
    genderIdentity: null,
    pronouns: null,
    email,
    phone,
    address: address ? readAddress(reader, address, 'address') : null,
    emergencyContact: contact ? readEmergencyContact(reader, contact) : null,
    preferredLocationId: null,
    communication: {
      email: true,
      sms: false,
      phone: false,
      reminders: true,
      ...(text(language?.code) ? { language: text(language!.code)! } : {}),
    },
  };
}

function readEmergencyContact(reader: EntryReader, c: Json): PatientDraft['emergencyContact'] {
  const relationship = list(c.relationship)[0];
  const nameOf = (c.name ?? {}) as Json;
  const fullName = text(nameOf.text) ?? [givenOf(nameOf), text(nameOf.family)].filter(Boolean).join(' ');
  return {
    name: reader.required(fullName, 'contact.name', 'the emergency contact’s name'),
    relationship: reader.required(
      relationship?.text ?? list(relationship?.coding)[0]?.display,
      'contact.relationship',
      'the emergency contact’s relationship to the patient',
    ),
    phone: reader.required(
      contactPoints(c.telecom).phone,
      'contact.telecom',
      'the emergency contact’s phone number',
      40,
    ),
  };
}

export interface CredentialDraft {
  kind: 'licence' | 'certification';
  type: string;
  issuer: string;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  educationHours: null;
}

export interface TherapistDraft {
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  discipline: 'nmt';
  bio: null;
  active: boolean;
  locationIds: string[];
  credentials: CredentialDraft[];
}

export function readPractitioner(reader: EntryReader): TherapistDraft {
  const r = reader.r;
  const name = officialName(r);
  // A name given only as text: its last word is the family name.
  const words = text(name?.text)?.split(/\s+/) ?? [];
  const { phone, email } = contactPoints(r.telecom);
  return {
    givenName: reader.required(givenOf(name) ?? words.slice(0, -1).join(' '), 'name.given', 'the given name'),
    familyName: reader.required(name?.family ?? words.at(-1), 'name.family', 'the family name'),
    email,
    phone,
    discipline: 'nmt',
    bio: null,
    active: r.active !== false,
    locationIds: [],
    credentials: list(r.qualification).map((q, i) => readQualification(reader, q, `qualification[${i}]`)),
  };
}

function readQualification(reader: EntryReader, q: Json, path: string): CredentialDraft {
  const code = (q.code ?? {}) as Json;
  const certificate = list(code.coding).some((c) => c.code === 'CER');
  const period = (q.period ?? {}) as Json;
  return {
    kind: certificate ? 'certification' : 'licence',
    type: reader.required(code.text ?? list(code.coding)[0]?.display, `${path}.code`, 'what the credential is', 100),
    issuer: reader.required((q.issuer as Json | undefined)?.display, `${path}.issuer`, 'who issued the credential'),
    number: reader.optional(list(q.identifier)[0]?.value, `${path}.identifier`, 'the credential number', 80),
    issuedOn: reader.date(period.start, `${path}.period.start`, 'the date the credential was issued', false),
    expiresOn: reader.date(period.end, `${path}.period.end`, 'the date the credential expires', false),
    educationHours: null,
  };
}
