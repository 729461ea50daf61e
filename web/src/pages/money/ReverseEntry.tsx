import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { dollars, reverseLedgerEntry, type BalanceView } from '../../api/money.ts';
import { ErrorSummary, summaryItems, TextField } from '../../components/Form.tsx';

type Entry = BalanceView['entries'][number];

/** What an entry moved: its debits (an entry's debits equal its credits). */
export const entryAmount = (entry: Entry) =>
  entry.lines.filter((l) => l.side === 'debit').reduce((sum, l) => sum + l.amount, 0);

/** Reverses one ledger entry with a reason, after the desk confirms the amount; the entry stays, with its reversal. */
export function ReverseEntry({
  entry,
  label,
  onCancel,
  onDone,
}: {
  entry: Entry;
  label: string;
  onCancel: () => void;
  onDone: (said: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const amount = dollars(entryAmount(entry));
  const reverse = async () => {
    setBusy(true);
    setErrors({});
    try {
      await reverseLedgerEntry(entry.id, reason, intent.keyFor({ entry: entry.id, reason }));
      intent.done();
      onDone(`The ${label.toLowerCase()} of ${amount} is reversed.`);
    } catch (err) {
      setConfirming(false);
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  const review = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  return (
    <form
      className="card money-inline-form"
      aria-label={`Reverse the ${label.toLowerCase()}`}
      noValidate
      onSubmit={review}
    >
      <ErrorSummary
        items={summaryItems(errors, ['reason'])}
        labels={{ reason: 'Why it is reversed', entry: 'Entry' }}
      />
      <TextField
        name="reason"
        label="Why it is reversed"
        hint={`${label}, ${amount}: it stays in the ledger with its reversal.`}
        value={reason}
        onValue={(value) => {
          setConfirming(false);
          setReason(value);
        }}
        error={errors.reason}
      />
      {confirming ? (
        <div className="notice" role="group" aria-label="Confirm">
          <p>
            <strong>
              Reverse the {label.toLowerCase()} of {amount}?
            </strong>
          </p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void reverse()}>
              {busy ? 'Reversing…' : `Confirm: reverse ${amount}`}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Change it
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Review
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
