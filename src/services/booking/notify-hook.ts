/**
 * The booking side of notifications: every call runs inside the booking's own transaction. A time taken also
 * refreshes the briefly kept public list of free times (noteBooking).
 */
import { databaseOf, type Queryable } from '../../store/database.ts';
import type { AppointmentRow } from '../../store/repos/appointments.ts';
import { messagePlaces, type AppointmentView, type MessagePatient } from '../../store/repos/calendars.ts';
import type { AuditEventInput } from '../../store/repos/audit.ts';
import type { NewMessage } from '../../store/repos/outbox.ts';
import type { ServiceRow } from '../../store/repos/services-catalogue.ts';
import type { VisitPatient } from '../care.ts';
import {
  type NotifySettings,
  cancelAppointmentMessages,
  composeBookingMessages,
  enqueueMessage,
  rescheduleAppointmentMessages,
  scheduleAppointmentMessages,
  visitAffectedMessage,
} from '../notify/index.ts';
import { cachedAtStamp, noteBooking } from './schedule-cache.ts';

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

/** What a single booking already holds of its visit, so its messages are composed before it is written. */
export interface BookedVisit {
  /** The schedule stamp the booking was checked at: sites and therapists are as they were at it. */
  stamp: string;
  patient: MessagePatient & Pick<VisitPatient, 'hasEarlierCompletedVisit'>;
  service: Pick<ServiceRow, 'name' | 'isInitial' | 'priceCents' | 'currency'>;
}

/**
 * The appointment as its messages read it (findAppointmentView's answer), built from the booking's
 * own facts and the sites and therapists kept at the stamp; null if either is not among them.
 */
async function viewOf(
  tx: Queryable,
  orgId: string,
  row: AppointmentRow,
  visit: BookedVisit,
  /** Read now, not as kept at the stamp. */
  fresh = false,
): Promise<AppointmentView | null> {
  const places = fresh
    ? await messagePlaces(tx, orgId)
    : await cachedAtStamp(databaseOf(tx), visit.stamp, `${orgId}:message-places`, () => messagePlaces(tx, orgId));
  const site = places.sites[row.locationId];
  const therapistName = places.therapistNames[row.therapistId];
  if (!site || therapistName === undefined) return null;
  const { patient, service } = visit;
  return {
    ...booked(orgId, row),
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt,
    serviceName: service.name,
    serviceIsInitial: service.isInitial,
    servicePriceCents: service.priceCents,
    serviceCurrency: service.currency,
    therapistName,
    site,
    patient: {
      givenName: patient.givenName,
      familyName: patient.familyName,
      preferredName: patient.preferredName,
      email: patient.email,
      communication: patient.communication,
    },
    hasEarlierCompletedVisit: patient.hasEarlierCompletedVisit,
  };
}

/** A new booking's messages and the audit events of those skipped, composed before it is written (its id chosen). */
export async function composeBooked(
  db: Queryable,
  orgId: string,
  row: AppointmentRow,
  now: Date,
  settings: NotifySettings,
  visit: BookedVisit,
): Promise<{ messages: NewMessage[]; skipEvents: AuditEventInput[] }> {
  // The check found the site and the therapist at this stamp, so the kept places name them; read again if not.
  const view = (await viewOf(db, orgId, row, visit)) ?? (await viewOf(db, orgId, row, visit, true));
  if (!view) throw new Error('A booked site or therapist is missing from its organisation.');
  return composeBookingMessages(db, view, now, settings);
}

/** Queues a booked visit's messages, inside the booking's transaction (series and waitlist offers). */
export async function onBooked(tx: Queryable, orgId: string, row: AppointmentRow, now: Date): Promise<void> {
  noteBooking(orgId);
  await scheduleAppointmentMessages(tx, booked(orgId, row), { now });
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
