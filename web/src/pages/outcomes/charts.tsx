import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { CutRow, OutcomesReport } from '../../api/outcomes.ts';

/**
 * One Observable Plot chart. The chart is a picture for those who look; its one-sentence summary
 * (the figure's caption) and its table say the same for everyone else.
 */
function PlotFigure({ make, summary }: { make: () => SVGSVGElement | HTMLElement; summary: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = make();
    // One picture with one name: Plot labels each mark group, which a screen reader would read as
    // loose fragments (and a <g> may not carry a label); the summary and the table say it all.
    chart.querySelectorAll('[aria-label], [aria-description]').forEach((node) => {
      node.removeAttribute('aria-label');
      node.removeAttribute('aria-description');
    });
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', summary);
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [make, summary]);
  return (
    <figure className="oc-figure">
      <div ref={ref} className="oc-plot" />
      <figcaption>{summary}</figcaption>
    </figure>
  );
}

const pct = (fraction: number) => Math.round(fraction * 1000) / 10;

type Curve = Extract<OutcomesReport['curve'], { status: 'reported' }>;

/** Kaplan–Meier: share not yet meaningfully better after each session, with its 95% band. */
export function CurveChart({ curve, summary }: { curve: Curve; summary: string }) {
  const points = [
    { time: 0, survival: 1, lower: 1, upper: 1 },
    ...curve.points.map((p) => ({
      time: p.time,
      survival: p.survival,
      lower: p.lower ?? p.survival,
      upper: p.upper ?? p.survival,
    })),
  ].map((p) => ({ session: p.time, share: pct(p.survival), lower: pct(p.lower), upper: pct(p.upper) }));
  const make = () =>
    Plot.plot({
      ariaLabel: 'Sessions to first meaningful improvement',
      ariaDescription: summary,
      height: 280,
      marginLeft: 48,
      x: { label: 'Session', tickFormat: 'd', ticks: Math.min(points.length, 12) },
      y: { label: 'Not yet meaningfully better (%)', domain: [0, 100], grid: true },
      marks: [
        Plot.areaY(points, {
          x: 'session',
          y1: 'lower',
          y2: 'upper',
          curve: 'step-after',
          fill: '#2f6f8f',
          fillOpacity: 0.18,
        }),
        Plot.lineY(points, { x: 'session', y: 'share', curve: 'step-after', stroke: '#1d4f66', strokeWidth: 2 }),
        Plot.ruleY([50], { stroke: '#7a4a00', strokeDasharray: '4 3' }),
      ],
    });
  return <PlotFigure make={make} summary={summary} />;
}

interface Dot {
  label: string;
  rate: number;
  lower: number;
  upper: number;
}

/** The claim's "all started" share of each reported group, as a dot with its Wilson interval. */
export function reportedShares(rows: readonly CutRow[]): Dot[] {
  return rows.flatMap((row) => {
    if (row.figures.status !== 'reported') return [];
    const share = row.figures.claim.allStarted;
    return share.status === 'reported'
      ? [{ label: row.label, rate: pct(share.rate), lower: pct(share.lower), upper: pct(share.upper) }]
      : [];
  });
}

export function DotIntervalChart({
  rows,
  title,
  summary,
}: {
  rows: readonly CutRow[];
  title: string;
  summary: string;
}) {
  const dots = reportedShares(rows);
  const make = () =>
    Plot.plot({
      ariaLabel: title,
      ariaDescription: summary,
      height: 40 + dots.length * 34,
      marginLeft: 150,
      x: { label: 'Meaningfully better by session 6 (%)', domain: [0, 100], grid: true },
      y: { label: null, domain: dots.map((d) => d.label) },
      marks: [
        Plot.ruleY(dots, { y: 'label', x1: 'lower', x2: 'upper', stroke: '#2f6f8f', strokeWidth: 2 }),
        Plot.dot(dots, { y: 'label', x: 'rate', fill: '#1d4f66', r: 5 }),
      ],
    });
  return dots.length === 0 ? <p className="muted">{summary}</p> : <PlotFigure make={make} summary={summary} />;
}

/** The share by period of start, each with its interval, joined in time order. */
export function TrendChart({ rows, summary }: { rows: readonly CutRow[]; summary: string }) {
  const dots = reportedShares(rows);
  const make = () =>
    Plot.plot({
      ariaLabel: 'Meaningfully better by session 6, by period the episodes started',
      ariaDescription: summary,
      height: 260,
      marginLeft: 48,
      x: { label: 'Period started', type: 'point', domain: dots.map((d) => d.label) },
      y: { label: 'Meaningfully better (%)', domain: [0, 100], grid: true },
      marks: [
        Plot.ruleX(dots, { x: 'label', y1: 'lower', y2: 'upper', stroke: '#2f6f8f', strokeWidth: 2 }),
        Plot.line(dots, { x: 'label', y: 'rate', stroke: '#1d4f66' }),
        Plot.dot(dots, { x: 'label', y: 'rate', fill: '#1d4f66', r: 4 }),
      ],
    });
  return dots.length === 0 ? <p className="muted">{summary}</p> : <PlotFigure make={make} summary={summary} />;
}
