import { z } from 'zod';
import { LinkParams } from '../links/schema.ts';

/** A relief link has the shape of a visit's link, so a mangled one is refused naming its broken part. */
export const ReliefTokenParams = LinkParams;

/** The question behind a check-in link, and the answer once given. */
export const ReliefQuestionSchema = z
  .object({
    question: z.string(),
    visitOn: z.string().describe('The day of the visit the question is about'),
    maxDays: z.number(),
    answer: z.object({ reliefDays: z.number(), stillHolding: z.boolean() }).nullable(),
  })
  .meta({ id: 'ReliefQuestion' });

/** Days the relief lasted (0–60), or that it is still holding. */
export const ReliefAnswerSchema = z
  .strictObject({
    days: z
      .number()
      .int('Give a whole number of days.')
      .min(0, 'Give 0 or more days.')
      .max(60, 'Give at most 60 days, or choose "still holding".')
      .optional(),
    stillHolding: z.boolean().optional(),
  })
  .refine((a) => (a.stillHolding === true) !== (a.days !== undefined), {
    message: 'Give the number of days, or choose "still holding" — one of the two.',
    path: ['days'],
  });
