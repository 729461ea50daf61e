import { useState, type FormEvent } from 'react';
import { ApiError, formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { dollars, postCharge, reverseCharge, reviewCharge, type Charge } from '../../api/money.ts';
import { ErrorSummary, summaryItems, TextField } from '../../components/Form.tsx';
import { therapistName, useTherapists } from '../schedule/therapists-and-services.ts';
import { numberOrText } from '../admin/useSubmit.tsx';
import { centsOf } from './MoneyTabs.tsx';

const STATUS: Record<Charge['status'], { label: string; badge: string }> = {
  proposed: { label: 'Proposed', badge: 'badge-warning' },
  posted: { label: 'Posted', badge: 'badge-success' },
  reversed: { label: 'Reversed', badge: 'badge-neutral' },
};
const LETTERS = 'ABCDEFGHIJKL';

/** "A M54.2, B M62.838": each pointer with the diagnosis it points at. */
function pointed(charge: Charge): string {
  return charge.diagnosisPointers
    .map((p) => `${p} ${charge.diagnoses[LETTERS.indexOf(p.toUpperCase())] ?? '(none)'}`)
    .join(', ');
}

type Open = { kind: 'edit' | 'reverse'; chargeId: string } | null;

/**
 * The visit's charge lines as proposed from the signed note: code, units, modifiers, diagnosis
 * pointers, fee and rendering provider. The desk changes a proposed line, posts it, or reverses a
 * posted one with a reason; what each line allows comes from its `can`.
 */
export function ChargeLines({ charges, onChanged }: { charges: Charge[]; onChanged: () => void }) {
  const therapists = useTherapists();
  const [open, setOpen] = useState<Open>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const postIntent = useCreateIntent();
  const [busy, setBusy] = useState(false);
  const openCharge = charges.find((c) => c.id === open?.chargeId);

  const post = async (charge: Charge) => {
    setBusy(true);
    setProblem(null);
    try {
      await postCharge(charge.id, postIntent.keyFor({ post: charge.id }));
      postIntent.done();
      onChanged();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'The line was not posted. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {problem ? (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Charge lines">
        <table className="table table-compact">
          <caption className="visually-hidden">Charge lines of this visit</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Units</th>
              <th scope="col">Modifiers</th>
              <th scope="col">Diagnoses</th>
              <th scope="col" className="money-num">
                Fee per unit
              </th>
              <th scope="col" className="money-num">
                Amount
              </th>
              <th scope="col">Rendering provider</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {charges.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.code}</th>
                <td>
                  {c.units} <span className="muted">({c.minutes} min)</span>
                </td>
                <td>{c.modifiers.join(', ') || '—'}</td>
                <td>{pointed(c)}</td>
                <td className="money-num">{c.feeCents === null ? 'Self-pay' : dollars(c.feeCents)}</td>
                <td className="money-num">{dollars(c.amountCents)}</td>
                <td>
                  {therapistName(therapists, c.renderingTherapistId)}
                  <br />
                  <span className="muted">NPI {c.renderingNpi}</span>
                  <br />
                  <span className="muted">Place of service {c.placeOfService}</span>
                </td>
                <td>
                  <span className={`badge ${STATUS[c.status].badge}`}>{STATUS[c.status].label}</span>
                </td>
                <td>
                  <div className="money-actions">
                    {c.can.post ? (
                      <button type="button" className="button" disabled={busy} onClick={() => void post(c)}>
                        Post<span className="visually-hidden"> {c.code}</span>
                      </button>
                    ) : null}
                    {c.can.edit ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => setOpen({ kind: 'edit', chargeId: c.id })}
                      >
                        Change<span className="visually-hidden"> {c.code}</span>
                      </button>
                    ) : null}
                    {c.can.reverse ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => setOpen({ kind: 'reverse', chargeId: c.id })}
                      >
                        Reverse<span className="visually-hidden"> {c.code}</span>
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {openCharge && open?.kind === 'edit' ? (
        <EditLine
          key={openCharge.id}
          charge={openCharge}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      ) : null}
      {openCharge && open?.kind === 'reverse' ? (
        <ReverseLine
          key={openCharge.id}
          charge={openCharge}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

const EDIT_LABELS: Record<string, string> = {
  units: 'Units',
  modifiers: 'Modifiers',
  diagnosisPointers: 'Diagnosis pointers',
  placeOfService: 'Place of service',
  feePerUnit: 'Fee per unit',
  amount: 'Amount',
  version: 'Line',
};
const list = (typed: string) =>
  typed
    .split(/[\s,]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

function EditLine({ charge, onCancel, onDone }: { charge: Charge; onCancel: () => void; onDone: () => void }) {
  const [f, setF] = useState({
    units: String(charge.units),
    modifiers: charge.modifiers.join(', '),
    diagnosisPointers: charge.diagnosisPointers.join(', '),
    placeOfService: charge.placeOfService,
    price: ((charge.feeCents ?? charge.amountCents) / 100).toFixed(2),
  });
  // A payer's line is priced per unit; a self-pay line by its amount.
  const priceField = charge.feeCents === null ? 'amount' : 'feePerUnit';
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await reviewCharge(charge.id, {
        version: charge.version,
        units: numberOrText(f.units) as number,
        modifiers: list(f.modifiers),
        diagnosisPointers: list(f.diagnosisPointers),
        placeOfService: f.placeOfService.trim(),
        [priceField]: centsOf(f.price) as number,
      });
      onDone();
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card money-inline-form"
      aria-label={`Change line ${charge.code}`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <ErrorSummary items={summaryItems(errors, Object.keys(EDIT_LABELS))} labels={EDIT_LABELS} />
      <TextField
        name="units"
        label="Units"
        width="short"
        inputMode="numeric"
        value={f.units}
        onValue={set('units')}
        error={errors.units}
      />
      <TextField
        name="modifiers"
        label="Modifiers"
        hint="Two letters or digits each, e.g. GP, 59"
        width="medium"
        value={f.modifiers}
        onValue={set('modifiers')}
        error={errors.modifiers}
      />
      <TextField
        name="diagnosisPointers"
        label="Diagnosis pointers"
        hint={`Letters of this visit's diagnoses: ${charge.diagnoses.map((d, i) => `${LETTERS[i]} ${d}`).join(', ')}`}
        width="medium"
        value={f.diagnosisPointers}
        onValue={set('diagnosisPointers')}
        error={errors.diagnosisPointers}
      />
      <TextField
        name="placeOfService"
        label="Place of service"
        hint="Two digits, e.g. 11 office, 12 home"
        width="short"
        inputMode="numeric"
        value={f.placeOfService}
        onValue={set('placeOfService')}
        error={errors.placeOfService}
      />
      <TextField
        name={priceField}
        label={EDIT_LABELS[priceField]!}
        hint="In dollars"
        width="short"
        value={f.price}
        onValue={set('price')}
        error={errors[priceField]}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save line'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReverseLine({ charge, onCancel, onDone }: { charge: Charge; onCancel: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await reverseCharge(charge.id, reason, intent.keyFor({ reason }));
      intent.done();
      onDone();
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card money-inline-form"
      aria-label={`Reverse line ${charge.code}`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <ErrorSummary items={summaryItems(errors, ['reason'])} labels={{ reason: 'Why it is reversed' }} />
      <TextField
        name="reason"
        label="Why it is reversed"
        hint={`${charge.code}, ${dollars(charge.amountCents)}: the posted line stays in the ledger with its reversal.`}
        value={reason}
        onValue={setReason}
        error={errors.reason}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Reversing…' : 'Reverse line'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
