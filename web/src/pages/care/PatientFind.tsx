import { useState, type FormEvent } from 'react';
import * as care from '../../api/care.ts';
import { formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { ErrorSummary, SelectField, summaryItems, TextField, type SummaryItem } from '../../components/Form.tsx';
import { Forbidden } from '../../components/StatusViews.tsx';
import { formatDate } from '../../format.ts';
import { usePageTitle } from '../../hooks.ts';
import { useLocations } from '../../sites.ts';
import { Link, navigate } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

const LABELS: Record<string, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  dateOfBirth: 'Date of birth',
};
const ORDER = Object.keys(LABELS);

/**
 * A patient of another site comes to this one: find them by their exact names and date of birth
 * (nothing looser, so no other site's patients show), then register them here with a reason.
 */
export function PatientFind() {
  const user = useUser();
  usePageTitle('Find a patient of another site');
  const [query, setQuery] = useState({ givenName: '', familyName: '', dateOfBirth: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [matches, setMatches] = useState<care.LookupMatch[] | null>(null);
  if (!user.can.registerPatient) return <Forbidden />;
  const set = (field: keyof typeof query) => (value: string) => setQuery((q) => ({ ...q, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setMatches(
        await care.lookupPatient({
          givenName: query.givenName.trim(),
          familyName: query.familyName.trim(),
          dateOfBirth: query.dateOfBirth.trim(),
        }),
      );
      setErrors({});
      setSummary([]);
    } catch (err) {
      const fields = formFieldErrors(err);
      setErrors(fields);
      setSummary(summaryItems(fields, ORDER));
      setMatches(null);
    }
  };

  return (
    <div className="narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span> <span>Find at another site</span>
      </nav>
      <ErrorSummary items={summary} labels={LABELS} />
      <h1>Find a patient of another site</h1>
      <p>
        Use this when a patient registered at another clinic wants to be seen at yours. Enter their names and date of
        birth exactly as registered.
      </p>
      <form onSubmit={submit} noValidate>
        <TextField
          name="givenName"
          label={LABELS.givenName!}
          value={query.givenName}
          error={errors.givenName}
          onValue={set('givenName')}
          autoComplete="off"
          width="medium"
          maxLength={LIMIT.personName}
        />
        <TextField
          name="familyName"
          label={LABELS.familyName!}
          value={query.familyName}
          error={errors.familyName}
          onValue={set('familyName')}
          autoComplete="off"
          width="medium"
          maxLength={LIMIT.personName}
        />
        <TextField
          name="dateOfBirth"
          label={LABELS.dateOfBirth!}
          hint="For example, 1984-03-27 (year-month-day)."
          inputMode="numeric"
          value={query.dateOfBirth}
          error={errors.dateOfBirth}
          onValue={set('dateOfBirth')}
          autoComplete="off"
          width="short"
          maxLength={LIMIT.isoDate}
        />
        <button type="submit" className="button">
          Find
        </button>
      </form>
      {matches !== null ? (
        <section aria-labelledby="matches-heading" aria-live="polite">
          <h2 id="matches-heading">
            {matches.length === 0
              ? 'No patient matches'
              : matches.length === 1
                ? 'One patient matches'
                : `${matches.length} patients match`}
          </h2>
          {matches.length === 0 ? (
            <p>
              Check the spelling and the date of birth, or <Link to="/patients/new">register a new patient</Link>.
            </p>
          ) : null}
          {matches.map((m) => (
            <Match key={m.id} match={m} />
          ))}
        </section>
      ) : null}
    </div>
  );
}

function Match({ match }: { match: care.LookupMatch }) {
  const mine = useLocations().filter((l) => l.can.registerPatients);
  const [locationId, setLocationId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const site = locationId || mine[0]?.id || '';
  const name = `${match.givenName} ${match.familyName}`;
  if (match.registeredAtYourSites) {
    return (
      <p className="card">
        {name}, born {formatDate(match.dateOfBirth)}, is already registered at your clinic.{' '}
        <Link to={`/patients/${match.id}`}>Open {name}</Link>
      </p>
    );
  }
  const register = async (event: FormEvent) => {
    event.preventDefault();
    const body = { locationId: site, reason: reason.trim() };
    setBusy(true);
    try {
      await care.registerAtSite(match.id, body, intent.keyFor(body));
      navigate(`/patients/${match.id}`);
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={register} noValidate aria-label={`Register ${name}`}>
      <p>
        <strong>{name}</strong>, born {formatDate(match.dateOfBirth)}
      </p>
      {mine.length > 1 ? (
        <SelectField
          name={`site-${match.id}`}
          label="Register at"
          value={site}
          onValue={setLocationId}
          error={errors.locationId}
          options={mine.map((l) => ({ value: l.id, label: l.name }))}
        />
      ) : null}
      <TextField
        name={`reason-${match.id}`}
        label="Why they are registered here"
        hint="For example: moved closer to this clinic; asked by phone."
        value={reason}
        onValue={setReason}
        error={errors.reason}
        width="medium"
        maxLength={LIMIT.reason}
      />
      {errors.form ? (
        <p className="error-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        Register {mine.length === 1 ? `at ${mine[0]!.name}` : 'here'}
      </button>
    </form>
  );
}
