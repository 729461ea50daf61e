import type { SessionComparison } from '../../../src/services/charting/session-reassessment.ts';
import type { RangeOfMotion } from './charting.ts';
import { create, request } from './http.ts';

// The comparison route answers with the service's own shape (no separate wire schema).
export type { SessionComparison } from '../../../src/services/charting/session-reassessment.ts';

export const getSessionComparison = (noteId: string, signal?: AbortSignal) =>
  request<SessionComparison>('GET', `/api/sessions/${encodeURIComponent(noteId)}/comparison`, undefined, { signal });

export const saveReassessment = (noteId: string, input: { painAfter: number; rom: RangeOfMotion[] }, key: string) =>
  create<unknown>(`/api/sessions/${encodeURIComponent(noteId)}/reassessment`, input, key);
