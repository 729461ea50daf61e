import { useMemo, useState } from 'react';
import { muscleById } from '../../../../../src/clinical/atlas/index.ts';
import { PAIN_STOP_AT, painGuidance } from '../../../../../src/clinical/protocol/hold-and-pain.ts';
import { TECHNIQUES } from '../../../../../src/clinical/protocol/techniques.ts';
import * as charting from '../../../api/charting.ts';
import type { PalpatedPoint, RecordedStep, SessionNote, TreatmentGate } from '../../../api/charting.ts';
import { ApiError } from '../../../api/http.ts';
import { BodyChart, regionName, RegionSelect, type ChartMarker } from '../../../components/bodychart/BodyChart.tsx';
import { HoldTimer, type HoldResult } from '../../../components/bodychart/HoldTimer.tsx';
import { musclesForRegion, placedRegion, sideOfRegion } from '../assessment/palpation.ts';
import { useCreateIntent } from '../../../api/intent.ts';

type Outcome =
  | { kind: 'recorded'; result: RecordedStep }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'stopping'; pain: number };

const REFUSAL_TITLE: Record<string, string> = {
  treatment_blocked: 'Treatment blocked',
  region_avoided: 'Region avoided: not recorded',
  technique_not_allowed: 'Technique not allowed: not recorded',
  note_signed: 'This note is signed',
};

/**
 * Per trigger point treatment: tap where the pressure goes, pick the muscle and technique, then run
 * the hold timer. Each hold posts one step; the dose flags and any refusal show at once.
 */
