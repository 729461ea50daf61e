import type { Queryable } from '../../store/database.ts';
import type { AppointmentStatus } from '../../store/repos/appointments.ts';
import { insertAuditEvents } from '../../store/repos/audit.ts';
import {
  appointmentOrg,
  findAppointmentView,
  patientAccount,
  type AppointmentView,
} from '../../store/repos/calendars.ts';
import { organizationTimeZone } from '../../store/repos/sign-ins.ts';
import { findAvailability } from '../booking/availability.ts';
import { cancelAppointment, rescheduleAppointment } from '../booking/changes.ts';
import { conflictOf } from '../booking/conflicts.ts';
import type { SlotView } from '../booking/errors.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { checkLinkToken } from './links.ts';
import { notifySettings } from './settings.ts';
import { visitTime } from './time.ts';
import { addDays, dateIn } from '../../time/index.ts';
import { STATUS_WORDS } from '../booking/status.ts';
import { supportedLocale, type Locale } from '../../words/locales.ts';

/** What a patient sees behind a link: their visit, and whether it can still be changed online. */
export interface LinkedAppointment {
  appointmentId: string;
  status: string;
  start: Date;
  end: Date;
  when: string;
  timeZone: string;
  service: string;
  therapist: string;
  site: { name: string; address: string; phone: string | null };
  cancellationNoticeHours: number;
  /** Cancelling or moving online is possible until this instant; after it, the patient calls the clinic. */
  changeOnlineUntil: Date;
  canChangeOnline: boolean;
  /** Why the clinic can no longer keep the visit as booked (the patient may then change it until it starts). */
  conflict: string | null;
  /** The language the patient reads (their record's preferred one, where we write it); null: the browser's. */
  locale: Locale | null;
}

const INVALID = 'This link is not valid. Please use the latest message from the clinic, or call the clinic.';
const EXPIRED = 'This link has expired: it worked until the end of the visit it was sent for.';
const NIL_USER = '00000000-0000-0000-0000-000000000000';
/** How far ahead a link shows free times to move to. */
const AVAILABILITY_DAYS = 28;

/**
 * Resolves a token to its appointment; every failure is a 404, so tokens cannot be probed. The
 * signature is checked first, from the token alone: a forged link is refused without a query.
 */
async function resolveLink(db: Queryable, token: string, now: Date): Promise<AppointmentView> {
  const check = await checkLinkToken(db, token, now);
  if (check.status === 'invalid') throw new NotFoundError(INVALID);
  const orgId = await appointmentOrg(db, check.appointmentId);
  const view = orgId ? await findAppointmentView(db, orgId, check.appointmentId) : null;
  if (!view) throw new NotFoundError(INVALID);
  // The site's number is no secret and is what the patient needs next.
  if (check.status === 'expired')
    throw new NotFoundError(
      view.site.phone ? `${EXPIRED} To change a visit, call the clinic on ${view.site.phone}.` : EXPIRED,
    );
  return view;
}

/**
 * The booking services act for an Actor; a link acts for its patient, as their account if they
 * have one (the nil id if not). Link use is audited on its own as well, as "patient-link".
 */
async function linkActor(db: Queryable, view: AppointmentView, ip: string | null): Promise<Actor> {
  const account = await patientAccount(db, view.orgId, view.patientId);
  return {
    userId: account?.id ?? NIL_USER,
    orgId: view.orgId,
    role: 'patient',
    email: account?.email ?? '',
    displayName: 'Self-service link',
    patientId: view.patientId,
    therapistId: null,
    locationIds: [],
    orgTimeZone: await organizationTimeZone(db, view.orgId),
    sessionId: 'self-service-link',
    ip,
  };
}

function auditLink(
  db: Queryable,
  view: AppointmentView,
  action: string,
  ip: string | null,
  detail: Record<string, unknown> = {},
) {
  return insertAuditEvents(db, [
    {
      orgId: view.orgId,
      actorUserId: null,
      actorRole: 'patient-link',
      action,
      outcome: 'allowed',
      patientId: view.patientId,
      recordType: 'appointment',
      recordId: view.id,
      ip,
      detail,
    },
  ]);
}

