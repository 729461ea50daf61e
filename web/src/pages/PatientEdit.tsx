import { useState, type FormEvent } from 'react';
import { getPatient, updatePatient } from '../api/patients.ts';
import { ApiError } from '../api/http.ts';
import type { Patient } from '../api/types.ts';
import { ErrorSummary, type SummaryItem } from '../components/Form.tsx';
import { ErrorView, Forbidden, Loading } from '../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../hooks.ts';
import { useLocations } from '../sites.ts';
import { Link, navigate } from '../router.tsx';
import { useUser } from '../session.tsx';
import { formErrors, PATIENT_LABELS, PatientFields } from './PatientFields.tsx';
import { API_FIELD, toFormValues, toUpdate } from './patientForm.ts';

export function PatientEdit({ id }: { id: string }) {
  const user = useUser();
  const [patient, replace] = useResource(() => getPatient(id), [id]);
  const own = user.patientId === id;
  usePageTitle(own ? 'Change my contact details' : 'Edit patient');
  if (!user.can.editPatient) return <Forbidden />;
  if (patient.status === 'loading') return <Loading />;
  if (patient.status === 'error') return <ErrorView error={patient.error} what="patient" />;
  // Keyed by version: a reload after a conflict starts the form afresh from the saved record.
  return <EditForm key={patient.data.version} patient={patient.data} contactOnly={own} onReloaded={replace} />;
}

function EditForm({
  patient,
  contactOnly,
  onReloaded,
}: {
  patient: Patient;
  contactOnly: boolean;
  onReloaded: (p: Patient) => void;
}) {
  const [initial] = useState(() => toFormValues(patient));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const locations = useLocations();
  const profileUrl = `/patients/${patient.id}`;
  const name = `${patient.givenName} ${patient.familyName}`;

  const showErrors = (apiFields: Record<string, string>) => {
    const { byField, items } = formErrors(apiFields, API_FIELD);
    setErrors(byField);
    setSummary(items);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const body = toUpdate(initial, values, patient.version, contactOnly);
    if (Object.keys(body).length === 1) return navigate(profileUrl);
    setBusy(true);
    try {
      await updatePatient(patient.id, body);
      navigate(profileUrl);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setErrors({});
        setSummary([]);
        setConflict(true);
      } else if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        showErrors(err.fields);
      } else {
        showErrors({ form: err instanceof Error ? err.message : 'Something went wrong.' });
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => onReloaded(await getPatient(patient.id));

  return (
    <div className="narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={profileUrl}>{contactOnly ? 'My details' : name}</Link> <span aria-hidden="true">›</span>{' '}
        <span>Edit</span>
      </nav>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <h2 className="alert-title">Someone else has changed these details</h2>
          <p>
            They were saved by someone else after you opened this form, so yours have not been saved. Load the latest
            details, then make your changes again.
          </p>
          <button type="button" className="button" onClick={() => void reload()}>
            Load the latest details
          </button>
        </div>
      ) : null}
      <ErrorSummary items={summary} labels={PATIENT_LABELS} />
      <h1>{contactOnly ? 'Change my contact details' : `Edit ${name}`}</h1>
      <form onSubmit={submit} noValidate>
        <PatientFields
          values={values}
          setValues={setValues}
          errors={errors}
          locations={locations}
          contactOnly={contactOnly}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
          <Link to={profileUrl} className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
