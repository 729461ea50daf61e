import { z } from 'zod';
import { Id, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

const ItemScore = z.number().int().min(0).max(10);

export const MeasureSubmitSchema = z.strictObject({
  measure: z.enum(['nprs', 'ndi', 'odi', 'psfs']),
  answers: z
    .array(z.union([ItemScore, z.null(), z.strictObject({ activity: text(LIMIT.activity), score: ItemScore.nullable() })]))
    .min(1, 'Give at least one answer.')
    .max(10)
    .describe('Item scores in order (null = skipped); PSFS may name its activities: {activity, score}'),
  sessionId: Id.nullable().optional().describe('The session note this was taken at'),
});

export const MeasureResponseSchema = z
  .object({
    id: Id, patientId: Id, measure: z.string(), score: z.number(), percent: z.number().nullable(), band: z.string().nullable(),
    takenAt: z.string(), sessionNoteId: Id.nullable(), enteredRole: z.string(),
  })
  .meta({ id: 'MeasureResponse' });
