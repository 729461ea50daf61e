import { useState } from 'react';
import { computeUnits, isUnitsError } from '../../../../../src/clinical/billing/units.ts';
import { TIMED_CODES } from '../../../../../src/clinical/billing/codes.ts';
import type { CptMinutes, NoteUpdate, SessionNote } from '../../../api/charting.ts';
import { NumberScale } from '../../../components/bodychart/NumberScale.tsx';
import { TEXT_LIMITS as LIMIT } from '../../../../../src/words/limits.ts';

const opt = (text: string) => (text.trim() ? text.trim() : undefined);

/** Subjective, objective and the CPT minutes (units computed as you type, by the CMS 8-minute rule). */
export function SoapForm({
  note,
  locked,
  onSave,
}: {
  note: SessionNote;
  locked: boolean;
  onSave: (changes: Omit<NoteUpdate, 'version'>) => Promise<void>;
}) {
  const [painToday, setPainToday] = useState<number | null>(note.subjective.painToday ?? null);
  const [since, setSince] = useState(note.subjective.sinceLastVisit ?? '');
  const [relief, setRelief] = useState(
    note.subjective.reliefDays === undefined ? '' : String(note.subjective.reliefDays),
  );
  const [objective, setObjective] = useState(note.objective.notes ?? '');
  const [assessment, setAssessment] = useState(note.assessment ?? '');
  const [cpt, setCpt] = useState<CptMinutes[]>(
    note.cptMinutes.length ? note.cptMinutes : [{ code: '97140', minutes: 0 }],
  );
  const [busy, setBusy] = useState(false);
  const lines = cpt.filter((l) => l.minutes > 0);
  const units = lines.length ? computeUnits(lines, 'cms') : null;
  const save = async () => {
    setBusy(true);
    try {
      const reliefDays = Number(relief);
      await onSave({
        subjective: {
          ...(painToday !== null ? { painToday } : {}),
          ...(opt(since) ? { sinceLastVisit: opt(since) } : {}),
          ...(relief !== '' && Number.isInteger(reliefDays) ? { reliefDays } : {}),
        },
        objective: { ...note.objective, notes: opt(objective) },
        assessment: opt(assessment) ?? null,
        cptMinutes: lines,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card ch-soap" aria-labelledby="soap-title">
      <h2 id="soap-title">Notes (SOAP)</h2>
      <fieldset disabled={locked} className="ch-locked-fieldset">
        <legend className="visually-hidden">Session notes</legend>
        <NumberScale
          legend="Subjective: pain today (0–10)"
          min={0}
          max={10}
          value={painToday}
          onValue={setPainToday}
          tone="pain"
          name="pain-today"
        />
        <div className="ch-inline">
          <div className="field ch-grow">
            <label className="label" htmlFor="since-last">
              Since the last visit
            </label>
            <input
              id="since-last"
              maxLength={LIMIT.shortNote}
              className="input"
              value={since}
              onChange={(e) => setSince(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="label" htmlFor="relief-days">
              Relief lasted (days)
            </label>
            <input
              id="relief-days"
              maxLength={3}
              className="input input-short"
              inputMode="numeric"
              value={relief}
              onChange={(e) => setRelief(e.target.value)}
            />
          </div>
        </div>
        <div className="field">
          <label className="label" htmlFor="objective-notes">
            Objective
          </label>
          <textarea
            id="objective-notes"
            maxLength={LIMIT.note}
            className="input ch-textarea"
            rows={2}
            value={objective}
            onChange={(e) => setObjective(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="label" htmlFor="assessment-notes">
            Assessment
          </label>
          <textarea
            id="assessment-notes"
            maxLength={LIMIT.soapSection}
            className="input ch-textarea"
            rows={2}
            value={assessment}
            onChange={(e) => setAssessment(e.target.value)}
          />
        </div>
        <h3>Minutes per CPT code</h3>
        {cpt.map((line, i) => (
          <div className="ch-inline ch-cpt-row" key={i}>
            <div className="field">
              <label className="label" htmlFor={`cpt-code-${i}`}>
                Code
              </label>
              <select
                id={`cpt-code-${i}`}
                className="input"
                value={line.code}
                onChange={(e) => setCpt(cpt.map((l, j) => (j === i ? { ...l, code: e.target.value } : l)))}
              >
                {Object.entries(TIMED_CODES).map(([code, c]) => (
                  <option key={code} value={code}>
                    {code} {c.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="label" htmlFor={`cpt-min-${i}`}>
                Minutes
              </label>
              <input
                id={`cpt-min-${i}`}
                maxLength={3}
                className="input input-short"
                inputMode="numeric"
                value={String(line.minutes)}
                onChange={(e) =>
                  setCpt(
                    cpt.map((l, j) =>
                      j === i ? { ...l, minutes: Math.max(0, Math.min(1440, Number(e.target.value) || 0)) } : l,
                    ),
                  )
                }
              />
            </div>
            <p className="ch-units">
              {units && !isUnitsError(units)
                ? `${units.lines.find((u) => u.code === line.code)?.units ?? 0} units`
                : ''}
            </p>
          </div>
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setCpt([...cpt, { code: '97124', minutes: 0 }])}
          >
            Add a code
          </button>
        </div>
        <p className="ch-units-total" role="status">
          {units && !isUnitsError(units)
            ? `Total ${units.totalMinutes} min → ${units.totalUnits} units (8-minute rule)`
            : units
              ? units.error.message
              : 'No timed minutes yet.'}
        </p>
        <button type="button" className="button button-large" onClick={() => void save()} disabled={busy}>
          Save notes
        </button>
      </fieldset>
    </section>
  );
}
