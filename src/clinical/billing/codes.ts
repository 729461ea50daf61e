/**
 * CPT codes billed in 15-minute units. CPT descriptors are AMA-copyrighted, so we keep
 * the codes with short labels of our own. The NMT codes come first; the others appear
 * in the CMS worked examples (Medicare Claims Processing Manual 100-04 ch. 5 §20.2) and
 * are kept so those examples can be reproduced.
 */
export const TIMED_CODES: Record<string, { label: string }> = {
  '97140': { label: 'manual therapy (trigger-point and myofascial work)' },
  '97124': { label: 'massage' },
  '97112': { label: 'neuromuscular re-education' },
  '97110': { label: 'therapeutic exercise' },
  '97530': { label: 'therapeutic activities' },
  '97535': { label: 'self-care / home management training' },
  '97116': { label: 'gait training' },
  '97032': { label: 'electrical stimulation, attended' },
  '97033': { label: 'iontophoresis' },
  '97035': { label: 'ultrasound' },
};

/**
 * Service-based codes billed once per visit whatever the minutes; listed only so a user
 * who passes one with minutes gets a clear explanation instead of "unknown code".
 */
export const UNTIMED_CODES: Record<string, { label: string }> = {
  '97010': { label: 'hot or cold packs' },
  '97012': { label: 'mechanical traction' },
  '97014': { label: 'electrical stimulation, unattended' },
  '97161': { label: 'PT evaluation, low complexity' },
  '97162': { label: 'PT evaluation, moderate complexity' },
  '97163': { label: 'PT evaluation, high complexity' },
  '97164': { label: 'PT re-evaluation' },
};

export function isTimedCode(code: string): boolean {
  return Object.hasOwn(TIMED_CODES, code);
}
