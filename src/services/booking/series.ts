/**
 * A treatment plan's visits booked as one: every visit in ONE transaction, or — when any cannot be
 * booked as wanted — nothing, and the conflicting visits with their reasons and best alternatives.
 */
import { randomUUID } from 'node:crypto';
import { scheduleVisits } from '../../clinical/plan/index.ts';
import type { PlanProposal } from '../../clinical/plan/index.ts';
import { planSeries, type SeriesVisit } from '../../scheduling/index.ts';
import { lostTimeRace } from '../../store/database.ts';
import * as repo from '../../store/repos/appointments.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { authorize } from '../policies.ts';
import { grantForBooking, requireBookablePatient } from '../care.ts';
import { serviceOrRefuse, windowOf } from './availability.ts';
import { ensureServiceRow, findService } from './catalogue.ts';
import { SeriesConflictError } from './errors.ts';
import { keepBookingRefusal, localDateAt, rethrowReference } from './appointments.ts';
import { authorizationWarnings, type BookingWarning } from '../billing/booking-warnings.ts';
import { createOnce, keepRefusal, type Once } from '../idempotency.ts';
import { loadSchedule } from './loader.ts';
import { addDays } from '../../time/index.ts';
import { onBooked } from './notify-hook.ts';
import { bookingSettings } from './settings.ts';
import { presentAppointments, reasonView, slotView, type Appointment } from './views.ts';

export const MAX_SERIES_VISITS = 60;

/** The plan's rhythm: how many visits, how many a week, on which weekdays, at what local time. */
export interface SeriesRhythm {
  startDate: string;
  visitsPerWeek: number;
  count: number;
  preferredDays: number[];
  time: string;
}

export interface SeriesInput {
  patientId: string;
  serviceCode: string;
  therapistId: string;
  locationId: string;
  visits: SeriesVisit[] | SeriesRhythm;
}

/** Dates from the clinical plan's scheduler: visitsPerWeek on preferred days, as far apart as they allow. */
export function expandRhythm(rhythm: SeriesRhythm): SeriesVisit[] {
  const plan: PlanProposal = {
    stages: [
      {
        phase: 'acute',
        label: 'Booked series',
        visitsPerWeek: rhythm.visitsPerWeek,
        visits: rhythm.count,
        rationale: [],
      },
    ],
    totalVisits: rhythm.count,
    reassessmentAtVisits: [],
    rationale: [],
    warnings: [],
  };
  const preferredDays = [...new Set(rhythm.preferredDays)] as (0 | 1 | 2 | 3 | 4 | 5 | 6)[];
  return scheduleVisits(plan, { startDate: rhythm.startDate, preferredDays }).map((v) => ({
    date: v.date,
    time: rhythm.time,
  }));
}

