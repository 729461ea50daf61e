/**
 * The booking side of notifications: every call runs inside the booking's own transaction. A time taken also
 * refreshes the briefly kept public list of free times (noteBooking).
 */
import type { Queryable } from '../../store/database.ts';
import type { AppointmentRow } from '../../store/repos/appointments.ts';
import {
  type NotifySettings,
  cancelAppointmentMessages,
  enqueueMessage,
  rescheduleAppointmentMessages,
  scheduleAppointmentMessages,
  visitAffectedMessage,
} from '../notify/index.ts';
import { noteBooking } from './schedule-cache.ts';

function booked(orgId: string, row: AppointmentRow) {
  return {
    id: row.id,
    orgId,
    patientId: row.patientId,
    therapistId: row.therapistId,
    locationId: row.locationId,
    serviceCode: row.serviceCode,
    start: row.start,
    end: row.end,
  };
}

/** `settings`: the organisation's notification settings when the caller already has them (read at the stamp). */
export async function onBooked(
  tx: Queryable,
  orgId: string,
  row: AppointmentRow,
  now: Date,
  settings?: NotifySettings,
): Promise<void> {
  noteBooking(orgId);
  await scheduleAppointmentMessages(tx, booked(orgId, row), { now, settings });
}

export async function onMoved(tx: Queryable, orgId: string, row: AppointmentRow, now: Date): Promise<void> {
  noteBooking(orgId);
  await rescheduleAppointmentMessages(tx, booked(orgId, row), { now });
}

/** `note`: the clinic's own words to the patient, in the cancellation notice. */
export async function onCancelled(
  tx: Queryable,
  orgId: string,
  appointmentId: string,
  now: Date,
  note?: string,
): Promise<void> {
  await cancelAppointmentMessages(tx, appointmentId, orgId, { now, note });
}

/** Tells the patient their visit no longer fits the schedule, with a link to choose a new time. */
export function onAffected(
  tx: Queryable,
  orgId: string,
  appointmentId: string,
  now: Date,
  problem: string,
  note?: string,
) {
  return visitAffectedMessage(tx, appointmentId, orgId, { now, problem, note });
}

export interface OfferMessage {
  orgId: string;
  holdId: string;
  patientId: string;
  email: string;
  serviceName: string;
  when: string;
  siteName: string;
  expiresAt: Date;
}

/** Tells a waiting patient a slot is held for them, and until when. */
export async function onOffered(tx: Queryable, offer: OfferMessage, now: Date): Promise<void> {
  noteBooking(offer.orgId);
  await enqueueMessage(
    tx,
    {
      orgId: offer.orgId,
      kind: 'waitlist-offer',
      patientId: offer.patientId,
      toAddress: offer.email,
      subject: `A time has opened up: ${offer.serviceName}`,
      text: [
        `A ${offer.serviceName} appointment has opened up at ${offer.siteName} on ${offer.when}.`,
        `We are holding it for you until ${offer.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
        'Sign in to Knotwork and accept the offer under "Waitlist" to book it. If you do nothing, ' +
          'we offer it to the next person waiting.',
      ].join('\n\n'),
      sendAt: now,
      dedupeKey: `waitlist-offer:${offer.holdId}`,
    },
    now,
  );
}
