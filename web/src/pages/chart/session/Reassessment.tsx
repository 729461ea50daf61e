import { useEffect, useState } from 'react';
import type { RangeOfMotion, SessionNote } from '../../../api/charting.ts';
import { getSessionComparison, saveReassessment, type SessionComparison } from '../../../api/reassessment.ts';
import { NumberScale } from '../../../components/bodychart/NumberScale.tsx';
import { ComparisonTable, motionName } from './ComparisonTable.tsx';
import { useCreateIntent } from '../../../api/intent.ts';

/** A motion measured at assessment (or in this note), as the reassessment form lists it. */
export interface Motion {
  joint: string;
  motion: string;
  side?: 'left' | 'right' | null;
}

interface RomEntry {
  motion: Motion;
  before: string;
  after: string;
  painAfter: boolean;
}

const keyOf = (m: { joint: string; motion: string; side?: string | null }) =>
  `${m.joint.toLowerCase()}|${m.motion.toLowerCase()}|${m.side ?? ''}`;

/** Every motion once, in the order first seen: assessment first, then what this note already holds. */
export function motionList(...lists: { joint: string; motion: string; side?: string | null }[][]): Motion[] {
  const seen = new Map<string, Motion>();
  for (const m of lists.flat()) {
    // Assessment also records midline or bilateral; a session ROM is left, right or neither.
    const side = m.side === 'left' || m.side === 'right' ? m.side : null;
    const motion: Motion = { joint: m.joint, motion: m.motion, side };
    if (!seen.has(keyOf(motion))) seen.set(keyOf(motion), motion);
  }
  return [...seen.values()];
}

/** "" is not measured; anything else must be whole or decimal degrees from 0 to 360. */
function parseDegrees(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 360 ? n : 'invalid';
}

const sameRom = (a: RangeOfMotion[], b: RangeOfMotion[]) =>
  JSON.stringify(a.map((r) => [keyOf(r), r.degrees, r.painOnMotion ?? null])) ===
  JSON.stringify(b.map((r) => [keyOf(r), r.degrees, r.painOnMotion ?? null]));

/**
 * After treatment: pain (NPRS) and the motions measured at assessment, re-measured; then how they
 * compare with before this session and with intake. "Before" lands in the note's objective ROM.
 */
