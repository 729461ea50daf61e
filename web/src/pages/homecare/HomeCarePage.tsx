import { useEffect } from 'react';
import { homeCarePdfUrl, listHomeCare, type HomeCareListed } from '../../api/charting.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { useUser } from '../../session.tsx';
import { dateLabel } from '../schedule/time.ts';
import './homecare.css';

/** The patient's home care: the latest first, each readable on a phone without opening the PDF. */
export function HomeCarePage() {
  usePageTitle('Home care');
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
  if (plans.status === 'error') return <ErrorView error={plans.error} missingIsUnavailable="Home care" />;
  return (
    <div className="narrow hc-page">
      <h1>Home care</h1>
      <p className="lead">What your therapist asks you to do between visits. The newest is first.</p>
      {plans.data.length === 0 ? (
        <p>Your therapist has not sent you any home care yet. It appears here after a visit.</p>
      ) : null}
      {plans.data.map((plan, i) => (
        <HomeCarePlanView key={plan.id} plan={plan} latest={i === 0} />
      ))}
    </div>
  );
}

function HomeCarePlanView({ plan, latest }: { plan: HomeCareListed; latest: boolean }) {
  const c = plan.content;
  const title = `From your visit on ${dateLabel(plan.visitOn)}`;
  const id = `plan-${plan.id}`;
  return (
    <article className={`card hc-plan${latest ? ' hc-latest' : ''}`} id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      <p className="muted">From {plan.therapistName}</p>
      <h3>After today</h3>
      <ul className="hc-list">
        <li>{c.hydration}</li>
        <li>{c.soreness}</li>
        <li>{c.fatigue}</li>
      </ul>
      {c.notes ? <p className="hc-note">{c.notes}</p> : null}
      {c.stretches.length > 0 ? (
        <>
          <h3>Your stretches</h3>
          {c.stretches.map((s) => (
            <section key={s.muscle + s.title} className="hc-stretch" aria-label={s.title}>
              <h4>{s.title}</h4>
              <p className="muted">For the {s.muscleName.toLowerCase()}</p>
              <ol>
                {s.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </section>
          ))}
        </>
      ) : null}
      {c.activityChanges.length > 0 ? (
        <>
          <h3>Small changes that help</h3>
          <ul className="hc-list">
            {c.activityChanges.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="hc-call">
        <h3>Call the clinic if</h3>
        <ul className="hc-list">
          {c.callClinicIf.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </div>
      <p>
        <a className="button button-secondary" href={homeCarePdfUrl(plan.sessionNoteId)} download="home-care.pdf">
          Download to print (PDF)<span className="visually-hidden">, {title}</span>
        </a>
      </p>
    </article>
  );
}
