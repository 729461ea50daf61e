import { useId, useMemo, useState } from 'react';
import { resolvePlaces, type Place } from '../../../../src/clinical/places/index.ts';
import { usePlaceLabel } from '../../components/bodychart/placeLabel.ts';
import { useT } from '../../i18n/t.ts';

/** Room for a few words about a place, as the public search takes. */
const MAX_LENGTH = 200;
/** Search once this much is typed: one or two letters name nothing yet. */
const MIN_LENGTH = 3;
/** More buttons than this would be a list to read, not a choice to make. */
const MAX_CHOICES = 8;

/** Every body-map region a place may be: a place named without a side offers both sides. */
const choicesOf = (places: readonly Place[]) => places.flatMap((p) => p.regionIds).slice(0, MAX_CHOICES);

/**
 * "Describe the place in your own words": the same resolver as the public search and the CLI reads
 * English or Spanish, any word order, small typos. Each result is a button that picks the place on
 * the chart; the patient then says how much it hurts there. `onText` hears every change of the words
 * (the public page asks the server what a therapist will check there).
 */
export function PlaceSearch({ onPick, onText }: { onPick: (region: string) => void; onText?: (text: string) => void }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const query = text.trim();
  const reading = useMemo(() => (query.length >= MIN_LENGTH ? resolvePlaces(query) : null), [query]);
  const found = reading ? choicesOf(reading.places) : [];
  const closest = reading && found.length === 0 ? choicesOf(reading.closest) : [];
  return (
    <div className="field ch-place-search">
      <form role="search" aria-labelledby={`${id}-label`} onSubmit={(e) => e.preventDefault()}>
        <label className="label" htmlFor={`${id}-input`} id={`${id}-label`}>
          {t('front.placeSearch.label')}
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t('front.placeSearch.hint')}
        </p>
        <input
          id={`${id}-input`}
          className="input input-medium"
          type="search"
          autoComplete="off"
          maxLength={MAX_LENGTH}
          aria-describedby={`${id}-hint`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onText?.(e.target.value);
          }}
        />
      </form>
      <div aria-live="polite" className="ch-place-results">
        {reading && found.length > 0 ? (
          <>
            <p>
              {reading.places.some((p) => p.side === 'unknown')
                ? t('front.placeSearch.chooseSide')
                : found.length === 1
                  ? t('front.placeSearch.isThis')
                  : t('front.placeSearch.choose')}
            </p>
            <ChoiceList regions={found} onPick={onPick} />
          </>
        ) : null}
        {reading && found.length === 0 ? (
          <>
            <p>
              {t('front.placeSearch.none', { query })}
              {closest.length > 0 ? ` ${t('front.placeSearch.didYouMean')}` : ''}
            </p>
            <ChoiceList regions={closest} onPick={onPick} />
          </>
        ) : null}
      </div>
    </div>
  );
}

function ChoiceList({ regions, onPick }: { regions: string[]; onPick: (region: string) => void }) {
  const label = usePlaceLabel();
  if (regions.length === 0) return null;
  return (
    <ul className="ch-place-choices">
      {regions.map((region) => (
        <li key={region}>
          <button type="button" className="button button-secondary ch-small-button" onClick={() => onPick(region)}>
            {label(region)}
          </button>
        </li>
      ))}
    </ul>
  );
}
