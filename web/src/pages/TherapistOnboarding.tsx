import { useState, type FormEvent } from 'react';
import { formFieldErrors } from '../api/http.ts';
import { onboardTherapist, type Onboarding } from '../api/records.ts';
import { useCreateIntent } from '../api/intent.ts';
import { PASSWORD_MIN_LENGTH } from '../../../src/contract/accounts.ts';
import { TEXT_LIMITS as LIMIT } from '../../../src/words/limits.ts';
import { Checkbox, ErrorSummary, SelectField, summaryItems, TextField } from '../components/Form.tsx';
import { WEEKDAYS } from '../format.ts';
import { usePageTitle } from '../hooks.ts';
import { useLocations } from '../sites.ts';
import { Link, navigate } from '../router.tsx';
import { DISCIPLINE_OPTIONS } from './admin/disciplines.ts';
import './records.css';

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const DAYS = WEEK_ORDER.map((d) => ({ value: String(d), label: WEEKDAYS[d]! }));
const KINDS = [
  { value: 'licence', label: 'Licence' },
  { value: 'certification', label: 'Certification' },
];

interface CredentialRow {
  key: number;
  kind: 'licence' | 'certification';
  type: string;
  issuer: string;
  number: string;
  expiresOn: string;
}
interface ShiftRow {
  key: number;
  weekday: string;
  locationId: string;
  start: string;
  end: string;
}

const LABELS: Record<string, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  discipline: 'Discipline',
  email: 'Email',
  phone: 'Phone',
  locationIds: 'Sites',
  'signIn.email': 'Email for signing in',
  'signIn.password': 'First password',
};
const PART: Record<string, string> = {
  kind: 'kind',
  type: 'type',
  issuer: 'issued by',
  number: 'number',
  expiresOn: 'expiry date',
  weekday: 'day',
  locationId: 'site',
  start: 'start',
  end: 'end',
};
const ORDER = [
  'givenName',
  'familyName',
  'discipline',
  'email',
  'phone',
  'locationIds',
  'credentials',
  'shifts',
  'signIn',
];

/** "credentials.0.type" → "Credential 1, type"; messages that already say which one get no prefix. */
function labelsFor(fields: Record<string, string>): Record<string, string> {
  const labels: Record<string, string> = { ...LABELS };
  for (const [key, message] of Object.entries(fields)) {
    const m = /^(credentials|shifts)\.(\d+)\.(\w+)$/.exec(key);
    if (!m) continue;
    const what = m[1] === 'credentials' ? 'Credential' : 'Shift';
    labels[key] = message.startsWith(what) ? '' : `${what} ${Number(m[2]) + 1}, ${PART[m[3]!] ?? m[3]}`;
  }
  return labels;
}

let nextKey = 1;

