import { useState, type FormEvent } from 'react';
import { listTherapists } from '../../api/therapists.ts';
import * as care from '../../api/care.ts';
import { formFieldErrors } from '../../api/http.ts';
import { useCreateIntent } from '../../api/intent.ts';
import { SelectField, TextField } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDate } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import { useLocationNames } from '../../sites.ts';
import { useUser } from '../../session.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';
import './care.css';

/**
 * Who may see this chart: the therapists in the patient's care and the sites they are registered at.
 * A booking adds the therapist booked; managers and admins add or end access here, with a reason.
 */
export function CareTeamCard({ patientId }: { patientId: string }) {
  const user = useUser();
  const names = useLocationNames();
  const manage = user.can.manageCareTeam;
  const visible = user.can.viewCareTeam;
  const [team, setTeam] = useResource(
    (signal) => (visible ? care.getCareTeam(patientId, signal) : new Promise<never>(() => undefined)),
    [patientId, visible],
  );
  if (!visible) return null;
  return (
    <section className="card" aria-labelledby="care-heading">
      <h2 id="care-heading">Care team</h2>
      <p className="hint">Therapists who may open this chart. Booking a visit adds the therapist booked.</p>
      {team.status === 'loading' ? <Loading /> : null}
      {team.status === 'error' ? <ErrorView error={team.error} /> : null}
      {team.status === 'ok' ? (
        <>
          <Members team={team.data} onChange={setTeam} />
          <p className="small-print">
            Registered at{' '}
            {team.data.sites
              .map((s) => `${names.get(s.locationId) ?? 'a site'}${s.preferred ? ' (preferred)' : ''}`)
              .join(', ') || 'no site'}
            .
          </p>
          {manage ? <GrantForm patientId={patientId} team={team.data} onChange={setTeam} /> : null}
        </>
      ) : null}
    </section>
  );
}

function Members({ team, onChange }: { team: care.CareTeam; onChange: (t: care.CareTeam) => void }) {
  const current = team.careTeam.filter((m) => m.endedOn === null);
  const ended = team.careTeam.filter((m) => m.endedOn !== null);
  return (
    <>
      {current.length === 0 ? (
        <p className="muted">No therapist may open this chart yet.</p>
      ) : (
        <ul className="care-team">
          {current.map((m) => (
            <li key={m.therapistId}>
              <strong>
                {m.givenName} {m.familyName}
              </strong>{' '}
              <span className="muted">
                since {formatDate(m.startedOn)}
                {m.reason ? ` · ${m.reason}` : ''}
              </span>
              {m.can.end ? <EndForm patientId={team.patientId} member={m} onChange={onChange} /> : null}
            </li>
          ))}
        </ul>
      )}
      {ended.length > 0 ? (
        <details>
          <summary>Earlier ({ended.length})</summary>
          <ul className="care-team">
            {ended.map((m) => (
              <li key={m.therapistId}>
                {m.givenName} {m.familyName}{' '}
                <span className="muted">
                  {formatDate(m.startedOn)} to {formatDate(m.endedOn!)}
                  {m.endReason ? ` · ${m.endReason}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function EndForm({
  patientId,
  member,
  onChange,
}: {
  patientId: string;
  member: care.CareMember;
  onChange: (t: care.CareTeam) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const name = `${member.givenName} ${member.familyName}`;
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        End access<span className="visually-hidden"> for {name}</span>
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onChange(await care.endCare(patientId, member.therapistId, reason.trim()));
    } catch (err) {
      setErrors(formFieldErrors(err));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        name={`end-${member.therapistId}-reason`}
        label={`Why ${name} no longer sees this chart`}
        value={reason}
        onValue={setReason}
        error={errors.reason}
        width="medium"
        maxLength={LIMIT.reason}
      />
      {errors.form ? (
        <p className="error-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button">
          End access
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Keep
        </button>
      </div>
    </form>
  );
}

function GrantForm({
  patientId,
  team,
  onChange,
}: {
  patientId: string;
  team: care.CareTeam;
  onChange: (t: care.CareTeam) => void;
}) {
  const [therapists] = useResource(() => listTherapists(), []);
  const [therapistId, setTherapistId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const inCare = new Set(team.careTeam.filter((m) => m.endedOn === null).map((m) => m.therapistId));
  // The server names the therapists this caller may add (managers: those of their own sites).
  const grantable = new Set(team.can.grantTo);
  const choices = (therapists.status === 'ok' ? therapists.data : []).filter(
    (p) => !inCare.has(p.id) && grantable.has(p.id),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!therapistId) return setErrors({ therapistId: 'Choose a therapist.' });
    const body = { therapistId, reason: reason.trim() };
    setBusy(true);
    try {
      onChange(await care.grantCare(patientId, body, intent.keyFor(body)));
      intent.done();
      setTherapistId('');
      setReason('');
      setErrors({});
    } catch (err) {
      setErrors(formFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="care-grant">
      <h3>Let another therapist see this chart</h3>
      <SelectField
        name="care-therapistId"
        label="Therapist"
        value={therapistId}
        onValue={setTherapistId}
        error={errors.therapistId}
        options={[{ value: '', label: 'Choose a therapist' }, ...choices.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <TextField
        name="care-reason"
        label="Reason"
        hint="For example: covering during leave."
        value={reason}
        onValue={setReason}
        error={errors.reason}
        width="medium"
        maxLength={LIMIT.reason}
      />
      {errors.form ? (
        <p className="error-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        Add to care team
      </button>
    </form>
  );
}
