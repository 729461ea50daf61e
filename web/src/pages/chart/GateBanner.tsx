import { useState, type FormEvent } from 'react';
import * as charting from '../../api/charting.ts';
import type { TreatmentGate } from '../../api/charting.ts';
import { ApiError } from '../../api/http.ts';
import { regionName } from '../../components/bodychart/BodyChart.tsx';
import { ErrorSummary, fieldId, summaryItems, TextField } from '../../components/Form.tsx';
import { formatDate } from '../../format.ts';
import { useOrgTimeZone } from '../../session.tsx';
import { todayAt } from '../schedule/time.ts';
import { Link } from '../../router.tsx';
import { OverrideForm, OverrideRecord } from './GateOverride.tsx';
import { useCreateIntent } from '../../api/intent.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

const MAX_LETTER = 5 * 1024 * 1024;
const LETTER_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/** The screening decision at the top of every chart screen, in the words the therapist acts on. */
export function GateBanner({
  patientId,
  gate,
  onGate,
}: {
  patientId: string;
  gate: TreatmentGate | null;
  onGate: (gate: TreatmentGate) => void;
}) {
  if (!gate)
    return (
      <p className="notice ch-gate">
        Screening is not available on this server yet, so the chart cannot say whether treatment is safe.
      </p>
    );
  const clearances =
    gate.clearances.length > 0 ? (
      <p className="ch-gate-clearances">
        Clearances on file:{' '}
        {gate.clearances.map((c) => `${c.physician}, ${formatDate(c.clearedOn)} (${c.scope})`).join('; ')}
      </p>
    ) : null;
  if (gate.intakeVersion === null) {
    return (
      <div className="alert alert-warning ch-gate" role="region" aria-label="Screening">
        <h2 className="alert-title">No health questionnaire yet</h2>
        <p>Screening runs on the intake questionnaire. Treatment cannot be recorded until it is filled in.</p>
        <p>
          <Link to={`/patients/${patientId}/intake`} className="button">
            Fill in the questionnaire
          </Link>
        </p>
      </div>
    );
  }
  if (!gate.treatmentAllowed) {
    const contraindicated = gate.decision === 'contraindicated';
    return (
      <div className="alert alert-error ch-gate ch-gate-blocked" role="region" aria-label="Screening">
        <h2 className="alert-title">
          {contraindicated
            ? "Treatment cannot be recorded until a physician's clearance is recorded"
            : 'Physician clearance needed before treatment'}
        </h2>
        {gate.blockedReason ? <p>{gate.blockedReason}</p> : null}
        {gate.openTasks.length > 0 ? (
          <ul className="ch-gate-tasks">
            {gate.openTasks.map((t) => (
              <li key={t.id}>
                <strong>Task:</strong> {t.reason}
              </li>
            ))}
          </ul>
        ) : null}
        {clearances}
        {gate.can.recordClearance ? <ClearanceForm patientId={patientId} onGate={onGate} /> : null}
        <OverrideForm patientId={patientId} gate={gate} onGate={onGate} />
      </div>
    );
  }
  return (
    <div className="ch-gate-group" role="region" aria-label="Screening">
      {gate.decision === 'caution' || gate.techniqueChanges.length > 0 ? (
        <div className="alert alert-warning ch-gate ch-gate-caution">
          <h2 className="alert-title">Caution: change the technique</h2>
          {/* Each caution once: what set it off (a medicine, a condition) and why, then what to change. */}
          {gate.cautions.map((c) => (
            <div key={c.rule} className="ch-caution">
              <h3 className="ch-caution-title">{c.title}</h3>
              <p className="ch-caution-why">{sentence(c.reason)}</p>
              {c.changes.length > 0 ? (
                <ul>
                  {c.changes.map((change) => (
                    <li key={change}>{sentence(change)}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
          {gate.noDeepPressure ? (
            <p>
              <strong>No deep pressure:</strong> knuckle and elbow compression and the deep layer are refused.
            </p>
          ) : null}
        </div>
      ) : null}
      {gate.avoidRegions.length > 0 ? (
        <div className="alert alert-warning ch-gate">
          <h2 className="alert-title">Do not treat these places</h2>
          <p className="ch-legend">
            <span className="ch-legend-hatch" aria-hidden="true" /> Hatched on the chart:{' '}
            {gate.avoidRegions.map(regionName).join(', ')}.
          </p>
        </div>
      ) : null}
      {gate.decision === 'clear' && gate.avoidRegions.length === 0 ? (
        <p className="ch-gate-clear">
          <span className="badge badge-success">Screening clear</span> No reason found not to treat (intake version{' '}
          {gate.intakeVersion}).
        </p>
      ) : null}
      <OverrideRecord gate={gate} />
      {gate.decision === 'refer' || gate.decision === 'contraindicated' ? (
        <p className="ch-gate-clear">
          <span className="badge badge-success">Cleared</span> A clearance or override covers this patient's screening.
        </p>
      ) : null}
      {clearances}
    </div>
  );
}

/** Screening's phrases start in lower case; a banner line starts with a capital and ends with a stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function ClearanceForm({ patientId, onGate }: { patientId: string; onGate: (gate: TreatmentGate) => void }) {
  const [physician, setPhysician] = useState('');
  const [clearedOn, setClearedOn] = useState('');
  const [scope, setScope] = useState('');
  const [letter, setLetter] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const orgZone = useOrgTimeZone();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!physician.trim()) problems.physician = "Enter the physician's name";
    if (!clearedOn) problems.clearedOn = 'Enter the date of the clearance';
    else if (clearedOn > todayAt(orgZone)) problems.clearedOn = 'The clearance date cannot be in the future';
    if (!scope.trim()) problems.scope = 'Say what the physician cleared';
    if (!letter) problems.letter = 'Choose the clearance letter (PDF, PNG or JPEG)';
    else if (!LETTER_TYPES.includes(letter.type)) problems.letter = 'The letter must be a PDF, PNG or JPEG';
    else if (letter.size > MAX_LETTER) problems.letter = 'The letter must be 5 MB or smaller';
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !letter) return;
    const form = new FormData();
    form.set('physician', physician.trim());
    form.set('clearedOn', clearedOn);
    form.set('scope', scope.trim());
    form.set('letter', letter, letter.name);
    setBusy(true);
    try {
      const key = intent.keyFor([
        physician.trim(),
        clearedOn,
        scope.trim(),
        letter.name,
        letter.size,
        letter.lastModified,
      ]);
      onGate((await charting.recordClearance(patientId, form, key)).gate);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setErrors({ form: err instanceof Error ? err.message : 'The clearance could not be saved.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ch-clearance" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Record the physician's clearance</h3>
      <ErrorSummary
        items={summaryItems(errors, ['physician', 'clearedOn', 'scope', 'letter'])}
        labels={{ physician: 'Physician', clearedOn: 'Date', scope: 'Scope', letter: 'Letter' }}
      />
      <div className="ch-inline">
        <TextField
          name="physician"
          maxLength={LIMIT.physician}
          label="Physician"
          value={physician}
          onValue={setPhysician}
          error={errors.physician}
          width="medium"
          autoComplete="off"
        />
        <TextField
          name="clearedOn"
          label="Date of clearance"
          type="date"
          value={clearedOn}
          onValue={setClearedOn}
          error={errors.clearedOn}
          width="medium"
        />
      </div>
      <TextField
        name="scope"
        maxLength={LIMIT.clearanceScope}
        label="What was cleared"
        hint="For example: gentle massage of the neck and shoulders; no deep pressure on the legs."
        value={scope}
        onValue={setScope}
        error={errors.scope}
      />
      <div className={`field${errors.letter ? ' field-error' : ''}`}>
        <label className="label" htmlFor={fieldId('letter')}>
          Clearance letter
        </label>
        <p className="hint" id="letter-hint">
          PDF, PNG or JPEG, up to 5 MB.
        </p>
        {errors.letter ? (
          <p className="error-message" id="letter-error">
            <span className="visually-hidden">Error: </span>
            {errors.letter}
          </p>
        ) : null}
        <input
          id={fieldId('letter')}
          type="file"
          className="ch-file"
          accept="application/pdf,image/png,image/jpeg"
          aria-describedby={errors.letter ? 'letter-hint letter-error' : 'letter-hint'}
          onChange={(e) => setLetter(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Uploading…' : 'Record clearance'}
      </button>
    </form>
  );
}
