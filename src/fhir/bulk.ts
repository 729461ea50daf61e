import type { Resource } from '@medplum/fhirtypes';

/**
 * The Bulk Data Access IG (v2) in pure functions: which types an export may name, reading `_type`
 * and `_since`, cutting resources into NDJSON files, and the manifest a finished export answers.
 */

/** What an export can hold: a patient's chart, their coverage and the directory it names. */
export const EXPORT_TYPES = [
  'Patient',
  'Appointment',
  'Encounter',
  'Procedure',
  'Observation',
  'QuestionnaireResponse',
  'Condition',
  'CarePlan',
  'Goal',
  'Consent',
  'DocumentReference',
  'Coverage',
  'Organization',
  'Location',
  'Practitioner',
  'PractitionerRole',
] as const;

export type Refused = { refused: string };

/** `_type=Patient,Coverage` (repeatable): the types asked for, each one Knotwork exports; all when absent. */
export function parseExportTypes(values: readonly string[] | undefined): string[] | Refused {
  const asked = (values ?? [])
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  if (asked.length === 0) return [...EXPORT_TYPES];
  const unknown = asked.find((t) => !(EXPORT_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined)
    return {
      refused: `"${unknown.slice(0, 40)}" is not a type Knotwork exports. Choose from ${EXPORT_TYPES.join(', ')}.`,
    };
  return EXPORT_TYPES.filter((t) => asked.includes(t));
}

/** `_since`: an instant with its time zone (FHIR's instant), not after `now`. */
export function parseSince(value: string | undefined, now: Date): Date | null | Refused {
  if (value === undefined || value === '') return null;
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
  const at = new Date(value);
  if (!instant.test(value) || Number.isNaN(at.getTime()))
    return { refused: '_since is not a date and time with its zone, e.g. 2026-11-01T00:00:00Z.' };
  if (at.getTime() > now.getTime()) return { refused: '_since is in the future.' };
  return at;
}

/**
 * Whether a resource changed at or after `since`. A resource that carries no lastUpdated (charted
 * records read whole) is kept: an incremental export may repeat a record, never miss one.
 */
export function changedSince(r: Resource, since: Date | null): boolean {
  if (!since) return true;
  const at = r.meta?.lastUpdated;
  return at === undefined || new Date(at).getTime() >= since.getTime();
}

export interface NdjsonFile {
  type: string;
  part: number;
  count: number;
  ndjson: string;
}

/** Resources of one type as NDJSON files of at most `perFile` lines each, in the order given. */
export function ndjsonFiles(type: string, resources: readonly Resource[], perFile = 5000): NdjsonFile[] {
  const files: NdjsonFile[] = [];
  for (let i = 0; i < resources.length; i += perFile) {
    const chunk = resources.slice(i, i + perFile);
    files.push({
      type,
      part: files.length + 1,
      count: chunk.length,
      ndjson: chunk.map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
  }
  return files;
}

export interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string }[];
}

/** The completed export's manifest: one output per file, each downloaded with the same sign-in. */
export function manifest(
  request: string,
  transactionTime: Date,
  files: readonly { type: string; part: number; count: number }[],
  fileUrl: (type: string, part: number) => string,
): Manifest {
  return {
    transactionTime: transactionTime.toISOString(),
    request,
    requiresAccessToken: true,
    output: files.map((f) => ({ type: f.type, url: fileUrl(f.type, f.part), count: f.count })),
    error: [],
  };
}

export function isRefused(value: unknown): value is Refused {
  return typeof value === 'object' && value !== null && 'refused' in value;
}
