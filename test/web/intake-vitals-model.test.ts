import { describe, expect, it } from 'vitest';
import {
  checkStrokeDate,
  checkVitals,
  emptyVitals,
  temperatureC,
  vitalsAnswers,
  vitalsFrom,
} from '../../web/src/pages/intake/vitalsModel.ts';

// The intake form's readings: what the browser refuses before sending, and what it sends.
const vitals = (patch: Partial<ReturnType<typeof emptyVitals>>) => ({ ...emptyVitals(), ...patch });

describe('intake readings in the web form', () => {
  it('converts °F to °C to one decimal and refuses readings outside the server ranges', () => {
    expect(temperatureC(vitals({ temperature: '38.5' }))).toBe(38.5);
    expect(temperatureC(vitals({ temperature: '101.3', temperatureUnit: 'F' }))).toBe(38.5);
    expect(temperatureC(vitals({ temperature: '385' }))).toBeNull();
    expect(temperatureC(vitals({ temperature: '29.9' }))).toBeNull();
    expect(temperatureC(vitals({ temperature: '38,5' }))).toBe(38.5);
  });

  it('names the field that is wrong; blank readings are fine', () => {
    expect(checkVitals(emptyVitals())).toEqual({});
    expect(Object.keys(checkVitals(vitals({ systolic: '120' })))).toEqual(['diastolic']);
    expect(checkVitals(vitals({ systolic: '90', diastolic: '95' })).diastolic).toMatch(/less than the upper/);
    expect(Object.keys(checkVitals(vitals({ systolic: '400', diastolic: '80', temperature: '50' })))).toEqual([
      'systolic',
      'temperature',
    ]);
  });

  it('asks for a stroke date only when the stroke question is yes, and not a future one', () => {
    expect(checkStrokeDate(emptyVitals(), false, '2026-11-27')).toEqual({});
    expect(checkStrokeDate(emptyVitals(), true, '2026-11-27')).toHaveProperty('stroke-date');
    expect(checkStrokeDate(vitals({ strokeDate: '2026-11-28' }), true, '2026-11-27')['stroke-date']).toMatch(
      /today or in the past/,
    );
  });

  it('sends only well-formed readings, and reads them back', () => {
    const sent = vitalsAnswers(
      vitals({ systolic: '128', diastolic: '82', temperature: '98.6', temperatureUnit: 'F', strokeDate: '2025-03-01' }),
      true,
    );
    expect(sent).toEqual({
      bloodPressure: { systolic: 128, diastolic: 82 },
      temperatureC: 37,
      lastStrokeOrTiaDate: '2025-03-01',
    });
    expect(vitalsAnswers(vitals({ systolic: '12', diastolic: '8', strokeDate: '2025-03-01' }), false)).toEqual({});
    expect(vitalsFrom(sent)).toMatchObject({
      systolic: '128',
      diastolic: '82',
      temperature: '37',
      temperatureUnit: 'C',
      strokeDate: '2025-03-01',
    });
  });
});
