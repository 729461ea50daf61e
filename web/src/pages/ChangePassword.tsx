import { useState, type FormEvent } from 'react';
import { changePassword } from '../api/auth.ts';
import { ApiError } from '../api/http.ts';
import { ErrorSummary, TextField, summaryItems, type SummaryItem } from '../components/Form.tsx';
import { TooManyAttempts } from '../components/StatusViews.tsx';
import { usePageTitle } from '../hooks.ts';
import { PASSWORD_MIN_LENGTH } from '../../../src/contract/accounts.ts';
import { TEXT_LIMITS as LIMIT } from '../../../src/words/limits.ts';
import { useT } from '../i18n/t.ts';

const ORDER = ['currentPassword', 'newPassword', 'confirmPassword'];

/**
 * Change the password. `first`: the account's password was chosen by someone else (a manager
 * adding staff), so this page is all it can do until it picks its own; `onChanged` then carries on.
 */
export function ChangePassword({ first = false, onChanged }: { first?: boolean; onChanged?: () => void } = {}) {
  const t = useT();
  const LABELS = {
    currentPassword: t('password.current'),
    newPassword: t('password.new'),
    confirmPassword: t('password.confirm'),
  };
  const heading = first ? t('password.firstTitle') : t('password.title');
  usePageTitle(heading);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [done, setDone] = useState(false);
  const [rateLimited, setRateLimited] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const fail = (fields: Record<string, string>) => {
    setErrors(fields);
    setSummary(summaryItems(fields, ORDER));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setRateLimited(false);
    const local: Record<string, string> = {};
    if (!values.currentPassword) local.currentPassword = t('password.enterCurrent');
    if (values.newPassword.length < PASSWORD_MIN_LENGTH)
      local.newPassword = t('password.tooShort', { min: PASSWORD_MIN_LENGTH });
    if (values.confirmPassword !== values.newPassword) local.confirmPassword = t('password.noMatch');
    if (Object.keys(local).length > 0) return fail(local);
    setBusy(true);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      fail({});
      setDone(true);
      onChanged?.();
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setRateLimited(true);
      else if (err instanceof ApiError && Object.keys(err.fields).length > 0) fail(err.fields);
      else fail({ form: err instanceof Error ? err.message : t('status.wrong.body') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      {rateLimited ? <TooManyAttempts /> : null}
      <ErrorSummary items={summary} labels={LABELS} />
      {done ? (
        <div className="alert alert-success" role="status">
          <h2 className="alert-title">{t('password.changed')}</h2>
          <p>{t('password.changedBody')}</p>
        </div>
      ) : null}
      <h1>{heading}</h1>
      {first ? <p className="lead">{t('password.firstLead')}</p> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          name="currentPassword"
          maxLength={LIMIT.password}
          label={first ? t('password.given') : LABELS.currentPassword}
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onValue={set('currentPassword')}
          error={errors.currentPassword}
        />
        <TextField
          name="newPassword"
          maxLength={LIMIT.password}
          label={LABELS.newPassword}
          type="password"
          autoComplete="new-password"
          hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
          value={values.newPassword}
          onValue={set('newPassword')}
          error={errors.newPassword}
        />
        <TextField
          name="confirmPassword"
          maxLength={LIMIT.password}
          label={LABELS.confirmPassword}
          type="password"
          autoComplete="new-password"
          value={values.confirmPassword}
          onValue={set('confirmPassword')}
          error={errors.confirmPassword}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('password.saving') : t('password.title')}
        </button>
      </form>
    </div>
  );
}
