import { z } from 'zod';
import { muscleById, triggerPointById } from '../../clinical/atlas/index.ts';
import { regionById } from '../../clinical/bodymap/regions.ts';
import { PainMapSchema } from './intake-document.ts';

/** What an assessment records, checked against the atlas and the body map; the vocabularies and
 * norms are clinical knowledge in src/clinical/assessment. */
export { romNorm } from '../../clinical/assessment/index.ts';
import { FIVE_ELEMENTS, POSTURE_FINDINGS, romNorm } from '../../clinical/assessment/index.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

const note = (max: number) => z.string().trim().min(1).max(max);
const slug = z.string().regex(/^[a-z][a-z-]{0,39}$/, 'use lower-case words joined by hyphens, e.g. lateral-flexion');
const side = z.enum(['left', 'right', 'midline', 'bilateral']);
const regionId = z
  .string()
  .max(60)
  .refine((id) => regionById(id) !== undefined, { message: 'is not a body-map region id' });

const RomRowSchema = z.strictObject({
  joint: slug,
  motion: slug,
  side: side.optional(),
  degrees: z.number().min(0).max(360),
  /** Only for a joint and motion the norms table does not hold. */
  normal: z.number().positive().max(360).optional(),
  painOnMotion: z.boolean().default(false),
  note: note(LIMIT.findingNote).optional(),
});

const StrengthRowSchema = z.strictObject({
  movement: note(LIMIT.strengthMovement),
  muscle: z
    .string()
    .max(60)
    .refine((id) => muscleById(id) !== undefined, { message: 'is not a muscle id of the atlas' })
    .optional(),
  side: side.optional(),
  grade: z.number().int().min(0).max(5),
  note: note(LIMIT.findingNote).optional(),
});

const TriggerPointRowSchema = z
  .strictObject({
    muscle: z
      .string()
      .max(60)
      .refine((id) => muscleById(id) !== undefined, { message: 'is not a muscle id of the atlas' }),
    triggerPoint: z.string().max(80).optional(),
    side,
    kind: z.enum(['active', 'latent']),
    tautBand: z.boolean(),
    localTwitch: z.boolean(),
    jumpSign: z.boolean(),
    referralReproduced: z.boolean(),
    referralRegions: z.array(regionId).max(40).default([]),
    tenderness: z.number().int().min(0).max(10),
    note: note(LIMIT.findingNote).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.triggerPoint === undefined) return;
    const point = triggerPointById(row.triggerPoint);
    if (!point || point.muscleId !== row.muscle) {
      ctx.addIssue({
        code: 'custom',
        path: ['triggerPoint'],
        message: `is not a trigger point of ${row.muscle} in the atlas`,
      });
    }
  });

const ElementSchema = z.strictObject({ present: z.boolean(), note: note(LIMIT.elementNote).optional() });

export const FindingsSchema = z.strictObject({
  painMap: PainMapSchema.default([]),
  posture: z
    .strictObject({
      findings: z.array(z.enum(POSTURE_FINDINGS)).max(POSTURE_FINDINGS.length).default([]),
      notes: note(LIMIT.shortNote).optional(),
    })
    .default({ findings: [] }),
  rom: z.array(RomRowSchema).max(60).default([]),
  strength: z.array(StrengthRowSchema).max(60).default([]),
  triggerPoints: z.array(TriggerPointRowSchema).max(100).default([]),
  fiveElements: z.partialRecord(z.enum(FIVE_ELEMENTS), ElementSchema).default({}),
  notes: note(LIMIT.note).optional(),
});
export type Findings = z.output<typeof FindingsSchema>;

export interface RomRow {
  joint: string;
  motion: string;
  side?: string;
  degrees: number;
  normal: number;
  percentOfNormal: number;
  painOnMotion: boolean;
  note?: string;
}

export type StoredFindings = Omit<Findings, 'rom'> & { rom: RomRow[] };

/** Adds each ROM row's normal and % of normal; a joint outside the table must bring its own normal. */
export function completeFindings(
  findings: Findings,
): { findings: StoredFindings } | { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const rom: RomRow[] = [];
  findings.rom.forEach((row, i) => {
    const normal = romNorm(row.joint, row.motion) ?? row.normal;
    if (normal === undefined) {
      fields[`rom.${i}.normal`] = `No norm for ${row.joint} ${row.motion}: give the normal value in degrees.`;
      return;
    }
    const { normal: _given, ...rest } = row;
    rom.push({ ...rest, normal, percentOfNormal: Math.round((row.degrees / normal) * 1000) / 10 });
  });
  if (Object.keys(fields).length > 0) return { fields };
  return { findings: { ...findings, rom } };
}
