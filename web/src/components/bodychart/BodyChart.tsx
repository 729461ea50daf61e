import { useId, type KeyboardEvent } from 'react';
import { BODY_CHARTS } from '../../../../src/clinical/bodymap/chart/chart.ts';
import { drawnOnTemplateHalf } from '../../../../src/clinical/bodymap/chart/shapes.ts';
import { regionById, REGIONS } from '../../../../src/clinical/bodymap/regions.ts';
import { useT, type MessageId } from '../../i18n/t.ts';
import { usePlaceLabel } from './placeLabel.ts';
import { regionBox } from './regionBoxes.ts';

export type ChartView = 'front' | 'back';

export interface ChartMarker {
  region: string;
  /** One or two characters drawn in the dot (e.g. "A" active, "L" latent). */
  glyph: string;
  kind: 'active' | 'latent' | 'treated';
}

export interface BodyChartProps {
  /** Names the chart for assistive technology, e.g. "Pain map". */
  label: string;
  /** Fill colour per region id; unlisted regions keep the skin colour. */
  fills?: Record<string, string>;
  /** Extra words read after a region's name, e.g. "pain 6 of 10". */
  states?: Record<string, string>;
  /** Regions screening says not to treat: hatched, and announced as such. */
  avoid?: readonly string[];
  selected?: string | null;
  markers?: readonly ChartMarker[];
  onSelect: (region: string) => void;
  /** A tap or click (not a key press) goes here instead of onSelect, e.g. to zoom in first. */
  onPointerSelect?: (region: string) => void;
  views?: readonly ChartView[];
  /** Shows only this part of the (single) view, in chart units: a zoomed-in picker. */
  window?: ChartWindow;
}

