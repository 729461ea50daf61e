/** Therapists' weekly templates per site and their exceptions (time off, extra shifts). */
import * as therapists from '../../store/repos/therapists.ts';
import * as repo from '../../store/repos/schedules.ts';
import { sqlState, SQLSTATE } from '../../store/database.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { authorize, isAllowed } from '../policies.ts';
import { createOnce, type Once } from '../idempotency.ts';

export type ShiftTemplate = repo.TemplateFields;
export type ScheduleException = repo.ExceptionRow;

export interface WeeklySchedule {
  therapistId: string;
  templates: repo.TemplateRow[];
  /** Exceptions that have not ended yet. */
  exceptions: repo.ExceptionRow[];
  /** Change the week and its exceptions: admins, and managers of every site the therapist works at. */
  can: { edit: boolean };
}

async function loadTherapist(ctx: ServiceContext, actor: Actor, id: string) {
  const therapist = await therapists.findTherapist(ctx.db, actor.orgId, id);
  if (!therapist) throw new NotFoundError('No such therapist.');
  return therapist;
}

export async function getSchedule(ctx: ServiceContext, actor: Actor, therapistId: string): Promise<WeeklySchedule> {
  authorize(actor, 'schedule.read');
  const therapist = await loadTherapist(ctx, actor, therapistId);
  return {
    therapistId,
    can: { edit: isAllowed(actor, 'schedule.manage', { locationIds: therapist.locationIds }) },
    templates: await repo.listTemplates(ctx.db, actor.orgId, therapistId),
    exceptions: await repo.listExceptions(ctx.db, actor.orgId, therapistId, ctx.now()),
  };
}

/** Rule breaks in a week of templates, keyed `templates.<index>.<field>` as sent. */
export function templateProblems(
  templates: readonly ShiftTemplate[],
  siteIds: readonly string[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  templates.forEach((t, i) => {
    if (!siteIds.includes(t.locationId))
      problems[`templates.${i}.locationId`] = 'The therapist does not work at this site; add the site first.';
    if (t.end <= t.start) problems[`templates.${i}.end`] = 'The shift must end after it starts.';
    if (t.validFrom && t.validTo && t.validTo < t.validFrom)
      problems[`templates.${i}.validTo`] = 'Must not be before validFrom.';
  });
  // One therapist cannot be in two shifts at once, at one site or two.
  templates.forEach((a, i) => {
    templates.forEach((b, j) => {
      if (j <= i || a.weekday !== b.weekday || !(a.start < b.end && b.start < a.end)) return;
      const datesOverlap = (a.validFrom ?? '') <= (b.validTo ?? '9999') && (b.validFrom ?? '') <= (a.validTo ?? '9999');
      if (datesOverlap)
        problems[`templates.${j}.start`] ??= `Overlaps template ${i} (${a.start}–${a.end}) on the same weekday.`;
    });
  });
  return problems;
}

/** Replaces the therapist's whole week. Existing appointments stay; the desk moves what no longer fits. */
export async function replaceSchedule(
  ctx: ServiceContext,
  actor: Actor,
  therapistId: string,
  templates: ShiftTemplate[],
): Promise<WeeklySchedule> {
  const therapist = await loadTherapist(ctx, actor, therapistId);
  authorize(actor, 'schedule.manage', { locationIds: therapist.locationIds });
  const problems = templateProblems(templates, therapist.locationIds);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  await ctx.db.transaction(async (tx) => {
    await repo.replaceTemplates(tx, actor.orgId, therapistId, templates);
    await audit(tx, actor, [
      {
        action: 'schedule.update',
        recordType: 'therapist',
        recordId: therapistId,
        detail: { templates: templates.length },
      },
    ]);
  });
  return getSchedule(ctx, actor, therapistId);
}

export async function addException(
  ctx: ServiceContext,
  actor: Actor,
  therapistId: string,
  input: repo.ExceptionFields,
  once?: Once,
): Promise<ScheduleException> {
  const therapist = await loadTherapist(ctx, actor, therapistId);
  authorize(actor, 'schedule.manage', { locationIds: therapist.locationIds });
  const problems: Record<string, string> = {};
  if (input.end <= input.start) problems.end = 'Must be after start.';
  if (input.end.getTime() - input.start.getTime() > 366 * 86_400_000)
    problems.end = 'An exception lasts at most a year.';
  if (input.kind === 'extra-shift' && !input.locationId) problems.locationId = 'An extra shift needs its site.';
  if (input.locationId && !therapist.locationIds.includes(input.locationId))
    problems.locationId = 'The therapist does not work at this site.';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const row = await repo.insertException(tx, actor.orgId, therapistId, input);
      await audit(tx, actor, [
        {
          action: 'schedule.exception.create',
          recordType: 'schedule_exception',
          recordId: row.id,
          detail: { therapistId, kind: input.kind },
        },
      ]);
      return row;
    });
  } catch (err) {
    if (sqlState(err) === SQLSTATE.foreignKeyViolation)
      throw new ValidationError({ locationId: 'No such location in this organisation.' });
    throw err;
  }
}

export async function removeException(
  ctx: ServiceContext,
  actor: Actor,
  therapistId: string,
  exceptionId: string,
): Promise<void> {
  const therapist = await loadTherapist(ctx, actor, therapistId);
  authorize(actor, 'schedule.manage', { locationIds: therapist.locationIds });
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteException(tx, actor.orgId, therapistId, exceptionId)))
      throw new NotFoundError('No such exception for this therapist.');
    await audit(tx, actor, [
      {
        action: 'schedule.exception.delete',
        recordType: 'schedule_exception',
        recordId: exceptionId,
        detail: { therapistId },
      },
    ]);
  });
}
