import type { Bundle, BundleLink, OperationOutcome, Resource } from '@medplum/fhirtypes';

/** A searchset: the matches (their count as `total`), then any included resources; `link` pages it. */
export function searchset(
  base: string,
  matches: readonly Resource[],
  total: number,
  included: readonly Resource[] = [],
  link: BundleLink[] = [],
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    ...(link.length > 0 ? { link } : {}),
    entry: [
      ...matches.map((r) => ({
        fullUrl: `${base}/${r.resourceType}/${r.id}`,
        resource: r,
        search: { mode: 'match' as const },
      })),
      ...included.map((r) => ({
        fullUrl: `${base}/${r.resourceType}/${r.id}`,
        resource: r,
        search: { mode: 'include' as const },
      })),
    ],
  };
}

export type IssueCode =
  'invalid' | 'not-found' | 'forbidden' | 'login' | 'conflict' | 'not-supported' | 'exception' | 'throttled';

/** An error as FHIR answers one: one issue, its code, the words people read, and the parameter it is about. */
export function operationOutcome(code: IssueCode, text: string, expression?: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: code === 'exception' ? 'fatal' : 'error',
        code,
        details: { text },
        ...(expression ? { expression: [expression] } : {}),
      },
    ],
  };
}
