import { useEffect, useState, type FormEvent } from 'react';
import {
  answerSafety,
  clearancePdf,
  getSafety,
  type SafetyAnswers,
  type SafetyQuestions,
  type SafetyResult,
} from '../../api/front-door.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useT } from '../../i18n/t.ts';
import { Link } from '../../router.tsx';
import type { Locale } from '../../../../src/words/locales.ts';
import { frontPath } from './paths.ts';

/**
 * "Is it safe for me?": the screening questions that can stop treatment, ticked when true. An absolute
 * contraindication ends with "please see your doctor first" and the printable clearance request; a
 * relative one continues with a note for the therapist. Nothing is kept.
 */
export function SafetyPage({ org }: { org: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [questions] = useResource((signal) => getSafety(org, locale, signal), [org, locale]);
  const [ticked, setTicked] = useState<string[]>([]);
  const [answered, setAnswered] = useState<{ result: SafetyResult; answers: SafetyAnswers } | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(answered ? t('front.safety.resultTitle') : t('front.nav.safety'));
  if (questions.status === 'loading') return <Loading />;
  if (questions.status === 'error') return <ErrorView error={questions.error} what={t('front.clinic')} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answers = answersOf(questions.data, ticked);
    setBusy(true);
    try {
      setAnswered({ result: await answerSafety(org, locale, answers), answers });
      setFailed(null);
    } catch (err) {
      setFailed(err);
    } finally {
      setBusy(false);
    }
  };

  // A result in the other language is asked again in the new one.
  if (answered && answered.result.locale === locale)
    return <SafetyAnswer org={org} {...answered} onAgain={() => setAnswered(null)} />;
  return (
    <form onSubmit={submit} noValidate>
      {failed ? <ErrorView error={failed} /> : null}
      <fieldset className="fieldset">
        <legend>
          <h1>{questions.data.title}</h1>
        </legend>
        <p className="lead">{questions.data.intro}</p>
        <p className="hint">{t('front.safety.hint')}</p>
        <div className="checkboxes front-checks">
          {questions.data.questions.map((q) => (
            <div className="checkbox" key={q.id}>
              <input
                type="checkbox"
                id={`safety-${q.id}`}
                checked={ticked.includes(q.id)}
                onChange={(e) =>
                  setTicked((was) => (e.target.checked ? [...was, q.id] : was.filter((id) => id !== q.id)))
                }
              />
              <label htmlFor={`safety-${q.id}`}>{q.text}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {t('front.safety.submit')}
      </button>
    </form>
  );
}

/** Ticked is yes, the rest no: every question is answered. */
function answersOf(questions: SafetyQuestions, ticked: string[]): SafetyAnswers {
  return Object.fromEntries(
    questions.questions.map((q) => [q.id, ticked.includes(q.id) ? 'yes' : 'no']),
  ) as SafetyAnswers;
}

function SafetyAnswer({
  org,
  result,
  answers,
  onAgain,
}: {
  org: string;
  result: SafetyResult;
  answers: SafetyAnswers;
  onAgain: () => void;
}) {
  const t = useT();
  const stop = result.outcome === 'see-doctor-first';
  return (
    <section aria-labelledby="front-result-title" className="front-result">
      <h1 id="front-result-title">{t('front.safety.resultTitle')}</h1>
      <div className={`alert ${stop ? 'alert-warning' : 'alert-success'}`} role="status">
        <p>
          <strong>{result.message}</strong>
        </p>
      </div>
      {result.clearance ? (
        <>
          <h2>{result.clearance.title}</h2>
          <p>{result.clearance.toPhysician}</p>
          <ul>
            {result.clearance.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <ClearanceLink org={org} locale={result.locale} answers={answers} />
          <p className="hint">{t('front.safety.clearanceHint')}</p>
        </>
      ) : null}
      {result.therapistNote.length > 0 ? (
        <>
          <h2>{t('front.safety.noteTitle')}</h2>
          <ul>
            {result.therapistNote.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="button-row">
        {stop ? null : (
          <Link className="button" to={frontPath(org, 'sites')}>
            {result.nextStep.label}
          </Link>
        )}
        <button type="button" className="button button-secondary" onClick={onAgain}>
          {t('front.safety.again')}
        </button>
      </p>
    </section>
  );
}

/** The clearance request is made from the answers (never stored), so the link is to the file made here. */
function ClearanceLink({ org, locale, answers }: { org: string; locale: Locale; answers: SafetyAnswers }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    clearancePdf(org, locale, answers).then(
      (blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [org, locale, answers]);
  if (failed) return <p className="error-message">{t('front.safety.clearanceFailed')}</p>;
  if (!url) return <Loading label={t('front.safety.clearanceMaking')} />;
  return (
    <p>
      <a className="button front-clearance" href={url} download={`clearance-request-${locale}.pdf`}>
        {t('front.safety.clearanceLink')}
      </a>
    </p>
  );
}