export interface ChartWindow {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SKIN = '#f6f3ee';

export const regionName = (id: string) => regionById(id)?.name ?? id;

/**
 * The body chart as React SVG: every region is its own focusable button named after the region,
 * so a tap, a click, Enter or Space all mark it. Front and back sit side by side.
 */
export function BodyChart({
  label,
  fills = {},
  states = {},
  avoid = [],
  selected = null,
  markers = [],
  onSelect,
  onPointerSelect,
  views = ['front', 'back'],
  window: crop,
}: BodyChartProps) {
  const t = useT();
  const placeLabel = usePlaceLabel();
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const hatch = `ch-hatch-${uid}`;
  const avoidSet = new Set(avoid);
  const press = (region: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(region);
    }
  };
  return (
    <div className="ch-chart" role="group" aria-label={label}>
      {views.map((view) => {
        const chart = BODY_CHARTS[view];
        // The patient's own right and left, as the person reading the chart faces it.
        const patientsRight = t('bodyChart.patientsRight');
        const patientsLeft = t('bodyChart.patientsLeft');
        const leftCaption = drawnOnTemplateHalf(view, 'right') ? patientsRight : patientsLeft;
        const rightCaption = drawnOnTemplateHalf(view, 'right') ? patientsLeft : patientsRight;
        const viewName = t(view === 'front' ? 'front.chart.front' : 'front.chart.back');
        // Zoomed in, only the places inside the window are drawn (and reachable by Tab).
        const shown = crop ? chart.paths.filter((p) => overlaps(regionBox(p.region), crop)) : chart.paths;
        return (
          <figure className="ch-figure" key={view}>
            {crop ? (
              <figcaption className="ch-zoom-captions" aria-hidden="true">
                <span>{leftCaption}</span>
                <span>{rightCaption}</span>
              </figcaption>
            ) : null}
            <svg
              viewBox={crop ? `${crop.x} ${crop.y} ${crop.width} ${crop.height}` : chart.viewBox}
              className="ch-svg"
              aria-label={`${label}, ${viewName.toLowerCase()}`}
              role="group"
            >
              <defs>
                <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill="#cfd3d8" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke="#4f5b69" strokeWidth="2.2" />
                </pattern>
              </defs>
              {crop ? null : (
                <g aria-hidden="true" className="ch-captions">
                  <text x="12" y="20">
                    {leftCaption}
                  </text>
                  <text x="388" y="20" textAnchor="end">
                    {rightCaption}
                  </text>
                </g>
              )}
              <path d={chart.outline} fill="none" stroke="#4a4a4a" strokeWidth="2.6" aria-hidden="true" />
              <path d={chart.outline} fill={SKIN} aria-hidden="true" />
              <g className="ch-regions">
                {shown.map((path) => {
                  const avoided = avoidSet.has(path.region);
                  const words = [placeLabel(path.region), states[path.region], avoided ? t('bodyChart.avoid') : '']
                    .filter(Boolean)
                    .join(', ');
                  return (
                    <path
                      key={path.region}
                      d={path.d}
                      data-region={path.region}
                      className={`ch-region${selected === path.region ? ' is-selected' : ''}`}
                      fill={avoided ? `url(#${hatch})` : (fills[path.region] ?? SKIN)}
                      role="button"
                      tabIndex={0}
                      aria-label={words}
                      aria-pressed={selected === path.region}
                      onClick={() => (onPointerSelect ?? onSelect)(path.region)}
                      onKeyDown={press(path.region)}
                    />
                  );
                })}
              </g>
              <path
                d={chart.landmarks}
                fill="none"
                stroke="#9c9286"
                strokeWidth="0.8"
                pointerEvents="none"
                aria-hidden="true"
              />
              <g aria-hidden="true" pointerEvents="none">
                {markers.map((marker, index) => {
                  const at = chart.paths.find((p) => p.region === marker.region)?.label;
                  if (!at) return null;
                  return (
                    <g
                      key={`${marker.region}-${index}`}
                      className={`ch-marker ch-marker-${marker.kind}`}
                      transform={`translate(${at.x + (index % 3) * 4},${at.y})`}
                    >
                      <circle r="8" />
                      <text y="3.5" textAnchor="middle">
                        {marker.glyph}
                      </text>
                    </g>
                  );
                })}
              </g>
              {crop ? null : (
                <text x="200" y="843" textAnchor="middle" className="ch-view-name" aria-hidden="true">
                  {viewName.toUpperCase()}
                </text>
              )}
            </svg>
          </figure>
        );
      })}
    </div>
  );
}

function overlaps(
  box: { minX: number; minY: number; maxX: number; maxY: number } | undefined,
  w: ChartWindow,
): boolean {
  return box !== undefined && box.maxX > w.x && box.minX < w.x + w.width && box.maxY > w.y && box.minY < w.y + w.height;
}

const AREA_LABEL: Record<string, MessageId> = {
  head: 'bodyChart.area.head',
  neck: 'bodyChart.area.neck',
  trunk: 'bodyChart.area.trunk',
  'upper-limb': 'bodyChart.area.upperLimb',
  'lower-limb': 'bodyChart.area.lowerLimb',
};

/** The same choice as a tap on the chart, as a list: for keyboards, switches and the smallest regions. */
export function RegionSelect({
  id,
  label,
  value,
  onSelect,
}: {
  id: string;
  label: string;
  value: string | null;
  onSelect: (region: string) => void;
}) {
  const t = useT();
  const placeLabel = usePlaceLabel();
  const areas = Object.keys(AREA_LABEL);
  return (
    <div className="field ch-region-select">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input input-medium"
        value={value ?? ''}
        onChange={(e) => e.target.value && onSelect(e.target.value)}
      >
        <option value="">{t('bodyChart.choosePlace')}</option>
        {areas.map((area) => (
          <optgroup key={area} label={t(AREA_LABEL[area]!)}>
            {REGIONS.filter((r) => r.area === area).map((r) => (
              <option key={r.id} value={r.id}>
                {placeLabel(r.id)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
