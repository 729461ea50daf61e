import { useState } from 'react';
import type { Suggestion } from '../../../../../src/clinical/referral/index.ts';
import type { PalpatedPoint } from '../../../api/charting.ts';
import { regionName } from '../../../components/bodychart/BodyChart.tsx';
import { NumberScale } from '../../../components/bodychart/NumberScale.tsx';
import { musclesForRegion, placedNote, sideOfRegion } from './palpation.ts';

const SHOWN = 8;

/** After one tap on the chart: pick the muscle (ranked for this place), then the findings. */
export function PalpationPanel({
  region,
  suggestions,
  onAdd,
  onCancel,
}: {
  region: string;
  suggestions: readonly Suggestion[];
  onAdd: (point: PalpatedPoint) => void;
  onCancel: () => void;
}) {
  const [all, setAll] = useState(false);
  const [muscleId, setMuscleId] = useState<string | null>(null);
  const [triggerPoint, setTriggerPoint] = useState('');
  const [kind, setKind] = useState<'active' | 'latent'>('active');
  const [signs, setSigns] = useState({
    tautBand: true,
    localTwitch: false,
    jumpSign: false,
    referralReproduced: false,
  });
  const [tenderness, setTenderness] = useState<number | null>(null);
  const choices = musclesForRegion(region, suggestions, all);
  const shown = all ? choices : choices.slice(0, SHOWN);
  const muscle = choices.find((c) => c.muscle.id === muscleId)?.muscle;
  const add = () => {
    if (!muscle || tenderness === null) return;
    onAdd({
      muscle: muscle.id,
      ...(triggerPoint ? { triggerPoint } : {}),
      side: sideOfRegion(region),
      kind,
      ...signs,
      referralRegions: [],
      tenderness,
      note: placedNote(region),
    });
  };
  return (
    <section className="ch-palpation" aria-labelledby="palpation-title">
      <h3 id="palpation-title">Trigger point at {regionName(region)}</h3>
      <fieldset className="fieldset">
        <legend className="label">Muscle</legend>
        <p className="hint">
          Ranked for this place: muscles whose trigger points refer pain here first, then the suggestions for the whole
          pain map.
        </p>
        <div className="ch-muscle-list">
          {shown.map((c) => (
            <label key={c.muscle.id} className={`ch-muscle${muscleId === c.muscle.id ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="palpation-muscle"
                value={c.muscle.id}
                checked={muscleId === c.muscle.id}
                onChange={() => {
                  setMuscleId(c.muscle.id);
                  setTriggerPoint('');
                }}
              />
              <span className="ch-muscle-name">{c.muscle.name}</span>
              {c.refersHere ? (
                <span className="badge badge-neutral">
                  {c.refersHere === 'primary' ? 'Refers here' : 'Sometimes refers here'}
                </span>
              ) : null}
              {c.score !== null ? (
                <span className="badge badge-success">Suggested {Math.round(c.score * 100)}%</span>
              ) : null}
            </label>
          ))}
        </div>
        {choices.length > SHOWN || !all ? (
          <button type="button" className="button button-secondary ch-small-button" onClick={() => setAll((v) => !v)}>
            {all ? 'Show fewer muscles' : 'Show all muscles'}
          </button>
        ) : null}
      </fieldset>
      {muscle ? (
        <>
          <div className="field">
            <label className="label" htmlFor="palpation-tp">
              Trigger point (optional)
            </label>
            <select
              id="palpation-tp"
              className="input input-medium"
              value={triggerPoint}
              onChange={(e) => setTriggerPoint(e.target.value)}
            >
              <option value="">Not specified</option>
              {muscle.triggerPoints.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {tp.label}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="fieldset ch-toggle-row">
            <legend className="label">Kind</legend>
            {(['active', 'latent'] as const).map((k) => (
              <button
                key={k}
                type="button"
                className={`ch-toggle${kind === k ? ' is-on' : ''}`}
                aria-pressed={kind === k}
                onClick={() => setKind(k)}
              >
                {k === 'active' ? 'Active (reproduces their pain)' : 'Latent (tender only)'}
              </button>
            ))}
          </fieldset>
          <fieldset className="fieldset ch-toggle-row">
            <legend className="label">Signs</legend>
            {(
              [
                ['tautBand', 'Taut band'],
                ['localTwitch', 'Local twitch'],
                ['jumpSign', 'Jump sign'],
                ['referralReproduced', 'Referral reproduced'],
              ] as const
            ).map(([key, label]) => (
              <button
                key={key}
                type="button"
                className={`ch-toggle${signs[key] ? ' is-on' : ''}`}
                aria-pressed={signs[key]}
                onClick={() => setSigns((s) => ({ ...s, [key]: !s[key] }))}
              >
                {label}
              </button>
            ))}
          </fieldset>
          <NumberScale
            legend="Tenderness (0–10)"
            min={0}
            max={10}
            value={tenderness}
            onValue={setTenderness}
            tone="pain"
            name="tenderness"
          />
        </>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-large" onClick={add} disabled={!muscle || tenderness === null}>
          Add trigger point
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
