/** Therapists' weekly templates per site and their exceptions (time off, extra shifts). */
import * as practitioners from '../../store/repos/practitioners.ts';
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
  practitionerId: string;
  templates: repo.TemplateRow[];
  /** Exceptions that have not ended yet. */
  exceptions: repo.ExceptionRow[];
  /** Change the week and its exceptions: admins, and managers of every site the therapist works at. */
  can: { edit: boolean };
}

async function loadPractitioner(ctx: ServiceContext, actor: Actor, id: string) {
  const practitioner = await practitioners.findPractitioner(ctx.db, actor.orgId, id);
  if (!practitioner) throw new NotFoundError('No such practitioner.');
  return practitioner;
}

export async function getSchedule(ctx: ServiceContext, actor: Actor, practitionerId: string): Promise<WeeklySchedule> {
  authorize(actor, 'schedule.read');
  const practitioner = await loadPractitioner(ctx, actor, practitionerId);
  return {
    practitionerId,
    can: { edit: isAllowed(actor, 'schedule.manage', { locationIds: practitioner.locationIds }) },
    templates: await repo.listTemplates(ctx.db, actor.orgId, practitionerId),
    exceptions: await repo.listExceptions(ctx.db, actor.orgId, practitionerId, ctx.now()),
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
      problems[`templates.${i}.locationId`] = 'The practitioner does not work at this site; add the site first.';
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

/** Replaces the practitioner's whole week. Existing appointments stay; the desk moves what no longer fits. */
export async function replaceSchedule(
  ctx: ServiceContext,
  actor: Actor,
  practitionerId: string,
  templates: ShiftTemplate[],
): Promise<WeeklySchedule> {
  const practitioner = await loadPractitioner(ctx, actor, practitionerId);
  authorize(actor, 'schedule.manage', { locationIds: practitioner.locationIds });
  const problems = templateProblems(templates, practitioner.locationIds);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  await ctx.db.transaction(async (tx) => {
    await repo.replaceTemplates(tx, actor.orgId, practitionerId, templates);
    await audit(tx, actor, [
      {
        action: 'schedule.update',
        recordType: 'practitioner',
        recordId: practitionerId,
        detail: { templates: templates.length },
      },
    ]);
  });
  return getSchedule(ctx, actor, practitionerId);
}

export async function addException(
  ctx: ServiceContext,
  actor: Actor,
  practitionerId: string,
  input: repo.ExceptionFields,
  once?: Once,
): Promise<ScheduleException> {
  const practitioner = await loadPractitioner(ctx, actor, practitionerId);
  authorize(actor, 'schedule.manage', { locationIds: practitioner.locationIds });
  const problems: Record<string, string> = {};
  if (input.end <= input.start) problems.end = 'Must be after start.';
  if (input.end.getTime() - input.start.getTime() > 366 * 86_400_000)
    problems.end = 'An exception lasts at most a year.';
  if (input.kind === 'extra-shift' && !input.locationId) problems.locationId = 'An extra shift needs its site.';
  if (input.locationId && !practitioner.locationIds.includes(input.locationId))
    problems.locationId = 'The practitioner does not work at this site.';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const row = await repo.insertException(tx, actor.orgId, practitionerId, input);
      await audit(tx, actor, [
        {
          action: 'schedule.exception.create',
          recordType: 'schedule_exception',
          recordId: row.id,
          detail: { practitionerId, kind: input.kind },
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
  practitionerId: string,
  exceptionId: string,
): Promise<void> {
  const practitioner = await loadPractitioner(ctx, actor, practitionerId);
  authorize(actor, 'schedule.manage', { locationIds: practitioner.locationIds });
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteException(tx, actor.orgId, practitionerId, exceptionId)))
      throw new NotFoundError('No such exception for this practitioner.');
    await audit(tx, actor, [
      {
        action: 'schedule.exception.delete',
        recordType: 'schedule_exception',
        recordId: exceptionId,
        detail: { practitionerId },
      },
    ]);
  });
}