export function TreatPanel({
  note,
  gate,
  palpated,
  onStep,
  locked,
}: {
  note: SessionNote;
  gate: TreatmentGate | null;
  palpated: readonly PalpatedPoint[];
  onStep: (step: RecordedStep) => void;
  locked: boolean;
}) {
  const [region, setRegion] = useState<string | null>(null);
  const [muscle, setMuscle] = useState('');
  const [technique, setTechnique] = useState<keyof typeof TECHNIQUES>('ischemic-compression-finger');
  const [layer, setLayer] = useState<'' | 'superficial' | 'middle' | 'deep'>('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const intent = useCreateIntent();
  const avoid = gate?.avoidRegions ?? [];
  const choices = useMemo(() => {
    if (!region) return [];
    const here = palpated.filter((p) => placedRegion(p) === region).map((p) => p.muscle);
    const list = musclesForRegion(region, []).map((c) => c.muscle.id);
    return [...new Set([...here, ...palpated.map((p) => p.muscle).filter((m) => list.includes(m)), ...list])].slice(
      0,
      12,
    );
  }, [region, palpated]);
  const pick = (r: string) => {
    setRegion(r);
    const here = palpated.find((p) => placedRegion(p) === r);
    setMuscle(here?.muscle ?? '');
    setOutcome(null);
  };
  // The trigger points found at assessment (A active, L latent), then each step treated so far.
  const found: ChartMarker[] = palpated.flatMap((p) => {
    const at = placedRegion(p);
    return at ? [{ region: at, glyph: p.kind === 'active' ? 'A' : 'L', kind: p.kind }] : [];
  });
  const markers: ChartMarker[] = [
    ...found,
    ...note.steps.map((s) => ({ region: s.region, glyph: String(s.seq), kind: 'treated' as const })),
  ];
  const states: Record<string, string> = {};
  for (const p of palpated) {
    const at = placedRegion(p);
    if (at)
      states[at] = [
        states[at],
        `${p.kind} trigger point, ${muscleById(p.muscle)?.name ?? p.muscle}, found at assessment`,
      ]
        .filter(Boolean)
        .join('; ');
  }
  const blocked = gate !== null && !gate.treatmentAllowed;

  const post = async (hold: HoldResult) => {
    if (!region || !muscle) return;
    // The stop alert shows the moment a 9 or 10 is given, before the server has answered.
    if (hold.painRating >= PAIN_STOP_AT) setOutcome({ kind: 'stopping', pain: hold.painRating });
    const step = {
      muscle,
      side: sideOfRegion(region),
      region,
      technique,
      holdSeconds: hold.holdSeconds,
      painRating: hold.painRating,
      releaseAchieved: hold.releaseAchieved,
      ...(layer ? { layer } : {}),
    };
    try {
      const result = await charting.recordStep(note.id, step, intent.keyFor(step));
      // The next hold is a new step, even when it reads the same.
      intent.done();
      setOutcome({ kind: 'recorded', result });
      onStep(result);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 422 || err.status === 409) && REFUSAL_TITLE[err.code])
        setOutcome({ kind: 'refused', code: err.code, message: err.message });
      else
        setOutcome({
          kind: 'refused',
          code: 'error',
          message: err instanceof Error ? err.message : 'The step could not be recorded.',
        });
    }
  };

  return (
    <section className="card ch-treat" aria-labelledby="treat-title">
      <h2 id="treat-title">Treatment</h2>
      <div className="ch-treat-grid">
        <div className="ch-treat-chart">
          <BodyChart
            label="Body chart: where the pressure goes"
            avoid={avoid}
            selected={region}
            markers={markers}
            states={states}
            onSelect={pick}
          />
          <p className="ch-legend-row">
            <span>
              <span className="ch-marker-key ch-marker-active" aria-hidden="true">
                A
              </span>{' '}
              active trigger point (assessment)
            </span>
            <span>
              <span className="ch-marker-key ch-marker-latent" aria-hidden="true">
                L
              </span>{' '}
              latent
            </span>
            <span>
              <span className="ch-marker-key ch-marker-treated" aria-hidden="true">
                1
              </span>{' '}
              treated (step number)
            </span>
          </p>
          <RegionSelect id="treat-region" label="Or choose the place from a list" value={region} onSelect={pick} />
        </div>
        <div className="ch-treat-controls">
          {region ? (
            <>
              <p className="ch-selected-name">
                <strong>{regionName(region)}</strong>
              </p>
              {avoid.includes(region) ? (
                <p className="alert alert-error ch-avoid-warning">
                  <strong>Screening says do not treat here.</strong> A step on this place will be refused.
                </p>
              ) : null}
              <div className="field">
                <label className="label" htmlFor="treat-muscle">
                  Muscle
                </label>
                <select id="treat-muscle" className="input" value={muscle} onChange={(e) => setMuscle(e.target.value)}>
                  <option value="">Choose the muscle…</option>
                  {choices.map((id) => (
                    <option key={id} value={id}>
                      {muscleById(id)?.name ?? id}
                      {palpated.some((p) => p.muscle === id) ? ' (palpated)' : ''}
                    </option>
                  ))}
                </select>
              </div>
              <div className="ch-inline">
                <div className="field">
                  <label className="label" htmlFor="treat-technique">
                    Technique
                  </label>
                  <select
                    id="treat-technique"
                    className="input"
                    value={technique}
                    onChange={(e) => setTechnique(e.target.value as keyof typeof TECHNIQUES)}
                  >
                    {Object.entries(TECHNIQUES).map(([id, t]) => (
                      <option key={id} value={id}>
                        {t.label}
                        {gate?.noDeepPressure && t.deepPressure ? ' (not allowed: no deep pressure)' : ''}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label className="label" htmlFor="treat-layer">
                    Layer
                  </label>
                  <select
                    id="treat-layer"
                    className="input"
                    value={layer}
                    onChange={(e) => setLayer(e.target.value as typeof layer)}
                  >
                    <option value="">Not recorded</option>
                    <option value="superficial">Superficial</option>
                    <option value="middle">Middle</option>
                    <option value="deep">Deep</option>
                  </select>
                </div>
              </div>
            </>
          ) : (
            <p className="hint">Tap the chart where the pressure goes.</p>
          )}
          {blocked ? (
            <p className="alert alert-error ch-blocked-note">
              <strong>Treatment blocked by screening.</strong> {gate?.blockedReason ?? ''} Steps will be refused until a
              clearance is recorded.
            </p>
          ) : null}
          <HoldTimer
            onHold={post}
            disabled={locked || !region || !muscle}
            band={TECHNIQUES[technique].holdSeconds ?? null}
            timedPart={TECHNIQUES[technique].timedPart}
            painHint={painGuidance(technique, gate?.painRatingsUnreliable ?? null)}
            disabledReason={
              locked
                ? 'The note is signed.'
                : blocked
                  ? 'Screening blocks treatment; a hold will be refused.'
                  : !region
                    ? 'Tap the place first.'
                    : !muscle
                      ? 'Choose the muscle first.'
                      : undefined
            }
          />
          <Outcome outcome={outcome} />
        </div>
      </div>
      <StepList note={note} />
    </section>
  );
}

function Outcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return <div role="status" className="ch-outcome" />;
  if (outcome.kind === 'stopping')
    return <StopAlert message={`Pain ${outcome.pain} of 10: release the pressure now.`} />;
  if (outcome.kind === 'refused') {
    return (
      <div role="alert" className="alert alert-error ch-outcome ch-refused" data-code={outcome.code}>
        <h3 className="alert-title">{REFUSAL_TITLE[outcome.code] ?? 'Not recorded'}</h3>
        <p>{outcome.message}</p>
      </div>
    );
  }
  const { result } = outcome;
  if (result.stop)
    return <StopAlert message={result.alert ?? `Pain ${PAIN_STOP_AT} or more: release the pressure now.`} />;
  const warnings = result.flags.filter((f) => f.level !== 'info');
  return (
    <div role="status" className={`ch-outcome alert ${warnings.length ? 'alert-warning' : 'alert-success'}`}>
      <p>
        <strong>Step {result.step.seq} recorded</strong>: {result.step.holdSeconds ?? '—'} s at pain{' '}
        {result.step.painRating ?? '—'}/10.
      </p>
      {result.flags.length ? (
        <ul>
          {result.flags.map((f) => (
            <li key={f.code}>
              <strong>{f.level === 'warning' ? 'Warning' : 'Note'}:</strong> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function StopAlert({ message }: { message: string }) {
  return (
    <div role="alert" className="ch-outcome ch-stop">
      <p className="ch-stop-word">STOP</p>
      <p>{message}</p>
    </div>
  );
}

function StepList({ note }: { note: SessionNote }) {
  if (note.steps.length === 0) return <p className="muted">No treatment steps yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact ch-steps">
        <caption>Treatment steps</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Muscle</th>
            <th scope="col">Place</th>
            <th scope="col">Technique</th>
            <th scope="col">Hold</th>
            <th scope="col">Pain</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {note.steps.map((s) => (
            <tr key={s.id} className={s.stop ? 'ch-step-stop' : undefined}>
              <td>{s.seq}</td>
              <td>{muscleById(s.muscle)?.name ?? s.muscle}</td>
              <td>{regionName(s.region)}</td>
              <td>{TECHNIQUES[s.technique as keyof typeof TECHNIQUES]?.label ?? s.technique}</td>
              <td className="num">{s.holdSeconds ?? '—'} s</td>
              <td className="num">{s.painRating ?? '—'}</td>
              <td>
                {s.stop ? <span className="badge badge-danger">STOP</span> : null}
                {/* Every warning in words; the stop's own message is the STOP badge's reason. */}
                <ul className="ch-step-flags">
                  {s.flags
                    .filter((f) => f.level !== 'info')
                    .map((f) => (
                      <li key={f.code}>{f.message}</li>
                    ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
