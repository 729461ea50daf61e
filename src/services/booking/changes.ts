/** Moving, cancelling and progressing an appointment. Each change is one transaction. */
import { checkBookable } from '../../scheduling/index.ts';
import { lostTimeRace } from '../../store/database.ts';
import * as repo from '../../store/repos/appointments.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { authorize, isAllowed, type Action } from '../policies.ts';
import { loadAround, refuse } from './appointments.ts';
import { windowOf, serviceOrRefuse, alternativesFor } from './availability.ts';
import { SlotUnavailableError } from './errors.ts';
import { onCancelled, onMoved } from './notify-hook.ts';
import { offerFreedSlot, type FreedSlot } from './offers.ts';
import { bookingSettings } from './settings.ts';
import { conflictOf } from './conflicts.ts';
import { ATTENDANCE, CANCELLATIONS, STATUS_WORDS, canMove, isLateCancellation } from './status.ts';
import { presentAppointment, bookingFacts, slotView, type Appointment } from './views.ts';
import { localDateAt } from './appointments.ts';
import { grantForBooking, requireBookablePatient } from '../care.ts';

async function loadFor(ctx: ServiceContext, actor: Actor, id: string, action: Action): Promise<repo.AppointmentRow> {
  const row = await repo.findAppointment(ctx.db, actor.orgId, id);
  if (!row) throw new NotFoundError('No such appointment.');
  if (!isAllowed(actor, action, { booking: bookingFacts(row) })) {
    await audit(ctx.db, actor, [
      { action, outcome: 'denied', patientId: row.patientId, recordType: 'appointment', recordId: id },
    ]);
    // Someone who may not even read it learns nothing more than "no access".
    throw new ForbiddenError('You may not change this appointment.');
  }
  return row;
}

function freedFrom(row: repo.AppointmentRow): FreedSlot {
  return {
    serviceCode: row.serviceCode,
    therapistId: row.therapistId,
    locationId: row.locationId,
    roomId: row.roomId,
    start: row.start,
    end: row.end,
    bufferAfterMinutes: row.bufferAfterMinutes,
  };
}

/** The row again under lock, still in the state the caller saw; otherwise someone changed it first. */
async function lockUnchanged(
  tx: Parameters<typeof repo.findAppointment>[0],
  actor: Actor,
  row: repo.AppointmentRow,
): Promise<repo.AppointmentRow> {
  const locked = await repo.findAppointment(tx, actor.orgId, row.id, true);
  if (!locked || locked.version !== row.version)
    throw new ConflictError('version', 'Someone else changed this appointment just now. Reload and try again.');
  return locked;
}

export interface RescheduleInput {
  start: Date;
  therapistId?: string;
  locationId?: string;
  roomId?: string;
  reason: string;
}

/** Atomic: the appointment row moves in place, so the old time is released only if the new one is taken. */
export async function rescheduleAppointment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: RescheduleInput,
): Promise<Appointment> {
  const row = await loadFor(ctx, actor, id, 'appointment.change');
  const target = { therapistId: input.therapistId ?? row.therapistId, locationId: input.locationId ?? row.locationId };
  authorize(actor, 'appointment.change', {
    booking: { patientId: row.patientId, ...target, locationIds: [target.locationId] },
  });
  // A move to another therapist or site brings the patient to them: as much a booking as the first.
  const newPlace = target.therapistId !== row.therapistId || target.locationId !== row.locationId;
  if (newPlace) await requireBookablePatient(ctx.db, actor, row.patientId);
  if (row.status !== 'booked')
    throw new ConflictError(
      'status',
      `Only a booked appointment can be moved; this one is ${STATUS_WORDS[row.status]}.`,
    );
  const settings = await bookingSettings(ctx.db, actor.orgId);
  const now = ctx.now();
  // A visit the clinic can no longer keep may be moved by the patient at any time before it.
  if (
    actor.role === 'patient' &&
    isLateCancellation(row.start, now, settings.cancellationPolicyHours) &&
    !(await conflictOf(ctx.db, actor.orgId, row, now))
  ) {
    throw new ValidationError({
      start: `Within ${settings.cancellationPolicyHours} hours of the visit, please call the clinic to change it.`,
    });
  }
  const service = await serviceOrRefuse(ctx.db, actor, row.serviceCode);
  const keepRoom =
    target.locationId === row.locationId && input.roomId === undefined ? row.roomId : (input.roomId ?? null);
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockUnchanged(tx, actor, row);
      const data = await loadAround(tx, actor.orgId, input.start, now, { appointmentId: id });
      const wanted = { start: input.start.getTime(), ...target, patientId: row.patientId };
      let verdict = checkBookable({ service, ...wanted, roomId: keepRoom }, windowOf(settings, now), data);
      // The old room may be taken at the new time; any free room at the site will do.
      if (
        !verdict.ok &&
        keepRoom &&
        input.roomId === undefined &&
        verdict.reasons.every((r) => r.code === 'room-busy')
      ) {
        verdict = checkBookable({ service, ...wanted, roomId: null }, windowOf(settings, now), data);
      }
      if (!verdict.ok) return refuse(verdict, { data, service, settings, now, orgTimeZone: actor.orgTimeZone }, wanted);
      const moved = await repo.moveAppointment(
        tx,
        actor.orgId,
        id,
        {
          ...target,
          roomId: verdict.roomId,
          start: input.start,
          end: new Date(verdict.slot.end),
          bufferAfterMinutes: row.bufferAfterMinutes,
        },
        now,
      );
      await audit(tx, actor, [
        {
          action: 'appointment.reschedule',
          patientId: row.patientId,
          recordType: 'appointment',
          recordId: id,
          detail: { from: row.start.toISOString(), to: input.start.toISOString(), reason: input.reason },
        },
      ]);
      if (newPlace) await grantForBooking(tx, actor, row.patientId, [moved], now, 'reschedule');
      await onMoved(tx, actor.orgId, moved, now);
      await offerFreedSlot(tx, actor.orgId, freedFrom(row), now, { userId: actor.userId, role: actor.role });
      return presentAppointment(tx, actor, moved);
    });
  } catch (err) {
    if (!lostTimeRace(err)) throw err;
    const data = await loadAround(ctx.db, actor.orgId, input.start, now, { appointmentId: id });
    const start = input.start.getTime();
    const alternatives = alternativesFor(data, service, settings, now, {
      start,
      ...target,
      patientId: row.patientId,
      localDate: localDateAt(data, target.locationId, start, actor.orgTimeZone),
    });
    throw new SlotUnavailableError(
      'That time was just booked by someone else; the appointment kept its old time.',
      [{ code: 'taken', message: 'Booked by another request a moment ago.' }],
      alternatives.map(slotView),
    );
  }
}

