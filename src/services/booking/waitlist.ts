/** Patients waiting for a service at some sites within a date window; accepting an offer books it. */
import { lostTimeRace } from '../../store/database.ts';
import * as appointments from '../../store/repos/appointments.ts';
import * as repo from '../../store/repos/waitlist.ts';
import { audit } from '../audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { authorize, isAllowed, patientScope } from '../policies.ts';
import { serviceOrRefuse } from './availability.ts';
import { ensureServiceRow, findService } from './catalogue.ts';
import { SlotUnavailableError } from './errors.ts';
import { onBooked } from './notify-hook.ts';
import { offerFreedSlot } from './offers.ts';
import { presentAppointment, type Appointment } from './views.ts';
import { rethrowReference } from './appointments.ts';
import { grantForBooking, requireBookablePatient } from '../care.ts';
import { createOnce, type Once } from '../idempotency.ts';
import { dateIn } from '../../time/index.ts';
import { clinicTimeZone } from './zone.ts';

export type WaitlistEntry = repo.WaitlistRow & { offer: Offer | null };
export type Offer = Pick<
  repo.HoldRow,
  'id' | 'therapistId' | 'locationId' | 'roomId' | 'serviceCode' | 'start' | 'end' | 'expiresAt'
>;

function offerView(hold: repo.HoldRow): Offer {
  const { id, therapistId, locationId, roomId, serviceCode, start, end, expiresAt } = hold;
  return { id, therapistId, locationId, roomId, serviceCode, start, end, expiresAt };
}

const facts = (patientId: string, locationIds: string[]) => ({
  booking: { patientId, therapistId: null, locationIds },
});

export async function joinWaitlist(
  ctx: ServiceContext,
  actor: Actor,
  fields: repo.WaitlistFields,
  once?: Once,
): Promise<WaitlistEntry> {
  const locationIds = [...new Set(fields.locationIds)];
  authorize(actor, 'waitlist.manage', facts(fields.patientId, locationIds));
  await requireBookablePatient(ctx.db, actor, fields.patientId);
  await serviceOrRefuse(ctx.db, actor, fields.serviceCode);
  const problems: Record<string, string> = {};
  if (fields.latest < fields.earliest) problems.latest = 'Must not be before earliest.';
  const known = await repo.existingLocations(ctx.db, actor.orgId, locationIds);
  // The window's days are the site's when it names one, else the organisation's.
  const site = locationIds.length === 1 && known.length === 1 ? locationIds[0] : undefined;
  const today = dateIn(await clinicTimeZone(ctx.db, actor, site), ctx.now());
  if (fields.latest < today) problems.latest = 'The window has already passed.';
  if (known.length !== locationIds.length) problems.locationIds = 'Every id must be a location of this organisation.';
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const entry = await repo.insertEntry(tx, actor.orgId, { ...fields, locationIds }, actor.userId, ctx.now());
      await audit(tx, actor, [
        { action: 'waitlist.join', patientId: entry.patientId, recordType: 'waitlist_entry', recordId: entry.id },
      ]);
      return { ...entry, offer: null };
    });
  } catch (err) {
    return rethrowReference(err);
  }
}

/** Open entries, oldest first; `includeBooked` adds booked ones until their last wanted day has passed. */
export async function listWaitlist(
  ctx: ServiceContext,
  actor: Actor,
  options: { includeBooked?: boolean } = {},
): Promise<{ entries: WaitlistEntry[] }> {
  authorize(actor, 'waitlist.read');
  const bookedSince = options.includeBooked ? dateIn(actor.orgTimeZone, ctx.now()) : null;
  const rows = await repo.listEntries(ctx.db, actor.orgId, patientScope(actor), 500, bookedSince);
  const now = ctx.now().getTime();
  const holds = (
    await repo.liveHoldsOf(
      ctx.db,
      actor.orgId,
      rows.map((r) => r.id),
    )
  ).filter((h) => h.expiresAt.getTime() > now);
  await audit(
    ctx.db,
    actor,
    rows.map((r) => ({
      action: 'waitlist.list',
      patientId: r.patientId,
      recordType: 'waitlist_entry',
      recordId: r.id,
    })),
  );
  return {
    entries: rows.map((r) => {
      const hold = holds.find((h) => h.waitlistEntryId === r.id);
      return { ...r, offer: hold ? offerView(hold) : null };
    }),
  };
}

