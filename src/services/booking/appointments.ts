/** Booking one appointment: the check, the answer kept under its key, the write, alternatives on refusal. */
import { randomUUID } from 'node:crypto';
import {
  checkBookable,
  credentialGaps,
  describeGap,
  type Bookability,
  type ScheduleData,
  type ServiceDef,
  type Slot,
} from '../../scheduling/index.ts';
import { addDays, dateIn, formatDate, localDayOf } from '../../time/index.ts';
import { databaseOf, lostTimeRace, sqlState, SQLSTATE, type Queryable } from '../../store/database.ts';
import * as repo from '../../store/repos/appointments.ts';
import { writeBooking, type BookingWrite } from '../../store/repos/bookings.ts';
import type { AuditRecord } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { authorize } from '../policies.ts';
import {
  alternativesFor,
  ALTERNATIVE_SEARCH_DAYS,
  ALTERNATIVES,
  ownAlternatives,
  rankNear,
  SERVICE_REFUSAL,
  windowOf,
} from './availability.ts';
import { ensureServiceRow, findServiceAndRow, toServiceDef } from './catalogue.ts';
import { NotQualifiedError, SeriesConflictError, SlotUnavailableError } from './errors.ts';
import { createInOneStatement, createOnce, failedCreate, keepRefusal, type Once } from '../idempotency.ts';
import { loadForAvailability } from './availability-loader.ts';
import { loadSchedule } from './loader.ts';
import { cachedAtStamp, noteBooking, scheduleStamp } from './schedule-cache.ts';
import { composeBooked } from './notify-hook.ts';
import { notifySettings } from '../notify/index.ts';
import { bookingSettings, type BookingSettings } from './settings.ts';
import { bookingGrants, requireVisitPatient, type VisitPatient } from '../care.ts';
import { presentAppointment, bookingFacts, readsChartAccess, reasonView, slotView, type Appointment } from './views.ts';
import { authorizationWarnings, type BookingWarning } from '../billing/booking-warnings.ts';

export interface BookInput {
  patientId: string;
  serviceCode: string;
  start: Date;
  therapistId: string;
  locationId: string;
  roomId?: string;
}

/** The local date of an instant at a site, or in the organisation's zone when the site is no longer loaded. */
export function localDateAt(
  data: Pick<ScheduleData, 'sites'>,
  locationId: string,
  instant: number,
  orgTimeZone: string,
): string {
  const site = data.sites.find((s) => s.locationId === locationId);
  return site ? formatDate(localDayOf(instant, site.timeZone)) : dateIn(orgTimeZone, instant);
}

/**
 * The days around `start`: a day either side for the check, wider (`forAlternatives`) to look for alternatives.
 * Sites and therapists are reused while the schedule stamp (read here, inside a caller's transaction too) holds:
 * a refused booking in a storm then reads only the bookings.
 */
export async function loadAround(
  db: Queryable,
  orgId: string,
  start: Date,
  now: Date,
  exclude: { appointmentId?: string; holdId?: string } = {},
  forAlternatives = true,
) {
  // Only the middle of a search window: a site's local date is within a day of the UTC date, and
  // the window reaches at least a day either side, so the UTC date is safe here.
  const date = dateIn('UTC', start);
  const span = forAlternatives ? ALTERNATIVE_SEARCH_DAYS + 1 : 1;
  const stamp = await scheduleStamp(db, orgId);
  return loadSchedule(db, orgId, {
    from: addDays(date, -span),
    to: addDays(date, span),
    now,
    excludeAppointmentId: exclude.appointmentId,
    excludeHoldId: exclude.holdId,
    // Keyed by the database, not the transaction: the cache outlives this request.
    cached: (key, load) => cachedAtStamp(databaseOf(db), stamp, `${orgId}:around:${key}`, load),
  });
}

/**
 * What checking one booking needs, and no more: the one site and the one therapist (read at the
 * current schedule stamp, so a cached copy is reused while nothing changed), and busy time only for
 * the lanes the check consults — that therapist, that patient and the site's rooms — merged per lane
 * as availability reads them. The wider multi-day window is read only when a refusal needs alternatives.
 */
