import { useMemo, useState } from 'react';
import { proposePlan, type PlanFactors } from '../../../../src/clinical/plan/index.ts';
import { listLocations } from '../../api/locations.ts';
import { listTherapists } from '../../api/therapists.ts';
import * as charting from '../../api/charting.ts';
import type { BookableService, IntegrationService, PlanGoal, PlanStage, TreatmentPlan } from '../../api/charting.ts';
import { ApiError } from '../../api/http.ts';
import type { Location, Therapist } from '../../api/types.ts';
import { ErrorSummary, SelectField, summaryItems, TextField } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { WEEKDAYS } from '../../format.ts';
import { todayAt } from '../schedule/time.ts';
import { useResource } from '../../hooks.ts';
import { useUser } from '../../session.tsx';
import { ChartShell, type ChartContext } from './ChartShell.tsx';
import { PlanBooking } from './PlanBooking.tsx';
import { useCreateIntent } from '../../api/intent.ts';
import { TEXT_LIMITS as LIMIT } from '../../../../src/words/limits.ts';

interface Lookups {
  plans: TreatmentPlan[];
  services: BookableService[];
  therapists: Therapist[];
  locations: Location[];
}

async function loadLookups(patientId: string, signal: AbortSignal): Promise<Lookups> {
  const [plans, services, therapists, locations] = await Promise.all([
    charting.listPlans(patientId, signal),
    charting.listServices().catch(() => []),
    listTherapists().catch(() => []),
    listLocations().catch(() => []),
  ]);
  return { plans, services, therapists, locations };
}

export function PlanPage({ patientId }: { patientId: string }) {
  return (
    <ChartShell patientId={patientId} title="Treatment plan">
      {(ctx) => <PlanLoader ctx={ctx} />}
    </ChartShell>
  );
}

function PlanLoader({ ctx }: { ctx: ChartContext }) {
  const [data] = useResource((signal) => loadLookups(ctx.patient.id, signal), [ctx.patient.id]);
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorView error={data.error} missingIsUnavailable="Treatment plans" />;
  return <PlanEditor ctx={ctx} lookups={data.data} />;
}

const OPTIONS = {
  phase: [
    ['acute', 'Acute (recent, flaring)'],
    ['chronic', 'Chronic (months or more)'],
    ['maintenance', 'Maintenance'],
  ],
  severity: [
    ['mild', 'Mild'],
    ['moderate', 'Moderate'],
    ['severe', 'Severe'],
  ],
  demands: [
    ['low', 'Low'],
    ['moderate', 'Moderate'],
    ['high', 'High'],
  ],
} as const;
const opts = (list: readonly (readonly [string, string])[]) => list.map(([value, label]) => ({ value, label }));
const INTEGRATIONS: [IntegrationService, string][] = [
  ['chiropractic', 'Chiropractic'],
  ['acupuncture', 'Acupuncture'],
  ['corrective-exercise', 'Corrective exercise'],
];

