import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { dollars, postLedgerEntry, type BalanceView, type LedgerEntryInput } from '../../api/money.ts';
import { ErrorSummary, SelectField, summaryItems, TextField } from '../../components/Form.tsx';
import { centsOf } from './MoneyTabs.tsx';

export type EntryKind = 'adjustment' | 'write-off' | 'refund';

const TITLE: Record<EntryKind, string> = {
  adjustment: 'Adjust the balance',
  'write-off': 'Write off',
  refund: 'Refund the credit',
};
const LABELS: Record<string, string> = {
  type: 'Kind of adjustment',
  payerId: 'Payer',
  amount: 'Amount',
  reason: 'Reason',
  method: 'How it is refunded',
  reference: 'Card terminal reference or check number',
};
const METHODS = [
  { value: 'card', label: 'Card' },
  { value: 'cash', label: 'Cash' },
  { value: 'check', label: 'Check' },
  { value: 'transfer', label: 'Transfer' },
];

/** The buttons the balance's `can` allows; each opens its form below the figures. */
export function LedgerActionButtons({
  can,
  open,
  onOpen,
}: {
  can: BalanceView['can'];
  open: EntryKind | null;
  onOpen: (kind: EntryKind) => void;
}) {
  const shown = (['adjustment', 'write-off', 'refund'] as const).filter(
    (k) => ({ adjustment: can.adjust, 'write-off': can.writeOff, refund: can.refund })[k],
  );
  if (shown.length === 0) return null;
  return (
    <p className="money-actions">
      {shown.map((kind) => (
        <button
          key={kind}
          type="button"
          className="button button-secondary"
          aria-expanded={open === kind}
          onClick={() => onOpen(kind)}
        >
          {TITLE[kind]}
        </button>
      ))}
    </p>
  );
}

/**
 * An adjustment (contractual, off a payer's balance; or other, off the patient's), a write-off or a
 * refund of the patient's credit. The desk reviews the amount before it is posted; the server's
 * refusal comes back beside the field it names.
 */
export function LedgerEntryForm({
  kind,
  balance,
  onCancel,
  onDone,
}: {
  kind: EntryKind;
  balance: BalanceView;
  onCancel: () => void;
  onDone: (said: string) => void;
}) {
  const owingPayers = balance.payers.filter((p) => p.balance > 0);
  const [f, setF] = useState({
    type: balance.patient > 0 || owingPayers.length === 0 ? 'other' : 'contractual',
    payerId: owingPayers[0]?.payerId ?? '',
    amount: '',
    reason: '',
    method: 'card',
    reference: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const set = (name: keyof typeof f) => (value: string) => {
    setConfirming(false);
    setF((old) => ({ ...old, [name]: value }));
  };
  const contractual = kind === 'adjustment' && f.type === 'contractual';
  const payerName = owingPayers.find((p) => p.payerId === f.payerId)?.payerName ?? 'the payer';
  const cents = centsOf(f.amount);

  const entry = (): LedgerEntryInput =>
    kind === 'refund'
      ? {
          kind,
          amount: cents as number,
          method: f.method as 'card',
          ...(f.reference.trim() ? { reference: f.reference.trim() } : {}),
        }
      : {
          kind,
          amount: cents as number,
          reason: contractual ? `Contractual: ${f.reason.trim()}` : f.reason.trim(),
          ...(contractual ? { payerId: f.payerId } : {}),
        };
  const what = (amount: number) =>
    kind === 'refund'
      ? `Refund ${dollars(amount)} to the patient`
      : kind === 'write-off'
        ? `Write off ${dollars(amount)} of the patient's balance`
        : contractual
          ? `Adjust ${payerName}'s balance by ${dollars(amount)} (contractual)`
          : `Adjust the patient's balance by ${dollars(amount)}`;

  const post = async () => {
    setBusy(true);
    setErrors({});
    const body = entry();
    try {
      await postLedgerEntry(balance.patientId, body, intent.keyFor(body));
      intent.done();
      onDone(`${what(body.amount)}: posted.`);
    } catch (err) {
      setConfirming(false);
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  const review = (event: FormEvent) => {
    event.preventDefault();
    // An amount that is not one cannot be confirmed: the server names what is wrong with it.
    if (typeof cents === 'number') setConfirming(true);
    else void post();
  };
  const text = (name: keyof typeof f, hint?: string, width: 'short' | 'medium' | 'full' = 'medium') => (
    <TextField
      name={name}
      label={LABELS[name]!}
      hint={hint}
      width={width}
      value={f[name]}
      onValue={set(name)}
      error={errors[name]}
    />
  );
  const credit = Math.max(0, -balance.patient);
  return (
    <form className="card money-inline-form" aria-label={TITLE[kind]} noValidate onSubmit={review}>
      <ErrorSummary items={summaryItems(errors, Object.keys(LABELS))} labels={LABELS} />
      {kind === 'adjustment' ? (
        <SelectField
          name="type"
          label={LABELS.type!}
          value={f.type}
          onValue={set('type')}
          options={[
            ...(owingPayers.length > 0 ? [{ value: 'contractual', label: "Contractual (off a payer's balance)" }] : []),
            { value: 'other', label: "Other (off the patient's balance)" },
          ]}
        />
      ) : null}
      {contractual ? (
        <SelectField
          name="payerId"
          label={LABELS.payerId!}
          value={f.payerId}
          onValue={set('payerId')}
          error={errors.payerId}
          options={owingPayers.map((p) => ({
            value: p.payerId,
            label: `${p.payerName ?? 'Payer'} (owes ${dollars(p.balance)})`,
          }))}
        />
      ) : null}
      {text('amount', kind === 'refund' ? `In dollars; the credit is ${dollars(credit)}` : 'In dollars', 'short')}
      {kind === 'refund' ? (
        <>
          <SelectField
            name="method"
            label={LABELS.method!}
            value={f.method}
            onValue={set('method')}
            error={errors.method}
            options={METHODS}
          />
          {text('reference')}
        </>
      ) : (
        text('reason', undefined, 'full')
      )}
      {confirming && typeof cents === 'number' ? (
        <div className="notice" role="group" aria-label="Confirm">
          <p>
            <strong>{what(cents)}?</strong> It is posted to the ledger at once; a mistake is reversed, not edited.
          </p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void post()}>
              {busy ? 'Posting…' : `Confirm: post ${dollars(cents)}`}
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
