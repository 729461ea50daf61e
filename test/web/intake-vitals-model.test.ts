import { describe, expect, it } from 'vitest';
import {
  checkStrokeDate,
  checkVitals,
  emptyVitals,
  temperatureC,
  vitalsAnswers,
  vitalsFrom,
} from '../../web/src/pages/intake/vitalsModel.ts';
import en from '../../web/src/i18n/en.json';
import es from '../../web/src/i18n/es.json';

/** A language's messages with their placeholders filled, as the page's translate gives them. */
const translate =
  (messages: Record<string, string>) =>
  (id: keyof typeof en, values: Record<string, string | number> = {}) =>
    messages[id]!.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
const t = translate(en);

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
    expect(checkVitals(emptyVitals(), t)).toEqual({});
    expect(Object.keys(checkVitals(vitals({ systolic: '120' }), t))).toEqual(['diastolic']);
    expect(checkVitals(vitals({ systolic: '90', diastolic: '95' }), t).diastolic).toMatch(/less than the upper/);
    expect(Object.keys(checkVitals(vitals({ systolic: '400', diastolic: '80', temperature: '50' }), t))).toEqual([
      'systolic',
      'temperature',
    ]);
  });

  it('tells a Spanish reader the range in Spanish', () => {
    const spanish = checkVitals(
      vitals({ systolic: '400', diastolic: '80', temperature: '120', temperatureUnit: 'F' }),
      translate(es),
    );
    expect(spanish).toEqual({
      systolic: 'Escriba el número de arriba (sistólica), un número entero de 50 a 300 mmHg',
      temperature: 'Escriba una temperatura de 86 a 113 °F, por ejemplo 98.2',
    });
  });

  it('asks for a stroke date only when the stroke question is yes, and not a future one', () => {
    expect(checkStrokeDate(emptyVitals(), false, '2026-11-27', t)).toEqual({});
    expect(checkStrokeDate(emptyVitals(), true, '2026-11-27', t)).toHaveProperty('stroke-date');
    expect(checkStrokeDate(vitals({ strokeDate: '2026-11-28' }), true, '2026-11-27', t)['stroke-date']).toMatch(
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
