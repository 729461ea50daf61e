import { useState } from 'react';
import { getLinkedAppointment, type LinkedAppointment, type LinkSlot } from '../../api/links.ts';
import { ApiError } from '../../api/http.ts';
import { Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { LinkCancel } from './LinkCancel.tsx';
import { LinkConfirmMove, LinkTimes } from './LinkReschedule.tsx';
import { policyWords, statusWords } from './linkWords.ts';
import { PhoneLink, PublicShell } from './PublicShell.tsx';
import './links.css';

export type Step =
  | { kind: 'view'; done?: 'cancelled' | 'moved' }
  | { kind: 'cancel' }
  | { kind: 'times'; problem?: string }
  | { kind: 'confirm'; slot: LinkSlot };

/** The page behind /a/<token>: the patient's visit, and cancel or move it within the policy. */
export function LinkPage({ token }: { token: string }) {
  const [loaded, setLoaded] = useResource((signal) => getLinkedAppointment(token, signal), [token]);
  const [step, setStep] = useState<Step>({ kind: 'view' });
  const focusKey = step.kind + (step.kind === 'view' ? (step.done ?? '') : '');
  if (loaded.status === 'loading')
    return (
      <PublicShell focusKey="loading">
        <Loading label="Opening your appointment…" />
      </PublicShell>
    );
  if (loaded.status === 'error')
    return (
      <PublicShell focusKey="error">
        <LinkProblem error={loaded.error} />
      </PublicShell>
    );
  const appointment = loaded.data;
  const finish = (changed: LinkedAppointment, done: 'cancelled' | 'moved') => {
    setLoaded(changed);
    setStep({ kind: 'view', done });
  };
  return (
    <PublicShell focusKey={focusKey}>
      {step.kind === 'view' ? <LinkSummary appointment={appointment} done={step.done} onStep={setStep} /> : null}
      {step.kind === 'cancel' ? (
        <LinkCancel
          token={token}
          appointment={appointment}
          onBack={() => setStep({ kind: 'view' })}
          onDone={(a) => finish(a, 'cancelled')}
          onRefresh={setLoaded}
        />
      ) : null}
      {step.kind === 'times' ? (
        <LinkTimes token={token} appointment={appointment} problem={step.problem} onStep={setStep} />
      ) : null}
      {step.kind === 'confirm' ? (
        <LinkConfirmMove
          token={token}
          appointment={appointment}
          slot={step.slot}
          onStep={setStep}
          onDone={(a) => finish(a, 'moved')}
        />
      ) : null}
    </PublicShell>
  );
}

function LinkSummary({
  appointment: a,
  done,
  onStep,
}: {
  appointment: LinkedAppointment;
  done?: 'cancelled' | 'moved';
  onStep: (step: Step) => void;
}) {
  const cancelled = a.status === 'cancelled' || a.status === 'late_cancel';
  const title =
    done === 'cancelled'
      ? 'Your appointment has been cancelled'
      : done === 'moved'
        ? 'Your appointment has been changed'
        : cancelled
          ? 'This appointment is cancelled'
          : 'Your appointment';
  usePageTitle(title);
  const policy = policyWords(a);
  const phone = a.site.phone;
  return (
    <>
      {done ? (
        <div className="sch-confirmation lnk-done" role="status">
          <h1>{title}</h1>
          {done === 'moved' ? (
            <p className="sch-confirmation-when">{a.when}</p>
          ) : (
            <p>We have let the clinic know. You do not need to do anything else.</p>
          )}
        </div>
      ) : (
        <h1 className="sch-question-title">{title}</h1>
      )}
      <dl className="summary-list lnk-summary">
        <div className="summary-row">
          <dt>When</dt>
          <dd>{a.when}</dd>
        </div>
        <div className="summary-row">
          <dt>Visit</dt>
          <dd>{a.service}</dd>
        </div>
        <div className="summary-row">
          <dt>Therapist</dt>
          <dd>{a.therapist}</dd>
        </div>
        <div className="summary-row">
          <dt>Clinic</dt>
          <dd>
            {a.site.name}
            <br />
            {a.site.address}
          </dd>
        </div>
        {phone ? (
          <div className="summary-row">
            <dt>Phone</dt>
            <dd>
              <PhoneLink phone={phone} />
            </dd>
          </div>
        ) : null}
      </dl>
      {a.status === 'booked' && a.conflict && !done ? (
        <div className="alert alert-warning lnk-alert">
          <h2 className="alert-title">This visit needs a new time</h2>
          <p>{a.conflict} We are sorry. Please choose a new time below, or cancel.</p>
        </div>
      ) : null}
      {a.status !== 'booked' ? (
        done ? null : (
          <div className="alert lnk-alert" role="status">
            <p>{statusWords(a.status)} It can no longer be changed online.</p>
            {phone ? (
              <p>
                To book again or ask a question, call the clinic on <PhoneLink phone={phone} />.
              </p>
            ) : null}
          </div>
        )
      ) : policy.late ? (
        <div className="alert alert-warning lnk-alert">
          <h2 className="alert-title">It is too late to change this online</h2>
          <p>{policy.text}</p>
          {phone ? (
            <p className="lnk-call">
              Call <PhoneLink phone={phone} />
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="notice lnk-policy">{policy.text}</p>
          <div className="lnk-actions">
            <button type="button" className="button button-large" onClick={() => onStep({ kind: 'times' })}>
              Change the time
            </button>
            <button
              type="button"
              className="button button-secondary button-large"
              onClick={() => onStep({ kind: 'cancel' })}
            >
              Cancel the appointment
            </button>
          </div>
        </>
      )}
    </>
  );
}

/** A link that does not open anything: say why plainly, never a crash. */
function LinkProblem({ error }: { error: unknown }) {
  usePageTitle('This link does not work');
  const api = error instanceof ApiError ? error : null;
  const message =
    api?.status === 404
      ? api.message
      : api?.status === 400
        ? 'This link is not complete. Open the whole link from the clinic’s message (some email programs split long ' +
          'links), or call the clinic.'
        : api?.status === 429
          ? 'Too many tries in a short time. Please wait a few minutes and try again.'
          : 'We could not open your appointment just now. Check your connection and try again, or call the clinic.';
  return (
    <section aria-labelledby="lnk-problem">
      <h1 id="lnk-problem" className="sch-question-title">
        This link does not work
      </h1>
      <div className="alert alert-error" role="alert">
        <p>{message}</p>
      </div>
      <p>You can also sign in to Knotwork to see and change your appointments.</p>
      <p>
        <a className="button button-secondary button-large" href="/">
          Sign in
        </a>
      </p>
    </section>
  );
}
