// The intake answers document (a JSON file or an API body) and the schema that checks it.
// Every field is optional on purpose: a missing key means "not asked / not answered" and is
// reported as unknown by the rules, never read as 'no'. An empty list means "none".
import { z } from 'zod';
import { regionById } from '../bodymap/regions.ts';
import { isIsoDate } from '../../time/index.ts';
import { CONDITION_CODES, CONDITIONS, QUESTION_IDS, type ConditionCode, type QuestionId } from './questions.ts';
import { TEXT_LIMITS } from '../../words/limits.ts';

export type YesNoUnknown = 'yes' | 'no' | 'unknown';

export const MEDICATION_CLASSES = [
  'anticoagulant',
  'antiplatelet',
  'analgesic',
  'muscle-relaxant',
  'corticosteroid',
  'antihypertensive',
  'anticonvulsant',
  'antidiabetic',
  'antidepressant',
  'other',
] as const;
export type MedicationClass = (typeof MEDICATION_CLASSES)[number];

export const LOCAL_ISSUE_KINDS = [
  'open-wound',
  'burn',
  'bruise',
  'skin-infection',
  'acute-inflammation',
  'acute-sprain',
  'recent-fracture',
  'varicose-veins',
  'phlebitis',
  'aneurysm',
  'tumour',
  'undiagnosed-lump',
  'irradiated-skin',
  'implanted-device',
] as const;
export type LocalIssueKind = (typeof LOCAL_ISSUE_KINDS)[number];

export interface Medication {
  class: MedicationClass;
  /** Free text as the patient wrote it, e.g. "warfarin 5 mg". */
  name?: string;
}

export interface Surgery {
  what: string;
  date: string;
  regions?: string[];
}

export interface LocalIssue {
  kind: LocalIssueKind;
  regions: string[];
  note?: string;
}

export interface Pregnancy {
  status: YesNoUnknown | 'not-applicable';
  trimester?: 1 | 2 | 3;
  highRisk?: YesNoUnknown;
}

export interface IntakeAnswers {
  questions?: Partial<Record<QuestionId, YesNoUnknown>>;
  conditions?: ConditionCode[];
  medications?: Medication[];
  /** Surgeries and procedures in the last 12 weeks (older ones may be listed; they are ignored). */
  surgeries?: Surgery[];
  pregnancy?: Pregnancy;
  bloodPressure?: { systolic: number; diastolic: number };
  temperatureC?: number;
  /** Date of the most recent stroke or TIA, when `questions.strokeOrTia` is 'yes'. */
  lastStrokeOrTiaDate?: string;
  localIssues?: LocalIssue[];
}

const yesNoUnknown = z.enum(['yes', 'no', 'unknown']);
const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });
const regionId = z.string().refine((id) => regionById(id) !== undefined, {
  message: 'is not a body-map region id (e.g. calf-left, low-back-right, sacrum)',
});

const questionShape = Object.fromEntries(QUESTION_IDS.map((id) => [id, yesNoUnknown.optional()])) as Record<
  QuestionId,
  z.ZodOptional<typeof yesNoUnknown>
>;

const schema = z.strictObject({
  questions: z.strictObject(questionShape).optional(),
  conditions: z.array(z.enum(CONDITION_CODES as [ConditionCode, ...ConditionCode[]])).optional(),
  medications: z
    .array(
      z.strictObject({
        class: z.enum(MEDICATION_CLASSES),
        name: z.string().min(1).max(TEXT_LIMITS.intakeItem).optional(),
      }),
    )
    .optional(),
  surgeries: z
    .array(
      z.strictObject({
        what: z.string().min(1).max(TEXT_LIMITS.intakeItem),
        date: isoDate,
        regions: z.array(regionId).optional(),
      }),
    )
    .optional(),
  pregnancy: z
    .strictObject({
      status: z.enum(['yes', 'no', 'unknown', 'not-applicable']),
      trimester: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
      highRisk: yesNoUnknown.optional(),
    })
    .optional(),
  bloodPressure: z
    .strictObject({
      systolic: z.number().int().min(50).max(300),
      diastolic: z.number().int().min(20).max(200),
    })
    .optional(),
  temperatureC: z.number().min(30).max(45).optional(),
  lastStrokeOrTiaDate: isoDate.optional(),
  localIssues: z
    .array(z.strictObject({ kind: z.enum(LOCAL_ISSUE_KINDS), regions: z.array(regionId), note: z.string().optional() }))
    .optional(),
});

/** Strict: unknown keys are rejected so a misspelt question is never silently "not answered". */
export const IntakeAnswersSchema: z.ZodType<IntakeAnswers> = schema;

/** How one question was answered, with the listed conditions that imply 'yes'. */
export interface Answer {
  value: YesNoUnknown | 'missing';
  fromConditions: ConditionCode[];
}

export function answerTo(answers: IntakeAnswers, question: QuestionId): Answer {
  const fromConditions = [...new Set(answers.conditions ?? [])].filter((code) => CONDITIONS[code] === question).sort();
  if (fromConditions.length > 0) return { value: 'yes', fromConditions };
  return { value: answers.questions?.[question] ?? 'missing', fromConditions };
}

/**
 * Questions with no answer at all ('unknown' is an answer: "not sure"; a listed condition answers
 * 'yes'). A submitted intake must have none, so that silence is never read as "no".
 */
export function unansweredQuestions(answers: IntakeAnswers): QuestionId[] {
  return QUESTION_IDS.filter((question) => answerTo(answers, question).value === 'missing');
}
