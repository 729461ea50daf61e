/**
 * One map from validation issues to plain sentences. A field's own message says what to do
 * ("Too long: at most 100 characters."), without the field's name: a form shows it beside the input.
 * The summary of a refused request names each field by its label (`describeFields`).
 * A schema's own message, where it has one, always wins over these.
 */
import type { z } from 'zod';
import { fieldLabel } from './fields.ts';

type RawIssue = z.core.$ZodRawIssue;

const FORMAT: Record<string, string> = {
  email: 'Use an email address, like name@example.com.',
  uuid: 'This does not point to a record we know.',
  guid: 'This does not point to a record we know.',
  date: 'Use a date in the form YYYY-MM-DD.',
  datetime: 'Use a date and time, like 2026-11-20T10:30:00Z.',
  time: 'Use a time like 09:30.',
  url: 'Use a web address, like https://example.com.',
};

const TYPE: Record<string, string> = {
  string: 'Must be text.',
  number: 'Must be a number.',
  int: 'Must be a whole number.',
  bigint: 'Must be a whole number.',
  boolean: 'Must be yes or no.',
  array: 'Must be a list.',
  object: 'Must be a group of answers.',
  date: 'Must be a date.',
  null: 'Must be left empty.',
};

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** The sentence for one issue, without the field's name. */
export function issueSentence(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Required.';
      if (issue.input === null) return 'Must not be empty.';
      return TYPE[issue.expected] ?? 'Not in a form we accept.';
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string')
        return Number(min) <= 1 ? 'Must not be empty.' : `Must be at least ${plural(min, 'character', 'characters')}.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(min) <= 1 ? 'Choose or add at least one.' : `Add at least ${min}.`;
      return issue.inclusive === false ? `Must be more than ${min}.` : `Must be ${min} or more.`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `Too long: at most ${plural(max, 'character', 'characters')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Too many: at most ${max}.`;
      return issue.inclusive === false ? `Must be less than ${max}.` : `Must be ${max} or less.`;
    }
    case 'invalid_format':
      return FORMAT[issue.format] ?? (issue.format === 'regex' ? 'Not in the right form.' : 'Not in the right form.');
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}.`;
    case 'invalid_value':
      return issue.values.length === 1 ? 'Not the value this needs.' : 'Choose one of the options offered.';
    case 'unrecognized_keys':
      return 'Has a field we do not know.';
    case 'invalid_union':
      return 'Not in a form we accept.';
    case 'invalid_key':
    case 'invalid_element':
      return 'Has an entry we cannot read.';
    default:
      return 'Not valid.';
  }
}

/** For zod's configuration: every issue without a message of its own gets the plain sentence. */
export const plainErrorMap = (issue: RawIssue): string => issueSentence(issue);

const withoutStop = (s: string) => s.replace(/[.\s]+$/, '');
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * The one-line summary of refused fields, in labels: "First name: must not be empty." or
 * "Please check: first name (must not be empty); date of birth (use a date in the form YYYY-MM-DD)."
 */
export function describeFields(fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  if (entries.length === 0) return 'Please check the form.';
  if (entries.length === 1) {
    const [key, problem] = entries[0]!;
    return `${fieldLabel(key)}: ${lowerFirst(withoutStop(problem))}.`;
  }
  const shown = entries
    .slice(0, 4)
    .map(([key, problem]) => `${lowerFirst(fieldLabel(key))} (${lowerFirst(withoutStop(problem))})`);
  const more = entries.length > 4 ? `; and ${entries.length - 4} more` : '';
  return `Please check: ${shown.join('; ')}${more}.`;
}
