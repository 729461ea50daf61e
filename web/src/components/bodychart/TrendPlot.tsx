import { useT } from '../../i18n/t.ts';

export interface TrendPoint {
  date: string;
  value: number;
}

const W = 360;
const H = 160;
const PAD = { left: 34, right: 12, top: 12, bottom: 26 };

/**
 * A small line chart of one outcome measure with the MCID band drawn around the first score:
 * a point outside the band is a change patients notice (the minimal clinically important
 * difference); inside it is not yet. The numbers are also listed for screen readers.
 */
export function TrendPlot({
  title,
  points,
  max,
  mcid,
  higherIsWorse,
  unit = '',
}: {
  title: string;
  points: readonly TrendPoint[];
  max: number;
  mcid: number;
  higherIsWorse: boolean;
  unit?: string;
}) {
  const t = useT();
  if (points.length === 0) return <p className="muted">{t('trend.noScores', { title })}</p>;
  const x = (i: number) =>
    PAD.left + (points.length === 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + (1 - Math.max(0, Math.min(max, v)) / max) * (H - PAD.top - PAD.bottom);
  const baseline = points[0]!.value;
  const bandTop = y(Math.min(max, baseline + mcid));
  const bandBottom = y(Math.max(0, baseline - mcid));
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = points[points.length - 1]!;
  const change = last.value - baseline;
  const better = higherIsWorse ? change <= -mcid : change >= mcid;
  const summary = t(better ? 'trend.summary.better' : 'trend.summary.notYet', {
    title,
    first: `${baseline}${unit}`,
    latest: `${last.value}${unit}`,
    mcid: `${mcid}${unit}`,
  });
  return (
    <figure className="ch-trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="ch-trend-svg">
        <rect
          x={PAD.left}
          y={bandTop}
          width={W - PAD.left - PAD.right}
          height={Math.max(1, bandBottom - bandTop)}
          className="ch-trend-band"
        />
        {[0, max / 2, max].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="ch-trend-grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="ch-trend-axis">
              {v}
            </text>
          </g>
        ))}
        <path d={line} className="ch-trend-line" fill="none" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.value)} r="4" className="ch-trend-dot" />
        ))}
        <text x={PAD.left} y={H - 6} className="ch-trend-axis">
          {points[0]!.date}
        </text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end" className="ch-trend-axis">
          {last.date}
        </text>
      </svg>
      <figcaption className="ch-trend-caption">
        {summary}{' '}
        <span className="ch-trend-key">
          <span className="ch-trend-swatch" aria-hidden="true" /> {t('trend.band')}
        </span>
      </figcaption>
    </figure>
  );
}