async function loadForCheck(
  ctx: ServiceContext,
  tx: Queryable,
  actor: Actor,
  service: ServiceDef,
  wanted: { start: Date; therapistId: string; locationId: string; patientId: string },
  now: Date,
  /** Read just before the check: a schedule change committed before it is seen. */
  stamp: string,
  /** Days either side of the wanted one: a day for the check, more for a refusal's own alternatives. */
  days = 1,
) {
  const date = dateIn('UTC', wanted.start);
  return loadForAvailability(tx, actor.orgId, {
    from: addDays(date, -days),
    to: addDays(date, days),
    now,
    locationIds: [wanted.locationId],
    therapistId: wanted.therapistId,
    needsRoom: service.needsRoom,
    bufferAfterMinutes: service.bufferAfterMinutes,
    patientId: wanted.patientId,
    // Keyed by the database, not the transaction: the cache outlives this request.
    cached: (key, load) => cachedAtStamp(ctx.db, stamp, `${actor.orgId}:check:${key}`, load),
  });
}

/** Refusals about who or what was asked for, not about the time: refuse() reads every therapist and site for them. */
const NOT_ABOUT_TIME = new Set(['unknown-location', 'unknown-therapist', 'wrong-discipline', 'not-qualified']);

/**
 * A refusal's alternatives, read no wider than the answer needs: first the lanes the check read (this therapist,
 * this patient, the site's rooms) over the days around the wanted time, where five of the therapist's own free times
 * at the site are the answer; otherwise every site's lanes for the service's discipline, merged as availability reads
 * them, searched as alternativesFor searches.
 */
async function refusalAlternatives(
  ctx: ServiceContext,
  actor: Actor,
  booking: { service: ServiceDef; settings: BookingSettings; now: Date; stamp: string },
  input: BookInput,
): Promise<Slot[]> {
  const { service, settings, now, stamp } = booking;
  const near = await loadForCheck(ctx, ctx.db, actor, service, input, now, stamp, ALTERNATIVE_SEARCH_DAYS + 1);
  const start = input.start.getTime();
  const wanted = { ...input, start, localDate: localDateAt(near, input.locationId, start, actor.orgTimeZone) };
  const own = ownAlternatives(near, service, settings, now, wanted);
  if (own.length >= ALTERNATIVES) return rankNear(own, wanted).slice(0, ALTERNATIVES);
  const date = dateIn('UTC', input.start);
  const wide = await loadForAvailability(ctx.db, actor.orgId, {
    from: addDays(date, -(ALTERNATIVE_SEARCH_DAYS + 1)),
    to: addDays(date, ALTERNATIVE_SEARCH_DAYS + 1),
    now,
    discipline: service.discipline,
    needsRoom: service.needsRoom,
    bufferAfterMinutes: service.bufferAfterMinutes,
    patientId: input.patientId,
    cached: (key, load) => cachedAtStamp(ctx.db, stamp, `${actor.orgId}:check:${key}`, load),
  });
  return alternativesFor(wide, service, settings, now, wanted);
}

/**
 * The booking's service (with its row) and the booking settings, reused while the schedule stamp
 * holds; read on `tx` (inside a transaction, its own connection: a second one from the pool, waited
 * for while holding the first, could wait forever under load).
 */
async function serviceAndSettings(ctx: ServiceContext, tx: Queryable, actor: Actor, code: string, stamp: string) {
  const cached = <T>(key: string, load: () => Promise<T>) =>
    cachedAtStamp(ctx.db, stamp, `${actor.orgId}:${key}`, load);
  const found = await cached(`booking-service:${code}`, () => findServiceAndRow(tx, actor.orgId, code));
  const settings = await cached('settings', () => bookingSettings(tx, actor.orgId));
  if (!found || !found.service.active) throw new ValidationError({ serviceCode: SERVICE_REFUSAL });
  const row = found.service;
  // Storing a default's row changes the stamp, so a row once seen stored is not written again.
  return {
    row,
    stored: found.stored,
    service: { ...toServiceDef(row), isInitial: row.isInitial, id: row.id },
    settings,
  };
}

/**
 * Turns the engine's refusal into the API's: a therapist lacking a credential (or practising another
 * discipline) is 422 naming what is missing; anything about the time itself is 409 with alternatives.
 */
