import { useRef, useState } from 'react';
import { CHART_HEIGHT, CHART_WIDTH } from '../../../../src/clinical/bodymap/chart/figure.ts';
import { regionById } from '../../../../src/clinical/bodymap/regions.ts';
import { useT } from '../../i18n/t.ts';
import { BodyChart, type BodyChartProps, type ChartView, type ChartWindow } from './BodyChart.tsx';
import { regionCentre } from './regionBoxes.ts';

/**
 * CSS pixels per chart unit in the close-up. The narrowest drawn place (the coccyx) is 6.6 units
 * across, so at this scale every place is at least 24 × 24 px (WCAG 2.2 target size) on any phone.
 */
export const ZOOM_SCALE = 4.2;
/** The close-up is a little taller than wide, so a hand or a face fits in one go. */
const ZOOM_ASPECT = 1.25;

/** A close-up of `width` CSS pixels centred on (x, y), kept inside the drawing. */
export function zoomWindow(centre: { x: number; y: number }, widthPx: number): ChartWindow {
  const width = Math.min(CHART_WIDTH, widthPx / ZOOM_SCALE);
  const height = Math.min(CHART_HEIGHT, width * ZOOM_ASPECT);
  const clamp = (v: number, size: number, max: number) => Math.min(Math.max(v - size / 2, 0), max - size);
  return { x: clamp(centre.x, width, CHART_WIDTH), y: clamp(centre.y, height, CHART_HEIGHT), width, height };
}

/**
 * The body chart on a phone: one side of the body at a time, and a tap on the whole body opens a
 * close-up of that part where every place is big enough to tap. A key press (Enter, Space) marks
 * the place directly: keyboards and switches do not need the close-up.
 */
export function PhoneBodyChart({
  selected = null,
  onSelect,
  ...chart
}: Omit<BodyChartProps, 'views' | 'window' | 'onPointerSelect'>) {
  const t = useT();
  const [view, setView] = useState<ChartView>((selected && regionById(selected)?.view) || 'front');
  const [centre, setCentre] = useState<{ x: number; y: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const width = box.current?.querySelector('.ch-figure')?.clientWidth ?? box.current?.clientWidth ?? 358;
  const show = (next: ChartView) => {
    setView(next);
    setCentre(null);
  };
  const zoomTo = (region: string) => setCentre(regionCentre(region) ?? null);
  return (
    <div className="ch-phone-chart" ref={box}>
      <div className="ch-toggle-row" role="group" aria-label={t('front.chart.side')}>
        <button
          type="button"
          className={`ch-toggle${view === 'front' ? ' is-on' : ''}`}
          aria-pressed={view === 'front'}
          onClick={() => show('front')}
        >
          {t('front.chart.front')}
        </button>
        <button
          type="button"
          className={`ch-toggle${view === 'back' ? ' is-on' : ''}`}
          aria-pressed={view === 'back'}
          onClick={() => show('back')}
        >
          {t('front.chart.back')}
        </button>
        {centre ? (
          <button type="button" className="button button-secondary ch-small-button" onClick={() => setCentre(null)}>
            {t('front.chart.whole')}
          </button>
        ) : null}
      </div>
      <p className="hint ch-zoom-hint">{centre ? t('front.chart.exact') : t('front.chart.tapPart')}</p>
      <BodyChart
        {...chart}
        selected={selected}
        views={[view]}
        onSelect={onSelect}
        window={centre ? zoomWindow(centre, width) : undefined}
        onPointerSelect={centre ? undefined : zoomTo}
      />
    </div>
  );
}
