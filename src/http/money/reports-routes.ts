import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { reportCsv, type ReportTable, type RevenueDimension } from '../../billing/index.ts';
import type { Actor, ServiceContext } from '../../services/context.ts';
import {
  arAgingReport,
  revenueByReport,
  runningOutReport,
  unbilledReport,
  type Report,
} from '../../services/billing/reports.ts';
import { IsoDate } from '../common.ts';
import { route } from '../route.ts';

/** Every report answers JSON, or CSV with `?format=csv` (the same headings a page shows). */
const Format = z
  .enum(['json', 'csv'], 'Choose json or csv.')
  .optional()
  .describe('csv for a spreadsheet; JSON otherwise');
const Range = {
  from: IsoDate.optional().describe('First date of service, YYYY-MM-DD'),
  to: IsoDate.optional().describe('Last date of service, YYYY-MM-DD (today when left out)'),
};
const Count = (what: string, max: number) =>
  z.coerce.number().int(`Enter ${what} as a whole number.`).min(0, `Enter ${what} of 0 or more.`).max(max);
const DIMENSIONS = ['site', 'therapist', 'service'] as const;

const AgingQuery = z.strictObject({ format: Format, asOf: IsoDate.optional().describe('Age to this day') });
const UnbilledQuery = z.strictObject({ format: Format, ...Range });
const RunningOutQuery = z.strictObject({
  format: Format,
  remaining: Count('the visits left', 999).optional().describe('List those with this many left or fewer (2)'),
  days: Count('the days', 366).optional().describe('List those ending within this many days (14)'),
});
const RevenueQuery = z.strictObject({
  format: Format,
  ...Range,
  by: z
    .string()
    .regex(
      /^(site|therapist|service)(,(site|therapist|service))*$/,
      'Choose site, therapist or service, e.g. site,therapist.',
    )
    .optional()
    .describe('Group by site, therapist and/or service, comma-separated (site)'),
});

const Dollars = z.number().int().describe('Cents');
const Buckets = z.object({ '0-30': Dollars, '31-60': Dollars, '61-90': Dollars, '90+': Dollars });
const AgingSchema = z.object({
  asOf: z.string(),
  rows: z.array(z.object({ payerId: z.uuid().nullable(), payer: z.string(), buckets: Buckets, balance: Dollars })),
  total: z.object({ buckets: Buckets, balance: Dollars }),
});
const UnbilledSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      visitId: z.uuid(),
      patientName: z.string(),
      serviceDate: z.string(),
      siteName: z.string(),
      therapistName: z.string(),
      reason: z.enum(['no-charge', 'charge-not-posted', 'no-claim']),
      daysSinceService: z.number().int(),
    }),
  ),
});
const RunningOutSchema = z.object({
  asOf: z.string(),
  remaining: z.number().int(),
  days: z.number().int(),
  rows: z.array(
    z.object({
      authorizationId: z.uuid(),
      patientName: z.string(),
      payerName: z.string(),
      label: z.string(),
      remaining: z.number().int(),
      endsOn: z.string(),
      daysToEnd: z.number().int(),
      fewLeft: z.boolean(),
      endsSoon: z.boolean(),
    }),
  ),
});
const RevenueTotals = { lines: z.number().int(), units: z.number().int(), amount: Dollars };
const RevenueSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.array(z.enum(DIMENSIONS)),
  rows: z.array(z.object({ keys: z.array(z.string()), labels: z.array(z.string()), ...RevenueTotals })),
  total: z.object(RevenueTotals),
});

function answer<T>(reply: FastifyReply, format: 'json' | 'csv' | undefined, name: string, report: Report<T>) {
  if (format !== 'csv') return report.answer;
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
  return reportCsv(report.table as ReportTable);
}

/** One report's route: GET /api/reports/<name>, answered as JSON or as <name>.csv. */
function reportRoute<Q extends { format?: 'json' | 'csv' | undefined }>(spec: {
  name: string;
  errors: Array<403 | 422>;
  summary: string;
  query: z.ZodType<Q>;
  response: z.ZodType;
  run: (actor: Actor, query: Q) => Promise<Report<unknown>>;
}) {
  return route({
    method: 'GET',
    url: `/api/reports/${spec.name}`,
    tag: 'money',
    errors: spec.errors,
    summary: spec.summary,
    query: spec.query,
    response: spec.response,
    handler: async ({ actor, query, reply }) => answer(reply, query.format, spec.name, await spec.run(actor, query)),
  });
}

/** The billing reports for managers and admins, scoped to their sites: JSON, or CSV with ?format=csv. */
export function moneyReportRoutes(ctx: ServiceContext) {
  return [
    reportRoute({
      name: 'ar-aging',
      errors: [403],
      summary: 'What each payer owes, aged 0-30, 31-60, 61-90 and over 90 days (?format=csv for a spreadsheet)',
      query: AgingQuery,
      response: AgingSchema,
      run: (actor, query) => arAgingReport(ctx, actor, query),
    }),
    reportRoute({
      name: 'unbilled-visits',
      errors: [403, 422],
      summary: 'Signed visits not yet billed, and why (the last 90 days unless a range is given)',
      query: UnbilledQuery,
      response: UnbilledSchema,
      run: (actor, query) => unbilledReport(ctx, actor, query),
    }),
    reportRoute({
      name: 'authorizations-running-out',
      errors: [403],
      summary: 'Authorizations in force with few visits left (?remaining=2) or ending soon (?days=14)',
      query: RunningOutQuery,
      response: RunningOutSchema,
      run: (actor, query) => runningOutReport(ctx, actor, query),
    }),
    reportRoute({
      name: 'revenue',
      errors: [403, 422],
      summary: 'Posted charges by site, therapist or service for a period (the last 30 days unless given)',
      query: RevenueQuery,
      response: RevenueSchema,
      run: (actor, query) => {
        const by = (query.by ?? 'site').split(',') as RevenueDimension[];
        return revenueByReport(ctx, actor, { from: query.from, to: query.to, by: [...new Set(by)] });
      },
    }),
  ];
}
