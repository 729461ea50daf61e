import { useState, type FormEvent } from 'react';
import { answerSelfCheck, getSelfCheck, type SelfCheckResult } from '../../api/front-door.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useT } from '../../i18n/t.ts';
import { Link } from '../../router.tsx';
import { frontPath } from './paths.ts';

/** The telltale signs as a checklist, ending in a plain result (never a diagnosis) and "Book a first visit". */
export function SelfCheckPage({ org }: { org: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [list] = useResource((signal) => getSelfCheck(org, locale, signal), [org, locale]);
  const [ticked, setTicked] = useState<string[]>([]);
  const [result, setResult] = useState<SelfCheckResult | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(result ? t('front.selfCheck.resultTitle') : t('front.nav.selfCheck'));
  // A result in the other language is asked again in the new one.
  const shown = result && result.locale !== locale ? null : result;
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorView error={list.error} what={t('front.clinic')} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setResult(await answerSelfCheck(org, locale, ticked));
      setFailed(null);
    } catch (err) {
      setFailed(err);
    } finally {
      setBusy(false);
    }
  };

  if (shown) {
    return (
      <section className="front-result" aria-labelledby="front-result-title">
        <h1 id="front-result-title">{t('front.selfCheck.resultTitle')}</h1>
        <p className="lead">{shown.result}</p>
        {shown.ticked.length > 0 ? (
          <>
            <h2>{t('front.selfCheck.youTicked')}</h2>
            <ul>
              {shown.ticked.map((sign) => (
                <li key={sign.id}>{sign.text}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="front-note">{shown.notDiagnosis}</p>
        <p>{shown.safety}</p>
        <p className="button-row">
          <Link className="button" to={frontPath(org, 'sites')}>
            {shown.nextStep.label}
          </Link>
          <Link className="button button-secondary" to={frontPath(org, 'safety')}>
            {t('front.nav.safety')}
          </Link>
        </p>
        <p>
          <button type="button" className="link-like" onClick={() => setResult(null)}>
            {t('front.selfCheck.again')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      {failed ? <ErrorView error={failed} /> : null}
      <fieldset className="fieldset">
        <legend>
          <h1>{list.data.title}</h1>
        </legend>
        <p className="lead">{list.data.intro}</p>
        <p className="hint">{t('front.selfCheck.hint')}</p>
        <div className="checkboxes front-checks">
          {list.data.signs.map((sign) => (
            <div className="checkbox" key={sign.id}>
              <input
                type="checkbox"
                id={`sign-${sign.id}`}
                checked={ticked.includes(sign.id)}
                onChange={(e) =>
                  setTicked((was) => (e.target.checked ? [...was, sign.id] : was.filter((id) => id !== sign.id)))
                }
              />
              <label htmlFor={`sign-${sign.id}`}>{sign.text}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {t('front.selfCheck.submit')}
      </button>
    </form>
  );
}
