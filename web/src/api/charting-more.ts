import type { GateDecision, IntakeView, MeasureId, TreatmentGate } from './charting.ts';
import { create, request } from './http.ts';

/**
 * Client for the charting screens added after the first pass: past intake versions, the gate
 * override and outcome-measure entry. Checked against /api/openapi.json by test/browser/api-contract.test.ts.
 */
export const CHARTING_MORE_OPERATIONS = [
  ['GET', '/api/patients/{id}/intake/{version}'],
  ['POST', '/api/patients/{id}/gate/override'],
  ['POST', '/api/patients/{id}/measures'],
] as const satisfies readonly (readonly [string, string])[];

const patient = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export interface VersionScreening {
  decision: GateDecision;
  explanation: string[];
  screenedFor: string;
  screenedAt: string;
}
export type IntakeVersionView = IntakeView & { screening: VersionScreening | null };
export interface GateOverride {
  id: string;
  reason: string;
  decidedAt: string;
  decidedBy: { userId: string; role: string; name: string | null };
}
/** The gate as the server sends it now: with the overrides of the current intake version. */
export type GateWithOverrides = TreatmentGate & { overrides?: GateOverride[] };

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

export const getIntakeVersion = (patientId: string, version: number, signal?: AbortSignal) =>
  request<IntakeVersionView>('GET', `${patient(patientId)}/intake/${version}`, undefined, { signal });
export const overrideGate = (patientId: string, reason: string, key: string) =>
  create<{ gate: GateWithOverrides }>(`${patient(patientId)}/gate/override`, { reason }, key);
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
