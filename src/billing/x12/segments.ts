/**
 * X12 text: segments of elements, elements of components. The separators are declared in the
 * ISA segment itself (element separator at its 4th character, repetition separator ISA11,
 * component separator ISA16, and the segment terminator right after ISA16), so a reader finds
 * them there and a writer must keep them out of the data.
 * Reference: ASC X12 5010 interchange control structure, as summarised in the Stedi X12 reference
 * (stedi.com/edi/x12-005010/segment/ISA).
 */
export interface Separators {
  element: string;
  component: string;
  repetition: string;
  segment: string;
}

/** The separators most clearinghouses expect for 837 files. */
export const DEFAULT_SEPARATORS: Separators = { element: '*', component: ':', repetition: '^', segment: '~' };

/** An element: plain text, or components to join with the component separator. */
export type Element = string | readonly string[];

/**
 * Data may not contain a separator; a name like "O'Neil*Smith" would split the segment. X12's basic
 * character set is upper case letters, digits and some punctuation, so text is upper-cased and any
 * separator replaced by a space.
 */
export function clean(value: string, separators: Separators): string {
  const reserved = new Set(Object.values(separators));
  return [
    ...value
      .toUpperCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, ''),
  ]
    .map((ch) => (reserved.has(ch) || ch < ' ' || ch > '~' ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One segment's text without its terminator; trailing empty elements and components are dropped. */
export function segment(tag: string, elements: readonly Element[], separators: Separators): string {
  const texts = elements.map((e) =>
    typeof e === 'string'
      ? clean(e, separators)
      : trimEnd(e.map((c) => clean(c, separators))).join(separators.component),
  );
  return [tag, ...trimEnd(texts)].join(separators.element);
}

function trimEnd(values: string[]): string[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end--;
  return values.slice(0, end);
}

/** Money in X12 decimal form: 9000 cents → "90", 12345 → "123.45", 12350 → "123.5". */
export function x12Amount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  const fraction = String(whole % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.floor(whole / 100)}${fraction ? `.${fraction}` : ''}`;
}

/** YYYY-MM-DD → CCYYMMDD. */
export function x12Date(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

/** A control number as a fixed nine digits (ISA13 / IEA02). */
export function controlNumber(n: number, width = 9): string {
  if (!Number.isSafeInteger(n) || n < 1 || String(n).length > width) {
    throw new RangeError(`a control number is a whole number from 1 to ${'9'.repeat(width)}`);
  }
  return String(n).padStart(width, '0');
}
