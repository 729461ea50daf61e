import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { checkOut, dollars, files, recordPayment, type Payment, type VisitCharges } from '../../api/money.ts';
import { ErrorSummary, SelectField, summaryItems, TextField } from '../../components/Form.tsx';
import { Link } from '../../router.tsx';
import { centsOf } from './MoneyTabs.tsx';

const PAY_LABELS: Record<string, string> = {
  amount: 'Amount paid',
  method: 'How it was paid',
  reference: 'Card terminal reference or check number',
};

/**
 * Checkout at the end of a visit: the copay moves to the patient, the desk sees what is due now,
 * records the payment, opens the receipt and books the next visit. Done when nothing is due.
 */
export function Checkout({
  visit,
  bookNext,
  onChanged,
}: {
  visit: VisitCharges;
  bookNext: string;
  onChanged: () => void;
}) {
  const { checkout, balance, can } = visit;
  const done = checkout !== null && balance.dueNow === 0;
  return (
    <section className="card" aria-labelledby="checkout-heading">
      <h2 id="checkout-heading">Checkout</h2>
      {checkout === null ? (
        can.checkout ? (
          <CheckOutForm visitId={visit.visitId} onDone={onChanged} />
        ) : (
          <p className="muted">Post every charge line of the visit, then check the patient out here.</p>
        )
      ) : (
        <>
          <dl className="money-figures">
            <div>
              <dt>Copay</dt>
              <dd>{dollars(checkout.copay)}</dd>
            </div>
            <div>
              <dt>Due now</dt>
              <dd data-testid="due-now">{dollars(balance.dueNow)}</dd>
            </div>
            <div>
              <dt>Patient account</dt>
              <dd>{balance.patient < 0 ? `${dollars(-balance.patient)} credit` : dollars(balance.patient)}</dd>
            </div>
          </dl>
          {done ? (
            <p className="alert alert-success" role="status">
              Checkout done: nothing is due now.
            </p>
          ) : null}
          {balance.dueNow > 0 && can.pay ? <PaymentForm visit={visit} onDone={onChanged} /> : null}
          <div className="button-row">
            <a className="button button-secondary" href={files.receipt(visit.visitId)} target="_blank" rel="noopener">
              Open the receipt (PDF)
            </a>
            <Link className="button button-secondary" to={bookNext}>
              Book the next visit
            </Link>
          </div>
        </>
      )}
    </section>
  );
}

function CheckOutForm({ visitId, onDone }: { visitId: string; onDone: () => void }) {
  const [copay, setCopay] = useState('0.00');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cents = centsOf(copay);
    setBusy(true);
    setErrors({});
    try {
      await checkOut(visitId, cents as number, intent.keyFor({ copay: cents }));
      intent.done();
      onDone();
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="money-inline-form" aria-label="Check out" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={summaryItems(errors, ['copay'])} labels={{ copay: 'Copay' }} />
      <TextField
        name="copay"
        label="Copay"
        hint="In dollars, from the insurance card; 0 for none or for self-pay"
        width="short"
        inputMode="decimal"
        value={copay}
        onValue={setCopay}
        error={errors.copay}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Checking out…' : 'Check out'}
      </button>
    </form>
  );
}

function PaymentForm({ visit, onDone }: { visit: VisitCharges; onDone: () => void }) {
  const [f, setF] = useState({ amount: (visit.balance.dueNow / 100).toFixed(2), method: 'card', reference: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const set = (name: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payment = {
      amount: centsOf(f.amount) as number,
      method: f.method as Payment['method'],
      visitId: visit.visitId,
      ...(f.reference.trim() ? { reference: f.reference.trim() } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      await recordPayment(visit.patientId, payment, intent.keyFor(payment));
      intent.done();
      onDone();
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="money-inline-form" aria-label="Record a payment" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={summaryItems(errors, Object.keys(PAY_LABELS))} labels={PAY_LABELS} />
      <TextField
        name="amount"
        label={PAY_LABELS.amount!}
        hint="In dollars"
        width="short"
        inputMode="decimal"
        value={f.amount}
        onValue={set('amount')}
        error={errors.amount}
      />
      <SelectField
        name="method"
        label={PAY_LABELS.method!}
        value={f.method}
        onValue={set('method')}
        error={errors.method}
        options={[
          { value: 'card', label: 'Card' },
          { value: 'cash', label: 'Cash' },
          { value: 'check', label: 'Check' },
        ]}
      />
      <TextField
        name="reference"
        label={PAY_LABELS.reference!}
        width="medium"
        value={f.reference}
        onValue={set('reference')}
        error={errors.reference}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Recording…' : 'Record payment'}
      </button>
    </form>
  );
}