/** A site or therapist that does not exist is a mistake in the request (422), not a conflict of times. */
function refuseUnknown(plan: Extract<ReturnType<typeof planSeries>, { ok: false }>): void {
  const fields: Record<string, string> = {};
  for (const reason of plan.conflicts.flatMap((c) => c.reasons)) {
    if (reason.code === 'unknown-location') fields.locationId = 'No such location in this organisation.';
    if (reason.code === 'unknown-therapist') fields.therapistId = 'No such therapist in this organisation.';
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

export async function bookSeries(
  ctx: ServiceContext,
  actor: Actor,
  input: SeriesInput,
  once?: Once,
): Promise<{ seriesId: string; appointments: Appointment[]; warnings: BookingWarning[] }> {
  const locationIds = [
    ...new Set([
      input.locationId,
      ...(Array.isArray(input.visits) ? input.visits.flatMap((v) => (v.locationId ? [v.locationId] : [])) : []),
    ]),
  ];
  authorize(actor, 'appointment.book', {
    booking: { patientId: input.patientId, therapistId: input.therapistId, locationIds },
  });
  const patient = await requireBookablePatient(ctx.db, actor, input.patientId);
  const wanted = Array.isArray(input.visits) ? input.visits : expandRhythm(input.visits);
  if (wanted.length === 0) throw new ValidationError({ visits: 'Ask for at least one visit.' });
  if (wanted.length > MAX_SERIES_VISITS)
    throw new ValidationError({ visits: `A series books at most ${MAX_SERIES_VISITS} visits.` });
  const service = await serviceOrRefuse(ctx.db, actor, input.serviceCode);
  const settings = await bookingSettings(ctx.db, actor.orgId);
  const now = ctx.now();
  const dates = wanted.map((v) => v.date).sort();
  const request = {
    service,
    therapistId: input.therapistId,
    locationId: input.locationId,
    patientId: input.patientId,
    slotStepMinutes: settings.slotStepMinutes,
    alternativesPerVisit: 3,
  };
  const conflictOf = (plan: Extract<ReturnType<typeof planSeries>, { ok: false }>) =>
    new SeriesConflictError(
      plan.conflicts.map((c) => ({
        visit: c.visit,
        wanted: {
          date: c.wanted.date,
          time: c.wanted.time,
          ...(c.wanted.locationId ? { locationId: c.wanted.locationId } : {}),
          start: c.wanted.start === null ? null : new Date(c.wanted.start).toISOString(),
        },
        reasons: c.reasons.map(reasonView),
        alternatives: c.alternatives.map(slotView),
      })),
    );
  const seriesId = randomUUID();
  try {
    return await createOnce(
      ctx,
      actor,
      once,
      async (tx) => {
        const data = await loadSchedule(tx, actor.orgId, {
          from: addDays(dates[0]!, -4),
          to: addDays(dates[dates.length - 1]!, 4),
          now,
        });
        const plan = planSeries(wanted, request, windowOf(settings, now), data);
        if (!plan.ok) refuseUnknown(plan);
        if (!plan.ok) throw conflictOf(plan);
        // Warned, not refused: a visit outside or past the patient's authorizations.
        const warnings = await authorizationWarnings(
          tx,
          actor,
          patient,
          plan.bookings.map((slot) => localDateAt(data, slot.locationId, slot.start, actor.orgTimeZone)),
        );
        await ensureServiceRow(tx, actor.orgId, (await findService(tx, actor.orgId, service.code))!);
        const rows = await repo.insertAppointments(
          tx,
          actor.orgId,
          plan.bookings.map((slot) => ({
            patientId: input.patientId,
            therapistId: slot.therapistId,
            locationId: slot.locationId,
            roomId: slot.roomId,
            serviceCode: service.code,
            start: new Date(slot.start),
            end: new Date(slot.end),
            bufferAfterMinutes: service.bufferAfterMinutes,
            seriesId,
            bookedBy: actor.userId,
          })),
          now,
        );
        await audit(
          tx,
          actor,
          rows.map((r) => ({
            action: 'appointment.create',
            patientId: r.patientId,
            recordType: 'appointment',
            recordId: r.id,
            detail: { seriesId },
          })),
        );
        await grantForBooking(tx, actor, input.patientId, rows, now, 'series');
        for (const row of rows) await onBooked(tx, actor.orgId, row, now);
        return { seriesId, appointments: await presentAppointments(tx, actor, rows), warnings };
      },
      { keepRefusal: keepBookingRefusal },
    );
  } catch (err) {
    if (!lostTimeRace(err)) return rethrowReference(err);
    // A concurrent booking took one of the times between our check and our insert: plan again.
    const data = await loadSchedule(ctx.db, actor.orgId, {
      from: addDays(dates[0]!, -4),
      to: addDays(dates[dates.length - 1]!, 4),
      now,
    });
    const plan = planSeries(wanted, request, windowOf(settings, now), data);
    if (!plan.ok) return keepRefusal(ctx, actor, once, conflictOf(plan), 409);
    throw err;
  }
}
