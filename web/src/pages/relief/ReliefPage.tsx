import { useState } from 'react';
import { answerRelief, getReliefQuestion, type ReliefQuestion } from '../../api/relief.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorSummary, fieldId, summaryItems, TextField } from '../../components/Form.tsx';
import { Loading } from '../../components/StatusViews.tsx';
import { useFormat, useT } from '../../i18n/t.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { PublicShell } from '../links/PublicShell.tsx';
import '../links/links.css';

/** The page behind /relief/<token>: one question about how long the relief from a visit lasted. */
export function ReliefPage({ token }: { token: string }) {
  const [loaded, setLoaded] = useResource((signal) => getReliefQuestion(token, signal), [token]);
  const t = useT();
  if (loaded.status === 'loading')
    return (
      <PublicShell focusKey="loading">
        <Loading label={t('relief.opening')} />
      </PublicShell>
    );
  if (loaded.status === 'error') {
    return (
      <PublicShell focusKey="error">
        <h1 className="sch-question-title">{t('link.problem.title')}</h1>
        <p>{loaded.error instanceof ApiError ? loaded.error.message : t('status.wrong.later')}</p>
      </PublicShell>
    );
  }
  return (
    <PublicShell focusKey={loaded.data.answer ? 'done' : 'ask'}>
      {loaded.data.answer ? (
        <Thanks question={loaded.data} />
      ) : (
        <Ask token={token} question={loaded.data} onDone={setLoaded} />
      )}
    </PublicShell>
  );
}

function Thanks({ question }: { question: ReliefQuestion }) {
  const t = useT();
  usePageTitle(t('relief.thanks'));
  const a = question.answer!;
  return (
    <div className="sch-confirmation lnk-done" role="status">
      <h1>{t('relief.thanks')}</h1>
      <p>{a.stillHolding ? t('relief.holdingNoted') : t('relief.lastedNoted', { days: a.reliefDays })}</p>
      <p>{t('relief.helps')}</p>
    </div>
  );
}

function Ask({
  token,
  question,
  onDone,
}: {
  token: string;
  question: ReliefQuestion;
  onDone: (q: ReliefQuestion) => void;
}) {
  const t = useT();
  const format = useFormat();
  const title = t('relief.title');
  usePageTitle(title);
  const [choice, setChoice] = useState<'wore-off' | 'holding' | null>(null);
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (choice === null) return setErrors({ choice: t('relief.chooseHolding') });
    const n = Number(days);
    if (choice === 'wore-off' && (days.trim() === '' || !Number.isInteger(n)))
      return setErrors({ days: t('relief.wholeDays') });
    setBusy(true);
    setErrors({});
    try {
      onDone(await answerRelief(token, choice === 'holding' ? { stillHolding: true } : { days: n }));
    } catch (err) {
      setErrors(
        err instanceof ApiError && Object.keys(err.fields).length > 0
          ? err.fields
          : { choice: err instanceof Error ? err.message : t('relief.couldNotSend') },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <ErrorSummary
        items={summaryItems(errors)}
        labels={{ choice: t('relief.label.choice'), days: t('relief.label.days') }}
      />
      <h1 className="sch-question-title">{title}</h1>
      <p>{t('relief.about', { date: format.date(question.visitOn, 'long') })}</p>
      <fieldset className={`field${errors.choice ? ' field-error' : ''}`} id={fieldId('choice')}>
        <legend className="label">{t('relief.question')}</legend>
        {errors.choice ? (
          <p className="error-message">
            <span className="visually-hidden">{t('form.error')} </span>
            {errors.choice}
          </p>
        ) : null}
        <div className="sch-radios sch-radios-large">
          <div className="sch-radio">
            <input
              type="radio"
              id="relief-holding"
              name="relief"
              checked={choice === 'holding'}
              onChange={() => setChoice('holding')}
            />
            <label htmlFor="relief-holding">{t('relief.holding')}</label>
          </div>
          <div className="sch-radio">
            <input
              type="radio"
              id="relief-wore-off"
              name="relief"
              checked={choice === 'wore-off'}
              onChange={() => setChoice('wore-off')}
            />
            <label htmlFor="relief-wore-off">{t('relief.woreOff')}</label>
          </div>
        </div>
      </fieldset>
      {choice === 'wore-off' ? (
        <TextField
          name="days"
          label={t('relief.howMany')}
          hint={t('relief.daysHint', { max: question.maxDays })}
          error={errors.days}
          value={days}
          onValue={setDays}
          inputMode="numeric"
          width="short"
        />
      ) : null}
      <button type="submit" className="button button-large" disabled={busy}>
        {busy ? t('relief.sending') : t('relief.send')}
      </button>
    </form>
  );
}
