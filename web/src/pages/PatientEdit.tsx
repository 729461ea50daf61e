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
import { formErrors, PatientFields, usePatientLabels } from './PatientFields.tsx';
import { useT } from '../i18n/t.ts';
import { API_FIELD, toFormValues, toUpdate } from './patientForm.ts';

export function PatientEdit({ id }: { id: string }) {
  const user = useUser();
  const [patient, replace] = useResource(() => getPatient(id), [id]);
  const t = useT();
  const own = user.patientId === id;
  usePageTitle(own ? t('details.changeMine') : t('details.edit.title'));
  if (!user.can.editPatient) return <Forbidden />;
  if (patient.status === 'loading') return <Loading />;
  if (patient.status === 'error') return <ErrorView error={patient.error} what={t('details.record')} />;
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
  const t = useT();
  const labels = usePatientLabels();
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
        showErrors({ form: err instanceof Error ? err.message : t('status.wrong.body') });
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => onReloaded(await getPatient(patient.id));

  return (
    <div className="narrow">
      <nav aria-label={t('details.breadcrumb')} className="breadcrumb">
        <Link to={profileUrl}>{contactOnly ? t('nav.myDetails') : name}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{t('details.edit.crumb')}</span>
      </nav>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <h2 className="alert-title">{t('details.edit.conflictTitle')}</h2>
          <p>{t('details.edit.conflictBody')}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            {t('details.edit.reload')}
          </button>
        </div>
      ) : null}
      <ErrorSummary items={summary} labels={labels} />
      <h1>{contactOnly ? t('details.changeMine') : t('details.edit.name', { name })}</h1>
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
            {busy ? t('details.edit.saving') : t('details.edit.save')}
          </button>
          <Link to={profileUrl} className="button button-secondary">
            {t('mine.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