async function present(db: Queryable, view: AppointmentView, now: Date): Promise<LinkedAppointment> {
  const { cancellationNoticeHours } = await notifySettings(db, view.orgId);
  const conflict = await conflictOf(
    db,
    view.orgId,
    { ...view, therapistId: view.therapistId, status: view.status as AppointmentStatus },
    now,
  );
  const changeOnlineUntil = conflict ? view.start : new Date(view.start.getTime() - cancellationNoticeHours * 3600_000);
  const s = view.site;
  return {
    appointmentId: view.id,
    status: view.status,
    start: view.start,
    end: view.end,
    when: visitTime(view.start, s.timeZone),
    timeZone: s.timeZone,
    service: view.serviceName,
    therapist: view.therapistName,
    site: {
      name: s.name,
      address: [s.line1, s.line2, `${s.city}, ${s.state} ${s.postalCode}`].filter(Boolean).join(', '),
      phone: s.phone,
    },
    cancellationNoticeHours,
    changeOnlineUntil,
    canChangeOnline: view.status === 'booked' && now.getTime() < changeOnlineUntil.getTime(),
    conflict: conflict?.message ?? null,
    locale: supportedLocale(view.patient.communication.language),
  };
}

/** Inside the policy window a change is the clinic's call: say so plainly, with its number. */
function refuseIfTooLate(view: AppointmentView, shown: LinkedAppointment, verb: string): void {
  if (view.status !== 'booked')
    throw new ConflictError(
      undefined,
      `This appointment cannot be ${verb} online: it is ${STATUS_WORDS[view.status as AppointmentStatus]}.`,
    );
  if (!shown.canChangeOnline) {
    const phone = view.site.phone ? ` on ${view.site.phone}` : '';
    throw new ConflictError(
      undefined,
      `It is less than ${shown.cancellationNoticeHours} hours before your visit, so it can no longer be ${verb} ` +
        `online. Please call the clinic${phone}.`,
    );
  }
}

export async function getLinkedAppointment(
  ctx: ServiceContext,
  token: string,
  ip: string | null = null,
): Promise<LinkedAppointment> {
  const now = ctx.now();
  const view = await resolveLink(ctx.db, token, now);
  await auditLink(ctx.db, view, 'appointment.link.read', ip);
  return present(ctx.db, view, now);
}

/** Cancels through a link, within the organisation's cancellation policy (default 24 hours). */
export async function cancelByLink(
  ctx: ServiceContext,
  token: string,
  reason: string | null,
  ip: string | null = null,
): Promise<LinkedAppointment> {
  const now = ctx.now();
  const view = await resolveLink(ctx.db, token, now);
  refuseIfTooLate(view, await present(ctx.db, view, now), 'cancelled');
  await cancelAppointment(
    ctx,
    await linkActor(ctx.db, view, ip),
    view.id,
    reason ?? 'Cancelled by the patient through a link.',
  );
  await auditLink(ctx.db, view, 'appointment.link.cancel', ip, { reasonGiven: reason !== null });
  return present(ctx.db, (await findAppointmentView(ctx.db, view.orgId, view.id))!, now);
}

/** Free times to move to: the same service with the same therapist at the same site, four weeks ahead. */
export async function linkAvailability(
  ctx: ServiceContext,
  token: string,
  ip: string | null = null,
): Promise<{ slots: SlotView[]; truncated: boolean }> {
  const now = ctx.now();
  const view = await resolveLink(ctx.db, token, now);
  refuseIfTooLate(view, await present(ctx.db, view, now), 'moved');
  // Days at the visit's site: on a US evening UTC is already tomorrow, which would hide tonight's times.
  const from = dateIn(view.site.timeZone, now);
  const result = await findAvailability(ctx, await linkActor(ctx.db, view, ip), {
    serviceCode: view.serviceCode,
    therapistId: view.therapistId,
    locationId: view.locationId,
    from,
    to: addDays(from, AVAILABILITY_DAYS - 1),
    limit: 200,
  });
  await auditLink(ctx.db, view, 'appointment.link.availability', ip, { slots: result.slots.length });
  return result;
}

/** Moves the visit to one of those times (the booking service re-checks everything, atomically). */
export async function rescheduleByLink(
  ctx: ServiceContext,
  token: string,
  start: Date,
  ip: string | null = null,
): Promise<LinkedAppointment> {
  const now = ctx.now();
  const view = await resolveLink(ctx.db, token, now);
  refuseIfTooLate(view, await present(ctx.db, view, now), 'moved');
  await rescheduleAppointment(ctx, await linkActor(ctx.db, view, ip), view.id, {
    start,
    reason: 'Moved by the patient through a link.',
  });
  await auditLink(ctx.db, view, 'appointment.link.reschedule', ip, {
    from: view.start.toISOString(),
    to: start.toISOString(),
  });
  return present(ctx.db, (await findAppointmentView(ctx.db, view.orgId, view.id))!, now);
}
