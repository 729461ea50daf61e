import { z } from 'zod';
import { MEASURES } from './catalogue.ts';
import { MEASURE_IDS } from './types.ts';
import type { MeasureId } from './types.ts';

/**
 * How a clinic decides that a patient "responded". `absolute` is in the measure's own
 * unit unless `absoluteUnit` says percent-points; `percent` is the improvement as a
 * percent of the room there was to improve (for NPRS/NDI/ODI: percent reduction from
 * baseline, as Farrar 2001 and Ostelo 2008 define it).
 */
export interface ResponderDefinition {
  id: string;
  label: string;
  measure: MeasureId;
  rule: 'absolute' | 'percent' | 'either' | 'both';
  absolute?: number;
  absoluteUnit?: 'points' | 'percent-points';
  percent?: number;
  /** The follow-up must be taken at a session number in this range (inclusive). */
  withinSessions?: { min: number; max: number };
  source?: string;
}

const sessionWindow = z
  .object({ min: z.number().int().min(1), max: z.number().int().min(1) })
  .refine((w) => w.min <= w.max, { message: 'min must not exceed max', path: ['min'] });

const responderSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and hyphens, at most 64'),
    label: z.string().trim().min(1).max(200),
    measure: z.enum(MEASURE_IDS as [MeasureId, ...MeasureId[]]),
    rule: z.enum(['absolute', 'percent', 'either', 'both']),
    absolute: z.number().positive().finite().optional(),
    absoluteUnit: z.enum(['points', 'percent-points']).optional(),
    percent: z.number().positive().max(100).optional(),
    withinSessions: sessionWindow.optional(),
    source: z.string().max(500).optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    const needsAbsolute = def.rule !== 'percent';
    const needsPercent = def.rule !== 'absolute';
    if (needsAbsolute && def.absolute === undefined) {
      ctx.addIssue({ code: 'custom', path: ['absolute'], message: `rule '${def.rule}' needs an absolute threshold` });
    }
    if (needsPercent && def.percent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['percent'], message: `rule '${def.rule}' needs a percent threshold` });
    }
    if (def.absolute !== undefined) {
      const scale = def.absoluteUnit === 'percent-points' ? 100 : MEASURES[def.measure].maxScore;
      if (def.absolute > scale) {
        ctx.addIssue({ code: 'custom', path: ['absolute'], message: `exceeds the scale maximum ${scale}` });
      }
    }
  });

export type ResponderValidation =
  { ok: true; value: ResponderDefinition } | { ok: false; errors: Array<{ field: string; message: string }> };

/** Validates a clinic's own responder definition; every error names its field. */
export function validateResponderDefinition(input: unknown): ResponderValidation {
  const parsed = responderSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data as ResponderDefinition };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join('.') : '(definition)',
      message: issue.message,
    })),
  };
}

export const DEFAULT_RESPONDER_DEFINITIONS: readonly ResponderDefinition[] = [
  {
    id: 'nprs-farrar',
    label: 'NPRS: pain down 2 points or 30%',
    measure: 'nprs',
    rule: 'either',
    absolute: 2,
    percent: 30,
    source: 'Farrar JT et al. 2001, Pain 94(2):149-158',
  },
  {
    id: 'odi-ostelo',
    label: 'ODI: disability down 10 points or 30%',
    measure: 'odi',
    rule: 'either',
    absolute: 10,
    percent: 30,
    source: 'Ostelo RWJG et al. 2008, Spine 33(1):90-94',
  },
  {
    id: 'ndi-cleland',
    label: 'NDI: disability down 19 percent-points (9.5 raw)',
    measure: 'ndi',
    rule: 'absolute',
    absolute: 19,
    absoluteUnit: 'percent-points',
    source: 'Cleland JA, Childs JD, Whitman JM 2008, Arch Phys Med Rehabil 89(1):69-74',
  },
  {
    id: 'ndi-vernon',
    label: 'NDI: disability down 5 raw points',
    measure: 'ndi',
    rule: 'absolute',
    absolute: 5,
    source: 'Vernon H 2008, J Manipulative Physiol Ther 31(7):491-502',
  },
  {
    id: 'psfs-mdc',
    label: 'PSFS: function up 2 points (beyond measurement error)',
    measure: 'psfs',
    rule: 'absolute',
    absolute: 2,
    source: 'Stratford P et al. 1995, Physiotherapy Canada 47(4):258-263 (MDC90 2 points)',
  },
  {
    id: 'clinic-claim-nprs-4-6',
    label: "Clinic's claim: NPRS down 2 points or 30% by session 4–6",
    measure: 'nprs',
    rule: 'either',
    absolute: 2,
    percent: 30,
    withinSessions: { min: 4, max: 6 },
    source: 'Farrar 2001 thresholds applied to the clinic’s internal claim (85% improve within 4–6 sessions)',
  },
];

/**
 * Whether a patient meets a responder definition. A definition with a session window
 * only counts follow-ups whose session number is known and inside the window.
 */
export function isResponder(
  def: ResponderDefinition,
  baseline: number,
  followUp: number,
  context: { session?: number } = {},
): boolean {
  if (def.withinSessions) {
    const { session } = context;
    if (session === undefined || session < def.withinSessions.min || session > def.withinSessions.max) {
      return false;
    }
  }
  const info = MEASURES[def.measure];
  const improvement = info.higherIsWorse ? baseline - followUp : followUp - baseline;
  const room = info.higherIsWorse ? baseline - info.minScore : info.maxScore - baseline;
  const absoluteLimit =
    def.absolute === undefined
      ? undefined
      : def.absoluteUnit === 'percent-points'
        ? (def.absolute * info.maxScore) / 100
        : def.absolute;
  const epsilon = 1e-9;
  const meetsAbsolute = absoluteLimit !== undefined && improvement >= absoluteLimit - epsilon;
  const meetsPercent =
    def.percent !== undefined && room > 0 && improvement > 0 && (improvement / room) * 100 >= def.percent - epsilon;
  switch (def.rule) {
    case 'absolute':
      return meetsAbsolute;
    case 'percent':
      return meetsPercent;
    case 'either':
      return meetsAbsolute || meetsPercent;
    case 'both':
      return meetsAbsolute && meetsPercent;
  }
}
