import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { correctClaim, dollars, setPayerClaimNumber, type Claim, type ClaimLine } from '../../api/money.ts';
import { ErrorSummary, summaryItems, TextField } from '../../components/Form.tsx';

/** What the desk is doing to a sent claim: recording the payer's number, or correcting or voiding it. */
export type ClaimFix = 'number' | 'replacement' | 'void';

const LABELS: Record<string, string> = {
  payerClaimNumber: "Payer's claim number",
  reason: 'What was wrong',
  kind: 'Correction',
};

const TITLE: Record<ClaimFix, string> = {
  number: "Record the payer's claim number",
  replacement: 'Send a corrected claim',
  void: 'Void this claim',
};

const SUBMIT: Record<ClaimFix, string> = {
  number: 'Save the number',
  replacement: 'Make the corrected claim',
  void: 'Make the void claim',
};

/**
 * One sent claim's correction: the payer's claim number (from its remittance or portal) is asked
 * for first when missing, since a corrected or void claim quotes it; the new claim then waits,
 * ready, for the next 837P file.
 */
export function ClaimCorrectionForm({
  claim,
  fix,
  onCancel,
  onDone,
}: {
  claim: ClaimLine;
  fix: ClaimFix;
  onCancel: () => void;
  onDone: (made: Claim | null) => void;
}) {
  const [f, setF] = useState({ payerClaimNumber: claim.payerClaimNumber ?? '', reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const set = (name: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const number = f.payerClaimNumber.trim();
      if (fix === 'number' || number !== (claim.payerClaimNumber ?? '')) {
        if (number === '') {
          setErrors({ payerClaimNumber: "Enter the payer's claim number, as on the payer's remittance." });
          return;
        }
        await setPayerClaimNumber(claim.id, number);
      }
      if (fix === 'number') return onDone(null);
      const correction = { kind: fix, ...(f.reason.trim() ? { reason: f.reason.trim() } : {}) };
      const made = await correctClaim(claim.id, correction, intent.keyFor(correction));
      intent.done();
      onDone(made);
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="money-inline-form"
      aria-label={`${TITLE[fix]}: claim ${claim.controlNumber}`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3>{TITLE[fix]}</h3>
      <ErrorSummary items={summaryItems(errors, Object.keys(LABELS))} labels={LABELS} />
      <p className="muted">
        Claim {claim.controlNumber} to {claim.payerName}, billed {dollars(claim.totalCents)}.{' '}
        {fix === 'replacement'
          ? 'The corrected claim bills the visit’s posted lines as they are now and replaces this one with the payer.'
          : fix === 'void'
            ? 'The void claim asks the payer to cancel this claim; post or move what the payer will not pay afterwards.'
            : ''}
      </p>
      <TextField
        name="payerClaimNumber"
        label={LABELS.payerClaimNumber!}
        hint="The payer's claim control number (ICN) from its remittance or portal"
        width="medium"
        value={f.payerClaimNumber}
        onValue={set('payerClaimNumber')}
        error={errors.payerClaimNumber}
      />
      {fix === 'number' ? null : (
        <TextField
          name="reason"
          label={LABELS.reason!}
          hint="For the desk, e.g. wrong units on 97140"
          width="medium"
          value={f.reason}
          onValue={set('reason')}
          error={errors.reason ?? errors.kind}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : SUBMIT[fix]}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
