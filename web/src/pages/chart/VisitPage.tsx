import { useMemo, useState } from 'react';
import { suggestMuscles } from '../../../../src/clinical/referral/index.ts';
import { muscleById } from '../../../../src/clinical/atlas/index.ts';
import * as charting from '../../api/charting.ts';
import type { Assessment, Diagnosis, Findings, PainEntry } from '../../api/charting.ts';
import { ApiError } from '../../api/http.ts';
import { BodyChart, regionName, type ChartMarker } from '../../components/bodychart/BodyChart.tsx';
import { NumberScale, painColour } from '../../components/bodychart/NumberScale.tsx';
import { ErrorSummary, summaryItems } from '../../components/Form.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDate } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import { ChartShell, type ChartContext } from './ChartShell.tsx';
import { FiveElements, PostureChecklist, RomTable, StrengthTable } from './assessment/FindingsForms.tsx';
import { PalpationPanel } from './assessment/PalpationPanel.tsx';
import { placedRegion } from './assessment/palpation.ts';
import { SuggestionsPanel } from './assessment/SuggestionsPanel.tsx';
import { DiagnosisPicker } from './assessment/DiagnosisPicker.tsx';
import { useCreateIntent } from '../../api/intent.ts';

const EMPTY: Findings = {
  painMap: [],
  posture: { findings: [] },
  rom: [],
  strength: [],
  triggerPoints: [],
  fiveElements: {},
};

async function loadStart(
  patientId: string,
  signal: AbortSignal,
): Promise<{ assessment: Assessment | null; intakePain: PainEntry[] }> {
  const assessments = await charting.listAssessments(patientId, signal);
  const latest = [...assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1))[0] ?? null;
  let intakePain: PainEntry[] = [];
  if (!latest)
    intakePain = (await charting.getIntake(patientId, signal).catch(() => null))?.latest?.document.painMap ?? [];
  return { assessment: latest, intakePain };
}

/** The therapist's visit screen: the body chart in the centre, the gate above, findings around it. */
export function VisitPage({ patientId }: { patientId: string }) {
  return (
    <ChartShell patientId={patientId} title="Assessment">
      {(ctx) => <AssessmentLoader ctx={ctx} />}
    </ChartShell>
  );
}

function AssessmentLoader({ ctx }: { ctx: ChartContext }) {
  const [start] = useResource((signal) => loadStart(ctx.patient.id, signal), [ctx.patient.id]);
  if (start.status === 'loading') return <Loading />;
  if (start.status === 'error') return <ErrorView error={start.error} missingIsUnavailable="Assessment" />;
  const { assessment, intakePain } = start.data;
  return <AssessmentEditor ctx={ctx} initial={assessment} intakePain={intakePain} />;
}

