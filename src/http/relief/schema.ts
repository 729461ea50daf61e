import { z } from 'zod';

export const ReliefTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

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
