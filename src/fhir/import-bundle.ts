import type { Bundle, BundleEntry, OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { IssueCode } from './bundle.ts';

/**
 * Reading a transaction Bundle to import (FHIR R4 transaction semantics): every entry a POST of one of
 * the types Knotwork imports, references between entries by their fullUrl (urn:uuid or a URL ending in
 * Type/id), all or nothing. What the entries say is read in `import-resources.ts`.
 */

/** The order records are written in: a reference always points at something already written. */
export const IMPORT_TYPES = ['Location', 'Organization', 'Practitioner', 'Patient', 'Coverage', 'Appointment'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

/** At most this many entries in one Bundle: one transaction holds them all. */
export const MAX_ENTRIES = 5000;

export interface ImportProblem {
  /** The entry's place in the Bundle, from 0 as FHIR counts; null for the Bundle itself. */
  entry: number | null;
  /** The element, as FHIRPath within the entry's resource (e.g. `birthDate`), for machines. */
  path: string;
  /** What is wrong, in words the clinic reads: "the date of birth is missing". */
  text: string;
  code: IssueCode;
}

export interface ImportEntry {
  index: number;
  fullUrl: string | null;
  type: ImportType;
  resource: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPE_WORDS: Record<ImportType, string> = {
  Patient: 'patient',
  Practitioner: 'therapist',
  Location: 'site',
  Organization: 'payer',
  Coverage: 'coverage',
  Appointment: 'appointment',
};

/** "Entry 3 (patient)": how a refusal names the entry, counting from 0 as the Bundle does. */
export function entryName(index: number, type?: string): string {
  const word = type && type in TYPE_WORDS ? TYPE_WORDS[type as ImportType] : type;
  return word ? `Entry ${index} (${word})` : `Entry ${index}`;
}

/** The entries of a transaction Bundle, or what makes it one Knotwork cannot take. */
export function readTransaction(body: unknown): { entries: ImportEntry[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const refuse = (text: string, code: IssueCode = 'invalid') => ({
    entries: [],
    problems: [{ entry: null, path: 'Bundle', text, code }],
  });
  if (!isObject(body) || body.resourceType !== 'Bundle') return refuse('Send a FHIR Bundle (resourceType "Bundle").');
  if (body.type !== 'transaction')
    return refuse('Knotwork imports a Bundle of type "transaction" (all entries or none).', 'not-supported');
  const raw = body.entry ?? [];
  if (!Array.isArray(raw) || raw.length === 0) return refuse('The Bundle has no entries to import.');
  if (raw.length > MAX_ENTRIES) return refuse(`Send at most ${MAX_ENTRIES} entries in one Bundle; split the rest.`);
  const entries: ImportEntry[] = [];
  const fullUrls = new Set<string>();
  raw.forEach((e: unknown, index) => {
    const resource = isObject(e) && isObject(e.resource) ? e.resource : null;
    const type = resource && typeof resource.resourceType === 'string' ? resource.resourceType : undefined;
    const problem = (path: string, text: string, code: IssueCode = 'invalid') =>
      problems.push({ entry: index, path, text: `${entryName(index, type)}: ${text}`, code });
    if (!isObject(e) || !resource || !type) return problem('resource', 'it holds no resource.');
    if (!(IMPORT_TYPES as readonly string[]).includes(type))
      return problem(
        'resourceType',
        'Knotwork imports patients, therapists (Practitioner), sites (Location), payers (Organization), ' +
          `coverages and appointments, not ${type.slice(0, 40)}.`,
        'not-supported',
      );
    const request = isObject(e.request) ? e.request : null;
    if (!request || request.method !== 'POST')
      return problem('request', 'each entry is a create: its request method is POST.', 'not-supported');
    const fullUrl = typeof e.fullUrl === 'string' && e.fullUrl !== '' ? e.fullUrl : null;
    if (fullUrl !== null && fullUrls.has(fullUrl)) return problem('fullUrl', 'another entry has the same full URL.');
    if (fullUrl !== null) fullUrls.add(fullUrl);
    entries.push({ index, fullUrl, type: type as ImportType, resource });
  });
  return { entries, problems };
}

/** Where a reference points: another entry of the Bundle, or a record Knotwork may already hold. */
export type Target = { type: ImportType; entry: number } | { type: ImportType; id: string } | null;

/**
 * Resolves `reference` to one of `types`: an entry whose fullUrl is the reference (urn:uuid:…) or ends
 * in it (`…/Patient/123` for `Patient/123`), or whose `Type/id` it names; otherwise the id of a record
 * that may exist here (`Patient/<id>`), checked by the caller.
 */
export function resolveReference(
  reference: string,
  types: readonly ImportType[],
  entries: readonly ImportEntry[],
): Target {
  const inBundle = entries.find(
    (e) =>
      types.includes(e.type) &&
      (e.fullUrl === reference ||
        (e.fullUrl !== null && reference.includes('/') && e.fullUrl.endsWith(`/${reference}`)) ||
        (typeof e.resource.id === 'string' && reference === `${e.type}/${e.resource.id}`)),
  );
  if (inBundle) return { type: inBundle.type, entry: inBundle.index };
  for (const type of types) {
    const literal = new RegExp(`^(?:.*/)?${type}/([A-Za-z0-9\\-.]{1,64})$`).exec(reference);
    if (literal) return { type, id: literal[1]! };
  }
  return null;
}

/** The OperationOutcome of a refused Bundle: one issue per problem, each naming its entry and field. */
export function refusalOutcome(problems: readonly ImportProblem[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: problems.map((p): OperationOutcomeIssue => ({
      severity: 'error',
      code: p.code,
      details: { text: p.text },
      expression: [p.entry === null ? 'Bundle' : `Bundle.entry[${p.entry}].resource.${p.path}`],
    })),
  };
}

export interface EntryResult {
  type: ImportType;
  id: string;
  /** True: made by this import (201); false: an existing record matched by its identifiers (200). */
  created: boolean;
}

/** The transaction-response: one entry per request entry, in the same order, each with its outcome. */
export function transactionResponse(base: string, results: readonly EntryResult[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: results.map((r): BundleEntry => ({
      fullUrl: `${base}/${r.type}/${r.id}`,
      response: { status: r.created ? '201 Created' : '200 OK', location: `${r.type}/${r.id}` },
    })),
  };
}

/**
 * Resources as a bulk export writes them (NDJSON lines, each with its id) as one transaction: each
 * entry a POST, references between them by `Type/id` as the export wrote them.
 */
export function transactionOf(resources: readonly Record<string, unknown>[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((resource): BundleEntry => ({
      resource: resource as unknown as BundleEntry['resource'],
      request: { method: 'POST', url: String(resource.resourceType) },
    })),
  };
}