export function refuse(
  verdict: Extract<Bookability, { ok: false }>,
  ctx: { data: ScheduleData; service: ServiceDef; settings: BookingSettings; now: Date; orgTimeZone: string },
  wanted: { start: number; therapistId: string; locationId: string; patientId?: string },
  /** Found already (refusalAlternatives): otherwise searched in `ctx.data`. */
  found?: Slot[],
): never {
  const unknown = verdict.reasons.filter((r) => r.code === 'unknown-location' || r.code === 'unknown-therapist');
  if (unknown.length > 0) {
    throw new ValidationError(
      Object.fromEntries(unknown.map((r) => [r.code === 'unknown-location' ? 'locationId' : 'therapistId', r.message])),
    );
  }
  const wrongDiscipline = verdict.reasons.find((r) => r.code === 'wrong-discipline');
  if (wrongDiscipline) throw new NotQualifiedError(wrongDiscipline.message);
  if (verdict.reasons.some((r) => r.code === 'not-qualified')) {
    const therapist = ctx.data.therapists.find((t) => t.therapistId === wanted.therapistId)!;
    const site = ctx.data.sites.find((s) => s.locationId === wanted.locationId)!;
    const date = localDateAt(ctx.data, wanted.locationId, wanted.start, ctx.orgTimeZone);
    const gaps = credentialGaps(ctx.service.requirements, therapist.credentials, site.state, date);
    throw new NotQualifiedError(
      gaps
        .map((g) => (g.problem === 'absent' ? `missing: ${g.requirement.label}` : describeGap(g, site.state, date)))
        .join('; '),
    );
  }
  const alternatives =
    found ??
    alternativesFor(ctx.data, ctx.service, ctx.settings, ctx.now, {
      ...wanted,
      localDate: localDateAt(ctx.data, wanted.locationId, wanted.start, ctx.orgTimeZone),
    });
  throw new SlotUnavailableError(
    `That time cannot be booked: ${verdict.reasons.map((r) => r.message).join('; ')}.`,
    verdict.reasons.map(reasonView),
    alternatives.map(slotView),
  );
}

/** After the database refused an overlap (a concurrent booking won): fresh alternatives. */
async function raceLost(
  ctx: ServiceContext,
  actor: Actor,
  service: ServiceDef,
  settings: BookingSettings,
  input: BookInput,
): Promise<never> {
  const data = await loadAround(ctx.db, actor.orgId, input.start, ctx.now());
  const start = input.start.getTime();
  const alternatives = alternativesFor(data, service, settings, ctx.now(), {
    ...input,
    start,
    localDate: localDateAt(data, input.locationId, start, actor.orgTimeZone),
  });
  throw new SlotUnavailableError(
    'That time was just booked by someone else.',
    [{ code: 'taken', message: 'Booked by another request a moment ago.' }],
    alternatives.map(slotView),
  );
}

export function rethrowReference(err: unknown): never {
  if (sqlState(err) === SQLSTATE.foreignKeyViolation)
    throw new ValidationError({ patientId: 'No such patient in this organisation.' });
  throw err;
}

/** A refusal about the time itself is kept for the key: a retry is told the same, not booked later. */
export const keepBookingRefusal = (err: unknown): number | null =>
  err instanceof SlotUnavailableError || err instanceof SeriesConflictError
    ? 409
    : err instanceof NotQualifiedError
      ? 422
      : null;

/** A booked visit, with what the desk should know of the patient's authorizations (none for the patient). */
export type BookedAppointment = Appointment & { warnings: BookingWarning[] };

export async function bookAppointment(
  ctx: ServiceContext,
  actor: Actor,
  input: BookInput,
  once?: Once,
): Promise<BookedAppointment> {
  authorize(actor, 'appointment.book', { booking: bookingFacts(input) });
  // With what the visit's messages and warnings need of the patient: one read, not three.
  const patient = await requireVisitPatient(ctx.db, actor, input.patientId, input.start);
  // Read at the stamp (one stamp read serves both), kept for a refusal after it.
  let booking: Awaited<ReturnType<typeof serviceAndSettings>> | undefined;
  try {
    return await bookChecked(ctx, actor, input, once, patient, (read) => (booking = read));
  } catch (err) {
    if (lostTimeRace(err) && booking) {
      // A concurrent booking won the time; with a key, the refusal is kept as the answer too.
      return raceLost(ctx, actor, booking.service, booking.settings, input).catch((lost) =>
        keepRefusal(ctx, actor, once, lost, 409),
      );
    }
    return rethrowReference(err);
  }
}

/**
 * Checks the wanted time and writes the booking. The check reads on the pool, not in a transaction: under
 * READ COMMITTED a transaction's reads would see the same, and the exclusion constraints, not the check, are
 * what keep two bookings off one time. Every write is then one statement (bookings.ts) — with the answer kept
 * under the key in it — unless the answer must read what the writes made (a therapist booking their own visit
 * sees what their new care relationship allows) or the service's default row must be stored first: then the
 * statement runs in a transaction with those.
 */
