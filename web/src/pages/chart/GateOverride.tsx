import { useState, type FormEvent } from 'react';
import type { TreatmentGate } from '../../api/charting.ts';
import { overrideGate, type GateWithOverrides } from '../../api/screening.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorSummary, fieldId, summaryItems } from '../../components/Form.tsx';
import { formatDateTime } from '../../format.ts';
import { ROLE_LABEL } from '../../session.tsx';
import '../screening-and-measures.css';
import { useCreateIntent } from '../../api/intent.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

/**
 * Lets treatment go ahead for the current intake version despite the block, with a reason that is
 * kept with who and when. The API has no scope for an override: it covers this version only.
 */
export function OverrideForm({
  patientId,
  gate,
  onGate,
}: {
  patientId: string;
  gate: TreatmentGate;
  onGate: (gate: TreatmentGate) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  if (!gate.can.override) return null;
  if (!open) {
    return (
      <p className="ch-override">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Override
        </button>
      </p>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setErrors({ 'override-reason': 'Say why treatment may go ahead despite the screening' });
      return;
    }
    setBusy(true);
    try {
      onGate((await overrideGate(patientId, reason.trim(), intent.keyFor(reason.trim()))).gate);
    } catch (err) {
      if (err instanceof ApiError && err.fields.reason) setErrors({ 'override-reason': err.fields.reason });
      else setErrors({ form: err instanceof Error ? err.message : 'The override could not be saved.' });
    } finally {
      setBusy(false);
    }
  };
  const id = fieldId('override-reason');
  return (
    <form className="ch-override" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Override the screening</h3>
      <p>
        Treatment may then be recorded for the current intake version; a new version is screened afresh. Your name, the
        time and your reason are kept in the record and the audit log.
      </p>
      <ErrorSummary items={summaryItems(errors, ['override-reason'])} labels={{ 'override-reason': 'Reason' }} />
      <div className={`field${errors['override-reason'] ? ' field-error' : ''}`}>
        <label className="label" htmlFor={id}>
          Reason for the override
        </label>
        <p className="hint" id={`${id}-hint`}>
          For example: temperature re-taken at the desk, 36.9 °C.
        </p>
        {errors['override-reason'] ? (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error: </span>
            {errors['override-reason']}
          </p>
        ) : null}
        <textarea
          id={id}
          maxLength={LIMIT.longReason}
          className="input ch-textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          aria-invalid={errors['override-reason'] ? true : undefined}
          aria-describedby={[`${id}-hint`, errors['override-reason'] ? `${id}-error` : ''].filter(Boolean).join(' ')}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Override and allow treatment'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setOpen(false);
            setErrors({});
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Who overrode, when and why: shown in the banner once an override lets treatment go ahead. */
export function OverrideRecord({ gate }: { gate: TreatmentGate }) {
  const overrides = (gate as GateWithOverrides).overrides ?? [];
  if (overrides.length === 0) return null;
  return (
    <div className="alert alert-warning ch-gate ch-gate-override">
      <h2 className="alert-title">Screening overridden</h2>
      {overrides.map((o) => (
        <p key={o.id} className="ch-override-record">
          Overridden by <strong>{o.decidedBy.name ?? 'a manager'}</strong> (
          {ROLE_LABEL[o.decidedBy.role] ?? o.decidedBy.role}) on {formatDateTime(o.decidedAt)}. Reason: {o.reason}
        </p>
      ))}
    </div>
  );
}
