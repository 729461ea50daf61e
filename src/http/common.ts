import { z } from 'zod';
import { TEXT_LIMITS as LIMIT } from '../words/limits.ts';

export { IsoDate, instant, Version } from '../services/bounds.ts';
export const Id = z.uuid('This does not point to a record we know.');
export const IdParams = z.strictObject({ id: Id });

/** Free text with a sane ceiling; control characters are refused. */
export function text(max: number) {
  return (
    z
      .string()
      .trim()
      .min(1, 'Must not be empty.')
      .max(max)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
      .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'Contains control characters.')
  );
}

export const Phone = z
  .string()
  .trim()
  .max(LIMIT.phone)
  .regex(/^\+?[0-9 ().-]{7,30}$/, 'Use digits, spaces, dashes, dots or brackets, e.g. 503-555-0142.');

export const Email = z.string().trim().toLowerCase().max(LIMIT.email).pipe(z.email());

export const Pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};
