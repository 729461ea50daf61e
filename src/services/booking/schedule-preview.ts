/**
 * Before a schedule change is saved: the booked visits it would leave without a place (a closure
 * over booked days, shorter hours, time off, a changed week). Nothing is written; each visit listed
 * names a patient, so each is audited like a calendar read.
 */
import type { WeekdayKey } from '../../scheduling/index.ts';
import { addDays, zonedWallTimeToInstant, type Weekday } from '../../time/index.ts';
import * as appointments from '../../store/repos/appointments.ts';
import * as locations from '../../store/repos/locations.ts';
import * as therapists from '../../store/repos/therapists.ts';
import type { ExceptionFields, TemplateFields } from '../../store/repos/schedules.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { hoursProblems, normalizeHours, type WeeklyHours } from '../locations.ts';
import { authorize, isAllowed } from '../policies.ts';
import { conflictsOf, mayConflict, scheduleAround, type ScheduleSnapshot } from './conflicts.ts';
import { templateProblems } from './schedules.ts';
import { presentAppointments, bookingFacts, type Appointment } from './views.ts';

export interface AffectedVisits {
  /** The booked visits the change would leave without a place, each with why. */
  affected: Appointment[];
  /** Affected visits the asker may not see (at sites they do not manage). */
  notShown: number;
}

/** Hours and weekly shifts reach this far ahead; the booking horizon is shorter. */
const AHEAD_DAYS = 400;
const MAX_VISITS = 5000;

async function affectedBy(
  ctx: ServiceContext,
  actor: Actor,
  filter: { locationId?: string; therapistId?: string; from: Date; to: Date },
  change: (schedule: ScheduleSnapshot) => void,
): Promise<AffectedVisits> {
  const now = ctx.now();
  const rows = (
    await appointments.listAppointments(ctx.db, actor.orgId, { kind: 'organization' }, { ...filter, limit: MAX_VISITS })
  ).filter((r) => mayConflict(r, now));
  const schedule = await scheduleAround(ctx.db, actor.orgId, rows, true);
  change(schedule);
  const conflicts = await conflictsOf(ctx.db, actor.orgId, rows, now, { schedule });
  const hit = rows.filter((r) => conflicts.has(r.id));
  const visible = hit.filter((r) => isAllowed(actor, 'appointment.read', { booking: bookingFacts(r) }));
  await audit(
    ctx.db,
    actor,
    visible.map((r) => ({
      action: 'appointment.list',
      patientId: r.patientId,
      recordType: 'appointment',
      recordId: r.id,
      detail: { preview: true },
    })),
  );
  return {
    affected: await presentAppointments(ctx.db, actor, visible, conflicts),
    notShown: hit.length - visible.length,
  };
}

async function managedSite(ctx: ServiceContext, actor: Actor, locationId: string) {
  const site = await locations.findLocation(ctx.db, actor.orgId, locationId);
  if (!site) throw new NotFoundError('No such location.');
  authorize(actor, 'location.manage', { locationIds: [locationId] });
  return site;
}

async function managedTherapist(ctx: ServiceContext, actor: Actor, therapistId: string) {
  const therapist = await therapists.findTherapist(ctx.db, actor.orgId, therapistId);
  if (!therapist) throw new NotFoundError('No such therapist.');
  authorize(actor, 'schedule.manage', { locationIds: therapist.locationIds });
  return therapist;
}

/** A closure of a site for whole days, both ends inclusive. */
export async function previewClosure(
  ctx: ServiceContext,
  actor: Actor,
  locationId: string,
  input: { startsOn: string; endsOn: string; reason: string },
): Promise<AffectedVisits> {
  const site = await managedSite(ctx, actor, locationId);
  if (input.endsOn < input.startsOn)
    throw new ValidationError({ endsOn: 'The last day closed must not be before the first.' });
  const from = new Date(zonedWallTimeToInstant(input.startsOn, '00:00', site.timeZone));
  const to = new Date(zonedWallTimeToInstant(addDays(input.endsOn, 1), '00:00', site.timeZone));
  return affectedBy(ctx, actor, { locationId, from, to }, (schedule) => {
    schedule.sites
      .find((s) => s.locationId === locationId)
      ?.closures.push({ startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason });
  });
}

/** New weekly opening hours for a site (a weekday left out is closed). */
export async function previewHours(
  ctx: ServiceContext,
  actor: Actor,
  locationId: string,
  hours: Partial<WeeklyHours>,
): Promise<AffectedVisits> {
  await managedSite(ctx, actor, locationId);
  const problems = hoursProblems(hours);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const now = ctx.now();
  return affectedBy(
    ctx,
    actor,
    { locationId, from: now, to: new Date(now.getTime() + AHEAD_DAYS * 86_400_000) },
    (schedule) => {
      const site = schedule.sites.find((s) => s.locationId === locationId);
      if (site) site.hours = normalizeHours(hours) as Record<WeekdayKey, { open: string; close: string }[]>;
    },
  );
}

/** Time off (or an extra shift, which takes no visit away) for a therapist. */
export async function previewException(
  ctx: ServiceContext,
  actor: Actor,
  therapistId: string,
  input: ExceptionFields,
): Promise<AffectedVisits> {
  const therapist = await managedTherapist(ctx, actor, therapistId);
  const problems: Record<string, string> = {};
  if (input.end <= input.start) problems.end = 'Must be after start.';
  if (input.end.getTime() - input.start.getTime() > 366 * 86_400_000)
    problems.end = 'An exception lasts at most a year.';
  if (input.kind === 'extra-shift' && !input.locationId) problems.locationId = 'An extra shift needs its site.';
  if (input.locationId && !therapist.locationIds.includes(input.locationId))
    problems.locationId = 'The therapist does not work at this site.';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  if (input.kind === 'extra-shift') return { affected: [], notShown: 0 };
  return affectedBy(ctx, actor, { therapistId, from: input.start, to: input.end }, (schedule) => {
    schedule.therapists
      .find((t) => t.therapistId === therapistId)
      ?.exceptions.push({
        kind: 'time-off',
        start: input.start.getTime(),
        end: input.end.getTime(),
        ...(input.locationId ? { locationId: input.locationId } : {}),
      });
  });
}

/** A therapist's whole new week. */
export async function previewWeek(
  ctx: ServiceContext,
  actor: Actor,
  therapistId: string,
  templates: TemplateFields[],
): Promise<AffectedVisits> {
  const therapist = await managedTherapist(ctx, actor, therapistId);
  const problems = templateProblems(templates, therapist.locationIds);
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const now = ctx.now();
  return affectedBy(
    ctx,
    actor,
    { therapistId, from: now, to: new Date(now.getTime() + AHEAD_DAYS * 86_400_000) },
    (schedule) => {
      const therapist = schedule.therapists.find((t) => t.therapistId === therapistId);
      if (!therapist) return;
      therapist.templates = templates.map((t) => ({
        locationId: t.locationId,
        weekday: t.weekday as Weekday,
        start: t.start,
        end: t.end,
        ...(t.validFrom ? { validFrom: t.validFrom } : {}),
        ...(t.validTo ? { validTo: t.validTo } : {}),
      }));
    },
  );
}
