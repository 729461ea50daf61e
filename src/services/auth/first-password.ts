import type { Actor } from '../context.ts';
import { ServiceError } from '../errors.ts';

/** An account whose password someone else chose (new staff) may do nothing else until it changes it. */
export class PasswordChangeRequiredError extends ServiceError {
  override readonly status = 403;
  constructor() {
    super(
      'password_change_required',
      'Choose your own password before you carry on: the one you were given was set by someone else.',
    );
  }
}

/** What such an account may still do: read its session, change the password, sign out. */
const STILL_ALLOWED = new Set(['GET /api/auth/session', 'POST /api/auth/password', 'POST /api/auth/logout']);

/** `operation` is "METHOD /route/pattern" as registered, e.g. "GET /api/patients/:id". */
export function requireOwnPassword(actor: Actor, operation: string): void {
  if (actor.mustChangePassword && !STILL_ALLOWED.has(operation)) throw new PasswordChangeRequiredError();
}
