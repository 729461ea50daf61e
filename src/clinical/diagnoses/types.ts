/** The condition groups outcomes are reported by. */
export type ConditionGroup = 'neck' | 'low-back' | 'head' | 'shoulder' | 'hip-leg' | 'other';

export const CONDITION_GROUPS: readonly ConditionGroup[] = ['neck', 'low-back', 'head', 'shoulder', 'hip-leg', 'other'];

export const CONDITION_GROUP_LABELS: Record<ConditionGroup, string> = {
  neck: 'Neck',
  'low-back': 'Low back',
  head: 'Head and jaw',
  shoulder: 'Shoulder',
  'hip-leg': 'Hip and leg',
  other: 'Other',
};

/** Laterality as ICD-10-CM spells it in the code's title. */
export type Side = 'right' | 'left' | 'both' | 'unspecified';

/**
 * The 7th character of an injury code: A while the injury is actively treated, D for visits in
 * the healing phase after that, S for a lasting effect (sequela).
 */
export type Encounter = 'initial' | 'subsequent' | 'sequela';

export interface DiagnosisCode {
  /** As printed on a claim: dot after the third character (M54.50, S13.4XXA). */
  code: string;
  /** The ICD-10-CM title (public domain, CMS/NCHS). */
  title: string;
  /** What a patient would call it. */
  plainName: string;
  group: ConditionGroup;
  /** Complete to the characters the code set requires, so it can go on a claim. */
  billable: boolean;
  /** For a code that needs more characters: the billable codes on our list to pick from. */
  choose?: readonly string[];
  side?: Side;
  encounter?: Encounter;
  /** Other words people search with (whiplash, tennis elbow). */
  alsoKnownAs?: readonly string[];
}
