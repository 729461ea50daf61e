import { z } from 'zod';
import { CUT_DIMENSIONS } from '../../outcomes/index.ts';
import { OUTCOMES_TABLE_IDS } from '../../services/outcomes/index.ts';
import { IsoDate } from '../common.ts';

const oneOf = <T extends string>(values: readonly T[]) =>
  z.enum(values as [T, ...T[]], { error: `Choose one of: ${values.join(', ')}.` });
const GROUPS = CUT_DIMENSIONS.filter((d) => d !== 'definition');
const groupKey = z.string().trim().min(1, 'Must not be empty.').max(80, 'Too long: at most 80 characters.');

const Range = {
  from: IsoDate.optional().describe('First day episodes started on (YYYY-MM-DD)'),
  to: IsoDate.optional().describe('Last day episodes started on (YYYY-MM-DD)'),
  definition: z
    .string()
    .trim()
    .max(40, 'Too long: at most 40 characters.')
    .optional()
    .describe('Meaningful improvement by: nprs-mcid (default), ndi-mcid, odi-mcid, psfs-mcid'),
  period: oneOf(['month', 'quarter', 'year'] as const)
    .optional()
    .describe('How the period cut groups start dates (default: quarter)'),
};

export const OutcomesQuerySchema = z.strictObject({
  ...Range,
  by: oneOf(CUT_DIMENSIONS)
    .optional()
    .describe('Show one cut only: condition, site, therapist, phase, period or definition'),
});

export const OutcomesCsvQuerySchema = z.strictObject({
  ...Range,
  table: oneOf(OUTCOMES_TABLE_IDS)
    .default('claim')
    .describe(
      'Which table: claim (default), curve, summary, or a cut (condition, site, therapist, phase, period, definition)',
    ),
});

export const CompareQuerySchema = z.strictObject({
  ...Range,
  by: oneOf(GROUPS).describe('The cut the two groups belong to'),
  a: groupKey.describe(
    'The first group: its key in the cut (a site id, a therapist id, a condition group, a phase or a period)',
  ),
  b: groupKey.describe('The second group'),
});

const TooFew = z.object({ status: z.literal('too-few'), note: z.literal('too few to report') });
const reported = <T extends z.ZodRawShape>(shape: T) =>
  z.union([z.object({ status: z.literal('reported'), ...shape }), TooFew]);
const n = z.number();
const maybe = z.number().nullable();

const Share = reported({ numerator: n, denominator: n, rate: n, lower: n, upper: n });
const Summary = { count: n, mean: n, median: n };
const Median = { value: maybe, lower: maybe, upper: maybe };

const Cell = reported({
  episodes: n,
  claim: z.object({ allStarted: Share, completedCourse: Share, stillInCare: n, withoutBaseline: n }),
  medianSessions: reported(Median),
  dropOut: Share,
  visitsPerEpisode: reported(Summary),
  psfsChange: reported(Summary),
  reliefDays: reported({ ...Summary, episodes: n }),
});

const CurvePoint = z.object({
  time: n,
  atRisk: n,
  events: n,
  censored: n,
  survival: n,
  standardError: maybe,
  lower: maybe,
  upper: maybe,
});
const CutRow = z.object({ key: z.string(), label: z.string(), figures: Cell });

const TableSchema = z
  .object({
    id: z.enum(OUTCOMES_TABLE_IDS as [string, ...string[]]),
    title: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  })
  .meta({ id: 'OutcomesTable' });

export const OutcomesAnswerSchema = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    scope: z
      .enum(['organization', 'sites', 'own'])
      .describe("Whose episodes: the organisation's, your sites', or your own"),
    by: z.string().nullable(),
    report: z.object({
      definition: z.object({ id: z.string(), label: z.string(), measure: z.string(), source: z.string().optional() }),
      settings: z.object({
        claimSession: n,
        minimumSessions: n,
        minimumCell: n,
        period: z.string(),
        transform: z.string(),
        confidence: n,
      }),
      overall: Cell,
      curve: reported({ points: z.array(CurvePoint), median: z.object(Median), truncatedAfter: maybe }),
      cuts: z.record(z.string(), z.array(CutRow)),
    }),
    tables: z
      .array(TableSchema)
      .describe('The same figures as plain rows: what the page, the CSV files and the command line show'),
  })
  .meta({ id: 'OutcomesReport' });

const LogRankGroup = z.object({ observations: n, observed: n, expected: n });

export const ComparisonSchema = z
  .object({
    dimension: z.string(),
    groups: z.tuple([z.string(), z.string()]),
    labels: z.tuple([z.string(), z.string()]),
    result: reported({
      groups: z.tuple([LogRankGroup, LogRankGroup]),
      variance: n,
      chiSquare: maybe,
      degreesOfFreedom: z.literal(1),
      pValue: maybe,
    }),
  })
  .meta({ id: 'OutcomesComparison' });
