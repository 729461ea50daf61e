import { useState } from 'react';
import { answerRelief, getReliefQuestion, type ReliefQuestion } from '../../api/relief.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorSummary, fieldId, summaryItems, TextField } from '../../components/Form.tsx';
import { Loading } from '../../components/StatusViews.tsx';
import { formatDate } from '../../format.ts';
import { usePageTitle, useResource } from '../../hooks.ts';
import { PublicShell } from '../links/PublicShell.tsx';
import '../links/links.css';

/** The page behind /relief/<token>: one question about how long the relief from a visit lasted. */
export function ReliefPage({ token }: { token: string }) {
  const [loaded, setLoaded] = useResource((signal) => getReliefQuestion(token, signal), [token]);
  if (loaded.status === 'loading')
    return (
      <PublicShell focusKey="loading">
        <Loading label="Opening your question…" />
      </PublicShell>
    );
  if (loaded.status === 'error') {
    return (
      <PublicShell focusKey="error">
        <h1 className="sch-question-title">This link does not work</h1>
        <p>
          {loaded.error instanceof ApiError ? loaded.error.message : 'Something went wrong. Please try again later.'}
        </p>
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
  usePageTitle('Thank you');
  const a = question.answer!;
  return (
    <div className="sch-confirmation lnk-done" role="status">
      <h1>Thank you</h1>
      <p>
        {a.stillHolding
          ? 'We have noted that the relief is still holding.'
          : `We have noted that the relief lasted ${a.reliefDays} day${a.reliefDays === 1 ? '' : 's'}.`}
      </p>
      <p>It helps us know what works. You do not need to do anything else.</p>
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
  const title = 'Is the relief from your visit holding?';
  usePageTitle(title);
  const [choice, setChoice] = useState<'wore-off' | 'holding' | null>(null);
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (choice === null) return setErrors({ choice: 'Choose whether the relief is still holding.' });
    const n = Number(days);
    if (choice === 'wore-off' && (days.trim() === '' || !Number.isInteger(n)))
      return setErrors({ days: 'Give the number of days, as a whole number.' });
    setBusy(true);
    setErrors({});
    try {
      onDone(await answerRelief(token, choice === 'holding' ? { stillHolding: true } : { days: n }));
    } catch (err) {
      setErrors(
        err instanceof ApiError && Object.keys(err.fields).length > 0
          ? err.fields
          : { choice: err instanceof Error ? err.message : 'Could not send.' },
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
      <ErrorSummary items={summaryItems(errors)} labels={{ choice: 'Relief', days: 'Days' }} />
      <h1 className="sch-question-title">{title}</h1>
      <p>About your visit on {formatDate(question.visitOn)}.</p>
      <fieldset className={`field${errors.choice ? ' field-error' : ''}`} id={fieldId('choice')}>
        <legend className="label">{question.question}</legend>
        {errors.choice ? (
          <p className="error-message">
            <span className="visually-hidden">Error: </span>
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
            <label htmlFor="relief-holding">It is still holding</label>
          </div>
          <div className="sch-radio">
            <input
              type="radio"
              id="relief-wore-off"
              name="relief"
              checked={choice === 'wore-off'}
              onChange={() => setChoice('wore-off')}
            />
            <label htmlFor="relief-wore-off">It has worn off</label>
          </div>
        </div>
      </fieldset>
      {choice === 'wore-off' ? (
        <TextField
          name="days"
          label="How many days did it last?"
          hint={`0 if it did not last a day; at most ${question.maxDays}.`}
          error={errors.days}
          value={days}
          onValue={setDays}
          inputMode="numeric"
          width="short"
        />
      ) : null}
      <button type="submit" className="button button-large" disabled={busy}>
        {busy ? 'Sending…' : 'Send my answer'}
      </button>
    </form>
  );
}
