import type { Coding, Identifier, Meta, Period, Reference } from '@medplum/fhirtypes';

/**
 * What every mapping needs besides the record: where Knotwork's own code systems and identifiers
 * live. `base` is the organisation's canonical root, e.g. `https://demo.knotwork.clinic/fhir`; the
 * services derive it from the organisation, the mappings never guess it.
 */
export interface FhirContext {
  base: string;
  orgId: string;
}

/** The canonical root of an organisation: its slug as a sub-domain of the Knotwork domain. */
export function canonicalBase(orgSlug: string): string {
  return `https://${orgSlug}.knotwork.clinic/fhir`;
}

/** The URL of one of Knotwork's code systems (served as a CodeSystem resource at the same name). */
export function codeSystemUrl(ctx: FhirContext, name: string): string {
  return `${ctx.base}/CodeSystem/${name}`;
}

/** The identifier system under which a Knotwork record id is published (e.g. the patient's chart number). */
export function identifierSystem(ctx: FhirContext, kind: string): string {
  return `${ctx.base}/identifier/${kind}`;
}

export function recordIdentifier(ctx: FhirContext, kind: string, id: string): Identifier {
  return { use: 'usual', system: identifierSystem(ctx, kind), value: id };
}

/** A literal reference; typed loosely, since each element narrows the resource types it accepts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ref(type: string, id: string, display?: string): Reference<any> {
  return display === undefined ? { reference: `${type}/${id}` } : { reference: `${type}/${id}`, display };
}

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Laterality as SNOMED CT side qualifiers (Left 7771000, Right 24028007, Bilateral 51440002, Midline 399488007). */
const LATERALITY: Record<string, Coding> = {
  left: { system: SNOMED, code: '7771000', display: 'Left' },
  right: { system: SNOMED, code: '24028007', display: 'Right' },
  bilateral: { system: SNOMED, code: '51440002', display: 'Bilateral' },
  midline: { system: SNOMED, code: '399488007', display: 'Midline' },
};

export function laterality(side: string | null | undefined): Coding | undefined {
  return side ? LATERALITY[side] : undefined;
}

export function instant(at: Date): string {
  return at.toISOString();
}

export function period(start: string | null | undefined, end: string | null | undefined): Period | undefined {
  if (!start && !end) return undefined;
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

export function meta(lastUpdated: Date | null | undefined, versionId?: number): Meta | undefined {
  if (!lastUpdated) return undefined;
  return { lastUpdated: instant(lastUpdated), ...(versionId !== undefined ? { versionId: String(versionId) } : {}) };
}

/** Drops keys whose value is undefined, null or an empty array: FHIR forbids empty elements. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = v;
  }
  return out as T;
}
