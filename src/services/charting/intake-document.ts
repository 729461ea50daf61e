import { z } from 'zod';
import { regionById } from '../../clinical/bodymap/regions.ts';
import { IntakeAnswersSchema, type IntakeAnswers, type MedicationClass } from '../../clinical/screening/index.ts';
import { IsoDate } from '../bounds.ts';

/**
 * The intake questionnaire as stored: the screening answers (checked by the clinical schema, so a
 * misspelt question is refused rather than read as "no") plus the history and the pain story that
 * screening does not decide on. Conditions, medications, surgeries and pregnancy live in `answers`.
 */
export const QUESTIONNAIRE_ID = 'knotwork-intake-v1';

// A real date in the clinic's range (the regex alone let 2026-13-45 through).
const isoDate = IsoDate;
const regionId = z.string().refine((id) => regionById(id) !== undefined, {
  message: 'is not a body-map region id (e.g. calf-left, temple-right)',
});
const text = (max: number) => z.string().trim().min(1).max(max);

export const PainMapSchema = z
  .array(z.strictObject({ region: regionId, intensity: z.number().int().min(0).max(10) }))
  .max(200)
  .refine((entries) => new Set(entries.map((e) => e.region)).size === entries.length, {
    message: 'names a region twice',
  });

export const PainStorySchema = z.strictObject({
  onset: z.enum(['sudden', 'gradual', 'after-injury', 'unknown']),
  onsetNote: text(1000).optional(),
  /** How long the pain has been there, in days (the plan's acute / chronic split reads it). */
  durationDays: z.number().int().min(0).max(36500),
  betterWith: z.array(text(200)).max(20).default([]),
  worseWith: z.array(text(200)).max(20).default([]),
  /** 24-hour behaviour: when in the day it is worst, and whether it wakes the patient. */
  worstTime: z.enum(['morning', 'daytime', 'evening', 'night', 'constant', 'varies']).optional(),
  wakesAtNight: z.enum(['yes', 'no', 'unknown']).optional(),
  morningStiffnessMinutes: z.number().int().min(0).max(1440).optional(),
  limits: z.array(text(200)).max(20).default([]),
});

export const InjurySchema = z.strictObject({
  what: text(300),
  date: isoDate.optional(),
  regions: z.array(regionId).max(20).optional(),
});

export const IntakeDocumentSchema = z.strictObject({
  questionnaire: z.literal(QUESTIONNAIRE_ID).default(QUESTIONNAIRE_ID),
  answers: IntakeAnswersSchema,
  injuries: z.array(InjurySchema).max(50).default([]),
  otherConditions: text(2000).optional(),
  goals: z.array(text(300)).max(20).default([]),
  painStory: PainStorySchema.optional(),
  painMap: PainMapSchema.default([]),
});

/** A draft may be half filled, but what is there must already be well formed. */
export const IntakeDraftSchema = IntakeDocumentSchema.extend({
  answers: IntakeAnswersSchema.optional(),
  painStory: PainStorySchema.partial().optional(),
});

/** Medication classes the therapist must see at a glance (pressure, bruising, unreliable pain ratings). */
export const FLAGGED_MEDICATION_CLASSES: readonly MedicationClass[] = [
  'anticoagulant',
  'antiplatelet',
  'analgesic',
  'muscle-relaxant',
];

export function flaggedMedications(answers: IntakeAnswers): Array<{ class: MedicationClass; name: string | null }> {
  return (answers.medications ?? [])
    .filter((m) => FLAGGED_MEDICATION_CLASSES.includes(m.class))
    .map((m) => ({ class: m.class, name: m.name ?? null }));
}

/** The screening answers inside a stored document (stored documents were validated when submitted). */
export function screeningAnswersOf(stored: Record<string, unknown>): IntakeAnswers {
  const parsed = IntakeAnswersSchema.safeParse(stored.answers ?? {});
  return parsed.success ? parsed.data : {};
}

/** zod issues → {path: message}, with an optional prefix; an unknown key names itself (as the HTTP layer does). */
export function issueFields(issues: readonly z.core.$ZodIssue[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  const join = (parts: PropertyKey[]) => [prefix, ...parts.map(String)].filter((p) => p !== '').join('.') || '_';
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[join([...issue.path, key])] = 'Not a field we know; leave it out.';
      continue;
    }
    fields[join([...issue.path])] ??= issue.message;
  }
  return fields;
}
