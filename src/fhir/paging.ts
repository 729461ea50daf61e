import type { BundleLink } from '@medplum/fhirtypes';
import type { Refusal } from './search-params.ts';

/**
 * Paging by position in a stable order (each search sorts on fixed keys ending in the record id):
 * `_offset` is how many matches come before the page. The `self` / `next` / `previous` links carry
 * the whole search as one opaque `_page` token, so a link never spells out what was searched for
 * (a patient's name stays out of the links a client may log); a client follows them as given.
 */
const MAX_OFFSET = 100_000;

export type SearchQuery = Record<string, readonly string[]>;

export function parseOffset(value: string | undefined): number | Refusal {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > MAX_OFFSET)
    return { refused: `_offset must be a whole number from 0 to ${MAX_OFFSET}; "${value}" is not.` };
  return n;
}

function pageToken(query: SearchQuery): string {
  return Buffer.from(JSON.stringify(query), 'utf8').toString('base64url');
}

const NOT_OURS: Refusal = { refused: 'This page link is not one Knotwork made; run the search again.' };

/** The search a `_page` token stands for, or a refusal when it is not one these links carry. */
export function readPageToken(token: string): SearchQuery | Refusal {
  try {
    const query = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (typeof query !== 'object' || query === null || Array.isArray(query)) return NOT_OURS;
    const entries = Object.entries(query);
    const wellFormed = entries.every(
      ([name, values]) => name !== '_page' && Array.isArray(values) && values.every((v) => typeof v === 'string'),
    );
    return wellFormed ? (query as SearchQuery) : NOT_OURS;
  } catch {
    return NOT_OURS;
  }
}

/** `self`, and `next` / `previous` where there is such a page, each the same search at another offset. */
export function pageLinks(
  searchUrl: string,
  params: SearchQuery,
  page: { offset: number; count: number; total: number },
): BundleLink[] {
  const at = (offset: number) => {
    const query: Record<string, readonly string[]> = {};
    for (const [name, values] of Object.entries(params))
      if (name !== '_offset' && name !== '_count' && name !== '_page') query[name] = values;
    query._count = [String(page.count)];
    if (offset > 0) query._offset = [String(offset)];
    return `${searchUrl}?_page=${pageToken(query)}`;
  };
  const links: BundleLink[] = [{ relation: 'self', url: at(page.offset) }];
  if (page.count > 0 && page.offset + page.count < page.total)
    links.push({ relation: 'next', url: at(page.offset + page.count) });
  if (page.offset > 0)
    links.push({ relation: 'previous', url: at(Math.max(page.offset - Math.max(page.count, 1), 0)) });
  return links;
}
