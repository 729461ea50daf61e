import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { dollars, payClaim, type ClaimLine, type ClaimPayment } from '../../api/money.ts';
import { ErrorSummary, SelectField, summaryItems, TextField } from '../../components/Form.tsx';
import { centsOf } from './MoneyTabs.tsx';

const LABELS: Record<string, string> = {
  amount: 'Amount the payer paid',
  adjustment: 'Contractual adjustment',
  method: 'How it was paid',
  reference: 'Check or EFT number',
  reason: 'Adjustment reason',
  payerClaimNumber: "Payer's claim number",
};

/** A payer's remittance for one sent claim: what it paid, and what it reduced by contract. */
export function PayerPaymentForm({
  claim,
  onCancel,
  onDone,
}: {
  claim: ClaimLine;
  onCancel: () => void;
  onDone: () => void;
}) {
  const [f, setF] = useState({
    amount: '',
    adjustment: '',
    method: 'check',
    reference: '',
    reason: '',
    payerClaimNumber: claim.payerClaimNumber ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const set = (name: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payment: ClaimPayment = {
      amount: centsOf(f.amount) as number,
      method: f.method as ClaimPayment['method'],
      ...(f.adjustment.trim() ? { adjustment: centsOf(f.adjustment) as number } : {}),
      ...(f.reference.trim() ? { reference: f.reference.trim() } : {}),
      ...(f.reason.trim() ? { reason: f.reason.trim() } : {}),
      ...(f.payerClaimNumber.trim() ? { payerClaimNumber: f.payerClaimNumber.trim() } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      await payClaim(claim.id, payment, intent.keyFor(payment));
      intent.done();
      onDone();
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  const text = (name: keyof typeof f, hint?: string, width: 'short' | 'medium' = 'medium') => (
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
  return (
    <form
      className="money-inline-form"
      aria-label={`Post the payment of claim ${claim.controlNumber}`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <ErrorSummary items={summaryItems(errors, Object.keys(LABELS))} labels={LABELS} />
      <p className="muted">
        Claim {claim.controlNumber} to {claim.payerName}, billed {dollars(claim.totalCents)}.
      </p>
      {text('amount', 'In dollars', 'short')}
      {text('adjustment', 'In dollars, from the remittance; leave empty for none', 'short')}
      <SelectField
        name="method"
        label={LABELS.method!}
        value={f.method}
        onValue={set('method')}
        error={errors.method}
        options={[
          { value: 'check', label: 'Check' },
          { value: 'transfer', label: 'Transfer (EFT)' },
          { value: 'card', label: 'Card' },
          { value: 'cash', label: 'Cash' },
        ]}
      />
      {text('reference')}
      {text('reason')}
      {text(
        'payerClaimNumber',
        "The payer's claim control number (ICN) on the remittance, for a corrected claim later",
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Posting…' : 'Post payment'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
