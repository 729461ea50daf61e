import { useEffect } from 'react';
import { homeCarePdfUrl, listHomeCare, type HomeCareListed } from '../../api/charting.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useUser } from '../../session.tsx';
import { useFormat, useT } from '../../i18n/t.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { afterCareSentence } from '../../../../src/words/after-care.ts';
import { selfCareSentence, stretchMuscleName } from '../../../../src/clinical/atlas/self-care-es.ts';
import './homecare.css';

/** The patient's home care: the latest first, each readable on a phone without opening the PDF. */
export function HomeCarePage() {
  const t = useT();
  usePageTitle(t('homecare.title'));
  const user = useUser();
  const [plans] = useResource((signal) => listHomeCare(user.patientId ?? '', signal), [user.patientId]);
  // A link from "My appointments" names one plan: bring it into view once the list is there.
  useEffect(() => {
    if (plans.status !== 'ok' || !window.location.hash.startsWith('#plan-')) return;
    const target = document.getElementById(`${window.location.hash.slice(1)}-title`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [plans.status]);
  if (plans.status === 'loading') return <Loading />;
  if (plans.status === 'error') return <ErrorView error={plans.error} missingIsUnavailable={t('homecare.title')} />;
  return (
    <div className="narrow hc-page">
      <h1>{t('homecare.title')}</h1>
      <p className="lead">{t('homecare.lead')}</p>
      {plans.data.length === 0 ? <p>{t('homecare.none')}</p> : null}
      {plans.data.map((plan, i) => (
        <HomeCarePlanView key={plan.id} plan={plan} latest={i === 0} />
      ))}
    </div>
  );
}

function HomeCarePlanView({ plan, latest }: { plan: HomeCareListed; latest: boolean }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  // The clinic's standard advice in the reader's language; what the therapist wrote stays as written.
  const said = (sentence: string) => afterCareSentence(sentence, locale);
  const stretch = (sentence: string) => selfCareSentence(sentence, locale);
  const c = plan.content;
  const title = t('homecare.fromVisit', { date: format.date(plan.visitOn) });
  const id = `plan-${plan.id}`;
  return (
    <article className={`card hc-plan${latest ? ' hc-latest' : ''}`} id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      <p className="muted">{t('homecare.from', { therapist: plan.therapistName })}</p>
      <h3>{t('homecare.after')}</h3>
      <ul className="hc-list">
        <li>{said(c.hydration)}</li>
        <li>{said(c.soreness)}</li>
        <li>{said(c.fatigue)}</li>
      </ul>
      {c.notes ? <p className="hc-note">{said(c.notes)}</p> : null}
      {c.stretches.length > 0 ? (
        <>
          <h3>{t('homecare.stretches')}</h3>
          {c.stretches.map((s) => (
            <section key={s.muscle + s.title} className="hc-stretch" aria-label={stretch(s.title)}>
              <h4>{stretch(s.title)}</h4>
              <p className="muted">
                {t('homecare.forMuscle', { muscle: stretchMuscleName(s.muscle, s.muscleName, locale).toLowerCase() })}
              </p>
              <ol>
                {s.steps.map((step) => (
                  <li key={step}>{stretch(step)}</li>
                ))}
              </ol>
            </section>
          ))}
        </>
      ) : null}
      {c.activityChanges.length > 0 ? (
        <>
          <h3>{t('homecare.changes')}</h3>
          <ul className="hc-list">
            {c.activityChanges.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="hc-call">
        <h3>{t('homecare.call')}</h3>
        <ul className="hc-list">
          {c.callClinicIf.map((a) => (
            <li key={a}>{said(a)}</li>
          ))}
        </ul>
      </div>
      <p>
        <a className="button button-secondary" href={homeCarePdfUrl(plan.sessionNoteId)} download="home-care.pdf">
          {t('homecare.download')}
          <span className="visually-hidden">, {title}</span>
        </a>
      </p>
    </article>
  );
}
