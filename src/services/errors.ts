/**
 * The errors a use case may raise. The HTTP layer maps each to one status and the one error
 * shape `{ error: { code, message, fields? } }`; the CLI prints the message.
 */
export class ServiceError extends Error {
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
  constructor(fields: Record<string, string>, message = 'Some fields are not valid.') {
    super('validation_failed', message, fields);
  }
}

export class NotFoundError extends ServiceError {
  constructor(what = 'record') {
    super('not_found', `No such ${what}.`);
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string, readonly field?: string) {
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
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'Too many failed sign-in attempts. Try again later.');
  }
}
