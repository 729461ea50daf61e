/**
 * Field names as a clinic worker reads them. Error `fields` keep the API's keys (`hours.6.0.close`)
 * so a form can put each message beside its input; anything a person reads names the field with
 * these labels instead. Pure: the server and the web app both use it.
 */
const LABELS: Record<string, string> = {
  action: 'Action',
  active: 'Active',
  activity: 'Activity',
  activityChanges: 'Changes to activity',
  actor: 'Person',
  addendum: 'Addendum',
  address: 'Address',
  alertAt: 'Alert when this many are left',
  answers: 'Answers',
  appointmentId: 'Visit',
  assessedOn: 'Assessment date',
  assessment: 'Assessment',
  baseline: 'Baseline',
  before: 'Before',
  billingProfile: 'Billing details',
  bio: 'About the therapist',
  body: 'Form',
  bufferAfterMinutes: 'Turnover time (minutes)',
  byVisit: 'By visit',
  callClinicIf: 'When to call the clinic',
  cancellationPolicyHours: 'Cancellation notice (hours)',
  changes: 'Changes',
  choices: 'Choices',
  city: 'City',
  claimIds: 'Claims',
  close: 'Closing time',
  closureId: 'Closure',
  code: 'Code',
  communication: 'How to contact',
  count: 'Number of visits',
  country: 'Country',
  cptMinutes: 'Billed minutes',
  currentPassword: 'Current password',
  date: 'Date',
  dateOfBirth: 'Date of birth',
  diagnoses: 'Diagnoses',
  degrees: 'Degrees',
  diagnosisPointers: 'Diagnosis pointers',
  disabled: 'Disabled',
  discipline: 'Category',
  displayName: 'Name',
  durationMinutes: 'Length (minutes)',
  durationSeconds: 'Length (seconds)',
  earliest: 'Earliest date',
  educationHours: 'Education hours',
  email: 'Email address',
  emergencyContact: 'Emergency contact',
  end: 'End',
  endsOn: 'Last day',
  entryId: 'Ledger entry',
  exceptionId: 'Time off or extra shift',
  expiresOn: 'Expiry date',
  factors: 'Factors',
  familyName: 'Last name',
  fatigue: 'Tiredness',
  findings: 'Findings',
  from: 'From',
  genderIdentity: 'Gender identity',
  givenName: 'First name',
  goals: 'Goals',
  holdSeconds: 'Hold (seconds)',
  horizonDays: 'Booking horizon (days)',
  hours: 'Opening hours',
  hoursCompleted: 'Hours completed',
  hoursRequired: 'Hours required',
  hydration: 'Water',
  id: 'Record',
  include: 'Include',
  injuries: 'Injuries',
  integration: 'Other care',
  intervalWeeks: 'Weeks between visits',
  isInitial: 'First visit',
  issuedOn: 'Date issued',
  issuer: 'Issued by',
  joint: 'Joint',
  kind: 'Kind',
  label: 'Label',
  lang: 'Language',
  language: 'Language',
  latest: 'Latest date',
  layer: 'Depth',
  letter: 'Letter',
  limit: 'How many',
  line1: 'Address line 1',
  line2: 'Address line 2',
  location: 'Clinic',
  locationId: 'Clinic',
  locationIds: 'Clinics',
  measure: 'Questionnaire',
  medications: 'Medicines',
  memberId: 'Member or policy number',
  minNoticeMinutes: 'Minimum notice (minutes)',
  minutes: 'Minutes',
  motion: 'Movement',
  muscle: 'Muscle',
  muscleName: 'Muscle',
  name: 'Name',
  needsRoom: 'Needs a room',
  newPassword: 'New password',
  note: 'Note',
  notes: 'Notes',
  npi: 'NPI',
  number: 'Number',
  objective: 'Objective',
  offerHoldMinutes: 'Offer held for (minutes)',
  open: 'Opening time',
  otherConditions: 'Other conditions',
  outcome: 'Outcome',
  page: 'Page',
  pageSize: 'Page size',
  painAfter: 'Pain after treatment',
  painMap: 'Pain map',
  painOnMotion: 'Pain on movement',
  painRating: 'Pain rating',
  painStory: 'Pain story',
  painToday: 'Pain today',
  palpation: 'Palpation',
  password: 'Password',
  patient: 'Patient',
  patientId: 'Patient',
  payerId: 'Payer',
  periodEnd: 'End of period',
  periodStart: 'Start of period',
  phase: 'Phase',
  phone: 'Phone',
  physician: 'Physician',
  placeOfService: 'Place of service',
  plan: 'Plan',
  postalCode: 'ZIP code',
  posture: 'Posture',
  preferredDays: 'Preferred days',
  preferredLocationId: 'Preferred clinic',
  preferredName: 'Preferred name',
  preferredTime: 'Preferred time',
  pregnancy: 'Pregnancy',
  pronouns: 'Pronouns',
  q: 'Search',
  questionnaire: 'Questionnaire',
  questions: 'Health questions',
  rationale: 'Reasons',
  reason: 'Reason',
  reassessmentAtVisits: 'Reassessment visits',
  receiverId: 'Clearinghouse id',
  region: 'Place on the body',
  relationship: 'Relationship',
  releaseAchieved: 'Release',
  reliefDays: 'Days of relief',
  reminderHours: 'Reminder (hours before)',
  reminders: 'Reminders',
  renderingProviderNpi: 'The therapist’s NPI',
  requirements: 'Required credentials',
  role: 'Role',
  rom: 'Range of motion',
  roomId: 'Room',
  sameStateAsSite: 'Same state as the clinic',
  score: 'Score',
  scope: 'What was cleared',
  service: 'Service',
  serviceCode: 'Service',
  sessionId: 'Session',
  sexAtBirth: 'Sex at birth',
  side: 'Side',
  sinceLastVisit: 'Since the last visit',
  skip: 'Leave out',
  slotStepMinutes: 'Time between start times (minutes)',
  slug: 'Web address name',
  sms: 'Text messages',
  soreness: 'Soreness',
  sources: 'Sources',
  stages: 'Stages',
  start: 'Start',
  startDate: 'Start date',
  startsOn: 'First day',
  state: 'State',
  status: 'Status',
  steps: 'Steps',
  stretches: 'Stretches',
  subjectId: 'Therapist or clinic',
  subjective: 'Subjective',
  submitterId: 'Clinic’s clearinghouse id',
  surgeries: 'Surgeries',
  target: 'Target',
  targetDegrees: 'Target (degrees)',
  taxId: 'Tax id (EIN)',
  technique: 'Technique',
  temperatureC: 'Temperature',
  templates: 'Weekly shifts',
  therapist: 'Therapist',
  therapistId: 'Therapist',
  time: 'Time',
  timedSteps: 'Timed services',
  timeOfDay: 'Time of day',
  timeZone: 'Time zone',
  title: 'Title',
  to: 'To',
  token: 'Link',
  totalVisits: 'Total visits',
  triggerPoint: 'Trigger point',
  triggerPoints: 'Trigger points',
  type: 'Type',
  types: 'Types',
  validFrom: 'Valid from',
  validTo: 'Valid to',
  version: 'Version',
  visit: 'Visit',
  visitId: 'Visit',
  visits: 'Visits',
  visitsPerWeek: 'Visits a week',
  weekday: 'Day of the week',
  weekdays: 'Days of the week',
  weeks: 'Weeks',
  bloodPressure: 'Blood pressure',
  systolic: 'Systolic (top number)',
  diastolic: 'Diastolic (bottom number)',
  localIssues: 'Local problems',
  conditions: 'Conditions',
  'Idempotency-Key': 'Request key',
  by: 'Split by',
  definition: 'Improvement definition',
  table: 'Table',
  period: 'Period',
  a: 'First group',
  b: 'Second group',
};

