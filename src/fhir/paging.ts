import type { BundleLink } from '@medplum/fhirtypes';
import type { Refusal } from './search-params.ts';

/**
 * Paging by position in a stable order (each search sorts on fixed keys ending in the record id):
 * `_offset` is how many matches come before the page. A client follows the `next` / `previous`
 * links as given rather than building them.
 */
export const MAX_OFFSET = 100_000;

export function parseOffset(value: string | undefined): number | Refusal {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > MAX_OFFSET)
    return { refused: `_offset must be a whole number from 0 to ${MAX_OFFSET}; "${value}" is not.` };
  return n;
}

/** `self`, and `next` / `previous` where there is such a page, each the same search at another offset. */
export function pageLinks(
  searchUrl: string,
  params: Record<string, readonly string[]>,
  page: { offset: number; count: number; total: number },
): BundleLink[] {
  const at = (offset: number) => {
    const query = new URLSearchParams();
    for (const [name, values] of Object.entries(params)) {
      if (name === '_offset' || name === '_count') continue;
      for (const v of values) query.append(name, v);
    }
    query.set('_count', String(page.count));
    if (offset > 0) query.set('_offset', String(offset));
    return `${searchUrl}?${query.toString()}`;
  };
  const links: BundleLink[] = [{ relation: 'self', url: at(page.offset) }];
  const step = Math.max(page.count, 1);
  if (page.count > 0 && page.offset + page.count < page.total)
    links.push({ relation: 'next', url: at(page.offset + page.count) });
  if (page.offset > 0) links.push({ relation: 'previous', url: at(Math.max(page.offset - step, 0)) });
  return links;
}
