/**
 * What the desk does about visits the schedule no longer allows: tell each patient and send them a
 * link to choose a new time, find them another therapist or site, or cancel with a message. One
 * visit or many at once; each call is one transaction, and every visit it touches is audited.
 */
import type { Queryable } from '../../store/database.ts';
import * as repo from '../../store/repos/appointments.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { isAllowed, type Action } from '../policies.ts';
import { loadAround, localDateAt } from './appointments.ts';
import { findSlots } from '../../scheduling/index.ts';
import { ALTERNATIVE_SEARCH_DAYS, rankNear, serviceOrRefuse, windowOf } from './availability.ts';
import { conflictOf, type VisitConflict } from './conflicts.ts';
import type { SlotView } from './errors.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { addDays } from '../../time/index.ts';
import { onAffected, onCancelled } from './notify-hook.ts';
import { bookingSettings } from './settings.ts';
import { STATUS_WORDS } from './status.ts';
import { presentAppointment, bookingFacts, slotView, type Appointment } from './views.ts';

/** What became of one visit: the patient emailed (or why not), the visit cancelled, or nothing to do. */
export type VisitOutcome =
  'queued' | 'already-sent' | 'no-email-address' | 'email-declined' | 'cancelled' | 'fits-schedule';

export interface ResolvedVisit {
  appointmentId: string;
  outcome: VisitOutcome;
  appointment: Appointment;
}

/** Loads every visit and checks the actor may act on each, before anything is written. */
async function loadAll(
  ctx: ServiceContext,
  actor: Actor,
  ids: readonly string[],
  action: Action,
): Promise<repo.AppointmentRow[]> {
  const rows: repo.AppointmentRow[] = [];
  for (const id of new Set(ids)) {
    const row = await repo.findAppointment(ctx.db, actor.orgId, id);
    if (!row) throw new NotFoundError('One of these appointments does not exist (any more).');
    if (!isAllowed(actor, action, { booking: bookingFacts(row) })) {
      await audit(ctx.db, actor, [
        { action, outcome: 'denied', patientId: row.patientId, recordType: 'appointment', recordId: id },
      ]);
      throw new ForbiddenError('You may not change one of these appointments.');
    }
    rows.push(row);
  }
  return rows;
}

/** The row under lock, as the caller saw it; otherwise someone changed it in between. */
async function locked(tx: Queryable, actor: Actor, row: repo.AppointmentRow): Promise<repo.AppointmentRow> {
  const now = await repo.findAppointment(tx, actor.orgId, row.id, true);
  if (!now || now.version !== row.version)
    throw new ConflictError(
      'version',
      'Someone else changed one of these appointments just now. Reload and try again.',
    );
  return now;
}

function view(
  db: Queryable,
  actor: Actor,
  row: repo.AppointmentRow,
  conflict: VisitConflict | null,
): Promise<Appointment> {
  return presentAppointment(db, actor, row, conflict);
}

/**
 * Emails each patient why their visit cannot go ahead as booked, with their self-service link to
 * choose a new time (or cancel). A visit that fits the schedule again is left alone.
 */
export async function notifyAffected(
  ctx: ServiceContext,
  actor: Actor,
  input: { appointmentIds: string[]; note?: string },
  once?: Once,
): Promise<{ visits: ResolvedVisit[] }> {
  const rows = await loadAll(ctx, actor, input.appointmentIds, 'appointment.notify');
  return createOnce(ctx, actor, once, async (tx) => {
    const now = ctx.now();
    const visits: ResolvedVisit[] = [];
    for (const row of rows) {
      const current = await locked(tx, actor, row);
      const conflict = await conflictOf(tx, actor.orgId, current, now);
      let outcome: VisitOutcome = 'fits-schedule';
      if (conflict) {
        const result = await onAffected(tx, actor.orgId, row.id, now, conflict.message, input.note);
        outcome =
          result.queued.length > 0
            ? 'queued'
            : ((result.skipped[0]?.reason as VisitOutcome | undefined) ?? 'already-sent');
      }
      await audit(tx, actor, [
        {
          action: 'appointment.notify-change',
          patientId: row.patientId,
          recordType: 'appointment',
          recordId: row.id,
          detail: { outcome, conflict: conflict?.code ?? null },
        },
      ]);
      visits.push({
        appointmentId: row.id,
        outcome,
        appointment: await view(
          tx,
          actor,
          current,
          outcome === 'queued' && conflict ? { ...conflict, notifiedAt: now } : conflict,
        ),
      });
    }
    return { visits };
  });
}

