/**
 * How much text each field takes. The API's schemas enforce these and the web app's inputs carry
 * the same numbers as `maxlength`, so a person can never type more than the server will keep.
 */
export const TEXT_LIMITS = {
  /** A person's given, family or preferred name; gender identity; an emergency contact's relationship. */
  personName: 100,
  pronouns: 50,
  contactName: 200,
  addressLine: 200,
  city: 100,
  state: 2,
  postalCode: 10,
  phone: 30,
  email: 254,
  password: 200,
  search: 100,
  /** A diagnosis search: a code or a few words. */
  diagnosisSearch: 80,
  staffName: 200,
  siteName: 120,
  roomName: 60,
  serviceName: 200,
  serviceCode: 60,
  credentialType: 20,
  credentialIssuer: 120,
  credentialNumber: 60,
  bio: 2000,
  /** Why a visit was cancelled or moved, why time off is taken. */
  reason: 500,
  closureReason: 200,
  /** Why treatment may go ahead despite the screening; why a signed note is amended. */
  longReason: 2000,
  physician: 200,
  clearanceScope: 2000,
  /** Short clinical text: since the last visit, posture, other conditions. */
  shortNote: 2000,
  /** Clinical notes: objective notes, palpation, an addendum, home-care notes. */
  note: 4000,
  /** The assessment and plan of a SOAP note. */
  soapSection: 8000,
  homeCareLine: 1000,
  homeCareItem: 500,
  activity: 120,
  planActivity: 200,
  planNote: 1000,
  joint: 60,
  findingNote: 500,
  strengthMovement: 100,
  elementNote: 1000,
  intakeItem: 300,
  /** A person or patient to find in the audit log: a name, an email, a date of birth, a phone or an id. */
  auditFilter: 120,
  auditAction: 60,
  /** Fixed-form fields: as long as their form allows. */
  isoDate: 10,
  time: 5,
  language: 6,
} as const;
