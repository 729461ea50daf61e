/** Reading one appointment, and the calendar list: each audited, each only as far as the reader may see. */
import { addDays, dateIn, zonedWallTimeToInstant } from '../../time/index.ts';
import * as repo from '../../store/repos/appointments.ts';
import { audit, auditEvents } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { appointmentScope, isAllowed } from '../policies.ts';
import { conflictOf, conflictsOf } from './conflicts.ts';
import { clinicTimeZoneAt, zoneAndStampAsSignedIn } from './zone.ts';
import { bookingFacts, presentAppointment, presentAppointments, type Appointment } from './views.ts';

async function loadVisible(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  action: 'appointment.read',
): Promise<repo.AppointmentRow> {
  const row = await repo.findAppointment(ctx.db, actor.orgId, id);
  if (!row) throw new NotFoundError('No such appointment.');
  if (!isAllowed(actor, action, { booking: bookingFacts(row) })) {
    await audit(ctx.db, actor, [
      { action, outcome: 'denied', patientId: row.patientId, recordType: 'appointment', recordId: id },
    ]);
    throw new ForbiddenError('You do not have access to this appointment.');
  }
  return row;
}

export async function getAppointment(ctx: ServiceContext, actor: Actor, id: string): Promise<Appointment> {
  const row = await loadVisible(ctx, actor, id, 'appointment.read');
  await audit(ctx.db, actor, [
    { action: 'appointment.read', patientId: row.patientId, recordType: 'appointment', recordId: id },
  ]);
  return presentAppointment(ctx.db, actor, row, await conflictOf(ctx.db, actor.orgId, row, ctx.now()));
}

export interface ListInput {
  locationId?: string;
  therapistId?: string;
  patientId?: string;
  /** Local dates; default today and a week from `from`. */
  from?: string;
  to?: string;
  limit: number;
}

export const MAX_LIST_DAYS = 62;

export async function listAppointments(
  ctx: ServiceContext,
  actor: Actor,
  input: ListInput,
): Promise<{ appointments: Appointment[] }> {
  // Dates are read in the site's zone when one is named, otherwise in the clinic group's. Read with the session, as
  // is the schedule stamp, which keeps the site's zone and serves the conflicts below.
  const at = await zoneAndStampAsSignedIn(ctx.db, actor);
  const timeZone = await clinicTimeZoneAt(ctx.db, actor, at, input.locationId);
  const fromDate = input.from ?? dateIn(timeZone, ctx.now());
  const toDate = input.to ?? addDays(fromDate, 6);
  const from = zonedWallTimeToInstant(fromDate, '00:00', timeZone);
  const to = zonedWallTimeToInstant(addDays(toDate, 1), '00:00', timeZone);
  if (to <= from) throw new ValidationError({ to: 'Must not be before from.' });
  if (to - from > MAX_LIST_DAYS * 86_400_000)
    throw new ValidationError({ to: `Ask for at most ${MAX_LIST_DAYS} days at a time.` });
  // Each appointment shown names a patient: one audit event each, written by the statement that lists them.
  const [listed] = auditEvents(actor, [{ action: 'appointment.list' }]);
  const rows = await repo.listAppointments(
    ctx.db,
    actor.orgId,
    appointmentScope(actor),
    { ...input, from: new Date(from), to: new Date(to) },
    listed,
  );
  // A booked visit the schedule no longer allows says so on every calendar until it is resolved.
  const conflicts = await conflictsOf(ctx.db, actor.orgId, rows, ctx.now(), { at });
  return { appointments: await presentAppointments(ctx.db, actor, rows, conflicts) };
}
