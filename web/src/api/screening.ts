import type { GateDecision, IntakeView, TreatmentGate } from './charting.ts';
import { create, request } from './http.ts';

/**
 * Client for screening: past intake versions with the screening each had, and the gate override.
 * Checked against /api/openapi.json by test/browser/api-contract.test.ts.
 */
export const SCREENING_OPERATIONS = [
  ['GET', '/api/patients/{id}/intake/{version}'],
  ['POST', '/api/patients/{id}/gate/override'],
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

export const getIntakeVersion = (patientId: string, version: number, signal?: AbortSignal) =>
  request<IntakeVersionView>('GET', `${patient(patientId)}/intake/${version}`, undefined, { signal });
export const overrideGate = (patientId: string, reason: string, key: string) =>
  create<{ gate: GateWithOverrides }>(`${patient(patientId)}/gate/override`, { reason }, key);
