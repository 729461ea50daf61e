import { FIVE_ELEMENTS, POSTURE_FINDINGS, ROM_NORMS } from '../../../../../src/clinical/assessment/index.ts';
import type { Findings, FiveElement, RomRow, StrengthRow } from '../../../api/charting.ts';
import { Checkbox } from '../../../components/Form.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../../src/words/limits.ts';

const words = (slug: string) => slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const ELEMENT_LABEL: Record<FiveElement, string> = {
  ischemia: 'Ischemia',
  triggerPoints: 'Trigger points',
  nerveCompression: 'Nerve compression / entrapment',
  posturalDistortion: 'Postural distortion',
  biomechanicalDysfunction: 'Biomechanical dysfunction',
};

export function percentOfNormal(row: RomRow): number | null {
  const normal = ROM_NORMS[row.joint]?.[row.motion] ?? row.normal;
  return normal ? Math.round((row.degrees / normal) * 100) : null;
}

type Change = (patch: Partial<Findings>) => void;

export function PostureChecklist({ findings, change }: { findings: Findings; change: Change }) {
  const on = new Set(findings.posture.findings);
  const toggle = (f: string, v: boolean) =>
    change({ posture: { ...findings.posture, findings: POSTURE_FINDINGS.filter((p) => (p === f ? v : on.has(p))) } });
  return (
    <fieldset className="fieldset">
      <legend>Posture</legend>
      <div className="ch-check-grid">
        {POSTURE_FINDINGS.map((f) => (
          <Checkbox
            key={f}
            name={`posture-${f}`}
            label={words(f)}
            checked={on.has(f)}
            onChecked={(v) => toggle(f, v)}
          />
        ))}
      </div>
      <label className="label" htmlFor="posture-notes">
        Posture notes
      </label>
      <textarea
        id="posture-notes"
        maxLength={LIMIT.shortNote}
        className="input ch-textarea"
        rows={2}
        value={findings.posture.notes ?? ''}
        onChange={(e) => change({ posture: { ...findings.posture, notes: e.target.value || undefined } })}
      />
    </fieldset>
  );
}

const MOTIONS = Object.entries(ROM_NORMS).flatMap(([joint, motions]) =>
  Object.entries(motions).map(([motion, normal]) => ({ joint, motion, normal })),
);

export function RomTable({ findings, change }: { findings: Findings; change: Change }) {
  const set = (i: number, patch: Partial<RomRow>) =>
    change({ rom: findings.rom.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="fieldset">
      <legend>Range of motion</legend>
      <p className="hint">
        Normal values: AAOS-style adult norms (Knotwork clinical reference); % of normal is worked out as you type.
      </p>
      {findings.rom.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact ch-rom">
            <thead>
              <tr>
                <th scope="col">Motion</th>
                <th scope="col">Side</th>
                <th scope="col">Degrees</th>
                <th scope="col">Normal</th>
                <th scope="col">% of normal</th>
                <th scope="col">Pain on motion</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {findings.rom.map((row, i) => {
                const pct = percentOfNormal(row);
                return (
                  <tr key={i}>
                    <th scope="row">
                      {words(row.joint)} {row.motion.replace(/-/g, ' ')}
                    </th>
                    <td>
                      <select
                        aria-label={`Side, row ${i + 1}`}
                        className="input"
                        value={row.side ?? ''}
                        onChange={(e) => set(i, { side: (e.target.value || undefined) as RomRow['side'] })}
                      >
                        <option value="">—</option>
                        <option value="left">Left</option>
                        <option value="right">Right</option>
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`Degrees, ${row.joint} ${row.motion}`}
                        maxLength={3}
                        className="input input-short"
                        inputMode="numeric"
                        value={String(row.degrees)}
                        onChange={(e) => set(i, { degrees: Number(e.target.value) || 0 })}
                      />
                    </td>
                    <td className="num">{ROM_NORMS[row.joint]?.[row.motion] ?? '—'}°</td>
                    <td className="num">
                      <strong>{pct === null ? '—' : `${pct}%`}</strong>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        className="ch-cell-check"
                        aria-label={`Pain on motion, ${row.joint} ${row.motion}`}
                        checked={row.painOnMotion}
                        onChange={(e) => set(i, { painOnMotion: e.target.checked })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary ch-small-button"
                        onClick={() => change({ rom: findings.rom.filter((_, j) => j !== i) })}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <label className="label" htmlFor="rom-add">
        Add a motion
      </label>
      <select
        id="rom-add"
        className="input input-medium"
        value=""
        onChange={(e) => {
          const m = MOTIONS[Number(e.target.value)];
          if (m)
            change({
              rom: [...findings.rom, { joint: m.joint, motion: m.motion, degrees: m.normal, painOnMotion: false }],
            });
        }}
      >
        <option value="">Choose a joint and motion…</option>
        {MOTIONS.map((m, i) => (
          <option key={i} value={i}>
            {words(m.joint)} {m.motion.replace(/-/g, ' ')} (normal {m.normal}°)
          </option>
        ))}
      </select>
    </fieldset>
  );
}

export function StrengthTable({ findings, change }: { findings: Findings; change: Change }) {
  const set = (i: number, patch: Partial<StrengthRow>) =>
    change({ strength: findings.strength.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="fieldset">
      <legend>Strength (Oxford / MRC 0–5)</legend>
      {findings.strength.map((row, i) => (
        <div className="ch-strength-row" key={i}>
          <input
            aria-label={`Movement ${i + 1}`}
            maxLength={LIMIT.strengthMovement}
            className="input input-medium"
            value={row.movement}
            placeholder="e.g. Shoulder abduction"
            onChange={(e) => set(i, { movement: e.target.value })}
          />
          <div className="ch-scale-inline" role="group" aria-label={`Grade for ${row.movement || `movement ${i + 1}`}`}>
            {[0, 1, 2, 3, 4, 5].map((g) => (
              <button
                key={g}
                type="button"
                className={`ch-scale-button${row.grade === g ? ' is-on' : ''}`}
                aria-pressed={row.grade === g}
                onClick={() => set(i, { grade: g })}
              >
                {g}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="button button-secondary ch-small-button"
            onClick={() => change({ strength: findings.strength.filter((_, j) => j !== i) })}
          >
            Remove<span className="visually-hidden"> movement {i + 1}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => change({ strength: [...findings.strength, { movement: '', grade: 5 }] })}
      >
        Add a strength test
      </button>
    </fieldset>
  );
}

export function FiveElements({ findings, change }: { findings: Findings; change: Change }) {
  const set = (el: FiveElement, patch: { present?: boolean; note?: string }) => {
    const current = findings.fiveElements[el] ?? { present: false };
    const next = { ...current, ...patch };
    if (!next.note) delete next.note;
    change({ fiveElements: { ...findings.fiveElements, [el]: next } });
  };
  return (
    <fieldset className="fieldset">
      <legend>The five elements</legend>
      {FIVE_ELEMENTS.map((el) => (
        <div key={el} className="ch-element">
          <Checkbox
            name={`element-${el}`}
            label={ELEMENT_LABEL[el]}
            checked={findings.fiveElements[el]?.present ?? false}
            onChecked={(present) => set(el, { present })}
          />
          <input
            aria-label={`${ELEMENT_LABEL[el]} note`}
            maxLength={LIMIT.elementNote}
            className="input"
            value={findings.fiveElements[el]?.note ?? ''}
            placeholder="Note"
            onChange={(e) => set(el, { note: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}