/** One entry of a list, in words: the 2nd of "surgeries" is "surgery 2". */
const ITEM: Record<string, string> = {
  surgeries: 'surgery',
  medications: 'medicine',
  injuries: 'injury',
  stages: 'stage',
  goals: 'goal',
  templates: 'shift',
  visits: 'visit',
  choices: 'choice',
  diagnoses: 'diagnosis',
  painMap: 'pain spot',
  triggerPoints: 'trigger point',
  rom: 'movement',
  requirements: 'credential',
  steps: 'step',
  answers: 'answer',
  stretches: 'stretch',
  activityChanges: 'change',
  callClinicIf: 'reason',
  sources: 'source',
  cptMinutes: 'billing line',
  locationIds: 'clinic',
  reminders: 'reminder',
  preferredDays: 'day',
  reassessmentAtVisits: 'visit',
  integration: 'referral',
  localIssues: 'problem',
  conditions: 'condition',
};

/** Groups that only wrap other fields: a label needs no mention of them. */
const WRAPPERS = new Set([
  'answers',
  'findings',
  'questions',
  'subjective',
  'objective',
  'changes',
  'factors',
  'plan',
  'content',
]);

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "durationMinutes" → "Duration minutes", for a key the table does not know (never shown as an id). */
function words(key: string): string {
  const spaced = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/\./g, ' ')
    .trim()
    .toLowerCase();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1) : 'This answer';
}

export function labelOfKey(key: string): string {
  return LABELS[key] ?? words(key);
}

const isIndex = (segment: PropertyKey) => typeof segment === 'number' || /^\d+$/.test(String(segment));

/**
 * The label of a field path: "hours.6.0.close" → "Closing time (Saturday, period 1)",
 * "answers.surgeries.0.date" → "Date (surgery 1)", "body" or "" → "Form".
 */
export function fieldLabel(path: string | readonly PropertyKey[]): string {
  const segments = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : [...path];
  const context: string[] = [];
  let name: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const parent = i > 0 ? String(segments[i - 1]) : '';
    if (isIndex(segment)) {
      const n = Number(segment);
      if (parent === 'hours' && n >= 0 && n < 7) context.push(WEEKDAYS[n]!);
      else if (i > 1 && String(segments[i - 2]) === 'hours') context.push(`period ${n + 1}`);
      else context.push(`${ITEM[parent] ?? 'entry'} ${n + 1}`);
      name = null;
    } else {
      if (name !== null && !WRAPPERS.has(name)) context.push(labelOfKey(name).toLowerCase());
      name = String(segment);
    }
  }
  if (name === null) {
    if (context.length === 0) return 'Form';
    const [first, ...rest] = context;
    return [first![0]!.toUpperCase() + first!.slice(1), ...rest].join(', ');
  }
  const label = labelOfKey(name);
  return context.length > 0 ? `${label} (${context.join(', ')})` : label;
}
