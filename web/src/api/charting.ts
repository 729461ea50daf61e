import type { z } from 'zod';
import type { TreatmentGateSchema } from '../../../src/http/clearances/schema.ts';
import type { TreatmentPlanSchema } from '../../../src/http/plans/schema.ts';
import type {
  HomeCareContentSchema,
  HomeCareListSchema,
  HomeCarePlanSchema,
  HomeCareSentSchema,
} from '../../../src/http/homecare/schema.ts';
import type {
  NoteCreateSchema,
  NoteUpdateSchema,
  RecordedStepSchema,
  SessionNoteSchema,
  StepCreateSchema,
} from '../../../src/http/sessions/schema.ts';
import { getSession } from './auth.ts';
import { ApiError, create, request } from './http.ts';

/**
 * Every (method, OpenAPI path) the charting screens call; test/browser/api-contract.test.ts checks
 * them against the server's /api/openapi.json like API_OPERATIONS.
 */
export const CHARTING_OPERATIONS = [
  ['GET', '/api/patients/{id}/intake'],
  ['PUT', '/api/patients/{id}/intake/draft'],
  ['POST', '/api/patients/{id}/intake'],
  ['GET', '/api/patients/{id}/gate'],
  ['POST', '/api/patients/{id}/clearances'],
  ['GET', '/api/patients/{id}/assessments'],
  ['POST', '/api/patients/{id}/assessments'],
  ['PATCH', '/api/assessments/{id}'],
  ['GET', '/api/diagnoses'],
  ['POST', '/api/patients/{id}/plans'],
  ['GET', '/api/patients/{id}/plans'],
  ['POST', '/api/plans/{id}/book'],
  ['GET', '/api/services'],
  ['GET', '/api/patients/{id}/sessions'],
  ['POST', '/api/patients/{id}/sessions'],
  ['GET', '/api/sessions/{id}'],
  ['PATCH', '/api/sessions/{id}'],
  ['POST', '/api/sessions/{id}/steps'],
  ['POST', '/api/sessions/{id}/reassessment'],
  ['GET', '/api/sessions/{id}/comparison'],
  ['GET', '/api/patients/{id}/measures'],
  ['POST', '/api/patients/{id}/measures'],
  ['GET', '/api/patients/{id}/measures/due'],
  ['POST', '/api/sessions/{id}/home-care/generate'],
  ['PUT', '/api/sessions/{id}/home-care'],
  ['POST', '/api/sessions/{id}/home-care/send'],
  ['GET', '/api/sessions/{id}/home-care.pdf'],
  ['GET', '/api/patients/{id}/home-care'],
  ['POST', '/api/sessions/{id}/sign'],
  ['POST', '/api/sessions/{id}/amendments'],
  ['GET', '/api/sessions/{id}/history'],
] as const satisfies readonly (readonly [string, string])[];

const id = (value: string) => encodeURIComponent(value);
const patient = (patientId: string) => `/api/patients/${id(patientId)}`;
const session = (noteId: string) => `/api/sessions/${id(noteId)}`;

// Intake and the screening gate
export const getIntake = (patientId: string, signal?: AbortSignal) =>
  request<IntakeOverview>('GET', `${patient(patientId)}/intake`, undefined, { signal });
export const saveIntakeDraft = (patientId: string, document: IntakeDocument) =>
  request<IntakeView>('PUT', `${patient(patientId)}/intake/draft`, document);
export const submitIntake = (patientId: string, document: IntakeDocument, key: string) =>
  create<SubmittedIntake>(`${patient(patientId)}/intake`, document, key);
export const getGate = (patientId: string, signal?: AbortSignal) =>
  request<TreatmentGate>('GET', `${patient(patientId)}/gate`, undefined, { signal });