function AssessmentEditor({
  ctx,
  initial,
  intakePain,
}: {
  ctx: ChartContext;
  initial: Assessment | null;
  intakePain: PainEntry[];
}) {
  const [saved, setSaved] = useState<Assessment | null>(initial);
  const [findings, setFindings] = useState<Findings>(
    initial ? { ...EMPTY, ...initial.findings } : { ...EMPTY, painMap: intakePain },
  );
  const [diagnoses, setDiagnoses] = useState<Diagnosis[]>(initial?.diagnoses ?? []);
  const [mode, setMode] = useState<'pain' | 'points'>('pain');
  const [selected, setSelected] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const change = (patch: Partial<Findings>) => {
    setFindings((f) => ({ ...f, ...patch }));
    setMessage('');
  };
  const suggestions = useMemo(
    () =>
      suggestMuscles(
        findings.painMap.filter((e) => e.intensity > 0),
        { limit: 10 },
      ),
    [findings.painMap],
  );
  const avoid = ctx.gate?.avoidRegions ?? [];
  const fills = Object.fromEntries(findings.painMap.map((e) => [e.region, painColour(e.intensity)]));
  const states: Record<string, string> = Object.fromEntries(
    findings.painMap.map((e) => [e.region, `pain ${e.intensity} of 10`]),
  );
  const markers: ChartMarker[] = findings.triggerPoints.flatMap((p) => {
    const region = placedRegion(p);
    return region ? [{ region, glyph: p.kind === 'active' ? 'A' : 'L', kind: p.kind }] : [];
  });
  for (const m of markers) states[m.region] = [states[m.region], 'trigger point placed'].filter(Boolean).join(', ');
  const intensity = findings.painMap.find((e) => e.region === selected)?.intensity ?? null;
  const setIntensity = (n: number) => {
    if (!selected) return;
    const rest = findings.painMap.filter((e) => e.region !== selected);
    change({ painMap: n === 0 ? rest : [...rest, { region: selected, intensity: n }] });
  };

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      const clean: Findings = { ...findings, strength: findings.strength.filter((s) => s.movement.trim()) };
      const codes = diagnoses.map((d) => d.code);
      const next = saved
        ? await charting.updateAssessment(saved.id, { version: saved.version, findings: clean, diagnoses: codes })
        : await charting.createAssessment(
            ctx.patient.id,
            { findings: clean, diagnoses: codes },
            intent.keyFor({ ...clean, codes }),
          );
      setSaved(next);
      setDiagnoses(next.diagnoses);
      setMessage(`Assessment saved (version ${next.version}).`);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setErrors({ form: err instanceof Error ? err.message : 'Could not save.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ch-visit">
      <ErrorSummary items={summaryItems(errors)} title="The assessment could not be saved" />
      <div className="ch-visit-main">
        <div className="ch-visit-chart">
          <div className="ch-mode" role="group" aria-label="What a tap on the chart does">
            <button
              type="button"
              className={`ch-toggle${mode === 'pain' ? ' is-on' : ''}`}
              aria-pressed={mode === 'pain'}
              onClick={() => {
                setMode('pain');
                setSelected(null);
              }}
            >
              Mark pain
            </button>
            <button
              type="button"
              className={`ch-toggle${mode === 'points' ? ' is-on' : ''}`}
              aria-pressed={mode === 'points'}
              onClick={() => {
                setMode('points');
                setSelected(null);
              }}
            >
              Place trigger point
            </button>
          </div>
          <BodyChart
            label={mode === 'pain' ? 'Body chart: mark pain' : 'Body chart: place a trigger point'}
            fills={fills}
            states={states}
            avoid={avoid}
            selected={selected}
            markers={markers}
            onSelect={setSelected}
          />
          <p className="ch-legend-row">
            <span>
              <span className="ch-marker-key ch-marker-active" aria-hidden="true">
                A
              </span>{' '}
              active
            </span>
            <span>
              <span className="ch-marker-key ch-marker-latent" aria-hidden="true">
                L
              </span>{' '}
              latent
            </span>
            {avoid.length ? (
              <span>
                <span className="ch-legend-hatch" aria-hidden="true" /> do not treat (screening)
              </span>
            ) : null}
          </p>
        </div>
        <div className="ch-visit-side">
          {selected && mode === 'points' ? (
            <PalpationPanel
              key={selected}
              region={selected}
              suggestions={suggestions}
              onCancel={() => setSelected(null)}
              onAdd={(point) => {
                change({ triggerPoints: [...findings.triggerPoints, point] });
                setSelected(null);
              }}
            />
          ) : selected ? (
            <div className="ch-intensity">
              <p className="ch-selected-name">
                <strong>{regionName(selected)}</strong>
                {avoid.includes(selected) ? <span className="badge badge-danger">Do not treat</span> : null}
              </p>
              <NumberScale
                legend={`Pain intensity, ${regionName(selected)}`}
                hint="0 removes the region from the map."
                min={0}
                max={10}
                value={intensity}
                onValue={setIntensity}
                tone="pain"
                name="assess-intensity"
              />
            </div>
          ) : (
            <p className="hint ch-tap-hint">
              {mode === 'pain' ? 'Tap a region to set its pain.' : 'Tap the chart where you found the trigger point.'}
            </p>
          )}
          <SuggestionsPanel suggestions={suggestions} points={findings.triggerPoints} />
          <section className="card" aria-labelledby="points-title">
            <h2 id="points-title">Palpated trigger points</h2>
            {findings.triggerPoints.length === 0 ? (
              <p className="muted">None placed yet.</p>
            ) : (
              <ul className="ch-point-list">
                {findings.triggerPoints.map((p, i) => (
                  <li key={i}>
                    <strong>{muscleById(p.muscle)?.name ?? p.muscle}</strong> ({p.side}) · {p.kind} · tenderness{' '}
                    {p.tenderness}/10
                    {[
                      p.tautBand && 'taut band',
                      p.localTwitch && 'twitch',
                      p.jumpSign && 'jump sign',
                      p.referralReproduced && 'referral reproduced',
                    ]
                      .filter(Boolean)
                      .map((s) => (
                        <span key={String(s)} className="badge badge-neutral">
                          {s}
                        </span>
                      ))}
                    <button
                      type="button"
                      className="button button-secondary ch-small-button"
                      onClick={() => change({ triggerPoints: findings.triggerPoints.filter((_, j) => j !== i) })}
                    >
                      Remove<span className="visually-hidden"> {p.muscle}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
      <div className="ch-findings">
        <DiagnosisPicker
          chosen={diagnoses}
          onChange={(next) => {
            setDiagnoses(next);
            setMessage('');
          }}
          errors={errors}
        />
        <PostureChecklist findings={findings} change={change} />
        <RomTable findings={findings} change={change} />
        <StrengthTable findings={findings} change={change} />
        <FiveElements findings={findings} change={change} />
      </div>
      <div className="ch-savebar">
        <button type="button" className="button button-large" onClick={() => void save()} disabled={busy}>
          {busy ? 'Saving…' : 'Save assessment'}
        </button>
        <p role="status" className="ch-saved">
          {message || (saved ? `Last saved ${formatDate(saved.assessedOn)}` : 'Not saved yet')}
        </p>
      </div>
    </div>
  );
}
