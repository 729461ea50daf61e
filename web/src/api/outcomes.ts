import type { z } from 'zod';
import type { OutcomesAnswerSchema } from '../../../src/http/outcomes/schema.ts';
import { request, withQuery } from './http.ts';

// Types come from the outcomes routes' own zod schemas.
export type OutcomesAnswer = z.infer<typeof OutcomesAnswerSchema>;
export type OutcomesReport = OutcomesAnswer['report'];
export type OutcomesTable = OutcomesAnswer['tables'][number];
export type CutRow = OutcomesReport['cuts'][string][number];

export interface OutcomesFilter {
  from?: string;
  to?: string;
  definition?: string;
}

/** Every (method, OpenAPI path) this module calls; checked by test/browser/api-contract.test.ts. */
export const OUTCOMES_OPERATIONS = [
  ['GET', '/api/outcomes'],
  ['GET', '/api/outcomes.csv'],
] as const satisfies readonly (readonly [string, string])[];

export function getOutcomes(filter: OutcomesFilter, signal?: AbortSignal): Promise<OutcomesAnswer> {
  return request('GET', withQuery('/api/outcomes', { ...filter }), undefined, { signal });
}

/** Where a table's CSV file is downloaded from: the same rows as the table on the page. */
export function outcomesCsvUrl(table: string, filter: OutcomesFilter): string {
  return withQuery('/api/outcomes.csv', { ...filter, table });
}