/** The clearance letter goes up as multipart/form-data, so it cannot use the JSON `request`. */
export async function recordClearance(
  patientId: string,
  form: FormData,
  key: string,
): Promise<{ gate: TreatmentGate }> {
  const csrf = (await getSession())?.csrfToken ?? '';
  const response = await fetch(`${patient(patientId)}/clearances`, {
    method: 'POST',
    headers: { accept: 'application/json', 'x-csrf-token': csrf, 'idempotency-key': key },
    body: form,
    credentials: 'same-origin',
  });
  const payload = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; fields?: Record<string, string> };
  } | null;
  if (response.ok) return payload as unknown as { gate: TreatmentGate };
  const error = payload?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? `The server answered ${response.status}.`,
    error?.fields ?? {},
  );
}

// Assessment and plan
export const listAssessments = async (patientId: string, signal?: AbortSignal) =>
  (await request<{ assessments: Assessment[] }>('GET', `${patient(patientId)}/assessments`, undefined, { signal }))
    .assessments;
export const createAssessment = (patientId: string, input: AssessmentInput, key: string) =>
  create<Assessment>(`${patient(patientId)}/assessments`, input, key);
export const searchDiagnoses = async (q: string, signal?: AbortSignal) =>
  (await request<{ diagnoses: Diagnosis[] }>('GET', `/api/diagnoses?q=${encodeURIComponent(q)}`, undefined, { signal }))
    .diagnoses;
export const updateAssessment = (
  assessmentId: string,
  input: { version: number; findings: Partial<Findings>; diagnoses?: string[] },
) => request<Assessment>('PATCH', `/api/assessments/${id(assessmentId)}`, input);
export const listPlans = async (patientId: string, signal?: AbortSignal) =>
  (await request<{ plans: TreatmentPlan[] }>('GET', `${patient(patientId)}/plans`, undefined, { signal })).plans;
export const createPlan = (patientId: string, input: PlanInput, key: string) =>
  create<TreatmentPlan>(`${patient(patientId)}/plans`, input, key);
export const listServices = async () =>
  (await request<{ services: BookableService[] }>('GET', '/api/services')).services;
// Session notes
export const listSessions = async (patientId: string, signal?: AbortSignal) =>
  (await request<{ notes: SessionNote[] }>('GET', `${patient(patientId)}/sessions`, undefined, { signal })).notes;
export const createSession = (patientId: string, input: NoteInput, key: string) =>
  create<SessionNote>(`${patient(patientId)}/sessions`, input, key);
export const getSessionNote = (noteId: string, signal?: AbortSignal) =>
  request<SessionNote>('GET', session(noteId), undefined, { signal });
export const updateSession = (noteId: string, input: NoteUpdate) =>
  request<SessionNote>('PATCH', session(noteId), input);
export const recordStep = (noteId: string, step: StepInput, key: string) =>
  create<RecordedStep>(`${session(noteId)}/steps`, step, key);
export const signSession = (noteId: string) => request<SessionNote>('POST', `${session(noteId)}/sign`, {});
export const amendSession = (noteId: string, input: { reason: string; changes: { addendum?: string } }, key: string) =>
  create<unknown>(`${session(noteId)}/amendments`, input, key);
export const sessionHistory = (noteId: string, signal?: AbortSignal) =>
  request<NoteHistory>('GET', `${session(noteId)}/history`, undefined, { signal });

// Outcome measures
export const measureSeries = async (patientId: string, signal?: AbortSignal) =>
  (await request<{ series: MeasureSeries[] }>('GET', `${patient(patientId)}/measures`, undefined, { signal })).series;
export const measuresDue = (patientId: string, signal?: AbortSignal) =>
  request<{ visitNumber: number; measures: DueMeasure[] }>('GET', `${patient(patientId)}/measures/due`, undefined, {
    signal,
  });
export const submitMeasure = (
  patientId: string,
  input: { measure: MeasureId; answers: unknown[]; sessionId?: string },
  key: string,
) => create<unknown>(`${patient(patientId)}/measures`, input, key);

// Home care
export const generateHomeCare = (noteId: string) =>
  request<HomeCarePlan>('POST', `${session(noteId)}/home-care/generate`, {});
export const saveHomeCare = (noteId: string, content: HomeCareContent) =>
  request<HomeCarePlan>('PUT', `${session(noteId)}/home-care`, content);
