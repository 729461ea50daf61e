import type { MeasureId } from './charting.ts';
import { create } from './http.ts';

/**
 * Client for outcome-measure entry (NPRS, NDI, ODI, PSFS). Checked against /api/openapi.json by
 * test/browser/api-contract.test.ts.
 */
export const MEASURE_OPERATIONS = [['POST', '/api/patients/{id}/measures']] as const satisfies readonly (readonly [
  string,
  string,
])[];

const patient = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export interface MeasureResult {
  id: string;
  measure: MeasureId;
  score: number;
  percent: number | null;
  band: string | null;
  takenAt: string;
}
/** PSFS activities are named; NDI and ODI answers are 0–5 or null for a skipped section. */
export type MeasureAnswer = number | null | { activity: string; score: number | null };

export const submitMeasureForm = (
  patientId: string,
  measure: MeasureId,
  answers: MeasureAnswer[],
  sessionId: string | undefined,
  key: string,
) =>
  create<MeasureResult>(
    `${patient(patientId)}/measures`,
    { measure, answers, ...(sessionId ? { sessionId } : {}) },
    key,
  );