async function bookChecked(
  ctx: ServiceContext,
  actor: Actor,
  input: BookInput,
  once: Once | undefined,
  patient: VisitPatient,
  read: (booking: Awaited<ReturnType<typeof serviceAndSettings>>) => void,
): Promise<BookedAppointment> {
  const now = ctx.now();
  const start = input.start.getTime();
  const kept = { keepRefusal: keepBookingRefusal };
  let planned: Awaited<ReturnType<typeof planBooking>>;
  try {
    planned = await planBooking(ctx, actor, input, patient, now, start, read);
  } catch (err) {
    return failedCreate(ctx, actor, once, err, kept);
  }
  const { row, write, warnings, storeService } = planned;
  if (!storeService && !readsChartAccess(actor, row)) {
    // Presenting it reads nothing here: the answer is known before the write and kept by it.
    const answer = { ...(await presentAppointment(ctx.db, actor, row)), warnings };
    return createInOneStatement(
      ctx,
      actor,
      once,
      answer,
      async (stored) => {
        const key = stored && { userId: actor.userId, key: once!.key, stored };
        const written = await writeBooking(ctx.db, actor.orgId, { ...write, key }, now);
        if (written) noteBooking(actor.orgId);
        return written;
      },
      kept,
    );
  }
  return createOnce(
    ctx,
    actor,
    once,
    async (tx) => {
      if (storeService) await storeService(tx);
      await writeBooking(tx, actor.orgId, write, now);
      noteBooking(actor.orgId);
      return { ...(await presentAppointment(tx, actor, row)), warnings };
    },
    kept,
  );
}

/** The check, and on a bookable time everything the booking will write, with the appointment's id chosen. */
async function planBooking(
  ctx: ServiceContext,
  actor: Actor,
  input: BookInput,
  patient: VisitPatient,
  now: Date,
  start: number,
  read: (booking: Awaited<ReturnType<typeof serviceAndSettings>>) => void,
) {
  // Read with the patient, just before: under READ COMMITTED each statement sees what was committed when it
  // started, so a schedule change is seen exactly as if read with the check.
  const stamp = patient.scheduleStamp;
  const booking = await serviceAndSettings(ctx, ctx.db, actor, input.serviceCode, stamp);
  read(booking);
  const { row: serviceRow, stored, service, settings } = booking;
  const data = await loadForCheck(ctx, ctx.db, actor, service, input, now, stamp);
  const wanted = { start, therapistId: input.therapistId, locationId: input.locationId, patientId: input.patientId };
  const verdict = checkBookable({ service, ...wanted, roomId: input.roomId ?? null }, windowOf(settings, now), data);
  if (!verdict.ok) {
    const refused = { service, settings, now, orgTimeZone: actor.orgTimeZone };
    if (verdict.reasons.some((r) => NOT_ABOUT_TIME.has(r.code)))
      return refuse(verdict, { ...refused, data: await loadAround(ctx.db, actor.orgId, input.start, now) }, wanted);
    // Only now, on a refusal about the time: the days around it, for alternatives.
    const found = await refusalAlternatives(ctx, actor, { service, settings, now, stamp }, input);
    return refuse(verdict, { ...refused, data }, wanted, found);
  }
  const audited: AuditRecord[] = [];
  const warnings = await authorizationWarnings(
    ctx.db,
    actor,
    patient,
    [localDateAt(data, input.locationId, start, actor.orgTimeZone)],
    audited,
  );
  const row: repo.AppointmentRow = {
    ...wanted,
    id: randomUUID(),
    roomId: verdict.roomId,
    serviceCode: service.code,
    serviceName: serviceRow.name,
    status: 'booked',
    start: input.start,
    end: new Date(verdict.slot.end),
    bufferAfterMinutes: service.bufferAfterMinutes,
    seriesId: null,
    notes: null,
    cancelReason: null,
    bookedBy: actor.userId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    sessionNoteId: null,
  };
  const notify = await cachedAtStamp(ctx.db, stamp, `${actor.orgId}:notify-settings`, () =>
    notifySettings(ctx.db, actor.orgId),
  );
  const { messages, skipEvents } = await composeBooked(ctx.db, actor.orgId, row, now, notify, {
    stamp,
    patient,
    service: serviceRow,
  });
  const created = {
    action: 'appointment.create',
    patientId: row.patientId,
    recordType: 'appointment',
    recordId: row.id,
  };
  const { grants, audited: grantAudit } = bookingGrants(actor, [row], now, 'appointment', [created, ...audited]);
  const write: BookingWrite = {
    appointment: row,
    grants,
    audited: { ...grantAudit, events: [...grantAudit.events, ...skipEvents] },
    messages,
  };
  // Storing a default's row changes the stamp, so a row once seen stored is not written again.
  const storeService = stored ? null : (tx: Queryable) => ensureServiceRow(tx, actor.orgId, serviceRow);
  return { row, write, warnings, storeService };
}
