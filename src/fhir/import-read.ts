import { isTimeZone } from '../time/zones.ts';
import { entryName, type ImportEntry, type ImportProblem } from './import-bundle.ts';

/**
 * Small readers over an incoming resource's JSON: each takes an element, checks its shape, and notes a
 * problem in the clinic's words when it is missing or malformed. Shared by the resource readers.
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export class EntryReader {
  readonly problems: ImportProblem[] = [];
  readonly r: Json;

  constructor(readonly entry: ImportEntry) {
    this.r = entry.resource;
  }

  problem(path: string, words: string, code: ImportProblem['code'] = 'invalid'): void {
    this.problems.push({
      entry: this.entry.index,
      path,
      text: `${entryName(this.entry.index, this.entry.type)}: ${words}`,
      code,
    });
  }

  /** Text that must be there; `label` is the field in words ("the family name"). */
  required(value: unknown, path: string, label: string, max = 200): string {
    const found = text(value);
    if (found === null) this.problem(path, `${label} is missing.`);
    else if (found.length > max) this.problem(path, `${label} is longer than ${max} characters.`);
    return found ?? '';
  }

  optional(value: unknown, path: string, label: string, max = 200): string | null {
    const found = text(value);
    if (found !== null && found.length > max) this.problem(path, `${label} is longer than ${max} characters.`);
    return found;
  }

  date(value: unknown, path: string, label: string, needed: boolean): string | null {
    if (value === undefined || value === null) {
      if (needed) this.problem(path, `${label} is missing.`);
      return null;
    }
    if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      this.problem(path, `${label} is not a date written as YYYY-MM-DD.`);
      return null;
    }
    return value;
  }

  instant(value: unknown, path: string, label: string): Date | null {
    const at = typeof value === 'string' && /T\d{2}:\d{2}.*(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : null;
    if (!at || Number.isNaN(at.getTime())) {
      this.problem(path, `${label} is not a date and time with its zone, e.g. 2026-12-02T17:00:00Z.`);
      return null;
    }
    return at;
  }

  /** A local time of day as HH:MM (FHIR writes seconds too). */
  time(value: unknown, path: string, label: string): string | null {
    if (typeof value !== 'string' || !TIME.test(value)) {
      this.problem(path, `${label} is not a time of day written as HH:MM.`);
      return null;
    }
    return value.slice(0, 5);
  }

  zone(value: string, path: string): string | null {
    if (isTimeZone(value)) return value;
    this.problem(path, `the time zone "${value.slice(0, 60)}" is not one Knotwork knows (e.g. America/Chicago).`);
    return null;
  }

  /** One of `allowed` (FHIR codes), or a problem naming the field. */
  code<T extends string>(value: unknown, allowed: readonly T[], path: string, label: string): T | null {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(path, `${label} is not one Knotwork knows (${allowed.join(', ')}).`);
    return null;
  }
}

/** The first phone and the first email of a telecom list. */
export function contactPoints(telecom: unknown): { phone: string | null; email: string | null } {
  const points = list(telecom);
  const first = (system: string) => text(points.find((p) => p.system === system && text(p.value))?.value);
  return { phone: first('phone'), email: first('email') };
}

/** The value of the first identifier whose system ends in `/identifier/<kind>`. */
export function identifierOf(r: Json, kind: string): string | null {
  const found = list(r.identifier).find(
    (i) => typeof i.system === 'string' && i.system.endsWith(`/identifier/${kind}`),
  );
  return found ? text(found.value) : null;
}

/** The extension of `r` whose url ends in `/StructureDefinition/<name>`. */
export function extensionOf(r: Json, name: string): Json | undefined {
  return list(r.extension).find((e) => typeof e.url === 'string' && e.url.endsWith(`/StructureDefinition/${name}`));
}

/** Every (system, value) pair of the resource's identifiers: the keys an earlier import is found by. */
export function identifierKeys(r: Json): { system: string; value: string }[] {
  return list(r.identifier).flatMap((i) => {
    const system = text(i.system);
    const value = text(i.value);
    return system && value && system.length <= 500 && value.length <= 200 ? [{ system, value }] : [];
  });
}
