import type { SessionComparison } from '../../../api/reassessment.ts';

/** "Cervical rotation (left)". */
export function motionName(m: { joint: string; motion: string; side?: 'left' | 'right' | null }): string {
  const joint = m.joint.charAt(0).toUpperCase() + m.joint.slice(1);
  return `${joint} ${m.motion}${m.side ? ` (${m.side})` : ''}`;
}

type Better = 'lower' | 'higher';

/** The change in words and an arrow, coloured too: never colour alone. */
function Change({ value, unit, better }: { value: number | null; unit: string; better: Better }) {
  if (value === null) return <span className="muted">—</span>;
  const verdict = value === 0 ? 'no change' : value < 0 === (better === 'lower') ? 'better' : 'worse';
  const tone = verdict === 'better' ? 'badge-success' : verdict === 'worse' ? 'badge-danger' : 'badge-neutral';
  const arrow = value > 0 ? '▲' : value < 0 ? '▼' : '●';
  return (
    <span className={`badge ${tone} ch-change`}>
      <span aria-hidden="true">{arrow} </span>
      {value > 0 ? '+' : value < 0 ? '−' : ''}
      {Math.abs(value)}
      {unit} · {verdict}
    </span>
  );
}

const degrees = (value: number | null, painful: boolean | null) =>
  value === null ? '—' : `${value}°${painful ? ' · pain on motion' : ''}`;

const INTAKE_SOURCE = {
  nprs: 'the first NPRS',
  'first-note': 'the first session note',
  assessment: 'the first assessment',
} as const;

/** Pain and each motion: intake, before this session, after it, and the change (this session and since intake). */
export function ComparisonTable({ comparison }: { comparison: SessionComparison }) {
  const { pain, rom } = comparison;
  return (
    <div className="ch-comparison">
      <h3 id="comparison-title">Compared with before and with intake</h3>
      {/* Focusable so a keyboard can scroll it sideways on a narrow screen. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="comparison-title">
        <table className="table ch-comparison-table" aria-labelledby="comparison-title">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Intake
              </th>
              <th scope="col" className="num">
                Before this session
              </th>
              <th scope="col" className="num">
                After
              </th>
              <th scope="col">Change this session</th>
              <th scope="col">Change since intake</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Pain (NPRS 0–10, lower is better)</th>
              <td className="num">{pain.intake ?? '—'}</td>
              <td className="num">{pain.before ?? '—'}</td>
              <td className="num">{pain.after ?? '—'}</td>
              <td>
                <Change value={pain.changeInSession} unit=" pts" better="lower" />
              </td>
              <td>
                <Change value={pain.changeSinceIntake} unit=" pts" better="lower" />
              </td>
            </tr>
            {rom.map((r) => (
              <tr key={`${r.joint}|${r.motion}|${r.side ?? ''}`}>
                <th scope="row">{motionName(r)}, degrees</th>
                <td className="num">{degrees(r.intake, r.painOnMotion.intake)}</td>
                <td className="num">{degrees(r.before, r.painOnMotion.before)}</td>
                <td className="num">{degrees(r.after, r.painOnMotion.after)}</td>
                <td>
                  <Change value={r.changeInSession} unit="°" better="higher" />
                </td>
                <td>
                  <Change value={r.changeSinceIntake} unit="°" better="higher" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Intake pain from {pain.intakeSource ? INTAKE_SOURCE[pain.intakeSource] : 'nothing recorded yet'}; intake motion
        from {comparison.romIntakeSource ? INTAKE_SOURCE[comparison.romIntakeSource] : 'nothing recorded yet'}.
        {pain.classificationSinceIntake?.class === 'beyond-mcid'
          ? ' The pain change since intake is beyond the minimal clinically important difference.'
          : ''}
      </p>
    </div>
  );
}
