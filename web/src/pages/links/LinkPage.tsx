import { useEffect, useState } from 'react';
import { getLinkedAppointment, type LinkedAppointment, type LinkSlot } from '../../api/links.ts';
import { ApiError } from '../../api/http.ts';
import { Loading } from '../../components/StatusViews.tsx';
import { usePageTitle, useResource } from '../../hooks.ts';
import { LinkCancel } from './LinkCancel.tsx';
import { LinkConfirmMove, LinkTimes } from './LinkReschedule.tsx';
import { statusWords, usePolicyWords } from './linkWords.ts';
import { useFormat, useT } from '../../i18n/t.ts';
import { useLocale } from '../../i18n/locale.tsx';
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
  const t = useT();
  const { suggest } = useLocale();
  const recorded = loaded.status === 'ok' ? loaded.data.locale : null;
  // The link was sent to this patient: it opens in the language their record says they read.
  useEffect(() => {
    if (recorded) suggest(recorded);
  }, [recorded, suggest]);
  const focusKey = step.kind + (step.kind === 'view' ? (step.done ?? '') : '');
  if (loaded.status === 'loading')
    return (
      <PublicShell focusKey="loading">
        <Loading label={t('link.opening')} />
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
  const t = useT();
  const when = useFormat().visit(a.start, a.timeZone);
  const cancelled = a.status === 'cancelled' || a.status === 'late_cancel';
  const title = t(
    done === 'cancelled'
      ? 'link.title.cancelled'
      : done === 'moved'
        ? 'link.title.moved'
        : cancelled
          ? 'link.title.isCancelled'
          : 'link.title.yours',
  );
  usePageTitle(title);
  const policy = usePolicyWords()(a);
  const phone = a.site.phone;
  return (
    <>
      {done ? (
        <div className="sch-confirmation lnk-done" role="status">
          <h1>{title}</h1>
          {done === 'moved' ? <p className="sch-confirmation-when">{when}</p> : <p>{t('link.told')}</p>}
        </div>
      ) : (
        <h1 className="sch-question-title">{title}</h1>
      )}
      <dl className="summary-list lnk-summary">
        <div className="summary-row">
          <dt>{t('link.row.when')}</dt>
          <dd>{when}</dd>
        </div>
        <div className="summary-row">
          <dt>{t('book.row.visit')}</dt>
          <dd>{a.service}</dd>
        </div>
        <div className="summary-row">
          <dt>{t('book.row.therapist')}</dt>
          <dd>{a.therapist}</dd>
        </div>
        <div className="summary-row">
          <dt>{t('book.row.clinic')}</dt>
          <dd>
            {a.site.name}
            <br />
            {a.site.address}
          </dd>
        </div>
        {phone ? (
          <div className="summary-row">
            <dt>{t('link.row.phone')}</dt>
            <dd>
              <PhoneLink phone={phone} />
            </dd>
          </div>
        ) : null}
      </dl>
      {a.status === 'booked' && a.conflict && !done ? (
        <div className="alert alert-warning lnk-alert">
          <h2 className="alert-title">{t('link.needsTime')}</h2>
          <p>
            {a.conflict} {t('link.sorry')}
          </p>
        </div>
      ) : null}
      {a.status !== 'booked' ? (
        done ? null : (
          <div className="alert lnk-alert" role="status">
            <p>
              {t(statusWords(a.status))} {t('link.noLongerOnline')}
            </p>
            {phone ? (
              <p>
                {t('link.callToBook')} <PhoneLink phone={phone} />.
              </p>
            ) : null}
          </div>
        )
      ) : policy.late ? (
        <div className="alert alert-warning lnk-alert">
          <h2 className="alert-title">{t('link.tooLate')}</h2>
          <p>{policy.text}</p>
          {phone ? (
            <p className="lnk-call">
              {t('link.call')} <PhoneLink phone={phone} />
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="notice lnk-policy">{policy.text}</p>
          <div className="lnk-actions">
            <button type="button" className="button button-large" onClick={() => onStep({ kind: 'times' })}>
              {t('link.change')}
            </button>
            <button
              type="button"
              className="button button-secondary button-large"
              onClick={() => onStep({ kind: 'cancel' })}
            >
              {t('link.cancel')}
            </button>
          </div>
        </>
      )}
    </>
  );
}

/** A link that does not open anything: say why plainly, never a crash. */
function LinkProblem({ error }: { error: unknown }) {
  const t = useT();
  usePageTitle(t('link.problem.title'));
  const api = error instanceof ApiError ? error : null;
  const message =
    api?.status === 404
      ? api.message
      : api?.status === 400
        ? t('link.problem.incomplete')
        : api?.status === 429
          ? t('link.problem.tooMany')
          : t('link.problem.offline');
  return (
    <section aria-labelledby="lnk-problem">
      <h1 id="lnk-problem" className="sch-question-title">
        {t('link.problem.title')}
      </h1>
      <div className="alert alert-error" role="alert">
        <p>{message}</p>
      </div>
      <p>{t('link.problem.signIn')}</p>
      <p>
        <a className="button button-secondary button-large" href="/">
          {t('signIn.title')}
        </a>
      </p>
    </section>
  );
}
