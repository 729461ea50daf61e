import { fieldId } from '../../components/Form.tsx';
import { ErrorText, Radios } from './IntakeFields.tsx';
import type { StepProps } from './IntakeSteps.tsx';
import type { VitalsState } from './vitalsModel.ts';

/** Blood pressure and temperature: optional, usually taken at the desk; units shown beside each box. */
export function VitalsStep({ state, errors, change }: StepProps) {
  const set = (patch: Partial<VitalsState>) => change({ vitals: { ...state.vitals, ...patch } });
  const bpError = errors.systolic ?? errors.diastolic;
  return (
    <>
      <h1>Blood pressure and temperature</h1>
      <p className="lead">
        These are usually taken at the front desk when you arrive. If you do not know them, just continue.
      </p>
      <fieldset className={`fieldset${bpError ? ' field-error' : ''}`} aria-describedby="bp-hint">
        <legend className="ch-subhead">Blood pressure (optional)</legend>
        <p className="hint" id="bp-hint">
          Two numbers, such as 120 over 80. Very high blood pressure means treatment has to wait.
        </p>
        <div className="ch-inline ch-vitals">
          <div className={`field${errors.systolic ? ' field-error' : ''}`}>
            <label className="label" htmlFor={fieldId('systolic')}>
              Upper number (systolic)
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
              <span className="ch-unit">mmHg</span>
            </span>
          </div>
          <div className={`field${errors.diastolic ? ' field-error' : ''}`}>
            <label className="label" htmlFor={fieldId('diastolic')}>
              Lower number (diastolic)
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
              <span className="ch-unit">mmHg</span>
            </span>
          </div>
        </div>
      </fieldset>
      <fieldset className={`fieldset${errors.temperature ? ' field-error' : ''}`}>
        <legend className="ch-subhead">Temperature (optional)</legend>
        <div className="field">
          <label className="label" htmlFor={fieldId('temperature')}>
            Temperature
          </label>
          <p className="hint" id="temperature-hint">
            Normal is about 37 °C (98.6 °F). A fever means treatment has to wait until you are well.
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
          <legend className="label">Measured in</legend>
          <Radios
            name="temperature-unit"
            value={state.vitals.temperatureUnit}
            onValue={(temperatureUnit) => set({ temperatureUnit })}
            options={[
              { value: 'C', label: 'Degrees Celsius (°C)' },
              { value: 'F', label: 'Degrees Fahrenheit (°F)' },
            ]}
          />
        </fieldset>
      </fieldset>
    </>
  );
}
