import { useId } from 'react';

/** Fill for a pain intensity 0–10: pale amber at 1 to deep red at 10 (the number is always announced too). */
export function painColour(intensity: number): string {
  if (intensity <= 0) return '#e8eef2';
  const t = Math.min(10, intensity) / 10;
  const hue = Math.round(48 - 48 * t);
  const light = Math.round(78 - 38 * t);
  return `hsl(${hue} 85% ${light}%)`;
}

/**
 * A row of big number buttons (0–10 pain, 0–5 strength, 1–10 during pressure): one tap picks a
 * value. A radio group in role and keys, because exactly one value is chosen.
 */
export function NumberScale({
  legend,
  hint,
  min,
  max,
  value,
  onValue,
  lowLabel,
  highLabel,
  tone,
  name,
}: {
  legend: string;
  hint?: string;
  min: number;
  max: number;
  value: number | null;
  onValue: (value: number) => void;
  lowLabel?: string;
  highLabel?: string;
  /** Colours the buttons like the pain map so the scale reads as the chart does. */
  tone?: 'pain';
  name?: string;
}) {
  const uid = useId();
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset className="ch-scale" aria-describedby={hint ? `${uid}-hint` : undefined} data-name={name}>
      <legend className="ch-scale-legend">{legend}</legend>
      {hint ? (
        <p className="hint" id={`${uid}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="ch-scale-buttons">
        {values.map((n) => (
          <button
            key={n}
            type="button"
            className={`ch-scale-button${value === n ? ' is-on' : ''}`}
            aria-pressed={value === n}
            style={
              tone === 'pain' && value === n
                ? { background: painColour(n), color: n >= 6 ? '#fff' : 'var(--ink)' }
                : undefined
            }
            onClick={() => onValue(n)}
          >
            {n}
          </button>
        ))}
      </div>
      {lowLabel || highLabel ? (
        <p className="ch-scale-ends" aria-hidden="true">
          <span>{lowLabel}</span>
          <span>{highLabel}</span>
        </p>
      ) : null}
    </fieldset>
  );
}
