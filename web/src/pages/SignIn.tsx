import { useRef, useState, type FormEvent } from 'react';
import { login } from '../api/auth.ts';
import { ApiError } from '../api/http.ts';
import { ErrorSummary, TextField, summaryItems, type SummaryItem } from '../components/Form.tsx';
import { PlainHeader } from '../components/PlainHeader.tsx';
import { useUrl } from '../router.tsx';
import { frontOrgForSignIn, frontPath } from './front/paths.ts';
import { TooManyAttempts } from '../components/StatusViews.tsx';
import { usePageTitle } from '../hooks.ts';
import { useSession } from '../session.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../src/words/limits.ts';
import { useT } from '../i18n/t.ts';
import type { Locale } from '../../../src/words/locales.ts';

/** Checks we can make before asking the server, in plain words. */
function checkLocally(email: string, password: string, t: ReturnType<typeof useT>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!email.trim()) fields.email = t('signIn.enterEmail');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) fields.email = t('signIn.emailFormat');
  if (!password) fields.password = t('signIn.enterPassword');
  return fields;
}

export function SignIn() {
  const t = useT();
  const LABELS = { email: t('signIn.email'), password: t('signIn.password'), organization: t('signIn.organization') };
  usePageTitle(t('signIn.title'));
  const { signIn, notice, keepLocale } = useSession();
  const { search } = useUrl();
  const frontOrg = frontOrgForSignIn(search);
  /** A language chosen on this page goes with the patient into their account. */
  const chosenHere = useRef<Locale | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [rateLimited, setRateLimited] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The email and password open accounts at several organisations: which one to sign in to. */
  const [organizations, setOrganizations] = useState<{ slug: string; name: string }[]>([]);
  const [organization, setOrganization] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRateLimited(false);
    const local = checkLocally(email, password, t);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setSummary(summaryItems(local, ['email', 'password']));
      return;
    }
    if (organizations.length > 0 && !organization) {
      const message = t('signIn.chooseOrg');
      setErrors({ organization: message });
      setSummary([{ field: 'organization', message }]);
      return;
    }
    setBusy(true);
    try {
      const session = await login(email.trim(), password, organization || undefined);
      const chosen = chosenHere.current;
      if (chosen && session.user.patientId && session.user.locale !== chosen) {
        signIn({ ...session, user: { ...session.user, locale: chosen } });
        keepLocale(chosen);
      } else signIn(session);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'organization_required') {
        setErrors({});
        setSummary([]);
        setOrganizations((err.payload as { organizations?: { slug: string; name: string }[] }).organizations ?? []);
        return;
      }
      setPassword('');
      setOrganizations([]);
      setOrganization('');
      if (err instanceof ApiError && err.status === 429) {
        setErrors({});
        setSummary([]);
        setRateLimited(true);
      } else if (err instanceof ApiError && err.status === 401) {
        // Never say which of the two was wrong.
        const message = t('signIn.wrong');
        setErrors({ email: message });
        setSummary([{ field: 'email', message }]);
      } else if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        setErrors(err.fields);
        setSummary(summaryItems(err.fields, ['email', 'password']));
      } else {
        const message = err instanceof Error ? err.message : t('status.wrong.body');
        setErrors({});
        setSummary([{ field: 'form', message }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin-page">
      <PlainHeader onLanguage={(locale) => (chosenHere.current = locale)} />
      <main id="main" className="main main-narrow" tabIndex={-1}>
        <div className="panel">
          {rateLimited ? <TooManyAttempts /> : null}
          {notice && summary.length === 0 && !rateLimited ? (
            <p className="notice" role="status">
              {t(notice)}
            </p>
          ) : null}
          <ErrorSummary items={summary} labels={LABELS} />
          <h1>{t('signIn.title')}</h1>
          <p className="lead">{t('signIn.lead')}</p>
          <form onSubmit={submit} noValidate>
            <TextField
              name="email"
              maxLength={LIMIT.email}
              label={LABELS.email}
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onValue={setEmail}
              error={errors.email}
            />
            <TextField
              name="password"
              maxLength={LIMIT.password}
              label={LABELS.password}
              type="password"
              autoComplete="current-password"
              value={password}
              onValue={setPassword}
              error={errors.password}
            />
            {organizations.length > 0 ? (
              <fieldset
                className="fieldset"
                aria-describedby={errors.organization ? 'f-organization-error' : undefined}
              >
                <legend id="f-organization">{t('signIn.whichOrg')}</legend>
                <p className="hint">{t('signIn.severalOrgs')}</p>
                {errors.organization ? (
                  <p id="f-organization-error" className="error-message">
                    {errors.organization}
                  </p>
                ) : null}
                <div className="checkboxes">
                  {organizations.map((o) => (
                    <div className="checkbox" key={o.slug}>
                      <input
                        type="radio"
                        id={`org-${o.slug}`}
                        name="organization"
                        value={o.slug}
                        checked={organization === o.slug}
                        onChange={() => setOrganization(o.slug)}
                      />
                      <label htmlFor={`org-${o.slug}`}>{o.name}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
            ) : null}
            <button type="submit" className="button button-large" disabled={busy}>
              {busy ? t('signIn.busy') : t('signIn.title')}
            </button>
          </form>
          <p className="small-print">{t('signIn.forgotten')}</p>
          {frontOrg ? (
            <p className="signin-new">
              {t('signIn.newHere')} <a href={frontPath(frontOrg, '')}>{t('signIn.newHereLink')}</a>
            </p>
          ) : null}
        </div>
      </main>
    </div>
  );
}
