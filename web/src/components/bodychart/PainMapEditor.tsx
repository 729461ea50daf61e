import { useEffect, useState } from 'react';
import type { PainEntry } from '../../api/charting.ts';
import { useT } from '../../i18n/t.ts';
import { BodyChart, RegionSelect, type ChartMarker } from './BodyChart.tsx';
import { NumberScale, painColour } from './NumberScale.tsx';
import { PhoneBodyChart } from './PhoneBodyChart.tsx';
import { usePlaceLabel } from './placeLabel.ts';

const PHONE = '(max-width: 599px)';

/** True on a phone-sized screen, following rotation and resizing. */
function usePhone(): boolean {
  const [phone, setPhone] = useState(() => window.matchMedia(PHONE).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE);
    const update = () => setPhone(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return phone;
}

/**
 * Tap a place on the body, then a number from 0 to 10 for how much it hurts there. 0 removes the
 * place. The list under the chart repeats the map in words.
 */
export function PainMapEditor({
  value,
  onChange,
  avoid,
  markers,
  audience = 'patient',
  selectId = 'pain-region',
  pick,
}: {
  value: readonly PainEntry[];
  onChange: (next: PainEntry[]) => void;
  avoid?: readonly string[];
  markers?: readonly ChartMarker[];
  audience?: 'patient' | 'therapist';
  selectId?: string;
  /** A place chosen outside the chart (the intake's search): it becomes the selected place. */
  pick?: { region: string; at: number } | null;
}) {
  const t = useT();
  const regionName = usePlaceLabel();
  const [selected, setSelected] = useState<string | null>(null);
  const phone = usePhone();
  useEffect(() => {
    if (pick) setSelected(pick.region);
  }, [pick]);
  // On a phone the scale sits under the chart: bring it into view once a place is picked.
  useEffect(() => {
    if (phone && selected) document.getElementById(`${selectId}-intensity`)?.scrollIntoView({ block: 'nearest' });
  }, [phone, selected, selectId]);
  const fills = Object.fromEntries(
    value.filter((e) => e.intensity > 0).map((e) => [e.region, painColour(e.intensity)]),
  );
  const states = Object.fromEntries(value.map((e) => [e.region, t('bodyChart.painOf', { intensity: e.intensity })]));
  const current = value.find((e) => e.region === selected)?.intensity ?? null;
  const setIntensity = (intensity: number) => {
    if (!selected) return;
    const rest = value.filter((e) => e.region !== selected);
    onChange(intensity === 0 ? rest : [...rest, { region: selected, intensity }]);
  };
  const sorted = [...value].sort((a, b) => b.intensity - a.intensity);
  return (
    <div className="ch-painmap">
      <div className="ch-painmap-chart">
        {phone ? (
          <PhoneBodyChart
            label={t('bodyChart.painMap')}
            fills={fills}
            states={states}
            selected={selected}
            onSelect={setSelected}
            avoid={avoid}
            markers={markers}
          />
        ) : (
          <BodyChart
            label={t('bodyChart.painMap')}
            fills={fills}
            states={states}
            selected={selected}
            onSelect={setSelected}
            avoid={avoid}
            markers={markers}
          />
        )}
      </div>
      <div className="ch-painmap-side">
        <RegionSelect id={selectId} label={t('bodyChart.orList')} value={selected} onSelect={setSelected} />
        {selected ? (
          <div className="ch-intensity" aria-live="polite" id={`${selectId}-intensity`}>
            <p className="ch-selected-name">
              <strong>{regionName(selected)}</strong>
            </p>
            <NumberScale
              legend={
                audience === 'patient'
                  ? t('bodyChart.howMuch', { place: regionName(selected) })
                  : t('bodyChart.intensity', { place: regionName(selected) })
              }
              hint={t('bodyChart.scaleHint')}
              min={0}
              max={10}
              value={current}
              onValue={setIntensity}
              tone="pain"
              lowLabel={t('bodyChart.none0')}
              highLabel={t('bodyChart.worst10')}
              name="pain-intensity"
            />
          </div>
        ) : (
          <p className="hint">{audience === 'patient' ? t('bodyChart.tapPatient') : t('bodyChart.tapTherapist')}</p>
        )}
        <h2 className="ch-subhead" id="pain-list-title">
          {audience === 'patient' ? t('bodyChart.marked') : t('bodyChart.painMap')}
        </h2>
        {sorted.length === 0 ? (
          <p className="muted">{t('bodyChart.noneYet')}</p>
        ) : (
          <ul className="ch-pain-list" aria-labelledby="pain-list-title">
            {sorted.map((e) => (
              <li key={e.region}>
                <span className="ch-pain-swatch" style={{ background: painColour(e.intensity) }} aria-hidden="true" />
                <span className="ch-pain-name">{regionName(e.region)}</span>
                <span className="ch-pain-value">{e.intensity}/10</span>
                <button
                  type="button"
                  className="button button-secondary ch-small-button"
                  onClick={() => setSelected(e.region)}
                >
                  {t('bodyChart.change')}
                  <span className="visually-hidden"> {regionName(e.region)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