function PlanEditor({ ctx, lookups }: { ctx: ChartContext; lookups: Lookups }) {
  const user = useUser();
  const existing = lookups.plans[0]?.plan ?? null;
  const [factors, setFactors] = useState<PlanFactors>({
    phase: 'chronic',
    severity: 'moderate',
    demands: 'moderate',
    selfCareCompliance: 'moderate',
  });
  const proposal = useMemo(() => proposePlan(factors), [factors]);
  const [stages, setStages] = useState<PlanStage[] | null>(existing?.stages ?? null);
  const shownStages = stages ?? proposal.stages.map((s) => ({ ...s }));
  const total = shownStages.reduce((n, s) => n + s.visits, 0);
  const [goals, setGoals] = useState({ nprs: '3', psfsActivity: '', psfsTarget: '7' });
  const [integration, setIntegration] = useState<Record<string, string>>({});
  const [startDate, setStartDate] = useState(existing?.startDate ?? todayAt(user.orgTimeZone));
  const [days, setDays] = useState<number[]>(existing?.preferredDays ?? [2, 4]);
  const [time, setTime] = useState(existing?.preferredTime ?? '10:00');
  const mine = lookups.therapists.find((t) => t.id === user.therapistId)?.id;
  const [therapistId, setTherapistId] = useState(existing?.therapistId ?? mine ?? lookups.therapists[0]?.id ?? '');
  const [locationId, setLocationId] = useState(existing?.locationId ?? lookups.locations[0]?.id ?? '');
  const [serviceCode, setServiceCode] = useState(
    existing?.serviceCode ??
      lookups.services.find((s) => s.active !== false && s.discipline === 'nmt' && !s.isInitial)?.code ??
      lookups.services[0]?.code ??
      '',
  );
  const [plan, setPlan] = useState<TreatmentPlan | null>(lookups.plans[0] ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const setStage = (i: number, patch: Partial<PlanStage>) =>
    setStages(shownStages.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const fail = (err: unknown) => {
    if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
    else setErrors({ form: err instanceof Error ? err.message : 'Something went wrong.' });
  };

  const save = async () => {
    setBusy(true);
    setErrors({});
    const goalList: PlanGoal[] = [{ kind: 'nprs', target: Number(goals.nprs) }];
    if (goals.psfsActivity.trim())
      goalList.push({ kind: 'psfs', activity: goals.psfsActivity.trim(), target: Number(goals.psfsTarget) });
    try {
      const input = {
        phase: factors.phase,
        stages: shownStages.map(({ rationale, ...s }) => ({ ...s, rationale: rationale ?? [] })),
        totalVisits: total,
        reassessmentAtVisits: proposal.reassessmentAtVisits.filter((v) => v <= total),
        goals: goalList,
        integration: INTEGRATIONS.filter(([key]) => integration[key] !== undefined).map(([service]) => ({
          service,
          note: integration[service]?.trim() || 'Referral suggested.',
        })),
        startDate,
        preferredDays: days,
        preferredTime: time,
        therapistId,
        locationId,
        serviceCode,
      };
      setPlan(await charting.createPlan(ctx.patient.id, input, intent.keyFor(input)));
      // "Save as a new plan" later is a new plan, even unchanged.
      intent.done();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ch-plan">
      <ErrorSummary items={summaryItems(errors)} />
      <section className="card" aria-labelledby="factors-title">
        <h2 id="factors-title">Factors</h2>
        <div className="ch-inline">
          <SelectField
            name="phase"
            label="Phase"
            value={factors.phase}
            onValue={(v) => {
              setFactors({ ...factors, phase: v as PlanFactors['phase'] });
              setStages(null);
            }}
            options={opts(OPTIONS.phase)}
          />
          <SelectField
            name="severity"
            label="Severity"
            value={factors.severity}
            onValue={(v) => {
              setFactors({ ...factors, severity: v as PlanFactors['severity'] });
              setStages(null);
            }}
            options={opts(OPTIONS.severity)}
          />
          <SelectField
            name="demands"
            label="Physical demands"
            value={factors.demands ?? 'moderate'}
            onValue={(v) => {
              setFactors({ ...factors, demands: v as PlanFactors['demands'] });
              setStages(null);
            }}
            options={opts(OPTIONS.demands)}
          />
          <TextField
            name="authorizedVisits"
            maxLength={3}
            label="Authorized visits (optional)"
            width="short"
            inputMode="numeric"
            value={factors.authorizedVisits === undefined ? '' : String(factors.authorizedVisits)}
            onValue={(v) => {
              const n = Number(v);
              setFactors({ ...factors, authorizedVisits: v === '' || !Number.isInteger(n) ? undefined : n });
              setStages(null);
            }}
          />
        </div>
        {proposal.warnings.map((w) => (
          <p key={w} className="alert alert-warning">
            {w}
          </p>
        ))}
      </section>

      <section className="card" aria-labelledby="stages-title">
        <h2 id="stages-title">Proposal: {total} visits</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Visits per week</th>
                <th scope="col">Visits</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {shownStages.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{s.label}</th>
                  <td>
                    {s.visitsPerWeek !== undefined ? (
                      <input
                        className="input input-short"
                        maxLength={1}
                        aria-label={`Visits per week, ${s.label}`}
                        inputMode="numeric"
                        value={String(s.visitsPerWeek)}
                        onChange={(e) =>
                          setStage(i, { visitsPerWeek: Math.max(1, Math.min(7, Number(e.target.value) || 1)) })
                        }
                      />
                    ) : s.intervalWeeks ? (
                      `every ${s.intervalWeeks} weeks`
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <input
                      className="input input-short"
                      maxLength={3}
                      aria-label={`Visits, ${s.label}`}
                      inputMode="numeric"
                      value={String(s.visits)}
                      onChange={(e) => setStage(i, { visits: Math.max(0, Number(e.target.value) || 0) })}
                    />
                  </td>
                  <td className="ch-why">{(s.rationale ?? []).join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          Reassess at visits {proposal.reassessmentAtVisits.filter((v) => v <= total).join(', ') || '—'}.
        </p>
      </section>

      <section className="card" aria-labelledby="goals-title">
        <h2 id="goals-title">Goals and integration</h2>
        <div className="ch-inline">
          <TextField
            name="goal-nprs"
            maxLength={2}
            label="Pain (NPRS) target, 0–10"
            width="short"
            inputMode="numeric"
            value={goals.nprs}
            onValue={(nprs) => setGoals({ ...goals, nprs })}
          />
          <TextField
            name="goal-psfs"
            maxLength={LIMIT.planActivity}
            label="PSFS activity (optional)"
            hint="An activity the patient named, e.g. lifting a toddler"
            value={goals.psfsActivity}
            onValue={(psfsActivity) => setGoals({ ...goals, psfsActivity })}
          />
          <TextField
            name="goal-psfs-target"
            maxLength={4}
            label="PSFS target, 0–10"
            width="short"
            inputMode="numeric"
            value={goals.psfsTarget}
            onValue={(psfsTarget) => setGoals({ ...goals, psfsTarget })}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="label">Refer for</legend>
          {INTEGRATIONS.map(([key, label]) => (
            <div key={key} className="ch-element">
              <div className="checkbox">
                <input
                  type="checkbox"
                  id={`int-${key}`}
                  checked={integration[key] !== undefined}
                  onChange={(e) => {
                    const next = { ...integration };
                    if (e.target.checked) next[key] = '';
                    else delete next[key];
                    setIntegration(next);
                  }}
                />
                <label htmlFor={`int-${key}`}>{label}</label>
              </div>
              {integration[key] !== undefined ? (
                <input
                  className="input"
                  maxLength={LIMIT.planNote}
                  aria-label={`${label} note`}
                  value={integration[key]}
                  onChange={(e) => setIntegration({ ...integration, [key]: e.target.value })}
                />
              ) : null}
            </div>
          ))}
        </fieldset>
      </section>

      <section className="card" aria-labelledby="booking-title">
        <h2 id="booking-title">Booking</h2>
        <div className="ch-inline">
          <TextField
            name="startDate"
            label="First visit on or after"
            type="date"
            width="medium"
            value={startDate}
            onValue={setStartDate}
          />
          <TextField
            name="preferredTime"
            label="Preferred time"
            type="time"
            width="short"
            value={time}
            onValue={setTime}
          />
          <SelectField
            name="therapistId"
            label="Therapist"
            value={therapistId}
            onValue={setTherapistId}
            options={lookups.therapists.map((t) => ({ value: t.id, label: t.name }))}
          />
          <SelectField
            name="locationId"
            label="Clinic"
            value={locationId}
            onValue={setLocationId}
            options={lookups.locations.map((l) => ({ value: l.id, label: l.name }))}
          />
          <SelectField
            name="serviceCode"
            label="Visit type"
            value={serviceCode}
            onValue={setServiceCode}
            options={lookups.services.map((s) => ({ value: s.code, label: s.name }))}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="label">Preferred days</legend>
          <div className="ch-toggle-row">
            {WEEKDAYS.map((d, i) => (
              <button
                key={d}
                type="button"
                className={`ch-toggle${days.includes(i) ? ' is-on' : ''}`}
                aria-pressed={days.includes(i)}
                onClick={() => setDays(days.includes(i) ? days.filter((x) => x !== i) : [...days, i].sort())}
              >
                {d.slice(0, 3)}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="button" className="button button-large" onClick={() => void save()} disabled={busy}>
            {plan ? 'Save as a new plan' : 'Save plan'}
          </button>
        </div>
        <div role="status" className="ch-plan-status">
          {plan ? (
            <p>
              Plan saved ({plan.status}, {plan.plan.totalVisits} visits{plan.seriesId ? ', series booked' : ''}).
            </p>
          ) : null}
          {plan && !plan.seriesId && plan.can.edit && !plan.can.book ? (
            <p className="hint">The front desk or a manager books the series from this plan.</p>
          ) : null}
        </div>
        {/* Those who book see the booking form, then the booked series; the therapist who writes the plan does not. */}
        {plan && (plan.can.book || (plan.seriesId && !plan.can.edit)) ? (
          <PlanBooking
            key={plan.id}
            plan={plan}
            locations={lookups.locations}
            therapists={lookups.therapists}
            onPlan={setPlan}
          />
        ) : null}
      </section>
    </div>
  );
}
