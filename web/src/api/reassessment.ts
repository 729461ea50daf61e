import type { z } from 'zod';
import type { SessionComparisonSchema } from '../../../src/http/sessions/schema.ts';
import type { RangeOfMotion } from './charting.ts';
import { create, request } from './http.ts';

export type SessionComparison = z.infer<typeof SessionComparisonSchema>;

export const getSessionComparison = (noteId: string, signal?: AbortSignal) =>
  request<SessionComparison>('GET', `/api/sessions/${encodeURIComponent(noteId)}/comparison`, undefined, { signal });

export const saveReassessment = (noteId: string, input: { painAfter: number; rom: RangeOfMotion[] }, key: string) =>
  create<unknown>(`/api/sessions/${encodeURIComponent(noteId)}/reassessment`, input, key);
