import { z } from 'zod';
import { TEXT_LIMITS } from '../../words/limits.ts';

export const DiagnosisSearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(TEXT_LIMITS.diagnosisSearch)
    .describe('A code (M54.2, m542, S13) or words (low back, whiplash)'),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

/** A diagnosis as the chart shows it: the code, its plain name and its condition group. */
export const DiagnosisSchema = z.object({
  code: z.string(),
  plainName: z.string(),
  title: z.string(),
  group: z.enum(['neck', 'low-back', 'head', 'shoulder', 'hip-leg', 'other']),
  groupLabel: z.string(),
});

export const DiagnosisListSchema = z.object({ diagnoses: z.array(DiagnosisSchema) });
