import {
  classifyChange,
  isScoreError,
  MEASURE_IDS,
  scoreMeasure,
  scorePsfs,
  THRESHOLDS,
  type ChangeClassification,
  type McidThreshold,
  type MeasureId,
  type MeasureScore,
  type ScoreError,
  type Threshold,
} from '../../clinical/measures/index.ts';
import * as baseline from '../../store/repos/sessions/baseline.ts';
import * as repo from '../../store/repos/sessions/measures.ts';
import { treatedRegions } from '../../store/repos/sessions/steps.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { isAllowed } from '../policies.ts';
import { measuresDue, type DueMeasure } from './measures-due.ts';
import { patientAccess, refuse, requirePatient } from './session-access.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { refreshPatientOutcomes } from '../outcomes/refresh.ts';

export type MeasureAnswer = repo.MeasureAnswer;
export type MeasureResponse = repo.MeasureResponseRow;

/** PSFS activities may be named; the other measures take plain item scores (null = skipped). */
function score(measure: MeasureId, answers: readonly MeasureAnswer[]): MeasureScore | ScoreError {
  if (measure === 'psfs') {
    return scorePsfs(
      answers.map((a, i) => (typeof a === 'object' && a !== null ? a : { activity: `activity ${i + 1}`, score: a })),
    );
  }
  const named = answers.findIndex((a) => typeof a === 'object' && a !== null);
  if (named >= 0)
    throw new ValidationError({ [`answers.${named}`]: 'Only PSFS activities are named; give a number or null.' });
  return scoreMeasure(measure, answers as Array<number | null>);
}

/** Scores by the clinical core and stores; a form it cannot score is a 422 naming the item. */
export async function submitMeasure(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: { measure: MeasureId; answers: MeasureAnswer[]; sessionId?: string | null },
  once?: Once,
): Promise<MeasureResponse> {
  await requirePatient(ctx.db, actor, patientId, 'measure.submit', 'measure.submit');
  const sessionId = input.sessionId ?? null;
  if (sessionId && (await repo.notePatient(ctx.db, actor.orgId, sessionId)) !== patientId) {
    throw new ValidationError({ sessionId: 'No such session note for this patient.' });
  }
  const result = score(input.measure, input.answers);
  if (isScoreError(result)) {
    const field = result.error.item !== undefined ? `answers.${result.error.item - 1}` : 'answers';
    throw new ValidationError({ [field]: result.error.message });
  }
  return createOnce(ctx, actor, once, async (tx) => {
    const row = await repo.insertResponse(
      tx,
      actor.orgId,
      {
        patientId,
        measure: input.measure,
        answers: input.answers,
        score: result.score,
        percent: result.percent ?? null,
        band: result.band ?? null,
        sessionNoteId: sessionId,
        enteredBy: actor.userId,
        enteredRole: actor.role,
      },
      ctx.now(),
    );
    await audit(tx, actor, [
      {
        action: 'measure.submit',
        patientId,
        recordType: 'measure_response',
        recordId: row.id,
        detail: { measure: input.measure },
      },
    ]);
    await refreshPatientOutcomes(tx, ctx, actor.orgId, patientId);
    return row;
  });
}

export interface MeasurePoint {
  id: string;
  takenAt: Date;
  score: number;
  percent: number | null;
  band: string | null;
  sessionNoteId: string | null;
  /** Against the first (baseline) response; null on the baseline itself. */
  change: ChangeClassification | null;
  /** PSFS only: the activities the patient named, so a later response rates the same ones. */
  activities?: string[];
}

export interface MeasureSeries {
  measure: MeasureId;
  higherIsWorse: boolean;
  /** For the plot's band: the default MCID and MDC of the measure. */
  mcid: McidThreshold;
  mdc: Threshold | null;
  points: MeasurePoint[];
}

function psfsActivities(answers: readonly MeasureAnswer[]): string[] {
  return answers.map((a, i) => (typeof a === 'object' && a !== null ? a.activity : `Activity ${i + 1}`));
}

/** Every measure the patient has taken, oldest first, each point classified against the baseline. */
export async function measureSeries(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<{ series: MeasureSeries[] }> {
  await requirePatient(ctx.db, actor, patientId, 'measure.read', 'measure.read');
  const rows = await repo.listResponses(ctx.db, actor.orgId, patientId);
  const series: MeasureSeries[] = [];
  for (const measure of MEASURE_IDS) {
    const mine = rows.filter((r) => r.measure === measure);
    if (mine.length === 0) continue;
    const first = mine[0]!;
    const set = THRESHOLDS[measure][0]!;
    series.push({
      measure,
      higherIsWorse: measure !== 'psfs',
      mcid: set.mcid,
      mdc: set.mdc ?? null,
      points: mine.map((r) => ({
        id: r.id,
        takenAt: r.takenAt,
        score: r.score,
        percent: r.percent,
        band: r.band,
        sessionNoteId: r.sessionNoteId,
        change: r === first ? null : classifyChange(measure, first.score, r.score),
        ...(measure === 'psfs' ? { activities: psfsActivities(r.answers) } : {}),
      })),
    });
  }
  await audit(ctx.db, actor, [
    {
      action: 'measure.read',
      patientId,
      recordType: 'patient',
      recordId: patientId,
      detail: { responses: rows.length },
    },
  ]);
  return { series };
}

/** What to hand the patient at this visit; anyone who may read or enter the patient's measures may ask. */
export async function dueMeasures(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<{ visitNumber: number; measures: DueMeasure[] }> {
  const { facts } = await patientAccess(ctx.db, actor.orgId, patientId);
  if (!isAllowed(actor, 'measure.submit', facts) && !isAllowed(actor, 'measure.read', facts))
    await refuse(ctx.db, actor, 'measure.due', patientId);
  const [rows, painMap, treated, completed] = await Promise.all([
    repo.listResponses(ctx.db, actor.orgId, patientId),
    baseline.latestPainMapRegions(ctx.db, actor.orgId, patientId),
    treatedRegions(ctx.db, actor.orgId, patientId),
    repo.visitsSince(ctx.db, actor.orgId, patientId, null),
  ]);
  const history: Parameters<typeof measuresDue>[0]['history'] = {};
  for (const measure of MEASURE_IDS) {
    const last = rows.filter((r) => r.measure === measure).at(-1);
    if (last)
      history[measure] = {
        lastTakenAt: last.takenAt,
        visitsSince: await repo.visitsSince(ctx.db, actor.orgId, patientId, last.takenAt),
      };
  }
  await audit(ctx.db, actor, [{ action: 'measure.due', patientId, recordType: 'patient', recordId: patientId }]);
  return { visitNumber: completed + 1, measures: measuresDue({ regions: [...painMap, ...treated], history }) };
}
