import type { Reference, Resource } from '@medplum/fhirtypes';
import type { Refusal } from './search-params.ts';

/**
 * `_include` for the pairs a client asks for beside a search: each names the resource type it
 * starts from, the search parameter, the type it reaches and the references that parameter follows.
 */
type Follow = (r: Resource) => Array<Reference | undefined>;

const participants = (r: Resource) =>
  ((r as { participant?: { actor?: Reference }[] }).participant ?? []).map((p) => p.actor);
const subject = (r: Resource) => [(r as { subject?: Reference }).subject];

export const INCLUDES: Record<string, { target: string; follow: Follow }> = {
  'Appointment:patient': { target: 'Patient', follow: participants },
  'Appointment:practitioner': { target: 'Practitioner', follow: participants },
  'Appointment:location': { target: 'Location', follow: participants },
  'Encounter:patient': { target: 'Patient', follow: subject },
  'Observation:patient': { target: 'Patient', follow: subject },
  'Condition:patient': { target: 'Patient', follow: subject },
  'PractitionerRole:practitioner': {
    target: 'Practitioner',
    follow: (r) => [(r as { practitioner?: Reference }).practitioner],
  },
  'PractitionerRole:location': {
    target: 'Location',
    follow: (r) => (r as { location?: Reference[] }).location ?? [],
  },
};

/** The includes a search on `type` may name, for the CapabilityStatement. */
export function includesOf(type: string): string[] {
  return Object.keys(INCLUDES).filter((name) => name.startsWith(`${type}:`));
}

/** `_include` values for a search on `type`: the known pairs, or a refusal naming the one it cannot follow. */
export function parseIncludes(type: string, values: readonly string[]): string[] | Refusal {
  for (const value of values) {
    if (!(value in INCLUDES) || !value.startsWith(`${type}:`)) {
      const known = includesOf(type);
      return {
        refused:
          known.length > 0
            ? `A search for ${type} can include ${known.join(', ')}; not "${value}".`
            : `A search for ${type} includes nothing else; leave out "${value}".`,
      };
    }
  }
  return [...new Set(values)];
}

/** The resources (`Type/id`) the matches name through the given includes, each once, not the matches themselves. */
export function includedReferences(includes: readonly string[], matches: readonly Resource[]): string[] {
  const seen = new Set(matches.map((r) => `${r.resourceType}/${r.id}`));
  const out: string[] = [];
  for (const name of includes) {
    const { target, follow } = INCLUDES[name]!;
    for (const r of matches)
      for (const reference of follow(r)) {
        const literal = reference?.reference;
        if (!literal?.startsWith(`${target}/`) || seen.has(literal)) continue;
        seen.add(literal);
        out.push(literal);
      }
  }
  return out;
}
