import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { cancelByLink, getLinkedAppointment, type LinkedAppointment } from '../../api/links.ts';
import { ErrorSummary, TextField } from '../../components/Form.tsx';
import { usePageTitle } from '../../hooks.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';
import { useFormat, useT } from '../../i18n/t.ts';

/** Cancel through the link: one optional question, the policy said plainly, a clear button. */
export function LinkCancel({
  token,
  appointment: a,
  onBack,
  onDone,
  onRefresh,
}: {
  token: string;
  appointment: LinkedAppointment;
  onBack: () => void;
  onDone: (changed: LinkedAppointment) => void;
  onRefresh: (latest: LinkedAppointment) => void;
}) {
  const t = useT();
  const when = useFormat().visit(a.start, a.timeZone);
  usePageTitle(t('cancel.title'));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onDone(await cancelByLink(token, reason.trim()));
    } catch (err) {
      if (err instanceof ApiError) {
        const [field, message] = Object.entries(err.fields)[0] ?? ['_', err.message];
        setProblem({ field, message });
        // Refused (e.g. the policy window began meanwhile): show the visit as it now stands.
        if (err.status === 409) await getLinkedAppointment(token).then(onRefresh, () => undefined);
      } else {
        setProblem({ field: '_', message: t('status.wrong.body') });
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p className="breadcrumb">
        <button type="button" className="link-button sch-back" onClick={onBack}>
          {t('form.back')}
        </button>
      </p>
      <ErrorSummary items={problem ? [problem] : []} labels={{ reason: t('link.cancel.reason') }} />
      <h1 className="sch-question-title">{t('cancel.question', { when })}</h1>
      <p>{t('cancel.what', { service: a.service, therapist: a.therapist, site: a.site.name })}</p>
      <p className="notice lnk-policy">{t('link.cancel.notLate', { hours: a.cancellationNoticeHours })}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void cancel();
        }}
        noValidate
      >
        <TextField
          name="reason"
          label={t('cancel.why')}
          hint={t('link.cancel.whyHint')}
          value={reason}
          onValue={setReason}
          maxLength={LIMIT.reason}
          error={problem?.field === 'reason' ? problem.message : undefined}
        />
        <div className="lnk-actions">
          <button type="submit" className="button button-large sch-danger" disabled={busy}>
            {busy ? t('cancel.busy') : t('cancel.yes')}
          </button>
          <button type="button" className="button button-secondary button-large" onClick={onBack}>
            {t('cancel.no')}
          </button>
        </div>
      </form>
    </>
  );
}