/**
 * Cancels each visit for the clinic (never a late cancellation: the patient did nothing) and sends
 * the patient the clinic's message with the cancellation notice. A visit that fits again is kept.
 */
export async function cancelAffected(
  ctx: ServiceContext,
  actor: Actor,
  input: { appointmentIds: string[]; message: string },
  once?: Once,
): Promise<{ visits: ResolvedVisit[] }> {
  const rows = await loadAll(ctx, actor, input.appointmentIds, 'appointment.notify');
  return createOnce(ctx, actor, once, async (tx) => {
    const now = ctx.now();
    const visits: ResolvedVisit[] = [];
    for (const row of rows) {
      const current = await locked(tx, actor, row);
      const conflict = await conflictOf(tx, actor.orgId, current, now);
      if (!conflict) {
        visits.push({
          appointmentId: row.id,
          outcome: 'fits-schedule',
          appointment: await view(tx, actor, current, null),
        });
        continue;
      }
      const cancelled = await repo.setStatus(tx, actor.orgId, row.id, 'cancelled', input.message, now);
      await audit(tx, actor, [
        {
          action: 'appointment.cancel',
          patientId: row.patientId,
          recordType: 'appointment',
          recordId: row.id,
          detail: { status: 'cancelled', reason: input.message, conflict: conflict.code },
        },
      ]);
      // The freed time is one the schedule no longer offers: nothing to give the waitlist.
      await onCancelled(tx, actor.orgId, row.id, now, input.message);
      visits.push({ appointmentId: row.id, outcome: 'cancelled', appointment: await view(tx, actor, cancelled, null) });
    }
    return { visits };
  });
}

/** How many alternatives to offer: a few with the same therapist, the rest with others or elsewhere. */
const SAME_THERAPIST = 3;
const ALTERNATIVES = 8;

/**
 * Free times for the same service near the visit, from the scheduling engine: with the same
 * therapist first (another day, another site), then other therapists at the same or another site.
 */
export async function alternativesForVisit(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ slots: SlotView[] }> {
  const [row] = await loadAll(ctx, actor, [id], 'appointment.change');
  if (row!.status !== 'booked')
    throw new ConflictError(
      'status',
      `Only a booked appointment can be moved; this one is ${STATUS_WORDS[row!.status]}.`,
    );
  const service = await serviceOrRefuse(ctx.db, actor, row!.serviceCode);
  const settings = await bookingSettings(ctx.db, actor.orgId);
  const now = ctx.now();
  const data = await loadAround(ctx.db, actor.orgId, row!.start, now, { appointmentId: id });
  const localDate = localDateAt(data, row!.locationId, row!.start.getTime(), actor.orgTimeZone);
  const candidates = findSlots(
    {
      ...windowOf(settings, now),
      service,
      patientId: row!.patientId,
      slotStepMinutes: settings.slotStepMinutes,
      from: addDays(localDate, -ALTERNATIVE_SEARCH_DAYS),
      to: addDays(localDate, ALTERNATIVE_SEARCH_DAYS),
    },
    data,
  );
  const ranked = rankNear(candidates, {
    start: row!.start.getTime(),
    therapistId: row!.therapistId,
    locationId: row!.locationId,
  });
  const same = ranked.filter((s) => s.therapistId === row!.therapistId).slice(0, SAME_THERAPIST);
  // Others: nearest in time first, at most two per therapist and site, so the desk sees a choice of people and places.
  const perLane = new Map<string, number>();
  const others = ranked
    .filter((s) => s.therapistId !== row!.therapistId)
    .sort(
      (a, b) =>
        Math.abs(a.start - row!.start.getTime()) - Math.abs(b.start - row!.start.getTime()) || a.start - b.start,
    )
    .filter((s) => {
      const lane = `${s.therapistId}|${s.locationId}`;
      const n = perLane.get(lane) ?? 0;
      perLane.set(lane, n + 1);
      return n < 2;
    });
  const slots = [...same, ...others].slice(0, ALTERNATIVES).sort((a, b) => a.start - b.start);
  await audit(ctx.db, actor, [
    {
      action: 'appointment.alternatives',
      patientId: row!.patientId,
      recordType: 'appointment',
      recordId: id,
      detail: { slots: slots.length },
    },
  ]);
  return { slots: slots.map(slotView) };
}