/** A manager adds a therapist in one go: who they are, where they work, credentials, their week and a sign-in. */
export function TherapistOnboarding() {
  usePageTitle('Add a therapist');
  const sites = useLocations().filter((l) => l.can.addStaff);
  const [about, setAbout] = useState({ givenName: '', familyName: '', discipline: 'nmt', email: '', phone: '' });
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [credentials, setCredentials] = useState<CredentialRow[]>([
    { key: nextKey++, kind: 'licence', type: '', issuer: '', number: '', expiresOn: '' },
  ]);
  const [shifts, setShifts] = useState<ShiftRow[]>([]);
  const [withSignIn, setWithSignIn] = useState(true);
  const [signIn, setSignIn] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // One key per request: a retry after a lost connection is the same request; a changed form is a new one.
  const intent = useCreateIntent();
  const setField = (field: keyof typeof about) => (value: string) => setAbout((a) => ({ ...a, [field]: value }));
  const siteOptions = sites.filter((s) => siteIds.includes(s.id)).map((s) => ({ value: s.id, label: s.name }));

  const fail = (fields: Record<string, string>) => setErrors(fields);

  const local = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (!about.givenName.trim()) problems.givenName = 'Enter their given name.';
    if (!about.familyName.trim()) problems.familyName = 'Enter their family name.';
    if (siteIds.length === 0) problems.locationIds = 'Choose at least one site.';
    shifts.forEach((s, i) => {
      if (!s.locationId || !siteIds.includes(s.locationId))
        problems[`shifts.${i}.locationId`] = `Shift ${i + 1}: choose one of the sites ticked above.`;
    });
    if (withSignIn && !signIn.email.trim()) problems['signIn.email'] = 'Enter the email they will sign in with.';
    if (withSignIn && signIn.password.length < PASSWORD_MIN_LENGTH)
      problems['signIn.password'] = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    return problems;
  };

  const body = (): Onboarding => ({
    givenName: about.givenName.trim(),
    familyName: about.familyName.trim(),
    discipline: about.discipline as Onboarding['discipline'],
    email: about.email.trim() || null,
    phone: about.phone.trim() || null,
    locationIds: siteIds,
    credentials: credentials
      .filter((c) => c.type.trim() || c.issuer.trim())
      .map((c) => ({
        kind: c.kind,
        type: c.type.trim(),
        issuer: c.issuer.trim(),
        number: c.number.trim() || null,
        expiresOn: c.expiresOn || null,
      })),
    shifts: shifts.map((s) => ({ locationId: s.locationId, weekday: Number(s.weekday), start: s.start, end: s.end })),
    signIn: withSignIn ? { email: signIn.email.trim(), password: signIn.password } : null,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = local();
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    try {
      const request = body();
      const added = await onboardTherapist(request, intent.keyFor(request));
      navigate(`/therapists/${added.therapist.id}?added=1`);
    } catch (err) {
      fail(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const setCredential = (k: number, change: Partial<CredentialRow>) =>
    setCredentials((list) => list.map((c) => (c.key === k ? { ...c, ...change } : c)));
  const setShift = (k: number, change: Partial<ShiftRow>) =>
    setShifts((list) => list.map((s) => (s.key === k ? { ...s, ...change } : s)));

  return (
    <div className="onb-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/therapists">Therapists</Link> <span aria-hidden="true">›</span> <span>Add</span>
      </nav>
      <ErrorSummary items={summaryItems(errors, ORDER)} labels={labelsFor(errors)} />
      <h1>Add a therapist</h1>
      <p className="lead records-lead">Everything is saved together when you press “Add therapist”, or nothing is.</p>
      <form onSubmit={submit} noValidate>
        <h2>About them</h2>
        <TextField
          name="givenName"
          label={LABELS.givenName!}
          value={about.givenName}
          onValue={setField('givenName')}
          error={errors.givenName}
          autoComplete="off"
          width="medium"
          maxLength={LIMIT.personName}
        />
        <TextField
          name="familyName"
          label={LABELS.familyName!}
          value={about.familyName}
          onValue={setField('familyName')}
          error={errors.familyName}
          autoComplete="off"
          width="medium"
          maxLength={LIMIT.personName}
        />
        <SelectField
          name="discipline"
          label={LABELS.discipline!}
          value={about.discipline}
          onValue={setField('discipline')}
          error={errors.discipline}
          options={DISCIPLINE_OPTIONS}
        />
        <TextField
          name="email"
          label="Contact email (optional)"
          type="email"
          value={about.email}
          error={errors.email}
          spellCheck={false}
          maxLength={LIMIT.email}
          onValue={(v) => {
            setField('email')(v);
            if (!signIn.email || signIn.email === about.email) setSignIn((s) => ({ ...s, email: v }));
          }}
        />
        <TextField
          name="phone"
          label="Phone (optional)"
          type="tel"
          value={about.phone}
          onValue={setField('phone')}
          error={errors.phone}
          width="medium"
          maxLength={LIMIT.phone}
        />

        <fieldset
          className="fieldset onb-section"
          aria-describedby={errors.locationIds ? 'locationIds-error' : undefined}
        >
          <legend id="f-locationIds">Sites they work at</legend>
          {errors.locationIds ? (
            <p id="locationIds-error" className="error-message">
              {errors.locationIds}
            </p>
          ) : null}
          <div className="checkboxes">
            {sites.map((l) => (
              <Checkbox
                key={l.id}
                name={`site-${l.id}`}
                label={l.name}
                checked={siteIds.includes(l.id)}
                onChecked={(on) => setSiteIds((ids) => (on ? [...ids, l.id] : ids.filter((x) => x !== l.id)))}
              />
            ))}
          </div>
        </fieldset>

        <section className="onb-section" aria-labelledby="credentials-heading">
          <h2 id="credentials-heading">Licences and certifications</h2>
          <ol className="plain-list">
            {credentials.map((c, i) => {
              const n = `credential ${i + 1}`;
              return (
                <li key={c.key} className="onb-row" aria-label={`Credential ${i + 1}`}>
                  <SelectField
                    name={`credentials.${i}.kind`}
                    label={`Kind (${n})`}
                    value={c.kind}
                    options={KINDS}
                    onValue={(v) => setCredential(c.key, { kind: v as CredentialRow['kind'] })}
                    error={errors[`credentials.${i}.kind`]}
                  />
                  <TextField
                    name={`credentials.${i}.type`}
                    label={`Type, e.g. LMT (${n})`}
                    value={c.type}
                    width="short"
                    maxLength={LIMIT.credentialType}
                    onValue={(v) => setCredential(c.key, { type: v })}
                    error={errors[`credentials.${i}.type`]}
                  />
                  <TextField
                    name={`credentials.${i}.issuer`}
                    label={`Issued by (${n})`}
                    value={c.issuer}
                    width="short"
                    maxLength={LIMIT.credentialIssuer}
                    onValue={(v) => setCredential(c.key, { issuer: v })}
                    error={errors[`credentials.${i}.issuer`]}
                  />
                  <TextField
                    name={`credentials.${i}.number`}
                    label={`Number (${n})`}
                    value={c.number}
                    width="short"
                    maxLength={LIMIT.credentialNumber}
                    onValue={(v) => setCredential(c.key, { number: v })}
                    error={errors[`credentials.${i}.number`]}
                  />
                  <TextField
                    name={`credentials.${i}.expiresOn`}
                    label={`Expires (${n})`}
                    type="date"
                    value={c.expiresOn}
                    width="short"
                    onValue={(v) => setCredential(c.key, { expiresOn: v })}
                    error={errors[`credentials.${i}.expiresOn`]}
                  />
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setCredentials((list) => list.filter((x) => x.key !== c.key))}
                  >
                    Remove<span className="visually-hidden"> {n}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setCredentials((list) => [
                ...list,
                { key: nextKey++, kind: 'certification', type: '', issuer: '', number: '', expiresOn: '' },
              ])
            }
          >
            Add a credential
          </button>
        </section>

        <section className="onb-section" aria-labelledby="shifts-heading">
          <h2 id="shifts-heading">Weekly shifts</h2>
          {shifts.length === 0 ? (
            <p className="muted">No weekly shifts yet: they can be added now or later on the therapist’s page.</p>
          ) : null}
          <ol className="plain-list">
            {shifts.map((s, i) => {
              const n = `shift ${i + 1}`;
              return (
                <li key={s.key} className="onb-row" aria-label={`Shift ${i + 1}`}>
                  <SelectField
                    name={`shifts.${i}.weekday`}
                    label={`Day (${n})`}
                    value={s.weekday}
                    options={DAYS}
                    onValue={(v) => setShift(s.key, { weekday: v })}
                    error={errors[`shifts.${i}.weekday`]}
                  />
                  <SelectField
                    name={`shifts.${i}.locationId`}
                    label={`Site (${n})`}
                    value={s.locationId}
                    options={[{ value: '', label: 'Choose a site' }, ...siteOptions]}
                    onValue={(v) => setShift(s.key, { locationId: v })}
                    error={errors[`shifts.${i}.locationId`]}
                  />
                  <TextField
                    name={`shifts.${i}.start`}
                    label={`Starts (${n})`}
                    type="time"
                    width="short"
                    value={s.start}
                    onValue={(v) => setShift(s.key, { start: v })}
                    error={errors[`shifts.${i}.start`]}
                  />
                  <TextField
                    name={`shifts.${i}.end`}
                    label={`Ends (${n})`}
                    type="time"
                    width="short"
                    value={s.end}
                    onValue={(v) => setShift(s.key, { end: v })}
                    error={errors[`shifts.${i}.end`]}
                  />
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setShifts((list) => list.filter((x) => x.key !== s.key))}
                  >
                    Remove<span className="visually-hidden"> {n}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setShifts((list) => [
                ...list,
                { key: nextKey++, weekday: '1', locationId: siteIds[0] ?? '', start: '09:00', end: '17:00' },
              ])
            }
          >
            Add a shift
          </button>
        </section>

        <section className="onb-section" aria-labelledby="signin-heading">
          <h2 id="signin-heading">Sign-in</h2>
          <Checkbox name="withSignIn" label="Give them a sign-in now" checked={withSignIn} onChecked={setWithSignIn} />
          {withSignIn ? (
            <>
              <TextField
                name="signIn.email"
                label={LABELS['signIn.email']!}
                type="email"
                value={signIn.email}
                error={errors['signIn.email']}
                spellCheck={false}
                maxLength={LIMIT.email}
                autoComplete="off"
                onValue={(v) => setSignIn((s) => ({ ...s, email: v }))}
              />
              <TextField
                name="signIn.password"
                label={LABELS['signIn.password']!}
                type="password"
                value={signIn.password}
                error={errors['signIn.password']}
                width="medium"
                maxLength={LIMIT.password}
                autoComplete="new-password"
                hint={
                  `At least ${PASSWORD_MIN_LENGTH} characters. Give it to them in person: they choose their own ` +
                  `when they first sign in.`
                }
                onValue={(v) => setSignIn((s) => ({ ...s, password: v }))}
              />
            </>
          ) : null}
        </section>

        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Adding…' : 'Add therapist'}
          </button>
          <Link to="/therapists" className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
