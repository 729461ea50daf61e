import { useState } from 'react';
import { PainMapEditor } from '../../components/bodychart/PainMapEditor.tsx';
import { ErrorText } from './IntakeFields.tsx';
import type { StepProps } from './IntakeSteps.tsx';
import { PlaceSearch } from './PlaceSearch.tsx';
import { useT } from '../../i18n/t.ts';

export function PainMapStep({ state, errors, change }: StepProps) {
  const t = useT();
  // A place found by the search is picked on the chart; `at` counts picks, so picking it again reopens it.
  const [pick, setPick] = useState<{ region: string; at: number } | null>(null);
  return (
    <>
      <h1>{t('intake.painMap.title')}</h1>
      <p className="lead">{t('intake.painMap.lead')}</p>
      <div className={errors['pain-map'] ? 'field-error' : undefined} id="f-pain-map" tabIndex={-1}>
        <ErrorText error={errors['pain-map']} name="pain-map" />
        <PlaceSearch onPick={(region) => setPick((last) => ({ region, at: (last?.at ?? 0) + 1 }))} />
        <PainMapEditor value={state.painMap} onChange={(painMap) => change({ painMap })} pick={pick} />
      </div>
    </>
  );
}
