import { safeProposePlan, scheduleVisits, type PlanProposal, type ScheduleOptions } from '../../clinical/plan/index.ts';
import type { Queryable } from '../../store/database.ts';
import { sqlState, SQLSTATE } from '../../store/database.ts';
import * as repo from '../../store/repos/charting-plans.ts';
import { siteInfo } from '../../store/repos/waitlist.ts';
import { audit } from '../audit.ts';
import { SeriesConflictError } from '../booking/errors.ts';
import { bookSeries } from '../booking/series.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { issueFields } from './intake-document.ts';
import { requireChart } from './gate/access.ts';
import { applyVisitChoices, type VisitChoice } from './plan-choices.ts';
import { planConsistency, PlanBodySchema, type PlanBody } from './plan-document.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { findAssessment, listAssessments } from '../../store/repos/charting-assessments.ts';
import { refreshPatientOutcomes } from '../outcomes/refresh.ts';
import { diagnosisView, type DiagnosisView } from './diagnoses.ts';
import { planCan, type PlanCan } from '../can.ts';
import type { PatientFacts } from '../policies.ts';

export type TreatmentPlan = Omit<repo.PlanRow, 'plan' | 'diagnoses'> & {
  plan: PlanBody;
  diagnoses: DiagnosisView[];
  can: PlanCan;
};
const bodyOf = (row: repo.PlanRow): PlanBody => row.plan as unknown as PlanBody;
const present = (row: repo.PlanRow, actor: Actor, patient: PatientFacts): TreatmentPlan => ({
  ...row,
  plan: bodyOf(row),
  diagnoses: row.diagnoses.map(diagnosisView),
  can: planCan(actor, patient, row),
});

/** The clinical core's proposal for these factors; nothing is stored. */
export async function proposeTreatmentPlan(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  factors: unknown,
): Promise<PlanProposal> {
  await requireChart(ctx.db, actor, patientId, 'plan.write');
  const result = safeProposePlan(factors);
  if (!result.ok)
    throw new ValidationError(Object.fromEntries(result.errors.map((e) => [`factors.${e.field}`, e.message])));
  await audit(ctx.db, actor, [
    {
      action: 'plan.propose',
      patientId,
      recordType: 'patient',
      recordId: patientId,
      detail: { totalVisits: result.value.totalVisits },
    },
  ]);
  return result.value;
}

function validPlan(input: unknown): PlanBody {
  const parsed = PlanBodySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issueFields(parsed.error.issues));
  const fields = planConsistency(parsed.data);
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return parsed.data;
}

function rethrowReference(err: unknown): never {
  if (sqlState(err) === SQLSTATE.foreignKeyViolation) {
    throw new ValidationError({
      therapistId: 'No such therapist or location in this organisation.',
      locationId: 'No such therapist or location in this organisation.',
    });
  }
  throw err;
}

/**
 * The assessment a plan is made from: the one named, else the patient's latest; its diagnoses are copied to the plan.
 */
async function sourceAssessment(db: Queryable, orgId: string, patientId: string, assessmentId: string | undefined) {
  if (assessmentId === undefined) return (await listAssessments(db, orgId, patientId))[0] ?? null;
  const found = await findAssessment(db, orgId, assessmentId);
  if (!found || found.patientId !== patientId)
    throw new ValidationError({ assessmentId: "Not one of this patient's assessments." });
  return found;
}

export async function createPlan(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: unknown,
  once?: Once,
  from: { assessmentId?: string } = {},
): Promise<TreatmentPlan> {
  const { facts } = await requireChart(ctx.db, actor, patientId, 'plan.write');
  const plan = validPlan(input);
  const assessment = await sourceAssessment(ctx.db, actor.orgId, patientId, from.assessmentId);
  const now = ctx.now();
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const row = await repo.insertPlan(tx, actor.orgId, {
        patientId,
        plan,
        therapistId: plan.therapistId,
        locationId: plan.locationId,
        assessmentId: assessment?.id ?? null,
        diagnoses: assessment?.diagnoses ?? [],
        userId: actor.userId,
        at: now,
      });
      await audit(tx, actor, [
        {
          action: 'plan.create',
          patientId,
          recordType: 'treatment_plan',
          recordId: row.id,
          detail: { totalVisits: plan.totalVisits, phase: plan.phase },
        },
      ]);
      await refreshPatientOutcomes(tx, ctx, actor.orgId, patientId);
      return present(row, actor, facts.patient);
    });
  } catch (err) {
    return rethrowReference(err);
  }
}

