import type { RangeOfMotion } from './charting.ts';
import { request } from './http.ts';

/** One measure set before and after a session and against intake; `null` where it was not measured. */
export interface RomComparison {
  joint: string;
  motion: string;
  side: 'left' | 'right' | null;
  intake: number | null;
  before: number | null;
  after: number | null;
  changeInSession: number | null;
  changeSinceIntake: number | null;
  painOnMotion: { intake: boolean | null; before: boolean | null; after: boolean | null };
}

export interface SessionComparison {
  noteId: string;
  pain: {
    intake: number | null;
    intakeSource: 'nprs' | 'first-note' | null;
    before: number | null;
    after: number | null;
    changeInSession: number | null;
    changeSinceIntake: number | null;
    classificationSinceIntake: { class: string } | null;
  };
  rom: RomComparison[];
  romIntakeSource: 'assessment' | 'first-note' | null;
}

export const getSessionComparison = (noteId: string, signal?: AbortSignal) =>
  request<SessionComparison>('GET', `/api/sessions/${encodeURIComponent(noteId)}/comparison`, undefined, { signal });

export const saveReassessment = (noteId: string, input: { painAfter: number; rom: RangeOfMotion[] }) =>
  request<unknown>('POST', `/api/sessions/${encodeURIComponent(noteId)}/reassessment`, input);
