import { z } from 'zod';
import { TECHNIQUES, type Technique } from '../../clinical/protocol/index.ts';
import { Id, text, Version } from '../common.ts';
import { ChangeClassificationSchema } from '../measures/schema.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

/** Atlas and body-map ids: lower-case words joined by hyphens; the service checks they exist. */
const Slug = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Use an id of lower-case letters, digits and hyphens.');

export const RomSchema = z.strictObject({
  joint: text(LIMIT.joint),
  motion: text(LIMIT.joint),
  side: z.enum(['left', 'right']).nullable().optional(),
  degrees: z.number().min(0).max(360),
  painOnMotion: z.boolean().optional().describe('The motion reproduced pain'),
});

export const SubjectiveSchema = z.strictObject({
  painToday: z.number().int().min(0).max(10).optional().describe('Pain today, 0–10'),
  sinceLastVisit: text(LIMIT.shortNote).optional(),
  reliefDays: z.number().int().min(0).max(365).optional().describe('How many days the relief of the last visit lasted'),
  notes: text(LIMIT.note).optional(),
});

export const ObjectiveSchema = z.strictObject({
  notes: text(LIMIT.note).optional(),
  posture: text(LIMIT.shortNote).optional(),
  palpation: text(LIMIT.note).optional(),
  rom: z.array(RomSchema).max(60).optional().describe('Range of motion before treatment'),
});

export const CptMinutesSchema = z
  .array(
    z.strictObject({
      code: z.string().regex(/^\d{5}$/, 'Use a five-digit CPT code, e.g. 97140.'),
      minutes: z.number().int().min(0).max(1440),
    }),
  )
  .max(20);

export const NoteCreateSchema = z.strictObject({
  appointmentId: Id.nullable().optional().describe('The visit; leave out for a walk-in'),
  subjective: SubjectiveSchema.default({}),
  objective: ObjectiveSchema.default({}),
  assessment: text(LIMIT.soapSection).nullable().optional(),
  plan: text(LIMIT.soapSection).nullable().optional(),
  cptMinutes: CptMinutesSchema.default([]),
});

export const NoteUpdateSchema = z.strictObject({
  version: Version,
  subjective: SubjectiveSchema.optional(),
  objective: ObjectiveSchema.optional(),
  assessment: text(LIMIT.soapSection).nullable().optional(),
  plan: text(LIMIT.soapSection).nullable().optional(),
  cptMinutes: CptMinutesSchema.optional(),
});

const TECHNIQUE_IDS = Object.keys(TECHNIQUES) as [Technique, ...Technique[]];

export const StepCreateSchema = z.strictObject({
  muscle: Slug.describe('Atlas muscle id, e.g. upper-trapezius'),
  triggerPoint: Slug.nullable().optional(),
  side: z.enum(['left', 'right', 'midline']),
  region: Slug.describe('Body-map region id where the pressure is applied, e.g. upper-back'),
  technique: z.enum(TECHNIQUE_IDS),
  durationSeconds: z.number().int().min(1).max(7200).optional(),
  holdSeconds: z.number().int().min(1).max(600).optional(),
  painRating: z.number().int().min(1).max(10).optional().describe('Pain during pressure, 1–10; 9 or more is a stop'),
  layer: z.enum(['superficial', 'middle', 'deep']).optional(),
  releaseAchieved: z.boolean().optional(),
});

export const ReassessmentSchema = z.strictObject({
  painAfter: z.number().int().min(0).max(10),
  rom: z.array(RomSchema).max(60).default([]),
});

export const AmendmentSchema = z.strictObject({
  reason: text(LIMIT.longReason).refine((s) => s.length >= 3, 'Say why, in at least 3 characters.'),
  changes: z.strictObject({
    subjective: SubjectiveSchema.optional(),
    objective: ObjectiveSchema.optional(),
    assessment: text(LIMIT.soapSection).nullable().optional(),
    plan: text(LIMIT.soapSection).nullable().optional(),
    cptMinutes: CptMinutesSchema.optional(),
    addendum: text(LIMIT.note).optional(),
  }),
});

