import { z } from 'zod';
import { Id, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

const ItemScore = z.number().int().min(0).max(10);

export const MeasureSubmitSchema = z.strictObject({
  measure: z.enum(['nprs', 'ndi', 'odi', 'psfs']),
  answers: z
    .array(
      z.union([ItemScore, z.null(), z.strictObject({ activity: text(LIMIT.activity), score: ItemScore.nullable() })]),
    )
    .min(1, 'Give at least one answer.')
    .max(10)
    .describe('Item scores in order (null = skipped); PSFS may name its activities: {activity, score}'),
  sessionId: Id.nullable().optional().describe('The session note this was taken at'),
});

export const MeasureResponseSchema = z
  .object({
    id: Id,
    patientId: Id,
    measure: z.string(),
    score: z.number(),
    percent: z.number().nullable(),
    band: z.string().nullable(),
    takenAt: z.string(),
    sessionNoteId: Id.nullable(),
    enteredRole: z.string(),
  })
  .meta({ id: 'MeasureResponse' });

/** A published threshold, as the plot's band draws it. */
const ThresholdSchema = z.object({
  value: z.number(),
  unit: z.enum(['points', 'percent-points']),
  source: z.string(),
  relative: z.number().optional(),
});

export const ChangeClassificationSchema = z.object({
  change: z.number(),
  improvement: z.number().describe('Change in the good direction: positive is better'),
  percentImprovement: z.number().optional(),
  class: z.enum(['worse', 'no-change', 'beyond-mdc', 'beyond-mcid']),
  threshold: z.object({ condition: z.string().optional(), population: z.string() }).loose(),
  explanation: z.string(),
});

const MeasureId = z.enum(['nprs', 'ndi', 'odi', 'psfs']);

export const MeasureSeriesListSchema = z
  .object({
    series: z.array(
      z.object({
        measure: MeasureId,
        higherIsWorse: z.boolean(),
        mcid: ThresholdSchema,
        mdc: ThresholdSchema.nullable(),
        points: z.array(
          z.object({
            id: Id,
            takenAt: z.string(),
            score: z.number(),
            percent: z.number().nullable(),
            band: z.string().nullable(),
            sessionNoteId: Id.nullable(),
            change: ChangeClassificationSchema.nullable().describe(
              'Against the first (baseline) response; null on the baseline',
            ),
            activities: z.array(z.string()).optional(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'MeasureSeries' });

export const DueMeasuresSchema = z.object({
  visitNumber: z.number(),
  measures: z.array(
    z.object({
      measure: MeasureId,
      status: z.enum(['due', 'overdue', 'not-due']),
      reason: z.string(),
      lastTakenAt: z.string().nullable(),
      visitsSinceLast: z.number().nullable().describe('Completed visits since it was last taken'),
    }),
  ),
});
