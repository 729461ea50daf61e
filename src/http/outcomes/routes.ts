import type { ServiceContext } from '../../services/context.ts';
import { compareOutcomes, outcomesCsv, outcomesReport } from '../../services/outcomes/index.ts';
import { route } from '../route.ts';
import {
  CompareQuerySchema,
  ComparisonSchema,
  OutcomesAnswerSchema,
  OutcomesCsvQuerySchema,
  OutcomesQuerySchema,
} from './schema.ts';

/** Does the clinic help, for whom, how fast: the report, its tables as CSV, and two groups compared. */
export function outcomeRoutes(ctx: ServiceContext) {
  return [
    route({
      method: 'GET',
      url: '/api/outcomes',
      tag: 'outcomes',
      errors: [403, 422],
      summary:
        'The outcomes report: the claim both ways, sessions to first meaningful improvement, ' +
        'and every cut (therapists: their own episodes; managers: their sites; audited)',
      query: OutcomesQuerySchema,
      response: OutcomesAnswerSchema,
      handler: ({ actor, query }) => outcomesReport(ctx, actor, query),
    }),
    route({
      method: 'GET',
      url: '/api/outcomes.csv',
      tag: 'outcomes',
      errors: [403, 422],
      summary: 'One table of the outcomes report as a CSV file (RFC 4180), the same rows the page shows (audited)',
      query: OutcomesCsvQuerySchema,
      produces: 'text/csv',
      handler: async ({ actor, query, reply }) => {
        const { table, ...rest } = query;
        const file = await outcomesCsv(ctx, actor, rest, table);
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'private, no-store');
        return file.csv;
      },
    }),
    route({
      method: 'GET',
      url: '/api/outcomes/compare',
      tag: 'outcomes',
      errors: [403, 422],
      summary:
        'Log-rank comparison of sessions to first meaningful improvement between two groups of a cut, ' +
        'e.g. two sites (audited)',
      query: CompareQuerySchema,
      response: ComparisonSchema,
      handler: ({ actor, query }) => compareOutcomes(ctx, actor, query),
    }),
  ];
}
