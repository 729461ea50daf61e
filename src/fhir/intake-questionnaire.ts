import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { QUESTIONS } from '../clinical/screening/questions.ts';
import { compact, instant, ref, type FhirContext } from './base.ts';
import { codeSystemResource, knotworkCoding } from './code-systems.ts';

/** The health questionnaire a patient fills in before the first visit, as one submitted version. */
export interface IntakeInput {
  id: string;
  patientId: string;
  version: number;
  submittedAt: Date;
  submittedRole: string;
  /** The stored document: screening answers plus the history and pain story. */
  document: Record<string, unknown>;
}

export const INTAKE_QUESTIONNAIRE_ID = 'intake';

/** HL7 v2 table 0532 (expanded yes/no indicator): how a yes / no / don't know answer is coded. */
const YES_NO = 'http://terminology.hl7.org/CodeSystem/v2-0532';
const YES_NO_CODES: Record<string, Coding> = {
  yes: { system: YES_NO, code: 'Y', display: 'Yes' },
  no: { system: YES_NO, code: 'N', display: 'No' },
  // The patient was asked and answered "don't know".
  unknown: { system: YES_NO, code: 'ASKU', display: 'Asked but unknown' },
};

type Kind = 'yes-no' | 'condition' | 'string' | 'text' | 'integer' | 'decimal' | 'date';

/** A question: where its answer sits in the stored document (a key), what kind, and whether it repeats. */
interface Field {
  key: string;
  text: string;
  kind?: Kind;
  repeats?: boolean;
  /** A group: its own fields; `repeats` makes it one group per listed entry. */
  fields?: Field[];
}

const INTAKE: Field[] = [
  {
    key: 'questions',
    text: 'Health questions',
    fields: Object.entries(QUESTIONS).map(([key, text]) => ({ key, text, kind: 'yes-no' as const })),
  },
  { key: 'conditions', text: 'Diagnosed conditions', kind: 'condition', repeats: true },
  {
    key: 'medications',
    text: 'Medications',
    repeats: true,
    fields: [
      { key: 'class', text: 'Kind of medication', kind: 'string' },
      { key: 'name', text: 'Name and dose', kind: 'string' },
    ],
  },
  {
    key: 'surgeries',
    text: 'Surgeries and procedures',
    repeats: true,
    fields: [
      { key: 'what', text: 'What was done', kind: 'string' },
      { key: 'date', text: 'When', kind: 'date' },
      { key: 'regions', text: 'Where on the body', kind: 'string', repeats: true },
    ],
  },
  {
    key: 'pregnancy',
    text: 'Pregnancy',
    fields: [
      { key: 'status', text: 'Pregnant now', kind: 'string' },
      { key: 'trimester', text: 'Trimester', kind: 'integer' },
      { key: 'highRisk', text: 'High-risk pregnancy', kind: 'yes-no' },
    ],
  },
  {
    key: 'bloodPressure',
    text: 'Blood pressure',
    fields: [
      { key: 'systolic', text: 'Systolic (mm Hg)', kind: 'integer' },
      { key: 'diastolic', text: 'Diastolic (mm Hg)', kind: 'integer' },
    ],
  },
  { key: 'temperatureC', text: 'Temperature (°C)', kind: 'decimal' },
  { key: 'lastStrokeOrTiaDate', text: 'Date of the last stroke or TIA', kind: 'date' },
  {
    key: 'localIssues',
    text: 'Areas to avoid',
    repeats: true,
    fields: [
      { key: 'kind', text: 'What is there', kind: 'string' },
      { key: 'regions', text: 'Where on the body', kind: 'string', repeats: true },
      { key: 'note', text: 'Note', kind: 'text' },
    ],
  },
];

/** The parts of the document outside the screening answers. */
const HISTORY: Field[] = [
  {
    key: 'injuries',
    text: 'Injuries',
    repeats: true,
    fields: [
      { key: 'what', text: 'What happened', kind: 'string' },
      { key: 'date', text: 'When', kind: 'date' },
      { key: 'regions', text: 'Where on the body', kind: 'string', repeats: true },
    ],
  },
  { key: 'otherConditions', text: 'Other conditions', kind: 'text' },
  { key: 'goals', text: 'Goals', kind: 'string', repeats: true },
  {
    key: 'painStory',
    text: 'The pain',
    fields: [
      { key: 'onset', text: 'How it started', kind: 'string' },
      { key: 'onsetNote', text: 'About the start', kind: 'text' },
      { key: 'durationDays', text: 'How long (days)', kind: 'integer' },
      { key: 'betterWith', text: 'Better with', kind: 'string', repeats: true },
      { key: 'worseWith', text: 'Worse with', kind: 'string', repeats: true },
      { key: 'worstTime', text: 'Worst time of day', kind: 'string' },
      { key: 'wakesAtNight', text: 'Wakes you at night', kind: 'yes-no' },
      { key: 'morningStiffnessMinutes', text: 'Morning stiffness (minutes)', kind: 'integer' },
      { key: 'limits', text: 'What it stops you doing', kind: 'string', repeats: true },
    ],
  },
  {
    key: 'painMap',
    text: 'Where it hurts',
    repeats: true,
    fields: [
      { key: 'region', text: 'Body-map region', kind: 'string' },
      { key: 'intensity', text: 'Intensity (0–10)', kind: 'integer' },
    ],
  },
];

