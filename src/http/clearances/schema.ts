import { z } from 'zod';
import { Id, text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

export const OverrideSchema = z.strictObject({ reason: text(LIMIT.longReason) });

export const ScreeningDecisionSchema = z.enum(['clear', 'caution', 'refer', 'local', 'contraindicated']);

export const TreatmentGateSchema = z
  .object({
    decision: ScreeningDecisionSchema,
    screenedAt: z.string().nullable(),
    intakeVersion: z.number().nullable(),
    treatmentAllowed: z
      .boolean()
      .describe('False when contraindicated or refer without a covering clearance or override, or with no intake'),
    blockedReason: z.string().nullable(),
    avoidRegions: z.array(z.string()).describe('Body-map region ids not to be treated'),
    techniqueChanges: z.array(z.string()),
    cautions: z.array(
      z.object({ rule: z.string(), title: z.string(), reason: z.string(), changes: z.array(z.string()) }),
    ),
    painRatingsUnreliable: z.string().nullable(),
    noDeepPressure: z.boolean(),
    clearances: z.array(z.object({ id: Id, scope: z.string(), physician: z.string(), clearedOn: z.string() })),
    openTasks: z.array(z.object({ id: Id, kind: z.literal('physician-clearance'), reason: z.string() })),
    overrides: z.array(
      z.object({
        id: Id,
        reason: z.string(),
        decidedAt: z.string(),
        decidedBy: z.object({ userId: Id, role: z.string(), name: z.string().nullable() }),
      }),
    ),
    can: z
      .object({
        override: z.boolean().describe('Let treatment go ahead despite a blocking decision'),
        recordClearance: z.boolean().describe("Record a physician's clearance"),
      })
      .describe('What you may do about the gate, by the same rules the API enforces'),
  })
  .meta({ id: 'TreatmentGate' });

export const GateOverrideResultSchema = z.object({
  override: z.object({
    id: Id,
    patientId: Id,
    intakeVersion: z.number(),
    reason: z.string(),
    decidedBy: Id,
    decidedRole: z.string(),
    decidedAt: z.string(),
  }),
  gate: TreatmentGateSchema,
});

export const ClearanceResultSchema = z.object({
  clearance: z.object({
    id: Id,
    patientId: Id,
    physician: z.string(),
    clearedOn: z.string(),
    scope: z.string(),
    fileId: Id,
    covers: z.array(z.string()),
    intakeVersion: z.number().nullable(),
    recordedBy: Id,
    recordedAt: z.string(),
  }),
  file: z.object({
    id: Id,
    patientId: Id,
    filename: z.string(),
    contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
    size: z.number(),
    sha256: z.string(),
    uploadedBy: Id,
    uploadedAt: z.string(),
  }),
  gate: TreatmentGateSchema,
});
