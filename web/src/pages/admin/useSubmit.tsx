import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';

export type FieldErrors = Record<string, string>;
type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/**
 * One write at a time per form: keeps the server's field errors (shown next to each field) and a
 * one-line outcome. Errors are cleared when a new attempt starts.
 */
export function useSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();

  async function run<T>(action: () => Promise<T>, success: string): Promise<T | undefined> {
    setBusy(true);
    setErrors({});
    setOutcome(null);
    try {
      const result = await action();
      setOutcome({ kind: 'ok', text: success });
      return result;
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors(fields);
      const text = err instanceof ApiError ? err.message : 'Something went wrong. Try again.';
      setOutcome({
        kind: 'error',
        text:
          Object.keys(fields).length > 0 ? `Not saved: ${text} Check the fields marked below.` : `Not saved: ${text}`,
      });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  /** A create: sent with the form's Idempotency-Key, so a double submit or a retry creates one record. */
  async function create<B, T>(
    body: B,
    send: (body: B, key: string) => Promise<T>,
    success: string,
  ): Promise<T | undefined> {
    const created = await run(() => send(body, intent.keyFor(body)), success);
    if (created !== undefined) intent.done();
    return created;
  }

  return { errors, outcome, busy, run, create };
}

/** The error for a field, or for anything inside it ("types" also catches "types.1"). */
export function errorAt(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${name}.`));
  return nested ? errors[nested] : undefined;
}

export function Outcome({ outcome }: { outcome: Outcome }) {
  // A live region that is always present, so screen readers hear each new outcome.
  return (
    <p role="status" className={`adm-outcome${outcome ? ` adm-outcome-${outcome.kind}` : ''}`}>
      {outcome?.text ?? ''}
    </p>
  );
}

/** Numbers typed into a form: a blank or non-number is sent as typed, so the server names the field. */
export function numberOrText(value: string): number | string {
  const trimmed = value.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}
