import '../words/zod-words.ts';
import { describeFields } from '../words/issues.ts';
import { fieldLabel } from '../words/fields.ts';
import { lostTimeRace, SQLSTATE, sqlState } from '../store/database.ts';

/** The SQLSTATE of a database error, for the HTTP and CLI layers, which never reach into the store. */
export { sqlState };

/** A write the database refused because another record already holds that key or that time. */
export function isRecordConflict(err: unknown): boolean {
  const state = sqlState(err);
  return state === SQLSTATE.uniqueViolation || lostTimeRace(err);
}

/**
 * The errors a use case raises. Each has a stable `code`; the HTTP layer maps each class to one
 * status and the one error shape `{ error: { code, message, fields? } }`; the CLI prints the message.
 */
export class ServiceError extends Error {
  /** A subclass may name its HTTP status itself; otherwise the code decides it. */
  readonly status?: number;

  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that parsed but breaks a rule (422), e.g. an end date before the start date. */
export class ValidationError extends ServiceError {
  declare readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>, message = describeFields(fields)) {
    super('validation_failed', message, fields);
  }
}

export class NotFoundError extends ServiceError {
  constructor(message = 'Not found.') {
    super('not_found', message);
  }
}

export class ConflictError extends ServiceError {
  constructor(
    readonly field?: string,
    message = field ? `${fieldLabel(field)} is already in use.` : 'Conflicts with existing data.',
  ) {
    super('conflict', message, field ? { [field]: message } : undefined);
  }
}

export class ForbiddenError extends ServiceError {
  constructor(message = 'You do not have access to this.') {
    super('forbidden', message);
  }
}

export class UnauthenticatedError extends ServiceError {
  constructor(message = 'Sign in first.') {
    super('unauthenticated', message);
  }
}

export class RateLimitedError extends ServiceError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many failed sign-in attempts. Try again later.',
  ) {
    super('rate_limited', message);
  }
}

/** Turns zod issues into {field: message}, the shape ValidationError carries. */
export function fieldsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
