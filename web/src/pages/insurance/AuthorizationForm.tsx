import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../../api/http.ts';
import { createAuthorization, type Authorization, type AuthorizationCreate } from '../../api/insurance.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { ErrorSummary, SelectField, summaryItems, TextField } from '../../components/Form.tsx';

const ORDER = ['reference', 'unit', 'authorized', 'startsOn', 'endsOn', 'alertAt'];
const LABELS: Record<string, string> = {
  reference: 'Authorization number',
  unit: 'Counted in',
  authorized: 'How many were authorized',
  startsOn: 'From',
  endsOn: 'Until',
  alertAt: 'Alert the desk when this many are left',
};

/** Records a payer's authorization of so many visits (or units) between two dates for one coverage. */
export function AuthorizationForm({
  coverageId,
  today,
  onAdded,
  onCancel,
}: {
  coverageId: string;
  today: string;
  onAdded: (authorization: Authorization) => void;
  onCancel: () => void;
}) {
  const [f, setF] = useState({
    reference: '',
    unit: 'visits',
    authorized: '',
    startsOn: today,
    endsOn: '',
    alertAt: '2',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const set = (name: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const number = (name: 'authorized' | 'alertAt') => {
      const value = Number(f[name]);
      if (f[name].trim() === '' || !Number.isInteger(value) || value < 0) local[name] = 'Enter a whole number.';
      return value;
    };
    const authorization: AuthorizationCreate = {
      unit: f.unit as AuthorizationCreate['unit'],
      authorized: number('authorized'),
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      alertAt: number('alertAt'),
      ...(f.reference.trim() ? { reference: f.reference.trim() } : {}),
    };
    if (!f.endsOn) local.endsOn = 'Enter the last day it covers.';
    if (Object.keys(local).length > 0) return setErrors(local);
    setBusy(true);
    setErrors({});
    try {
      const added = await createAuthorization(coverageId, authorization, intent.keyFor(authorization));
      intent.done();
      onAdded(added);
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof typeof f, type = 'text', width: 'medium' | 'short' = 'medium') => (
    <TextField
      name={name}
      label={LABELS[name]!}
      value={f[name]}
      onValue={set(name)}
      error={errors[name]}
      type={type}
      width={width}
      inputMode={type === 'number' ? 'numeric' : undefined}
    />
  );

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Add an authorization"
      className="insurance-form"
    >
      <ErrorSummary items={summaryItems(errors, ORDER)} labels={LABELS} />
      {text('reference')}
      <SelectField
        name="unit"
        label={LABELS.unit!}
        value={f.unit}
        onValue={set('unit')}
        error={errors.unit}
        options={[
          { value: 'visits', label: 'Visits' },
          { value: 'units', label: 'Units' },
        ]}
      />
      {text('authorized', 'number', 'short')}
      {text('startsOn', 'date')}
      {text('endsOn', 'date')}
      {text('alertAt', 'number', 'short')}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save authorization'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
