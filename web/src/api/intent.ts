import { useRef } from 'react';

function newKey(): string {
  // crypto.randomUUID needs a secure context (https or localhost); random bytes do everywhere.
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto && window.isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One user intent to create something, and its Idempotency-Key: made when the form or action
 * starts, the same for every retry of the same request (a double tap, a retry after a lost
 * answer), so the server creates one record; a changed request or a finished create gets a new one.
 */
export class CreateIntent {
  private key = newKey();
  private sent: string | null = null;

  /** The key to send with this request. */
  keyFor(request: unknown): string {
    const text = JSON.stringify(request ?? null);
    if (this.sent !== null && this.sent !== text) this.key = newKey();
    this.sent = text;
    return this.key;
  }

  /** The create succeeded: the next one from the same form is a new intent. */
  done(): void {
    this.key = newKey();
    this.sent = null;
  }
}

/** The intent of a form or button, kept for as long as it is on screen. */
export function useCreateIntent(): CreateIntent {
  const intent = useRef<CreateIntent | null>(null);
  intent.current ??= new CreateIntent();
  return intent.current;
}
