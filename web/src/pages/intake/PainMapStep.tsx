import { PainMapEditor } from '../../components/bodychart/PainMapEditor.tsx';
import { ErrorText } from './IntakeFields.tsx';
import type { StepProps } from './IntakeSteps.tsx';

export function PainMapStep({ state, errors, change }: StepProps) {
  return (
    <>
      <h1>Where does it hurt?</h1>
      <p className="lead">
        Tap each place on the front or back of the body, then choose how much it hurts there from 0 to 10.
      </p>
      <div className={errors['pain-map'] ? 'field-error' : undefined} id="f-pain-map" tabIndex={-1}>
        <ErrorText error={errors['pain-map']} name="pain-map" />
        <PainMapEditor value={state.painMap} onChange={(painMap) => change({ painMap })} />
      </div>
    </>
  );
}
