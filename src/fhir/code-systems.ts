import type { CodeSystem, CodeSystemConcept, Coding } from '@medplum/fhirtypes';
import { ROM_NORMS } from '../clinical/assessment/index.ts';
import { MUSCLES } from '../clinical/atlas/index.ts';
import { REGIONS } from '../clinical/bodymap/regions.ts';
import { MEASURES } from '../clinical/measures/catalogue.ts';
import { TECHNIQUES } from '../clinical/protocol/techniques.ts';
import { CONDITIONS } from '../clinical/screening/questions.ts';
import { codeSystemUrl, type FhirContext } from './base.ts';

/**
 * Every code system Knotwork invents, each published as a CodeSystem resource at
 * `<base>/CodeSystem/<name>`. A system whose codes grow with the clinic's own data (the services it
 * offers, the audit log's actions) is published with `content: not-present`.
 */
const sentence = (words: string) => words[0]!.toUpperCase() + words.slice(1);

const CONCEPTS = {
  /** Outcome measures without a confirmed LOINC total-score code (see clinical/measures/catalogue). */
  measure: () =>
    Object.values(MEASURES)
      .filter((m) => !m.loinc)
      .map((m) => ({ code: m.id, display: `${m.name} total score` })),
  muscle: () => MUSCLES.map((m) => ({ code: m.id, display: m.name })),
  'body-region': () => REGIONS.map((r) => ({ code: r.id, display: r.name })),
  technique: () => Object.entries(TECHNIQUES).map(([code, t]) => ({ code, display: t.label })),
  discipline: () => [
    { code: 'nmt', display: 'Neuromuscular therapy' },
    { code: 'chiropractic', display: 'Chiropractic' },
    { code: 'acupuncture', display: 'Acupuncture' },
    { code: 'corrective-exercise', display: 'Corrective exercise' },
  ],
  finding: () => [
    { code: 'trigger-point', display: 'Myofascial trigger point' },
    { code: 'trigger-point-activity', display: 'Trigger point active or latent' },
    { code: 'tenderness', display: 'Tenderness on palpation (0–10)' },
    { code: 'taut-band', display: 'Taut band palpable' },
    { code: 'local-twitch', display: 'Local twitch response' },
    { code: 'jump-sign', display: 'Jump sign' },
    { code: 'referral-reproduced', display: 'Referred pain reproduced' },
    { code: 'range-of-motion', display: 'Range of motion' },
    { code: 'pain-on-motion', display: 'Pain on motion' },
    { code: 'hold-seconds', display: 'Compression hold (seconds)' },
    { code: 'pain-during-treatment', display: 'Pain during treatment (1–10)' },
  ],
  'trigger-point-activity': () => [
    { code: 'active', display: 'Active (reproduces the familiar pain)' },
    { code: 'latent', display: 'Latent (tender, no spontaneous pain)' },
  ],
  'screening-decision': () => [
    { code: 'clear', display: 'Clear to treat' },
    { code: 'caution', display: 'Treat with caution' },
    { code: 'local', display: 'Treat, avoiding local areas' },
    { code: 'refer', display: 'Physician clearance needed first' },
    { code: 'contraindicated', display: 'Do not treat' },
    { code: 'override', display: 'Treatment allowed by a manager' },
  ],
  'plan-phase': () => [
    { code: 'acute', display: 'Acute' },
    { code: 'chronic', display: 'Chronic' },
    { code: 'maintenance', display: 'Maintenance' },
  ],
  /** A joint's motion, `<joint>.<motion>`: the norms table's motions (a clinician may measure others). */
  'range-of-motion': () =>
    Object.entries(ROM_NORMS).flatMap(([joint, motions]) =>
      Object.keys(motions).map((motion) => ({
        code: `${joint}.${motion}`,
        display: sentence(`${joint} ${motion.replace(/-/g, ' ')}`),
      })),
    ),
  joint: () => Object.keys(ROM_NORMS).map((joint) => ({ code: joint, display: sentence(joint) })),
  document: () => [
    { code: 'clearance-letter', display: "Physician's clearance letter" },
    { code: 'home-care-handout', display: 'Home care handout' },
  ],
  'intake-condition': () =>
    Object.keys(CONDITIONS).map((code) => ({ code, display: sentence(code.replace(/-/g, ' ')) })),
} satisfies Record<string, () => CodeSystemConcept[]>;

/** Systems listed in part: a clinician may record a joint or motion outside the norms table. */
const FRAGMENTS: ReadonlySet<string> = new Set(['range-of-motion', 'joint']);

/** Systems whose codes are the clinic's own data, listed by name only. */
const OPEN_SYSTEMS = {
  service: 'The services (visit types) the clinic books',
  'audit-action': 'What a person did, as the audit log names it',
} as const;

export type CodeSystemName = keyof typeof CONCEPTS | keyof typeof OPEN_SYSTEMS;

export const CODE_SYSTEM_NAMES: readonly CodeSystemName[] = [
  ...(Object.keys(CONCEPTS) as (keyof typeof CONCEPTS)[]),
  ...(Object.keys(OPEN_SYSTEMS) as (keyof typeof OPEN_SYSTEMS)[]),
];

const cache = new Map<string, CodeSystemConcept[]>();
function conceptsOf(name: keyof typeof CONCEPTS): CodeSystemConcept[] {
  let concepts = cache.get(name);
  if (!concepts) {
    concepts = CONCEPTS[name]();
    cache.set(name, concepts);
  }
  return concepts;
}

/** A Coding in one of Knotwork's systems, its display taken from the system when the code is listed. */
export function knotworkCoding(ctx: FhirContext, system: CodeSystemName, code: string, display?: string): Coding {
  const listed = system in CONCEPTS ? conceptsOf(system as keyof typeof CONCEPTS).find((c) => c.code === code) : null;
  const shown = listed?.display ?? display;
  return { system: codeSystemUrl(ctx, system), code, ...(shown ? { display: shown } : {}) };
}

const toId = (name: string) => `knotwork-${name}`;

export function codeSystemResource(ctx: FhirContext, name: CodeSystemName): CodeSystem {
  const common = {
    resourceType: 'CodeSystem' as const,
    id: toId(name),
    url: codeSystemUrl(ctx, name),
    name: name
      .split('-')
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(''),
    status: 'active' as const,
    experimental: false,
    publisher: 'Knotwork',
    caseSensitive: true,
  };
  if (name in OPEN_SYSTEMS) {
    return { ...common, description: OPEN_SYSTEMS[name as keyof typeof OPEN_SYSTEMS], content: 'not-present' };
  }
  const concept = conceptsOf(name as keyof typeof CONCEPTS);
  if (FRAGMENTS.has(name)) return { ...common, content: 'fragment', concept };
  return { ...common, content: 'complete', count: concept.length, concept };
}

/** The code system a CodeSystem resource id names, or null. */
export function codeSystemNameOf(id: string): CodeSystemName | null {
  const name = id.startsWith('knotwork-') ? id.slice('knotwork-'.length) : '';
  return (CODE_SYSTEM_NAMES as readonly string[]).includes(name) ? (name as CodeSystemName) : null;
}