export function Reassessment({
  note,
  motions,
  locked,
  onSaveBefore,
  onDone,
}: {
  note: SessionNote;
  motions: Motion[];
  locked: boolean;
  onSaveBefore: (rom: RangeOfMotion[]) => Promise<boolean>;
  onDone: () => void;
}) {
  const beforeRom = note.objective.rom ?? [];
  const afterRom = note.reassessment?.rom ?? [];
  const [painAfter, setPainAfter] = useState<number | null>(note.reassessment?.painAfter ?? null);
  const [entries, setEntries] = useState<RomEntry[]>(() =>
    motionList(motions, beforeRom, afterRom).map((motion) => {
      const before = beforeRom.find((r) => keyOf(r) === keyOf(motion));
      const after = afterRom.find((r) => keyOf(r) === keyOf(motion));
      return {
        motion,
        before: before ? String(before.degrees) : '',
        after: after ? String(after.degrees) : '',
        painAfter: after?.painOnMotion ?? false,
      };
    }),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [comparison, setComparison] = useState<SessionComparison | null>(null);
  const [busy, setBusy] = useState(false);
  const intent = useCreateIntent();
  const hasReassessment = note.reassessment !== null;
  useEffect(() => {
    if (!hasReassessment) return;
    const controller = new AbortController();
    getSessionComparison(note.id, controller.signal).then(setComparison, () => undefined);
    return () => controller.abort();
  }, [note.id, hasReassessment]);

  const set = (i: number, patch: Partial<RomEntry>) =>
    setEntries(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  const save = async () => {
    const problems: Record<string, string> = {};
    if (painAfter === null) problems['pain-after'] = 'Choose the pain after treatment, 0 to 10.';
    const before: RangeOfMotion[] = [];
    const after: RangeOfMotion[] = [];
    entries.forEach((e, i) => {
      const b = parseDegrees(e.before);
      const a = parseDegrees(e.after);
      if (b === 'invalid') problems[`rom-${i}-before`] = 'Enter degrees from 0 to 360, or leave it empty.';
      if (a === 'invalid') problems[`rom-${i}-after`] = 'Enter degrees from 0 to 360, or leave it empty.';
      const kept = beforeRom.find((r) => keyOf(r) === keyOf(e.motion));
      if (typeof b === 'number')
        before.push({
          ...e.motion,
          degrees: b,
          ...(kept?.painOnMotion !== undefined ? { painOnMotion: kept.painOnMotion } : {}),
        });
      if (typeof a === 'number') after.push({ ...e.motion, degrees: a, painOnMotion: e.painAfter });
    });
    setErrors(problems);
    if (Object.keys(problems).length > 0 || painAfter === null) return;
    setBusy(true);
    try {
      if (!sameRom(before, beforeRom) && !(await onSaveBefore(before))) return;
      const reassessment = { painAfter, rom: after };
      await saveReassessment(note.id, reassessment, intent.keyFor(reassessment));
      setComparison(await getSessionComparison(note.id));
      onDone();
    } catch (err) {
      setErrors({ form: err instanceof Error ? err.message : 'Could not save.' });
    } finally {
      setBusy(false);
    }
  };

  const errorList = Object.entries(errors);
  return (
    <section className="card ch-reassess" aria-labelledby="reassess-title">
      <h2 id="reassess-title">Reassessment</h2>
      {errorList.length ? (
        <div className="alert alert-error" role="alert">
          <h3 className="alert-title">Not saved</h3>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>{field === 'form' ? message : <a href={`#${field}`}>{message}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset disabled={locked} className="ch-locked-fieldset">
        <legend className="visually-hidden">Reassessment after treatment</legend>
        <div id="pain-after" tabIndex={-1}>
          <NumberScale
            legend="Pain after treatment (0–10)"
            hint={
              note.subjective.painToday !== undefined
                ? `Before this session: ${note.subjective.painToday}/10.`
                : undefined
            }
            min={0}
            max={10}
            value={painAfter}
            onValue={setPainAfter}
            tone="pain"
            name="pain-after"
          />
        </div>
        <h3>Range of motion</h3>
        {entries.length === 0 ? (
          <p className="muted">No range of motion was measured at assessment, so there is nothing to re-measure.</p>
        ) : (
          <p className="hint">
            Degrees for each motion measured at assessment. Leave a motion empty if you did not measure it.
          </p>
        )}
        <div className="ch-rom-list">
          {entries.map((e, i) => (
            <fieldset key={keyOf(e.motion)} className="ch-rom-entry">
              <legend>{motionName(e.motion)}</legend>
              <div className="ch-rom-fields">
                <DegreesField
                  id={`rom-${i}-before`}
                  label="Before, degrees"
                  value={e.before}
                  error={errors[`rom-${i}-before`]}
                  onValue={(before) => set(i, { before })}
                />
                <DegreesField
                  id={`rom-${i}-after`}
                  label="After, degrees"
                  value={e.after}
                  error={errors[`rom-${i}-after`]}
                  onValue={(after) => set(i, { after })}
                />
                <div className="checkbox ch-rom-pain">
                  <input
                    type="checkbox"
                    id={`rom-${i}-pain`}
                    checked={e.painAfter}
                    onChange={(ev) => set(i, { painAfter: ev.target.checked })}
                  />
                  <label htmlFor={`rom-${i}-pain`}>Pain on motion after</label>
                </div>
              </div>
            </fieldset>
          ))}
        </div>
        <button type="button" className="button button-large" onClick={() => void save()} disabled={busy}>
          {busy ? 'Saving…' : 'Save reassessment'}
        </button>
      </fieldset>
      <p role="status">
        {note.reassessment
          ? `Recorded: pain after ${note.reassessment.painAfter}/10, ` +
            `${note.reassessment.rom.length === 1 ? '1 motion' : `${note.reassessment.rom.length} motions`} ` +
            `re-measured.`
          : ''}
      </p>
      {comparison ? <ComparisonTable comparison={comparison} /> : null}
    </section>
  );
}

function DegreesField({
  id,
  label,
  value,
  error,
  onValue,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onValue: (v: string) => void;
}) {
  return (
    <div className="field ch-rom-field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p id={`${id}-error`} className="error-message">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        className="input"
        type="text"
        maxLength={6}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}