/** Leaves the waitlist; a slot held for this entry goes to the next patient. */
export async function leaveWaitlist(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  const entry = await repo.findEntry(ctx.db, actor.orgId, id);
  if (!entry) throw new NotFoundError('No such waitlist entry.');
  if (!isAllowed(actor, 'waitlist.manage', facts(entry.patientId, entry.locationIds))) {
    await audit(ctx.db, actor, [
      {
        action: 'waitlist.leave',
        outcome: 'denied',
        patientId: entry.patientId,
        recordType: 'waitlist_entry',
        recordId: id,
      },
    ]);
    throw new ForbiddenError('You may not change this waitlist entry.');
  }
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await repo.setEntryStatus(tx, actor.orgId, id, 'removed');
    for (const hold of await repo.liveHoldsOf(tx, actor.orgId, [id])) {
      await repo.setHoldStatus(tx, actor.orgId, hold.id, 'withdrawn');
      if (hold.expiresAt > now)
        await offerFreedSlot(tx, actor.orgId, hold, now, { userId: actor.userId, role: actor.role });
    }
    await audit(tx, actor, [
      { action: 'waitlist.leave', patientId: entry.patientId, recordType: 'waitlist_entry', recordId: id },
    ]);
  });
}

/** Books the held slot for its patient, if the hold is still live. */
export async function acceptOffer(
  ctx: ServiceContext,
  actor: Actor,
  holdId: string,
  once?: Once,
): Promise<Appointment> {
  const hold = await repo.findHold(ctx.db, actor.orgId, holdId);
  if (!hold) throw new NotFoundError('No such offer.');
  if (
    !isAllowed(actor, 'appointment.book', {
      booking: { patientId: hold.patientId, therapistId: hold.therapistId, locationIds: [hold.locationId] },
    })
  ) {
    await audit(ctx.db, actor, [
      { action: 'waitlist.accept', outcome: 'denied', patientId: hold.patientId, recordType: 'hold', recordId: holdId },
    ]);
    throw new ForbiddenError('This offer is not yours to accept.');
  }
  await requireBookablePatient(ctx.db, actor, hold.patientId);
  const service = await serviceOrRefuse(ctx.db, actor, hold.serviceCode);
  const now = ctx.now();
  try {
    return await createOnce(ctx, actor, once, async (tx) => {
      const locked = await repo.findHold(tx, actor.orgId, holdId, true);
      if (!locked || locked.status !== 'offered' || locked.expiresAt <= now) {
        throw new ConflictError('offer', 'This offer has expired or was already used.');
      }
      await ensureServiceRow(tx, actor.orgId, (await findService(tx, actor.orgId, service.code))!);
      // The hold stops blocking the instant the appointment takes its place.
      await repo.setHoldStatus(tx, actor.orgId, holdId, 'accepted');
      const [row] = await appointments.insertAppointments(
        tx,
        actor.orgId,
        [
          {
            patientId: hold.patientId,
            therapistId: hold.therapistId,
            locationId: hold.locationId,
            roomId: hold.roomId,
            serviceCode: hold.serviceCode,
            start: hold.start,
            end: hold.end,
            bufferAfterMinutes: hold.bufferAfterMinutes,
            seriesId: null,
            bookedBy: actor.userId,
          },
        ],
        now,
      );
      await repo.setHoldStatus(tx, actor.orgId, holdId, 'accepted', row!.id);
      await repo.setEntryStatus(tx, actor.orgId, hold.waitlistEntryId, 'booked');
      await audit(tx, actor, [
        {
          action: 'waitlist.accept',
          patientId: hold.patientId,
          recordType: 'appointment',
          recordId: row!.id,
          detail: { holdId },
        },
      ]);
      await grantForBooking(tx, actor, hold.patientId, [row!], now, 'waitlist offer');
      await onBooked(tx, actor.orgId, row!, now);
      return presentAppointment(tx, actor, row!);
    });
  } catch (err) {
    if (lostTimeRace(err)) {
      throw new SlotUnavailableError(
        'You already have another appointment at that time.',
        [{ code: 'patient-busy', message: 'The patient already has an appointment at that time.' }],
        [],
      );
    }
    throw err;
  }
}
