// Wording of a suggestion for the therapist (precise, with weights) and for the patient
// (plain words, no anatomy jargon, and a reminder that this is not a diagnosis).
import { regionById } from '../bodymap/regions.ts';
import type { Muscle } from '../atlas/index.ts';
import type { CandidateSide, Weight } from './expand.ts';

/** Plain words for the few region names that would still be jargon to a patient. */
const PATIENT_WORDS: Record<string, string> = {
  'si-joint': 'the dimple at the base of your back',
  sacrum: 'the flat bone at the base of your spine',
  tmj: 'your jaw joint',
  'greater-trochanter': 'the side of your hip',
  achilles: 'the cord above your heel',
  'cubital-fossa': 'the crease of your elbow',
  'lateral-epicondyle': 'the outside of your elbow',
  'medial-epicondyle': 'the inside of your elbow',
};

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export function therapistRegionLabel(regionId: string): string {
  const region = regionById(regionId);
  if (!region) return regionId;
  const base = lowerFirst(region.name.replace(/ \((left|right)\)$/, ''));
  return region.side === 'midline' ? base : `${region.side} ${base}`;
}

function patientRegionLabel(regionId: string): string {
  const region = regionById(regionId);
  if (!region) return regionId;
  const override = PATIENT_WORDS[region.base];
  if (override) return override;
  const name = region.name.replace(/\s*\(.*\)$/, '').toLowerCase();
  // "Behind the ear" → "behind your ear"; "Back of forearm" → "the back of your forearm"; "Temple" → "your temple".
  if (/^(behind|above|below|between) /.test(name)) return name.replace(' the ', ' your ');
  const partOf = /^(.+?) of (?:the )?(.+)$/.exec(name);
  return partOf ? `the ${partOf[1]} of your ${partOf[2]}` : `your ${name}`;
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function therapistText(
  reasons: ReadonlyArray<{ region: string; weight: Weight }>,
  reportedCount: number,
): string {
  const parts = reasons.map((r) => `${therapistRegionLabel(r.region)} (${r.weight})`);
  return (
    `Explains ${parts.join(', ')} — ${reasons.length} of ${reportedCount} reported region` +
    `${reportedCount === 1 ? '' : 's'}`
  );
}

export function patientText(muscle: Muscle, side: CandidateSide, reasons: ReadonlyArray<{ region: string }>): string {
  const where = side === 'midline' ? '' : ` on your ${side} side`;
  const places = joinWords([...new Set(reasons.map((r) => patientRegionLabel(r.region)))]);
  return (
    `Tight spots in ${muscle.plainName}${where} can send pain to ${places}. ` +
    'A therapist can check this muscle by gentle pressure; this is a place to look, not a diagnosis.'
  );
}