/** The key (one per intent) makes a retried send answer as the first did: one email. */
export const sendHomeCare = (noteId: string, key: string) =>
  create<HomeCareSent>(`${session(noteId)}/home-care/send`, {}, key);
export const listHomeCare = async (patientId: string, signal?: AbortSignal) =>
  (await request<HomeCareList>('GET', `${patient(patientId)}/home-care`, undefined, { signal })).plans;
export const homeCarePdfUrl = (noteId: string) => `${session(noteId)}/home-care.pdf`;

// Shapes of the charting API.
export interface PainEntry {
  region: string;
  intensity: number;
}
export interface Medication {
  class: string;
  name?: string;
}
export interface Surgery {
  what: string;
  date: string;
  regions?: string[];
}
export interface Injury {
  what: string;
  date?: string;
}
export interface PainStory {
  onset?: 'sudden' | 'gradual' | 'after-injury' | 'unknown';
  onsetNote?: string;
  durationDays?: number;
  betterWith?: string[];
  worseWith?: string[];
  worstTime?: 'morning' | 'daytime' | 'evening' | 'night' | 'constant' | 'varies';
  wakesAtNight?: 'yes' | 'no' | 'unknown';
  limits?: string[];
}
export interface IntakeAnswers {
  questions?: Record<string, 'yes' | 'no' | 'unknown'>;
  medications?: Medication[];
  surgeries?: Surgery[];
  pregnancy?: { status: 'yes' | 'no' | 'unknown' | 'not-applicable'; trimester?: 1 | 2 | 3 };
  localIssues?: { kind: string; regions: string[]; note?: string }[];
  bloodPressure?: { systolic: number; diastolic: number };
  temperatureC?: number;
  lastStrokeOrTiaDate?: string;
}
export interface IntakeDocument {
  questionnaire?: 'knotwork-intake-v1';
  answers?: IntakeAnswers;
  injuries?: Injury[];
  otherConditions?: string;
  goals?: string[];
  painStory?: PainStory;
  painMap?: PainEntry[];
}
export interface IntakeView {
  version: number | null;
  status: 'in-progress' | 'completed';
  document: IntakeDocument;
  flaggedMedications: { class: string; name: string | null }[];
  submittedBy: { userId: string; role: string; name: string | null };
  submittedAt: string;
}
export interface IntakeOverview {
  latest: IntakeView | null;
  draft: IntakeView | null;
  versions: {
    version: number;
    submittedAt: string;
    submittedRole?: string;
    submittedByName?: string | null;
    decision?: string | null;
  }[];
}
export type GateDecision = 'clear' | 'caution' | 'refer' | 'local' | 'contraindicated';
/** The gate with its cautions, clearances, overrides and what the reader may do about it (`can`). */
export type TreatmentGate = z.infer<typeof TreatmentGateSchema>;
export interface SubmittedIntake {
  intake: IntakeView;
  screening: { decision: GateDecision; explanation: string[]; screenedFor: string };
  gate: TreatmentGate;
}

export interface RangeOfMotion {
  joint: string;
  motion: string;
  side?: 'left' | 'right' | null;
  degrees: number;
  painOnMotion?: boolean;
}
export interface RomRow {
  joint: string;
  motion: string;
  side?: 'left' | 'right';
  degrees: number;
  normal?: number;
  percentOfNormal?: number;
  painOnMotion: boolean;
}
export interface StrengthRow {
  movement: string;
  muscle?: string;
  side?: 'left' | 'right';
  grade: number;
}
export interface PalpatedPoint {
  muscle: string;
  triggerPoint?: string;
  side: 'left' | 'right' | 'midline';
  kind: 'active' | 'latent';
  tautBand: boolean;
  localTwitch: boolean;
  jumpSign: boolean;
  referralReproduced: boolean;
  referralRegions: string[];
  tenderness: number;
  /** Where on the chart it was placed (kept in the note; the API stores muscle and side). */
  note?: string;
}
export type FiveElement =
  'ischemia' | 'triggerPoints' | 'nerveCompression' | 'posturalDistortion' | 'biomechanicalDysfunction';