const Flag = z.object({
  level: z.enum(['info', 'warning', 'stop']),
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

export const StepSchema = z
  .object({
    id: Id,
    sessionNoteId: Id,
    seq: z.number(),
    muscle: z.string(),
    triggerPoint: z.string().nullable(),
    side: z.string(),
    region: z.string(),
    technique: z.string(),
    durationSeconds: z.number().nullable(),
    holdSeconds: z.number().nullable(),
    painRating: z.number().nullable(),
    layer: z.string().nullable(),
    releaseAchieved: z.boolean().nullable(),
    flags: z.array(Flag),
    stop: z.boolean(),
    recordedAt: z.string(),
  })
  .meta({ id: 'TreatmentStep' });

export const RecordedStepSchema = z.object({
  step: StepSchema,
  flags: z.array(Flag),
  stop: z.boolean().describe('Pain reached 9 or more: the step is recorded and the therapist must release now'),
  alert: z.string().nullable(),
});

export const SessionNoteSchema = z
  .object({
    id: Id,
    patientId: Id,
    appointmentId: Id.nullable(),
    therapistId: Id,
    status: z.enum(['draft', 'signed']),
    subjective: SubjectiveSchema,
    objective: ObjectiveSchema,
    assessment: z.string().nullable(),
    plan: z.string().nullable(),
    cptMinutes: CptMinutesSchema,
    billing: z
      .object({
        rule: z.string(),
        totalMinutes: z.number(),
        totalUnits: z.number(),
        lines: z.array(z.object({ code: z.string(), minutes: z.number(), units: z.number() })),
      })
      .nullable(),
    steps: z.array(StepSchema),
    hadStop: z.boolean(),
    reassessment: z.object({ painAfter: z.number(), rom: z.array(RomSchema) }).nullable(),
    signedAt: z.string().nullable(),
    signedBy: Id.nullable(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    can: z
      .object({
        edit: z.boolean().describe('Change the draft: SOAP, treatment steps, reassessment, home care'),
        sign: z.boolean().describe('Sign and lock the draft (its treating therapist only)'),
        amend: z.boolean().describe('Correct the signed note with an amendment'),
      })
      .describe('What you may do with this note now, by the same rules the API enforces'),
  })
  .meta({ id: 'SessionNote' });

export const SessionNoteListSchema = z.object({ notes: z.array(SessionNoteSchema) }).meta({ id: 'SessionNoteList' });

export const ReassessmentRecordSchema = z
  .object({ sessionNoteId: Id, painAfter: z.number(), rom: z.array(RomSchema), recordedBy: Id, recordedAt: z.string() })
  .meta({ id: 'Reassessment' });

const Change = z.number().nullable();

export const RomComparisonSchema = z.object({
  joint: z.string(),
  motion: z.string(),
  side: z.enum(['left', 'right']).nullable(),
  intake: Change,
  before: Change,
  after: Change,
  changeInSession: Change.describe('Degrees gained in this session (after − before); positive is more motion'),
  changeSinceIntake: Change,
  painOnMotion: z.object({
    intake: z.boolean().nullable(),
    before: z.boolean().nullable(),
    after: z.boolean().nullable(),
  }),
});

export const SessionComparisonSchema = z
  .object({
    noteId: Id,
    pain: z.object({
      intake: Change,
      intakeSource: z
        .enum(['nprs', 'first-note'])
        .nullable()
        .describe('The first NPRS response, else the first note’s pain today'),
      before: Change,
      after: Change,
      changeInSession: Change,
      changeSinceIntake: Change,
      classificationSinceIntake: ChangeClassificationSchema.nullable(),
    }),
    rom: z.array(RomComparisonSchema),
    romIntakeSource: z.enum(['assessment', 'first-note']).nullable(),
  })
  .meta({ id: 'SessionComparison' });

export const AmendmentRecordSchema = z.object({
  id: Id,
  sessionNoteId: Id,
  reason: z.string(),
  changes: z.record(z.string(), z.unknown()),
  authorUserId: Id,
  authorRole: z.string(),
  authorName: z.string().nullable(),
  amendedAt: z.string(),
});

export const NoteHistorySchema = z
  .object({
    original: SessionNoteSchema,
    amendments: z.array(AmendmentRecordSchema),
    current: z.object({
      subjective: SubjectiveSchema,
      objective: ObjectiveSchema,
      assessment: z.string().nullable(),
      plan: z.string().nullable(),
      cptMinutes: CptMinutesSchema,
      addenda: z.array(z.string()),
    }),
    events: z.array(
      z.object({
        at: z.string(),
        what: z.enum(['created', 'signed', 'amended']),
        by: z.string().nullable(),
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'NoteHistory' });