export async function listPatientPlans(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<{ plans: TreatmentPlan[] }> {
  const { facts } = await requireChart(ctx.db, actor, patientId, 'plan.read');
  const rows = await repo.listPlans(ctx.db, actor.orgId, patientId);
  await audit(ctx.db, actor, [
    {
      action: 'plan.list',
      patientId,
      recordType: 'treatment_plan',
      recordId: patientId,
      detail: { count: rows.length },
    },
  ]);
  return { plans: rows.map((row) => present(row, actor, facts.patient)) };
}

async function loadPlan(db: Queryable, actor: Actor, id: string, action: 'plan.write' | 'plan.book') {
  const row = await repo.findPlan(db, actor.orgId, id);
  if (!row) throw new NotFoundError('No such treatment plan.');
  const { facts } = await requireChart(db, actor, row.patientId, action);
  return { row, patient: facts.patient };
}

const NEXT_STATUS: Record<repo.PlanStatus, repo.PlanStatus[]> = {
  draft: ['draft', 'active', 'completed'],
  active: ['active', 'completed'],
  completed: ['completed'],
};

export interface PlanChanges {
  version: number;
  status?: repo.PlanStatus;
  changes: Partial<Record<keyof PlanBody, unknown>>;
}

/** The therapist edits the plan; status only moves forward (draft → active → completed); a completed plan is closed. */
export async function updatePlan(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: PlanChanges,
): Promise<TreatmentPlan> {
  const { row, patient } = await loadPlan(ctx.db, actor, id, 'plan.write');
  const status = input.status ?? row.status;
  if (!NEXT_STATUS[row.status].includes(status))
    throw new ValidationError({ status: `A ${row.status} plan cannot become ${status}.` });
  if (row.status === 'completed' && Object.keys(input.changes).length > 0)
    throw new ConflictError('status', 'This plan is completed; start a new plan instead.');
  const plan = validPlan({ ...row.plan, ...input.changes });
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const updated = await repo.updatePlan(tx, actor.orgId, id, input.version, {
        status,
        plan,
        therapistId: plan.therapistId,
        locationId: plan.locationId,
        seriesId: row.seriesId,
        userId: actor.userId,
        at: now,
      });
      if (!updated)
        throw new ConflictError('version', 'Someone else changed this plan since you opened it. Reload and try again.');
      await audit(tx, actor, [
        {
          action: 'plan.update',
          patientId: row.patientId,
          recordType: 'treatment_plan',
          recordId: id,
          detail: { fields: Object.keys(input.changes).sort(), status },
        },
      ]);
      // A completed plan is the discharge; phase and visits decide the episode's cut and drop-out.
      await refreshPatientOutcomes(tx, ctx, actor.orgId, row.patientId);
      return present(updated, actor, patient);
    });
  } catch (err) {
    return rethrowReference(err);
  }
}

/** The plan's visit dates from the clinical scheduler, at the plan's preferred local time. */
export function planVisits(plan: PlanBody): Array<{ date: string; time: string }> {
  const stages = plan.stages.map((stage) => ({ ...stage, rationale: stage.rationale ?? [] }));
  const proposal: PlanProposal = {
    stages,
    totalVisits: plan.totalVisits,
    reassessmentAtVisits: plan.reassessmentAtVisits,
    rationale: [],
    warnings: [],
  };
  const options: ScheduleOptions = {
    startDate: plan.startDate,
    preferredDays: [...new Set(plan.preferredDays)] as ScheduleOptions['preferredDays'],
  };
  return scheduleVisits(proposal, options).map((v) => ({ date: v.date, time: plan.preferredTime }));
}

/** Books every visit of the plan as one series (all or nothing) and marks the plan active. */
export async function bookPlan(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  options: { time?: string; choices?: VisitChoice[] } = {},
  once?: Once,
) {
  const { row, patient } = await loadPlan(ctx.db, actor, id, 'plan.book');
  if (row.status === 'completed') throw new ConflictError('status', 'This plan is completed.');
  if (row.seriesId) throw new ConflictError('seriesId', 'This plan is already booked.');
  const plan = bodyOf(row);
  const planned = planVisits(plan).map((v) => ({ ...v, time: options.time ?? v.time }));
  const chosen = options.choices?.length
    ? applyVisitChoices(
        planned,
        options.choices,
        plan.locationId,
        await timeZones(ctx.db, actor.orgId, options.choices, plan.locationId),
      )
    : { visits: planned, planIndex: planned.map((_, i) => i) };
  return createOnce(ctx, actor, once, async (tx) => {
    const booked = await bookSeries({ db: tx, now: ctx.now }, actor, {
      patientId: row.patientId,
      serviceCode: plan.serviceCode,
      therapistId: plan.therapistId,
      locationId: plan.locationId,
      visits: chosen.visits,
    }).catch((err: unknown) => {
      // A retry leaves skipped visits out; the front desk reads conflicts by the plan's visit numbers.
      if (err instanceof SeriesConflictError)
        throw new SeriesConflictError(
          err.extra.conflicts.map((c) => ({ ...c, visit: chosen.planIndex[c.visit] ?? c.visit })),
        );
      throw err;
    });
    const updated = await repo.updatePlan(tx, actor.orgId, id, row.version, {
      status: 'active',
      plan,
      therapistId: plan.therapistId,
      locationId: plan.locationId,
      seriesId: booked.seriesId,
      userId: actor.userId,
      at: ctx.now(),
    });
    if (!updated)
      throw new ConflictError('version', 'Someone else changed this plan while booking. Reload and try again.');
    await audit(tx, actor, [
      {
        action: 'plan.book',
        patientId: row.patientId,
        recordType: 'treatment_plan',
        recordId: id,
        detail: { seriesId: booked.seriesId, visits: booked.appointments.length },
      },
    ]);
    return {
      plan: present(updated, actor, patient),
      seriesId: booked.seriesId,
      appointments: booked.appointments,
      warnings: booked.warnings,
    };
  });
}

/** The time zone of every site the choices name, looked up once each. */
async function timeZones(
  db: Queryable,
  orgId: string,
  choices: VisitChoice[],
  planLocationId: string,
): Promise<(locationId: string) => string | undefined> {
  const ids = [...new Set([planLocationId, ...choices.flatMap((c) => (c.locationId ? [c.locationId] : []))])];
  const zones = new Map<string, string>();
  for (const locationId of ids) {
    const site = await siteInfo(db, orgId, locationId);
    if (site) zones.set(locationId, site.timeZone);
  }
  return (locationId) => zones.get(locationId);
}