export interface Findings {
  painMap: PainEntry[];
  posture: { findings: string[]; notes?: string };
  rom: RomRow[];
  strength: StrengthRow[];
  triggerPoints: PalpatedPoint[];
  fiveElements: Partial<Record<FiveElement, { present: boolean; note?: string }>>;
  notes?: string;
}
export interface AssessmentInput {
  assessedOn?: string;
  findings: Findings;
  diagnoses?: string[];
}
/** A diagnosis from the clinic's ICD-10-CM list, with the words a person reads. */
export interface Diagnosis {
  code: string;
  plainName: string;
  title: string;
  group: string;
  groupLabel: string;
}
export interface Assessment {
  id: string;
  patientId: string;
  assessedOn: string;
  version: number;
  findings: Findings;
  diagnoses: Diagnosis[];
  updatedAt: string;
}

export interface PlanStage {
  phase: 'acute' | 'chronic' | 'maintenance';
  label: string;
  visitsPerWeek?: number;
  intervalWeeks?: number;
  weeks?: number;
  visits: number;
  rationale?: string[];
}
export type PlanGoal =
  | { kind: 'nprs'; baseline?: number; target: number; byVisit?: number }
  | { kind: 'psfs'; activity: string; baseline?: number; target: number; byVisit?: number }
  | { kind: 'rom'; joint: string; motion: string; side?: 'left' | 'right'; targetDegrees: number; byVisit?: number };
export type IntegrationService = 'chiropractic' | 'acupuncture' | 'corrective-exercise';
export interface PlanInput {
  phase: 'acute' | 'chronic' | 'maintenance';
  stages: PlanStage[];
  totalVisits: number;
  reassessmentAtVisits: number[];
  goals: PlanGoal[];
  integration: { service: IntegrationService; note: string }[];
  startDate: string;
  preferredDays: number[];
  preferredTime?: string;
  therapistId: string;
  locationId: string;
  serviceCode: string;
}
export interface TreatmentPlan {
  id: string;
  patientId: string;
  status: 'draft' | 'active' | 'completed';
  plan: PlanInput;
  seriesId: string | null;
  version: number;
  /** What the reader may do with the plan, from the server's policies. */
  can: z.infer<typeof TreatmentPlanSchema>['can'];
}
export interface BookableService {
  code: string;
  name: string;
  discipline?: string;
  isInitial?: boolean;
  durationMinutes?: number;
  active?: boolean;
}

export type StepInput = z.input<typeof StepCreateSchema>;
export type RecordedStep = z.infer<typeof RecordedStepSchema>;
export type NoteInput = z.input<typeof NoteCreateSchema>;
export type NoteUpdate = z.input<typeof NoteUpdateSchema>;
export type SessionNote = z.infer<typeof SessionNoteSchema>;
export type CptMinutes = SessionNote['cptMinutes'][number];
export interface NoteHistory {
  amendments: { id: string; reason: string; changes: { addendum?: string }; at?: string; createdAt?: string }[];
  events: { at: string; what: 'created' | 'signed' | 'amended'; by: string | null; reason?: string }[];
}

export type MeasureId = 'nprs' | 'ndi' | 'odi' | 'psfs';
export interface MeasureSeries {
  measure: MeasureId;
  higherIsWorse: boolean;
  mcid: { value: number; unit: 'points' | 'percent-points' };
  points: {
    id: string;
    takenAt: string;
    score: number;
    percent: number | null;
    change: { category?: string } | null;
    activities?: string[];
  }[];
}
export interface DueMeasure {
  measure: MeasureId;
  status: 'due' | 'overdue' | 'not-due';
  reason: string;
}

export type HomeCareContent = z.infer<typeof HomeCareContentSchema>;
export type HomeCarePlan = z.infer<typeof HomeCarePlanSchema>;
export type HomeCareSent = z.infer<typeof HomeCareSentSchema>;
type HomeCareList = z.infer<typeof HomeCareListSchema>;
/** A sent plan as its patient's pages list it, with the visit it came from. */
export type HomeCareListed = HomeCareList['plans'][number];
