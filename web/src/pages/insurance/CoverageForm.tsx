import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../../api/http.ts';
import { createCoverage, type Coverage, type CoverageCreate, type Payer } from '../../api/insurance.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { ErrorSummary, SelectField, summaryItems, TextField } from '../../components/Form.tsx';
import { centsOf } from '../admin/ServiceForm.tsx';
import { COVERAGE_TYPES, memberIdLabel, ORDER_CHOICES, type CoverageType } from './words.ts';

const ORDER = [
  'order',
  'type',
  'payerId',
  'memberId',
  'groupNumber',
  'employerName',
  'claimNumber',
  'dateOfInjury',
  'state',
  'relationship',
  'subscriberName',
  'subscriberBirthDate',
  'copay',
];

const RELATIONSHIPS = [
  { value: 'self', label: 'The patient is the insured' },
  { value: 'spouse', label: 'Spouse' },
  { value: 'child', label: 'Child' },
  { value: 'other', label: 'Other' },
];

type Fields = Record<
  | 'order'
  | 'type'
  | 'payerId'
  | 'memberId'
  | 'groupNumber'
  | 'employerName'
  | 'claimNumber'
  | 'dateOfInjury'
  | 'state'
  | 'relationship'
  | 'subscriberName'
  | 'subscriberBirthDate'
  | 'copay',
  string
>;

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * Adds a coverage, asking for what its type needs on a claim: the employer, claim number and date
 * of injury for workers' comp; the claim and date of injury for auto; the Medicare number (MBI).
 * The server checks every rule; its field-named refusals are shown beside the fields.
 */
export function CoverageForm({
  patientId,
  payers,
  nextOrder,
  onAdded,
  onCancel,
}: {
  patientId: string;
  payers: Payer[];
  nextOrder: number;
  onAdded: (coverage: Coverage) => void;
  onCancel: () => void;
}) {
  const [f, setF] = useState<Fields>({
    order: String(nextOrder),
    type: 'workers-comp',
    payerId: '',
    memberId: '',
    groupNumber: '',
    employerName: '',
    claimNumber: '',
    dateOfInjury: '',
    state: '',
    relationship: 'self',
    subscriberName: '',
    subscriberBirthDate: '',
    copay: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const type = f.type as CoverageType;
  const set = (name: keyof Fields) => (value: string) => setF((old) => ({ ...old, [name]: value }));
  const injury = type === 'workers-comp' || type === 'auto-pip' || type === 'auto-med-pay';
  const insured = type !== 'self-pay';
  const labels: Record<string, string> = {
    order: 'Order',
    type: 'Type',
    payerId: 'Payer',
    memberId: memberIdLabel(type),
    groupNumber: 'Group number',
    employerName: 'Employer at the time of injury',
    claimNumber: 'Claim number',
    dateOfInjury: 'Date of injury',
    state: type === 'workers-comp' ? 'State of the claim' : 'State of the accident',
    relationship: 'Relationship to the insured',
    subscriberName: 'Name of the insured',
    subscriberBirthDate: 'Date of birth of the insured',
    copay: 'Copay (US$)',
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const coverage: CoverageCreate = {
      order: Number(f.order),
      type,
      relationship: insured ? (f.relationship as CoverageCreate['relationship']) : 'self',
      ...(insured ? { payerId: blank(f.payerId), memberId: blank(f.memberId) } : {}),
      ...(type === 'commercial' || type === 'medicare' ? { groupNumber: blank(f.groupNumber) } : {}),
      ...(injury
        ? {
            claimNumber: blank(f.claimNumber),
            dateOfInjury: blank(f.dateOfInjury),
            state: blank(f.state.toUpperCase()),
          }
        : {}),
      ...(type === 'workers-comp' ? { employerName: blank(f.employerName) } : {}),
      // Dollars as typed ("25" or "$25.00") go as cents; anything else as typed, for the server to name.
      ...(insured && f.copay.trim() !== '' ? { copay: centsOf(f.copay) as number } : {}),
      ...(insured && f.relationship !== 'self'
        ? { subscriberName: blank(f.subscriberName), subscriberBirthDate: blank(f.subscriberBirthDate) }
        : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      const added = await createCoverage(patientId, coverage, intent.keyFor(coverage));
      intent.done();
      onAdded(added);
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof Fields, extra: { type?: string; width?: 'full' | 'medium' | 'short' } = {}) => (
    <TextField
      name={name}
      label={labels[name]!}
      value={f[name]}
      onValue={set(name)}
      error={errors[name]}
      width={extra.width ?? 'medium'}
      type={extra.type}
    />
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Add a coverage" className="insurance-form">
      <ErrorSummary items={summaryItems(errors, ORDER)} labels={labels} />
      <SelectField
        name="type"
        label="Type"
        value={f.type}
        onValue={set('type')}
        error={errors.type}
        options={[...COVERAGE_TYPES]}
      />
      <SelectField
        name="order"
        label="Order"
        value={f.order}
        onValue={set('order')}
        error={errors.order}
        options={ORDER_CHOICES}
      />
      {insured ? (
        <>
          <SelectField
            name="payerId"
            label="Payer"
            value={f.payerId}
            onValue={set('payerId')}
            error={errors.payerId}
            options={[{ value: '', label: 'Choose the payer' }, ...payers.map((p) => ({ value: p.id, label: p.name }))]}
          />
          {text('memberId')}
          {type === 'commercial' || type === 'medicare' ? text('groupNumber') : null}
        </>
      ) : null}
      {type === 'workers-comp' ? text('employerName', { width: 'full' }) : null}
      {injury ? (
        <>
          {text('claimNumber')}
          {text('dateOfInjury', { type: 'date' })}
          {text('state', { width: 'short' })}
        </>
      ) : null}
      {insured ? (
        <SelectField
          name="relationship"
          label={labels.relationship!}
          value={f.relationship}
          onValue={set('relationship')}
          error={errors.relationship}
          options={RELATIONSHIPS}
        />
      ) : null}
      {insured && f.relationship !== 'self' ? (
        <>
          {text('subscriberName', { width: 'full' })}
          {text('subscriberBirthDate', { type: 'date' })}
        </>
      ) : null}
      {insured ? text('copay', { width: 'short' }) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save coverage'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