const ITEM_TYPE: Record<Kind, QuestionnaireItem['type']> = {
  'yes-no': 'choice',
  condition: 'choice',
  string: 'string',
  text: 'text',
  integer: 'integer',
  decimal: 'decimal',
  date: 'date',
};

function questionnaireItem(ctx: FhirContext, f: Field, prefix: string): QuestionnaireItem {
  const linkId = `${prefix}${f.key}`;
  if (f.fields)
    return compact<QuestionnaireItem>({
      linkId,
      text: f.text,
      type: 'group',
      repeats: f.repeats || undefined,
      item: f.fields.map((inner) => questionnaireItem(ctx, inner, `${linkId}.`)),
    });
  const kind = f.kind ?? 'string';
  const options =
    kind === 'yes-no'
      ? Object.values(YES_NO_CODES)
      : kind === 'condition'
        ? codeSystemResource(ctx, 'intake-condition').concept!.map((c) =>
            knotworkCoding(ctx, 'intake-condition', c.code!),
          )
        : [];
  return compact<QuestionnaireItem>({
    linkId,
    text: f.text,
    type: ITEM_TYPE[kind],
    repeats: f.repeats || undefined,
    answerOption: options.map((valueCoding) => ({ valueCoding })),
  });
}

export function intakeQuestionnaireUrl(ctx: FhirContext): string {
  return `${ctx.base}/Questionnaire/${INTAKE_QUESTIONNAIRE_ID}`;
}

/** The health questionnaire's form: the screening questions, the history, the pain story. */
export function toIntakeQuestionnaire(ctx: FhirContext): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: INTAKE_QUESTIONNAIRE_ID,
    url: intakeQuestionnaireUrl(ctx),
    name: 'Intake',
    title: 'Health questionnaire',
    status: 'active',
    subjectType: ['Patient'],
    description: 'What a patient tells the clinic before treatment: health questions, history and the pain.',
    item: [...INTAKE, ...HISTORY].map((f) => questionnaireItem(ctx, f, '')),
  };
}

function answer(ctx: FhirContext, kind: Kind, value: unknown): QuestionnaireResponseItemAnswer | null {
  switch (kind) {
    case 'yes-no':
      return typeof value === 'string' && YES_NO_CODES[value] ? { valueCoding: YES_NO_CODES[value] } : null;
    case 'condition':
      return typeof value === 'string' ? { valueCoding: knotworkCoding(ctx, 'intake-condition', value) } : null;
    case 'integer':
      return Number.isInteger(value) ? { valueInteger: value as number } : null;
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? { valueDecimal: value } : null;
    case 'date':
      return typeof value === 'string' && value !== '' ? { valueDate: value } : null;
    default:
      return typeof value === 'string' && value.trim() !== ''
        ? { valueString: value }
        : typeof value === 'number'
          ? { valueString: String(value) }
          : null;
  }
}

/** The answered items of `fields` in `node`; an unanswered question is left out, as FHIR wants. */
function responseItems(ctx: FhirContext, fields: readonly Field[], node: unknown, prefix: string) {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  return fields.flatMap((f): QuestionnaireResponseItem[] => {
    const linkId = `${prefix}${f.key}`;
    const value = record[f.key];
    if (f.fields) {
      const entries = f.repeats ? (Array.isArray(value) ? value : []) : [value];
      return entries.flatMap((entry) => {
        const item = responseItems(ctx, f.fields!, entry, `${linkId}.`);
        return item.length > 0 ? [{ linkId, item }] : [];
      });
    }
    const values = f.repeats ? (Array.isArray(value) ? value : []) : [value];
    const answers = values.map((v) => answer(ctx, f.kind ?? 'string', v)).filter((a) => a !== null);
    return answers.length > 0 ? [{ linkId, answer: answers }] : [];
  });
}

/** One submitted version of a patient's health questionnaire. */
export function toIntakeResponse(ctx: FhirContext, r: IntakeInput): QuestionnaireResponse {
  return compact<QuestionnaireResponse>({
    resourceType: 'QuestionnaireResponse',
    id: r.id,
    questionnaire: intakeQuestionnaireUrl(ctx),
    status: 'completed',
    subject: ref('Patient', r.patientId),
    authored: instant(r.submittedAt),
    source: r.submittedRole === 'patient' ? ref('Patient', r.patientId) : undefined,
    item: [...responseItems(ctx, INTAKE, r.document.answers, ''), ...responseItems(ctx, HISTORY, r.document, '')],
  });
}
