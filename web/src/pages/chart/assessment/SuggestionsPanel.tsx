import type { Suggestion } from '../../../../../src/clinical/referral/index.ts';
import type { PalpatedPoint } from '../../../api/charting.ts';

/** The referral engine's ranked muscles to examine, each with its reason and a mark once palpated. */
export function SuggestionsPanel({
  suggestions,
  points,
}: {
  suggestions: readonly Suggestion[];
  points: readonly PalpatedPoint[];
}) {
  const confirmed = (s: Suggestion) =>
    points.some((p) => p.muscle === s.muscle && (p.side === s.side || s.side === 'midline'));
  return (
    <section className="card ch-suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">Muscles to examine</h2>
      <p className="hint">From the pain map, by referral pattern. A ranking for palpation, not a diagnosis.</p>
      {suggestions.length === 0 ? (
        <p className="muted">Mark pain on the chart to see suggestions.</p>
      ) : (
        <ol className="ch-suggestion-list">
          {suggestions.map((s) => (
            <li key={`${s.muscle}-${s.side}`} className={confirmed(s) ? 'is-confirmed' : undefined}>
              <div className="ch-suggestion-head">
                <span className="ch-suggestion-name">
                  {s.name}
                  {s.side !== 'midline' ? ` (${s.side})` : ''}
                </span>
                <span className="ch-suggestion-score">{Math.round(s.score * 100)}%</span>
                {confirmed(s) ? <span className="badge badge-success">Confirmed by palpation</span> : null}
              </div>
              <p className="ch-suggestion-why">{s.therapistText}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
