import { fieldId } from '../../components/Form.tsx';
import { ErrorText, Radios } from './IntakeFields.tsx';
import type { StepProps } from './IntakeSteps.tsx';
import type { VitalsState } from './vitalsModel.ts';
import { useT } from '../../i18n/t.ts';

/** The unit of blood pressure, written the same in every language. */
const MMHG = 'mmHg';

/** Blood pressure and temperature: optional, usually taken at the desk; units shown beside each box. */
export function VitalsStep({ state, errors, change }: StepProps) {
  const t = useT();
  const set = (patch: Partial<VitalsState>) => change({ vitals: { ...state.vitals, ...patch } });
  const bpError = errors.systolic ?? errors.diastolic;
  return (
    <>
      <h1>{t('intake.step.vitals')}</h1>
      <p className="lead">{t('intake.vitals.lead')}</p>
      <fieldset className={`fieldset${bpError ? ' field-error' : ''}`} aria-describedby="bp-hint">
        <legend className="ch-subhead">{t('intake.vitals.bp')}</legend>
        <p className="hint" id="bp-hint">
          {t('intake.vitals.bpHint')}
        </p>
        <div className="ch-inline ch-vitals">
          <div className={`field${errors.systolic ? ' field-error' : ''}`}>
            <label className="label" htmlFor={fieldId('systolic')}>
              {t('intake.vitals.systolic')}
            </label>
            <ErrorText error={errors.systolic} name="systolic" />
            <span className="ch-unit-input">
              <input
                id={fieldId('systolic')}
                maxLength={3}
                className="input input-short"
                inputMode="numeric"
                value={state.vitals.systolic}
                aria-invalid={errors.systolic ? true : undefined}
                aria-describedby={errors.systolic ? `${fieldId('systolic')}-error` : undefined}
                onChange={(e) => set({ systolic: e.target.value })}
              />
              <span className="ch-unit">{MMHG}</span>
            </span>
          </div>
          <div className={`field${errors.diastolic ? ' field-error' : ''}`}>
            <label className="label" htmlFor={fieldId('diastolic')}>
              {t('intake.vitals.diastolic')}
            </label>
            <ErrorText error={errors.diastolic} name="diastolic" />
            <span className="ch-unit-input">
              <input
                id={fieldId('diastolic')}
                maxLength={3}
                className="input input-short"
                inputMode="numeric"
                value={state.vitals.diastolic}
                aria-invalid={errors.diastolic ? true : undefined}
                aria-describedby={errors.diastolic ? `${fieldId('diastolic')}-error` : undefined}
                onChange={(e) => set({ diastolic: e.target.value })}
              />
              <span className="ch-unit">{MMHG}</span>
            </span>
          </div>
        </div>
      </fieldset>
      <fieldset className={`fieldset${errors.temperature ? ' field-error' : ''}`}>
        <legend className="ch-subhead">{t('intake.vitals.temperatureOptional')}</legend>
        <div className="field">
          <label className="label" htmlFor={fieldId('temperature')}>
            {t('intake.review.temperature')}
          </label>
          <p className="hint" id="temperature-hint">
            {t('intake.vitals.temperatureHint')}
          </p>
          <ErrorText error={errors.temperature} name="temperature" />
          <span className="ch-unit-input">
            <input
              id={fieldId('temperature')}
              maxLength={5}
              className="input input-short"
              inputMode="decimal"
              value={state.vitals.temperature}
              aria-invalid={errors.temperature ? true : undefined}
              aria-describedby={['temperature-hint', errors.temperature ? `${fieldId('temperature')}-error` : '']
                .filter(Boolean)
                .join(' ')}
              onChange={(e) => set({ temperature: e.target.value })}
            />
            <span className="ch-unit">{state.vitals.temperatureUnit === 'C' ? '°C' : '°F'}</span>
          </span>
        </div>
        <fieldset className="fieldset">
          <legend className="label">{t('intake.vitals.measuredIn')}</legend>
          <Radios
            name="temperature-unit"
            value={state.vitals.temperatureUnit}
            onValue={(temperatureUnit) => set({ temperatureUnit })}
            options={[
              { value: 'C', label: t('intake.vitals.celsius') },
              { value: 'F', label: t('intake.vitals.fahrenheit') },
            ]}
          />
        </fieldset>
      </fieldset>
    </>
  );
}
