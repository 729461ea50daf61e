import { muscleById, triggerPointById } from '../../clinical/atlas/index.ts';
import { regionById } from '../../clinical/bodymap/regions.ts';
import { stepRefusal } from '../../clinical/screening/step-gate.ts';
import { checkStep, isTechnique, type TreatmentStep } from '../../clinical/protocol/index.ts';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../store/database.ts';
import type { KeyToKeep } from '../../store/repos/idempotency.ts';
import * as steps from '../../store/repos/sessions/steps.ts';
import { audit, auditEvents } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { treatmentGate, type TreatmentGate } from './gate/gate.ts';
import { ChartingRefusal, lockDraft, requireNote } from './session-access.ts';
import { createOnceKeptByWrite, type Once } from '../idempotency.ts';
import { dateIn } from '../../time/index.ts';

export type StepInput = Omit<
  steps.StepFields,
  'triggerPoint' | 'durationSeconds' | 'holdSeconds' | 'painRating' | 'layer' | 'releaseAchieved'
> &
  Partial<
    Pick<
      steps.StepFields,
      'triggerPoint' | 'durationSeconds' | 'holdSeconds' | 'painRating' | 'layer' | 'releaseAchieved'
    >
  >;

export interface RecordedStep {
  step: steps.StepRow;
  flags: steps.StepFlag[];
  /**
   * Pain reached the stop rule (≥ 9 of 10). The step is still recorded — the pressure was applied
   * and the chart must say so — and the tablet shows "release now" in full screen.
   */
  stop: boolean;
  alert: string | null;
}

/** The atlas and body map know every id a step names; anything else is a 422 naming the field. */
function checkVocabulary(input: StepInput): void {
  const problems: Record<string, string> = {};
  const muscle = muscleById(input.muscle);
  if (!muscle) problems.muscle = 'Not a muscle of the atlas (use its id, e.g. upper-trapezius).';
  if (input.triggerPoint) {
    const point = triggerPointById(input.triggerPoint);
    if (!point || point.muscleId !== input.muscle) problems.triggerPoint = 'Not a trigger point of this muscle.';
  }
  const region = regionById(input.region);
  if (!region) problems.region = 'Not a body-map region id (e.g. upper-back-left).';
  else if (region.side !== 'midline' && input.side !== region.side)
    problems.side = `The region is on the ${region.side} side.`;
  if (!isTechnique(input.technique)) problems.technique = 'Not a known technique.';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

/** The screening gate's rule (shared with the tablet's offline check); a refusal writes no step. */
function checkGate(gate: TreatmentGate, input: StepInput): void {
  const refusal = stepRefusal(gate, input);
  if (refusal) throw new ChartingRefusal(refusal.code, 422, refusal.message, refusal.fields);
}

const asDoseStep = (
  s: Pick<steps.StepFields, 'technique' | 'holdSeconds' | 'painRating' | 'layer' | 'muscle'>,
): TreatmentStep => ({
  technique: s.technique,
  ...(s.holdSeconds !== null ? { holdSeconds: s.holdSeconds } : {}),
  ...(s.painRating !== null ? { painRating: s.painRating } : {}),
  ...(s.layer !== null ? { layer: s.layer } : {}),
  muscle: s.muscle,
});

async function record(
  tx: Queryable,
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  fields: steps.StepFields,
  keep: (answer: RecordedStep) => KeyToKeep | undefined,
): Promise<{ answer: RecordedStep; written: boolean }> {
  const note = await lockDraft(tx, actor.orgId, noteId);
  // A clearance that runs out today is judged on the clinic's day (the organisation's, as the gate
  // itself is read), not UTC's, which is already tomorrow on a US evening.
  const gate = await treatmentGate(tx, actor.orgId, note.patientId, dateIn(actor.orgTimeZone, ctx.now()));
  checkGate(gate, fields);
  const earlier = await steps.listSteps(tx, actor.orgId, noteId);
  const check = checkStep(
    {
      ...asDoseStep(fields),
      cautions: { noDeepPressure: gate.noDeepPressure, painRatingsUnreliable: gate.painRatingsUnreliable !== null },
    },
    earlier.map(asDoseStep),
  );
  const stop = check.flags.some((f) => f.level === 'stop');
  // The whole row is known before the write (the note's lock keeps `seq` free), so the answer can be kept
  // by the same statement that writes the step and its audit event.
  const step: steps.StepRow = {
    id: randomUUID(),
    sessionNoteId: noteId,
    seq: (earlier.at(-1)?.seq ?? 0) + 1,
    ...fields,
    flags: check.flags,
    stop,
    recordedBy: actor.userId,
    recordedAt: ctx.now(),
  };
  const alert = stop ? check.flags.find((f) => f.level === 'stop')!.message : null;
  const answer = { step, flags: check.flags, stop, alert };
  const [audited] = auditEvents(actor, [
    {
      action: 'treatment-step.create',
      patientId: note.patientId,
      recordType: 'treatment_step',
      recordId: step.id,
      detail: { noteId, stop },
    },
  ]);
  const written = await steps.writeStep(tx, actor.orgId, step, audited!, keep(answer), ctx.now());
  return { answer, written };
}

/**
 * Records one treatment step (the hold timer posts one per hold). The gate is read in the same
 * transaction as the write; a refusal writes nothing but an audit event saying what was refused.
 */
export async function addStep(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  input: StepInput,
  once?: Once,
): Promise<RecordedStep> {
  const { note } = await requireNote(ctx.db, actor, noteId, 'session-note.write', 'treatment-step.create');
  checkVocabulary(input);
  const fields: steps.StepFields = {
    muscle: input.muscle,
    triggerPoint: input.triggerPoint ?? null,
    side: input.side,
    region: input.region,
    technique: input.technique,
    durationSeconds: input.durationSeconds ?? null,
    holdSeconds: input.holdSeconds ?? null,
    painRating: input.painRating ?? null,
    layer: input.layer ?? null,
    releaseAchieved: input.releaseAchieved ?? null,
  };
  try {
    return await createOnceKeptByWrite(ctx, actor, once, (tx, keep) => record(tx, ctx, actor, noteId, fields, keep));
  } catch (err) {
    if (err instanceof ChartingRefusal && err.code !== 'note_signed') {
      await audit(ctx.db, actor, [
        {
          action: 'treatment-step.create',
          outcome: 'denied',
          patientId: note.patientId,
          recordType: 'session_note',
          recordId: noteId,
          detail: { code: err.code },
        },
      ]);
    }
    throw err;
  }
}
