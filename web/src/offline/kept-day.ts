import type { z } from 'zod';
import type { OfflineDaySchema } from '../../../src/http/offline/schema.ts';
import { checkStep } from '../../../src/clinical/protocol/check-step.ts';
import { stepRefusal } from '../../../src/clinical/screening/step-gate.ts';
import type { RecordedStep, SessionNote, TreatmentGate } from '../api/charting.ts';
import { ApiError } from '../api/http.ts';

export type KeptDay = z.infer<typeof OfflineDaySchema>;

/** One write made on the tablet, waiting to be sent with its Idempotency-Key. */
export interface OutboxItem {
  key: string;
  /** 'create' starts a note on the tablet (see new-note.ts); the rest write into a note. */
  kind: 'create' | 'step' | 'note' | 'reassessment';
  noteId: string;
  patientId: string;
  body: Record<string, unknown>;
  /** The note's version on the server when the therapist wrote this. */
  baseVersion: number;
  /** Set when sending found the server changed: kept and shown, never dropped or overwritten. */
  problem?: { code: string; message: string; server?: SessionNote };
}

type StepBody = {
  muscle: string;
  side: string;
  region: string;
  technique: string;
  holdSeconds?: number;
  painRating?: number;
  layer?: string;
  releaseAchieved?: boolean;
};

/** The screening gate as kept this morning, by the server's own rule; the server checks again when the step is sent. */
export function gateRefusal(gate: TreatmentGate, step: StepBody): ApiError | null {
  const refusal = stepRefusal(gate, step);
  return refusal ? new ApiError(422, refusal.code, refusal.message, refusal.fields) : null;
}

/** A step recorded on the tablet, as the visit screen shows a recorded one (flags from the same dose rules). */
export function localStep(note: SessionNote, item: OutboxItem, at: string): RecordedStep {
  const body = item.body as StepBody;
  const { flags } = checkStep({
    technique: body.technique,
    ...(body.holdSeconds !== undefined ? { holdSeconds: body.holdSeconds } : {}),
    ...(body.painRating !== undefined ? { painRating: body.painRating } : {}),
  });
  const stop = (body.painRating ?? 0) >= 9;
  const step = {
    id: `tablet-${item.key}`,
    sessionNoteId: note.id,
    seq: note.steps.length + 1,
    muscle: body.muscle,
    triggerPoint: null,
    side: body.side,
    region: body.region,
    technique: body.technique,
    durationSeconds: null,
    holdSeconds: body.holdSeconds ?? null,
    painRating: body.painRating ?? null,
    layer: body.layer ?? null,
    releaseAchieved: body.releaseAchieved ?? null,
    flags,
    stop,
    recordedAt: at,
  };
  return { step, flags, stop, alert: stop ? 'Pain 9 or more: release the pressure now.' : null };
}

/** The note as the tablet sees it: the server's copy with the writes still waiting laid over it. */
export function noteWithOutbox(note: SessionNote, outbox: readonly OutboxItem[], at: string): SessionNote {
  let view = note;
  for (const item of outbox) {
    if (item.noteId !== note.id || item.kind === 'create') continue;
    if (item.kind === 'step') {
      const { step } = localStep(view, item, at);
      view = { ...view, steps: [...view.steps, step], hadStop: view.hadStop || step.stop };
    } else if (item.kind === 'note') {
      const { sendAnyway: _chosen, ...changes } = item.body;
      view = { ...view, ...changes, version: note.version + 1 } as SessionNote;
    } else {
      view = { ...view, reassessment: item.body as SessionNote['reassessment'] };
    }
  }
  return view;
}