/** Cancels; inside the policy window it is a late cancellation. The freed time goes to the waitlist. */
export async function cancelAppointment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  reason: string,
): Promise<Appointment> {
  const row = await loadFor(ctx, actor, id, 'appointment.change');
  return cancelLoaded(ctx, actor, row, reason);
}

async function cancelLoaded(
  ctx: ServiceContext,
  actor: Actor,
  row: repo.AppointmentRow,
  reason: string,
  forced?: 'cancelled' | 'late_cancel',
): Promise<Appointment> {
  if (row.status !== 'booked')
    throw new ConflictError(
      'status',
      `Only a booked appointment can be cancelled; this one is ${STATUS_WORDS[row.status]}.`,
    );
  const settings = await bookingSettings(ctx.db, actor.orgId);
  const now = ctx.now();
  // Cancelling a visit the clinic can no longer keep is never late.
  const late =
    isLateCancellation(row.start, now, settings.cancellationPolicyHours) &&
    !(await conflictOf(ctx.db, actor.orgId, row, now));
  const status = forced ?? (late ? 'late_cancel' : 'cancelled');
  return ctx.db.transaction(async (tx) => {
    await lockUnchanged(tx, actor, row);
    const updated = await repo.setStatus(tx, actor.orgId, row.id, status, reason, now);
    await audit(tx, actor, [
      {
        action: 'appointment.cancel',
        patientId: row.patientId,
        recordType: 'appointment',
        recordId: row.id,
        detail: { status, reason },
      },
    ]);
    await onCancelled(tx, actor.orgId, row.id, now);
    await offerFreedSlot(tx, actor.orgId, freedFrom(row), now, { userId: actor.userId, role: actor.role });
    return presentAppointment(tx, actor, updated);
  });
}

/** Moves an appointment along the state machine (see status.ts); who may do what is in the policies. */
export async function changeStatus(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  status: repo.AppointmentStatus,
  reason?: string,
): Promise<Appointment> {
  const action: Action = ATTENDANCE.includes(status)
    ? 'appointment.attend'
    : CANCELLATIONS.includes(status)
      ? 'appointment.change'
      : 'appointment.mark';
  const row = await loadFor(ctx, actor, id, action);
  if (!canMove(row.status, status))
    throw new ConflictError(
      'status',
      `An appointment that is ${STATUS_WORDS[row.status]} cannot become ${STATUS_WORDS[status]}.`,
    );
  if (CANCELLATIONS.includes(status)) {
    // Staff may record either kind (waiving a late fee is theirs to decide); a patient's follows the policy.
    const forced = actor.role === 'patient' ? undefined : (status as 'cancelled' | 'late_cancel');
    return cancelLoaded(ctx, actor, row, reason ?? 'Cancelled.', forced);
  }
  const now = ctx.now();
  if (status === 'no_show' && now < row.start)
    throw new ValidationError({ status: 'A no-show can be recorded only once the visit was due to start.' });
  return ctx.db.transaction(async (tx) => {
    await lockUnchanged(tx, actor, row);
    const updated = await repo.setStatus(tx, actor.orgId, id, status, null, now);
    await audit(tx, actor, [
      {
        action: 'appointment.status',
        patientId: row.patientId,
        recordType: 'appointment',
        recordId: id,
        detail: { from: row.status, to: status },
      },
    ]);
    return presentAppointment(tx, actor, updated);
  });
}
