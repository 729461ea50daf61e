import { z } from 'zod';
import { Id } from '../common.ts';
import { ClaimCanSchema } from './schema.ts';

/** The desk's money worklists: charges to review, claims and 837P files. */
const ClaimStatus = z.enum(['ready', 'submitted', 'paid'], 'Choose ready, submitted or paid.');
export const ClaimQuery = z.strictObject({
  visitId: Id.optional().describe('The claims of one visit (signed note)'),
  status: ClaimStatus.optional().describe('Only claims in this state'),
});

export const ReviewListSchema = z.object({
  visits: z.array(
    z.object({
      visitId: z.uuid(),
      patientId: z.uuid(),
      patientName: z.string(),
      serviceDate: z.string(),
      therapistName: z.string(),
      lines: z.number().int().describe('Proposed lines waiting'),
      amountCents: z.number().int(),
    }),
  ),
});

export const ClaimListSchema = z.object({
  claims: z.array(
    z.object({
      id: z.uuid(),
      patientId: z.uuid(),
      patientName: z.string(),
      visitId: z.uuid(),
      serviceDate: z.string(),
      payerId: z.uuid(),
      payerName: z.string(),
      controlNumber: z.string(),
      status: ClaimStatus,
      batchId: z.uuid().nullable(),
      totalCents: z.number().int(),
      createdAt: z.string(),
      payerClaimNumber: z.string().nullable(),
      frequency: z.enum(['original', 'replacement', 'void']),
      correctsControlNumber: z.string().nullable().describe('The claim this one replaces or voids'),
      correctedBy: z
        .object({ controlNumber: z.string(), frequency: z.enum(['replacement', 'void']) })
        .nullable()
        .describe('The replacement or void made of this claim'),
      can: ClaimCanSchema,
    }),
  ),
});

export const BatchListSchema = z.object({
  batches: z.array(
    z.object({
      id: z.uuid(),
      controlNumber: z.number().int().describe('The interchange control number (ISA13)'),
      usage: z.enum(['P', 'T']),
      claimCount: z.number().int(),
      createdAt: z.string(),
    }),
  ),
});
