/**
 * Assessment vocabularies and norms. ROM norms are the
 * AAOS-style adult values gathered in /work/shared/clinical/REFERENCE.md ("ROM norms (AAOS-style)",
 * after American Academy of Orthopaedic Surgeons, Joint Motion: Method of Measuring and Recording,
 * 1965); where a range is given we take its lower end, the least motion still called normal.
 * Strength is graded on the Oxford / MRC 0–5 scale (Medical Research Council, Aids to the
 * Investigation of Peripheral Nerve Injuries, War Memorandum No. 7, HMSO 1943; 0 no contraction,
 * 1 flicker, 2 movement with gravity eliminated, 3 against gravity, 4 against some resistance, 5 normal).
 */
export const ROM_NORMS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  cervical: { flexion: 45, extension: 45, rotation: 60, 'lateral-flexion': 45 },
  shoulder: { flexion: 180, abduction: 180, 'external-rotation': 90 },
  hip: { flexion: 120, abduction: 45 },
  knee: { flexion: 130 },
  ankle: { dorsiflexion: 20, plantarflexion: 50 },
};

export function romNorm(joint: string, motion: string): number | null {
  return ROM_NORMS[joint]?.[motion] ?? null;
}

export const POSTURE_FINDINGS = [
  'forward-head',
  'rounded-shoulders',
  'elevated-shoulder-left',
  'elevated-shoulder-right',
  'scoliosis',
  'anterior-pelvic-tilt',
  'posterior-pelvic-tilt',
  'pelvic-obliquity',
  'leg-length-difference-left-shorter',
  'leg-length-difference-right-shorter',
  'hyperlordosis',
  'hyperkyphosis',
  'flat-back',
  'flat-feet',
  'high-arches',
  'genu-valgum',
  'genu-varum',
  'head-tilt-left',
  'head-tilt-right',
  'winged-scapula-left',
  'winged-scapula-right',
] as const;

export const FIVE_ELEMENTS = [
  'ischemia',
  'triggerPoints',
  'nerveCompression',
  'posturalDistortion',
  'biomechanicalDysfunction',
] as const;
