import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { internalNames } from '../../test/support/internal-names.ts';
import { fieldLabel } from './fields.ts';
import { describeFields } from './issues.ts';
import './zod-words.ts';

const fieldsOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a refusal');
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('field labels', () => {
  it('name a field as a person would, with its place in a list or week', () => {
    expect(fieldLabel('hours.6.0.close')).toBe('Closing time (Saturday, period 1)');
    expect(fieldLabel('answers.surgeries.0.date')).toBe('Date (surgery 1)');
    expect(fieldLabel('templates.1.start')).toBe('Start (shift 2)');
    expect(fieldLabel('givenName')).toBe('First name');
    expect(fieldLabel('emergencyContact.phone')).toBe('Phone (emergency contact)');
    expect(fieldLabel('body')).toBe('Form');
    // A key nobody listed still reads as words, never as an id.
    expect(fieldLabel('someNewField')).toBe('Some new field');
  });
});

describe('validation issues as sentences', () => {
  const schema = z.strictObject({
    name: z.string().min(1).max(5),
    count: z.number().int().min(1),
    kind: z.enum(['late_cancel', 'no_show']),
    when: z.iso.date(),
    email: z.email(),
    hours: z.record(z.string(), z.array(z.strictObject({ close: z.string() }))),
  });

  it('say what to do, in words, without validator wording or codes', () => {
    const fields = fieldsOf(schema, {
      name: 'too long here',
      count: 1.5,
      kind: 'other',
      when: '2026-13-01',
      email: 'nope',
      hours: { 6: [{ close: 5 }] },
      extra: 1,
    });
    expect(fields).toEqual({
      name: 'Too long: at most 5 characters.',
      count: 'Must be a whole number.',
      kind: 'Choose one of the options offered.',
      when: 'Use a date in the form YYYY-MM-DD.',
      email: 'Use an email address, like name@example.com.',
      'hours.6.0.close': 'Must be text.',
      '': 'Has a field we do not know.',
    });
    expect(Object.values(fields).flatMap(internalNames)).toEqual([]);
    expect(fieldsOf(schema, {}).name).toBe('Required.');
  });

  it('keep a schema’s own message where it has one', () => {
    expect(fieldsOf(z.object({ code: z.string().regex(/^[a-z]+$/, 'Use lowercase letters.') }), { code: 'A' })).toEqual(
      { code: 'Use lowercase letters.' },
    );
  });

  it('sum up a refusal by labels, one field or many', () => {
    expect(describeFields({ givenName: 'Must not be empty.' })).toBe('First name: must not be empty.');
    const many = describeFields({
      'hours.6.0.close': 'Use a time like 17:30.',
      durationMinutes: 'Must be a whole number.',
    });
    expect(many).toBe(
      'Please check: closing time (Saturday, period 1) (use a time like 17:30); length (minutes) (must be a whole ' +
        'number).',
    );
    expect(internalNames(many)).toEqual([]);
  });
});
