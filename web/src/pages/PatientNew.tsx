import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../api/http.ts';
import { PossibleDuplicate, registerPatient, type PossibleDuplicates } from '../api/records.ts';
import { ErrorSummary, type SummaryItem } from '../components/Form.tsx';
import { Forbidden } from '../components/StatusViews.tsx';
import { usePageTitle } from '../hooks.ts';
import { useLocations } from '../sites.ts';
import { Link, navigate } from '../router.tsx';
import { useUser } from '../session.tsx';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { formErrors, PatientFields, usePatientLabels } from './PatientFields.tsx';
import { API_FIELD, emptyForm, toCreate } from './patientForm.ts';
import { useCreateIntent } from '../api/intent.ts';

/** The front desk registers a new patient (phone call or walk-in); the profile opens next. */
export function PatientNew() {
  const user = useUser();
  const labels = usePatientLabels();
  usePageTitle('Register a patient');
  const locations = useLocations();
  const [values, setValuesState] = useState(() => emptyForm(user.locationIds[0] ?? ''));
  const [found, setFound] = useState<PossibleDuplicates | null>(null);
  // A changed form is a new question: the matches shown were for what was typed before.
  const setValues: typeof setValuesState = (next) => {
    setFound(null);
    setValuesState(next);
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  if (!user.can.registerPatient) return <Forbidden />;
  // An admin has no site of their own: preselect the first clinic once the list arrives.
  const site = values.preferredLocationId || locations[0]?.id || '';

  const register = async (confirmNotDuplicate: boolean) => {
    setBusy(true);
    try {
      const fields = toCreate({ ...values, preferredLocationId: site });
      const patient = await registerPatient(
        fields,
        confirmNotDuplicate,
        intent.keyFor({ ...fields, confirmNotDuplicate }),
      );
      navigate(`/patients/${patient.id}`);
    } catch (err) {
      if (err instanceof PossibleDuplicate) {
        setErrors({});
        setSummary([]);
        setFound(err.found);
        return;
      }
      const fields = formFieldErrors(err);
      const { byField, items } = formErrors(fields, API_FIELD);
      setErrors(byField);
      setSummary(items);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void register(false);
  };

  return (
    <div className="narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span> <span>Register</span>
      </nav>
      <ErrorSummary items={summary} labels={labels} />
      <h1>Register a patient</h1>
      <p className="lead">Name, date of birth and preferred clinic are required; the rest can be added later.</p>
      {found ? <DuplicateWarning found={found} busy={busy} onRegisterAnyway={() => void register(true)} /> : null}
      <form onSubmit={submit} noValidate>
        <PatientFields
          values={{ ...values, preferredLocationId: site }}
          setValues={setValues}
          errors={errors}
          locations={locations}
          contactOnly={false}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Registering…' : 'Register patient'}
          </button>
          <Link to="/patients" className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
