import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { cancelByLink, getLinkedAppointment, type LinkedAppointment } from '../../api/links.ts';
import { ErrorSummary, TextField } from '../../components/Form.tsx';
import { usePageTitle } from '../../hooks.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

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
  usePageTitle('Cancel your appointment');
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
        setProblem({ field: '_', message: 'Something went wrong. Please try again.' });
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p className="breadcrumb">
        <button type="button" className="link-button sch-back" onClick={onBack}>
          Back
        </button>
      </p>
      <ErrorSummary items={problem ? [problem] : []} labels={{ reason: 'Reason' }} />
      <h1 className="sch-question-title">Cancel your appointment on {a.when}?</h1>
      <p>
        {a.service} with {a.therapist} at {a.site.name}.
      </p>
      <p className="notice lnk-policy">
        You are cancelling more than {a.cancellationNoticeHours} hours before the visit, so this is not a late
        cancellation.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void cancel();
        }}
        noValidate
      >
        <TextField
          name="reason"
          label="Why are you cancelling? (optional)"
          hint="This helps the clinic plan. You do not have to say."
          value={reason}
          onValue={setReason}
          maxLength={LIMIT.reason}
          error={problem?.field === 'reason' ? problem.message : undefined}
        />
        <div className="lnk-actions">
          <button type="submit" className="button button-large sch-danger" disabled={busy}>
            {busy ? 'Cancelling…' : 'Yes, cancel it'}
          </button>
          <button type="button" className="button button-secondary button-large" onClick={onBack}>
            No, keep it
          </button>
        </div>
      </form>
    </>
  );
}
