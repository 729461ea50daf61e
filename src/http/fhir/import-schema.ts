import { z } from 'zod';

/** A transaction-response Bundle: one entry per imported entry, in order, with its status and location. */
export const FhirTransactionResponseSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('transaction-response'),
    entry: z.array(
      z.looseObject({
        fullUrl: z.string(),
        response: z.object({ status: z.enum(['200 OK', '201 Created']), location: z.string() }),
      }),
    ),
  })
  .meta({ id: 'FhirTransactionResponse' });
