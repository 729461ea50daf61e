import { useRef, useState, type FormEvent } from 'react';
import { getSites, startSignUp, type SignUp } from '../../api/front-door.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorSummary, SelectField, TextField, summaryItems } from '../../components/Form.tsx';
import { TooManyAttempts } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useFormat, useT } from '../../i18n/t.ts';
import { Link, navigate } from '../../router.tsx';
import { PASSWORD_MIN_LENGTH } from '../../../../src/contract/accounts.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';
import { frontPath } from './paths.ts';
import { keepDraft, readDraft } from './draft.ts';

const FIELDS = ['givenName', 'familyName', 'dateOfBirth', 'email', 'phone', 'preferredLocationId', 'password'];
type Form = Record<(typeof FIELDS)[number], string>;

/** Checks made before asking the server, in the page's language. */
function checkLocally(form: Form, t: ReturnType<typeof useT>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!form.givenName!.trim()) fields.givenName = t('front.start.needGiven');
  if (!form.familyName!.trim()) fields.familyName = t('front.start.needFamily');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dateOfBirth!)) fields.dateOfBirth = t('front.start.needBirth');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email!.trim())) fields.email = t('front.start.needEmail');
  if (form.password!.length < PASSWORD_MIN_LENGTH)
    fields.password = t('front.start.needPassword', { min: PASSWORD_MIN_LENGTH });
  return fields;
}

/**
 * Start: the account, made from the public pages. What is typed (never the password) is kept in the
 * tab as it is typed, and the site and time chosen on the sites page come along.
 */
export function StartPage({ org }: { org: string }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  usePageTitle(t('front.start.title'));
  const [sites] = useResource((signal) => getSites(org, signal), [org]);
  const draft = useRef(readDraft()).current;
  const [form, setForm] = useState<Form>(() => ({
    ...Object.fromEntries(FIELDS.map((f) => [f, ''])),
    ...draft.form,
    preferredLocationId: draft.siteId ?? draft.form?.preferredLocationId ?? '',
    password: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [rateLimited, setRateLimited] = useState(false);
  /** One key per sign-up as sent: a retry of the same answers replays, a changed form is a new request. */
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const change = (field: string) => (value: string) => {
    setForm((was) => {
      const next = { ...was, [field]: value };
      const { password: _secret, ...kept } = next;
      keepDraft({ form: kept, ...(field === 'preferredLocationId' ? { siteId: value || undefined } : {}) });
      return next;
    });
  };

  const labels: Record<string, string> = {
    givenName: t('front.start.givenName'),
    familyName: t('front.start.familyName'),
    dateOfBirth: t('front.start.dateOfBirth'),
    email: t('front.start.email'),
    phone: t('front.start.phone'),
    preferredLocationId: t('front.start.site'),
    password: t('front.start.password'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRateLimited(false);
    const local = checkLocally(form, t);
    if (Object.keys(local).length > 0) return setErrors(local);
    const body: SignUp = {
      givenName: form.givenName!.trim(),
      familyName: form.familyName!.trim(),
      dateOfBirth: form.dateOfBirth!,
      email: form.email!.trim(),
      password: form.password!,
      locale,
      ...(form.phone!.trim() ? { phone: form.phone!.trim() } : {}),
      ...(form.preferredLocationId ? { preferredLocationId: form.preferredLocationId } : {}),
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
    setBusy(true);
    try {
      const started = await startSignUp(org, body, attempt.current.key);
      keepDraft({ sentTo: started.email });
      navigate(frontPath(org, 'check-email'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setErrors({});
        setRateLimited(true);
      } else if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setErrors({ form: err instanceof Error ? err.message : t('status.wrong.body') });
    } finally {
      setBusy(false);
    }
  };

  const siteList = sites.status === 'ok' ? sites.data.sites : [];
  const slot = draft.slot && draft.slot.siteId === form.preferredLocationId ? draft.slot : null;
  const slotSite = siteList.find((s) => s.id === slot?.siteId);
  return (
    <>
      {rateLimited ? <TooManyAttempts /> : null}
      <ErrorSummary items={summaryItems(errors, FIELDS)} labels={labels} />
      <h1>{t('front.start.title')}</h1>
      <p className="lead">{t('front.start.lead')}</p>
      {slot && slotSite ? (
        <p className="front-chosen" role="status">
          {t('front.start.chosenTime', { time: format.visit(slot.start, slotSite.timeZone), site: slotSite.name })}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <TextField
          name="givenName"
          label={labels.givenName!}
          autoComplete="given-name"
          maxLength={100}
          value={form.givenName!}
          onValue={change('givenName')}
          error={errors.givenName}
        />
        <TextField
          name="familyName"
          label={labels.familyName!}
          autoComplete="family-name"
          maxLength={100}
          value={form.familyName!}
          onValue={change('familyName')}
          error={errors.familyName}
        />
        <TextField
          name="dateOfBirth"
          label={labels.dateOfBirth!}
          type="date"
          autoComplete="bday"
          width="medium"
          value={form.dateOfBirth!}
          onValue={change('dateOfBirth')}
          error={errors.dateOfBirth}
        />
        <TextField
          name="email"
          label={labels.email!}
          hint={t('front.start.emailHint')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={LIMIT.email}
          value={form.email!}
          onValue={change('email')}
          error={errors.email}
        />
        <TextField
          name="phone"
          label={labels.phone!}
          type="tel"
          autoComplete="tel"
          width="medium"
          value={form.phone!}
          onValue={change('phone')}
          error={errors.phone}
        />
        <SelectField
          name="preferredLocationId"
          label={labels.preferredLocationId!}
          value={form.preferredLocationId!}
          onValue={change('preferredLocationId')}
          error={errors.preferredLocationId}
          options={[
            { value: '', label: t('front.start.anySite') },
            ...siteList.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <TextField
          name="password"
          label={labels.password!}
          hint={t('front.start.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          value={form.password!}
          onValue={change('password')}
          error={errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('front.start.submit')}
        </button>
      </form>
      <p>
        {t('front.start.haveAccount')} <a href={`/login?org=${encodeURIComponent(org)}`}>{t('front.start.signIn')}</a>
      </p>
    </>
  );
}

/** After the sign-up: the link is in the mailbox. */
export function CheckEmailPage({ org }: { org: string }) {
  const t = useT();
  usePageTitle(t('front.checkEmail.title'));
  const sentTo = readDraft().sentTo;
  return (
    <section className="front-result">
      <h1>{t('front.checkEmail.title')}</h1>
      <p className="lead">{sentTo ? t('front.checkEmail.sentTo', { email: sentTo }) : t('front.checkEmail.sent')}</p>
      <p>{t('front.checkEmail.body')}</p>
      <p>{t('front.checkEmail.nothing')}</p>
      <p>
        <Link to={frontPath(org, 'account')}>{t('front.checkEmail.again')}</Link>
      </p>
    </section>
  );
}
