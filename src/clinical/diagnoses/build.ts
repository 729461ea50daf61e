import type { ConditionGroup, DiagnosisCode, Side } from './types.ts';

/**
 * Small builders so each code family is written once: the list stays readable and a side or a
 * 7th character can never be paired with the wrong title.
 */

interface Common {
  group: ConditionGroup;
  alsoKnownAs?: readonly string[];
}

export function code(code: string, title: string, plainName: string, common: Common): DiagnosisCode {
  return { code, title, plainName, billable: true, ...common };
}

/**
 * A category or subcategory that is not billable by itself, followed by its children; it points
 * to the billable ones (a nested header is listed but never offered as a choice).
 */
export function withChildren(
  header: { code: string; title: string; plainName: string },
  common: Common,
  children: readonly DiagnosisCode[],
): DiagnosisCode[] {
  const choose = children.filter((c) => c.billable).map((c) => c.code);
  return [{ ...header, ...common, billable: false, choose }, ...children];
}

const SIDE_WORDS: Record<Side, string> = {
  right: 'right side',
  left: 'left side',
  both: 'both sides',
  unspecified: 'side not recorded',
};

/**
 * One code per side. `title` gets the side as ICD-10-CM words it ('right', 'left', 'bilateral',
 * 'unspecified'), so each family passes a function that places it where the official title does.
 */
export function sided(
  header: { code: string; title: string; plainName: string },
  common: Common,
  variants: ReadonlyArray<readonly [suffix: string, side: Side]>,
  title: (sideWord: string) => string,
): DiagnosisCode[] {
  const official: Record<Side, string> = {
    right: 'right',
    left: 'left',
    both: 'bilateral',
    unspecified: 'unspecified',
  };
  const children = variants.map(([suffix, side]) => ({
    code: `${header.code}${suffix}`,
    title: title(official[side]),
    plainName: `${header.plainName}, ${SIDE_WORDS[side]}`,
    billable: true,
    side,
    ...common,
  }));
  return withChildren(header, common, children);
}

const ENCOUNTERS = [
  ['A', 'initial', 'initial encounter', 'while under active treatment'],
  ['D', 'subsequent', 'subsequent encounter', 'healing phase'],
  ['S', 'sequela', 'sequela', 'lasting effects'],
] as const;

/**
 * An injury code: the subcategory (not billable) and its three 7th-character codes. `stem` is
 * the code up to the 7th character, placeholders included (S13.4XX, S39.012).
 */
export function injury(stem: string, title: string, plainName: string, common: Common): DiagnosisCode[] {
  const header = stem.replace(/X+$/, '');
  const children = ENCOUNTERS.map(([character, encounter, words, plain]) => ({
    code: `${stem}${character}`,
    title: `${title}, ${words}`,
    plainName: `${plainName}, ${plain}`,
    billable: true,
    encounter,
    ...common,
  }));
  return withChildren({ code: header, title, plainName }, common, children);
}
