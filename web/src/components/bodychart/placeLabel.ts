import { regionById } from '../../../../src/clinical/bodymap/regions.ts';
import { placeNameEs } from '../../../../src/clinical/places/index.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useT } from '../../i18n/t.ts';

/**
 * A body-map place named in the page's language, side included: the Spanish names come from the
 * same tables as the public place answer, so the chart, the search and the answer say the same words.
 */
export function usePlaceLabel(): (region: string) => string {
  const t = useT();
  const { locale } = useLocale();
  return (id) => {
    const region = regionById(id);
    if (!region) return id;
    if (locale !== 'es') return region.name;
    const place = placeNameEs(region.base);
    if (region.side === 'left') return t('front.placeSearch.leftSide', { place });
    if (region.side === 'right') return t('front.placeSearch.rightSide', { place });
    return place;
  };
}
