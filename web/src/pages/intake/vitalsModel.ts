import type { IntakeAnswers } from '../../api/charting.ts';
import type { useT } from '../../i18n/t.ts';

type Translate = ReturnType<typeof useT>;

/**
 * The desk's readings (blood pressure, temperature) and the stroke date, as the form holds them
 * (text, so a half-typed number is kept) and as the screening answers carry them. The ranges are
 * the server's (src/clinical/screening/answers.ts): anything outside is a typing slip, not a reading.
 */
export interface VitalsState {
  strokeDate: string;
  systolic: string;
  diastolic: string;
  temperature: string;
  temperatureUnit: 'C' | 'F';
}

export const SYSTOLIC = { min: 50, max: 300 };
export const DIASTOLIC = { min: 20, max: 200 };
export const TEMPERATURE_C = { min: 30, max: 45 };
const F = { min: 86, max: 113 };

export const emptyVitals = (): VitalsState => ({
  strokeDate: '',
  systolic: '',
  diastolic: '',
  temperature: '',
  temperatureUnit: 'C',
});

const wholeIn = (text: string, r: { min: number; max: number }) =>
  /^\d{1,3}$/.test(text.trim()) && Number(text) >= r.min && Number(text) <= r.max;
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The temperature in °C to one decimal, or null when it is blank or not a sensible reading. */
export function temperatureC(state: VitalsState): number | null {
  const text = state.temperature.trim().replace(',', '.');
  if (!/^\d{2,3}(\.\d)?$/.test(text)) return null;
  const value = Number(text);
  const range = state.temperatureUnit === 'C' ? TEMPERATURE_C : F;
  if (value < range.min || value > range.max) return null;
  const celsius = state.temperatureUnit === 'C' ? value : ((value - 32) * 5) / 9;
  return Math.round(celsius * 10) / 10;
}

/** Readings and stroke date for the screening answers; only well-formed values are sent. */
export function vitalsAnswers(
  state: VitalsState,
  strokeYes: boolean,
): Pick<IntakeAnswers, 'bloodPressure' | 'temperatureC' | 'lastStrokeOrTiaDate'> {
  const out: Pick<IntakeAnswers, 'bloodPressure' | 'temperatureC' | 'lastStrokeOrTiaDate'> = {};
  if (wholeIn(state.systolic, SYSTOLIC) && wholeIn(state.diastolic, DIASTOLIC)) {
    out.bloodPressure = { systolic: Number(state.systolic), diastolic: Number(state.diastolic) };
  }
  const t = temperatureC(state);
  if (t !== null) out.temperatureC = t;
  if (strokeYes && isDate(state.strokeDate)) out.lastStrokeOrTiaDate = state.strokeDate;
  return out;
}

export function vitalsFrom(answers: IntakeAnswers | undefined): VitalsState {
  const state = emptyVitals();
  if (answers?.bloodPressure) {
    state.systolic = String(answers.bloodPressure.systolic);
    state.diastolic = String(answers.bloodPressure.diastolic);
  }
  if (answers?.temperatureC !== undefined) state.temperature = String(answers.temperatureC);
  state.strokeDate = answers?.lastStrokeOrTiaDate ?? '';
  return state;
}

/** The stroke date, asked when the stroke question is ticked. */
export function checkStrokeDate(
  state: VitalsState,
  strokeYes: boolean,
  today: string,
  t: Translate,
): Record<string, string> {
  if (!strokeYes) return {};
  if (!isDate(state.strokeDate)) return { 'stroke-date': t('intake.vitalsCheck.strokeDate') };
  if (state.strokeDate > today) return { 'stroke-date': t('intake.vitalsCheck.strokePast') };
  return {};
}

/** Both readings are optional, but what is typed must be a sensible reading. */
export function checkVitals(state: VitalsState, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  const sys = state.systolic.trim();
  const dia = state.diastolic.trim();
  if (sys || dia) {
    if (!wholeIn(sys, SYSTOLIC)) errors.systolic = t('intake.vitalsCheck.systolic', SYSTOLIC);
    if (!wholeIn(dia, DIASTOLIC)) errors.diastolic = t('intake.vitalsCheck.diastolic', DIASTOLIC);
    else if (!errors.systolic && Number(dia) >= Number(sys)) errors.diastolic = t('intake.vitalsCheck.lowerFirst');
  }
  if (state.temperature.trim() && temperatureC(state) === null) {
    errors.temperature =
      state.temperatureUnit === 'C'
        ? t('intake.vitalsCheck.celsius', TEMPERATURE_C)
        : t('intake.vitalsCheck.fahrenheit', F);
  }
  return errors;
}

/** Where thermometers read Fahrenheit: the United States and its territories, and a few others. */
const FAHRENHEIT_COUNTRIES = new Set([
  'US',
  'PR',
  'GU',
  'VI',
  'AS',
  'MP',
  'UM',
  'BS',
  'BZ',
  'KY',
  'LR',
  'PW',
  'FM',
  'MH',
]);

/** The unit a clinic's patients expect, from the country of the site (two-letter code). */
export function temperatureUnitFor(country: string | null | undefined): 'C' | 'F' {
  return country && FAHRENHEIT_COUNTRIES.has(country.toUpperCase()) ? 'F' : 'C';
}

/** The same readings shown in another unit: a well-formed temperature is converted (one decimal). */
export function withTemperatureUnit(state: VitalsState, unit: 'C' | 'F'): VitalsState {
  if (state.temperatureUnit === unit) return state;
  const celsius = temperatureC(state);
  const text =
    celsius === null
      ? state.temperature
      : String(unit === 'C' ? celsius : Math.round(((celsius * 9) / 5 + 32) * 10) / 10);
  return { ...state, temperature: text, temperatureUnit: unit };
}

/** The server's field paths (answers.temperatureC …) → the form's field names. */
export const SERVER_FIELDS: Record<string, string> = {
  'answers.temperatureC': 'temperature',
  'answers.bloodPressure': 'systolic',
  'answers.bloodPressure.systolic': 'systolic',
  'answers.bloodPressure.diastolic': 'diastolic',
  'answers.lastStrokeOrTiaDate': 'stroke-date',
};
