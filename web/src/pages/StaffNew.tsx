import { useState, type FormEvent } from 'react';
import { createStaff } from '../api/staff.ts';
import { listTherapists } from '../api/therapists.ts';
import { formFieldErrors } from '../api/http.ts';
import { Checkbox, ErrorSummary, SelectField, summaryItems, TextField, type SummaryItem } from '../components/Form.tsx';
import { Forbidden } from '../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../hooks.ts';
import { useLocations } from '../sites.ts';
import { Link, navigate } from '../router.tsx';
import { ROLE_LABEL, useUser } from '../session.tsx';
import { useCreateIntent } from '../api/intent.ts';
import { TEXT_LIMITS as LIMIT } from '../../../src/words/limits.ts';

const LABELS: Record<string, string> = {
  displayName: 'Full name',
  email: 'Email address',
  role: 'Role',
  password: 'First password',
  therapistId: 'Therapist record',
  locationIds: 'Sites',
};
const ORDER = Object.keys(LABELS);

/** Managers add desk staff and therapists at their sites; admins add anyone (the server enforces both). */
export function StaffNew() {
  const user = useUser();
  usePageTitle('Add a staff account');
  const locations = useLocations();
  const roles = user.can.addManagers ? ['front_desk', 'therapist', 'manager', 'admin'] : ['front_desk', 'therapist'];
  const [values, setValues] = useState({
    displayName: '',
    email: '',
    role: 'front_desk',
    password: '',
    therapistId: '',
  });
  const [sites, setSites] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const therapist = values.role === 'therapist';
  const [therapists] = useResource(() => (therapist ? listTherapists() : Promise.resolve([])), [therapist]);
  if (!user.can.manageStaff) return <Forbidden />;
  const mySites = locations.filter((l) => l.can.addStaff);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const account = {
        displayName: values.displayName.trim(),
        email: values.email.trim(),
        role: values.role as 'front_desk',
        password: values.password,
        ...(therapist ? { therapistId: values.therapistId || undefined } : { locationIds: sites }),
      };
      await createStaff(account, intent.keyFor(account));
      navigate('/staff');
    } catch (err) {
      const fields = formFieldErrors(err);
      setErrors(fields);
      setSummary(summaryItems(fields, ORDER));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/staff">Staff</Link> <span aria-hidden="true">›</span> <span>Add</span>
      </nav>
      <ErrorSummary items={summary} labels={LABELS} />
      <h1>Add a staff account</h1>
      <form onSubmit={submit} noValidate>
        <TextField
          name="displayName"
          maxLength={LIMIT.staffName}
          label={LABELS.displayName!}
          value={values.displayName}
          error={errors.displayName}
          onValue={set('displayName')}
          autoComplete="off"
          width="medium"
        />
        <TextField
          name="email"
          maxLength={LIMIT.email}
          label={LABELS.email!}
          type="email"
          value={values.email}
          error={errors.email}
          onValue={set('email')}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          name="role"
          label={LABELS.role!}
          value={values.role}
          error={errors.role}
          onValue={set('role')}
          options={roles.map((r) => ({ value: r, label: ROLE_LABEL[r] ?? r }))}
        />
        {therapist ? (
          <SelectField
            name="therapistId"
            label={LABELS.therapistId!}
            value={values.therapistId}
            error={errors.therapistId}
            hint="A therapist signs in as their therapist record; their sites come from it."
            onValue={set('therapistId')}
            options={[
              { value: '', label: 'Choose a therapist' },
              ...(therapists.status === 'ok' ? therapists.data : []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
        ) : (
          <fieldset className="fieldset" aria-describedby={errors.locationIds ? 'locationIds-error' : undefined}>
            <legend>{LABELS.locationIds}</legend>
            {errors.locationIds ? (
              <p id="locationIds-error" className="error-message">
                {errors.locationIds}
              </p>
            ) : null}
            <div className="checkboxes">
              {mySites.map((l) => (
                <Checkbox
                  key={l.id}
                  name={`site-${l.id}`}
                  label={l.name}
                  checked={sites.includes(l.id)}
                  onChecked={(on) => setSites((s) => (on ? [...s, l.id] : s.filter((id) => id !== l.id)))}
                />
              ))}
            </div>
          </fieldset>
        )}
        <TextField
          name="password"
          maxLength={LIMIT.password}
          label={LABELS.password!}
          type="password"
          value={values.password}
          error={errors.password}
          onValue={set('password')}
          autoComplete="new-password"
          width="medium"
          hint="At least 10 characters. Give it to them in person; they change it after signing in."
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Adding…' : 'Add account'}
          </button>
          <Link to="/staff" className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
