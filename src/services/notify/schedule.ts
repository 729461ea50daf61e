import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../store/database.ts';
import { insertAuditEvents, type AuditEventInput } from '../../store/repos/audit.ts';
import { findAppointmentView, type AppointmentView } from '../../store/repos/calendars.ts';
import {
  cancelPendingMessages,
  databaseNow,
  insertMessage,
  insertMessages,
  type Attachment,
  type NewMessage,
  type MessageKind,
  type MessageRow,
  type RenderInputs,
} from '../../store/repos/outbox.ts';
import { composeMessage, type AppointmentMessageKind } from './compose.ts';
import { issueLinkToken, manageUrl } from './links.ts';
import { notifySettings, type NotifySettings } from './settings.ts';

export interface MessageInput {
  orgId: string;
  kind: MessageKind;
  appointmentId?: string | null;
  patientId: string;
  toAddress: string;
  subject: string;
  text: string;
  html?: string | null;
  sendAt: Date;
  dedupeKey: string;
  /** Set for appointment messages: what to compose them from again when they leave. */
  render?: RenderInputs | null;
  attachments?: Attachment[];
}

/** The appointment as the booking code knows it when it calls us (inside its own transaction). */
export interface BookedAppointment {
  id: string;
  orgId: string;
  patientId: string;
  therapistId: string;
  locationId: string;
  serviceCode: string;
  start: Date;
  end: Date;
}

export interface Skipped {
  kind: MessageKind;
  reason: 'no-email-address' | 'email-declined' | 'reminders-declined' | 'in-the-past';
}

export interface ScheduleResult {
  queued: MessageRow[];
  skipped: Skipped[];
}

export const MESSAGE_DOMAIN = 'knotwork.local';

/** Queues one message; its RFC 5322 Message-ID is fixed here, once. A repeated dedupe key queues nothing (null). */
export function enqueueMessage(tx: Queryable, msg: MessageInput, now?: Date): Promise<MessageRow | null> {
  return insertMessage(tx, newMessage(msg), now ?? msg.sendAt);
}

function newMessage(msg: MessageInput): NewMessage {
  return {
    ...msg,
    appointmentId: msg.appointmentId ?? null,
    html: msg.html ?? null,
    messageId: `<${randomUUID()}@${MESSAGE_DOMAIN}>`,
    render: msg.render ?? null,
    attachments: msg.attachments ?? [],
  };
}

async function loadView(tx: Queryable, orgId: string, appointmentId: string): Promise<AppointmentView> {
  const view = await findAppointmentView(tx, orgId, appointmentId);
  if (!view) throw new Error(`Appointment ${appointmentId} not found in organisation ${orgId}.`);
  return view;
}

/** Why this patient gets no email of this kind, or null when it may go. Missing flags mean yes (the default). */
function refusal(view: AppointmentView, kind: MessageKind): Skipped['reason'] | null {
  if (!view.patient.email) return 'no-email-address';
  if (view.patient.communication.email === false) return 'email-declined';
  if (kind === 'reminder' && view.patient.communication.reminders === false) return 'reminders-declined';
  return null;
}

/** Skips leave a trace in the audit log, so "why did I get no reminder?" has an answer. */
function skipEvents(view: AppointmentView, skipped: Skipped[]): AuditEventInput[] {
  return skipped.map((s) => ({
    orgId: view.orgId,
    actorUserId: null,
    actorRole: 'system',
    action: 'notification.skipped',
    outcome: 'allowed',
    patientId: view.patientId,
    recordType: 'appointment',
    recordId: view.id,
    detail: { kind: s.kind, reason: s.reason },
  }));
}

interface Planned {
  kind: AppointmentMessageKind;
  sendAt: Date;
  dedupeKey: string;
  hoursBefore?: number;
  note?: string;
  problem?: string;
}

/** The planned messages as they will be queued, and the ones this patient gets none of. */
async function composePlanned(
  tx: Queryable,
  view: AppointmentView,
  planned: Planned[],
  preSkipped: Skipped[] = [],
  known?: NotifySettings,
): Promise<{ messages: NewMessage[]; skipped: Skipped[] }> {
  const settings = known ?? (await notifySettings(tx, view.orgId));
  const skipped = [...preSkipped];
  const messages: NewMessage[] = [];
  const wantsLink = planned.some((p) => p.kind !== 'cancellation' && !refusal(view, p.kind));
  // A visit that no longer fits the schedule is the clinic's doing: its link works until the visit's
  // own end like any other, and the booking lets the patient move it inside the notice window.
  const token = wantsLink
    ? await issueLinkToken(tx, {
        orgId: view.orgId,
        appointmentId: view.id,
        patientId: view.patientId,
        expiresAt: view.end,
      })
    : null;
  for (const p of planned) {
    const reason = refusal(view, p.kind);
    if (reason) {
      skipped.push({ kind: p.kind, reason });
      continue;
    }
    const render: RenderInputs = {
      link: p.kind !== 'cancellation' && token !== null,
      ...(p.hoursBefore !== undefined ? { hoursBefore: p.hoursBefore } : {}),
      ...(p.note ? { note: p.note } : {}),
      ...(p.problem ? { problem: p.problem } : {}),
    };
    const composed = composeMessage(p.kind, {
      appointment: view,
      manageUrl: render.link ? manageUrl(token!) : null,
      cancellationNoticeHours: settings.cancellationNoticeHours,
      hoursBefore: p.hoursBefore,
      note: p.note,
      problem: p.problem,
    });
    messages.push(
      newMessage({
        orgId: view.orgId,
        kind: p.kind,
        appointmentId: view.id,
        patientId: view.patientId,
        toAddress: view.patient.email!,
        ...composed,
        sendAt: p.sendAt,
        dedupeKey: p.dedupeKey,
        render,
      }),
    );
  }
  return { messages, skipped };
}

async function queuePlanned(
  tx: Queryable,
  view: AppointmentView,
  planned: Planned[],
  now: Date,
  preSkipped: Skipped[] = [],
  known?: NotifySettings,
): Promise<ScheduleResult> {
  const { messages, skipped } = await composePlanned(tx, view, planned, preSkipped, known);
  // One statement for all of them: the booking's transaction makes one round trip, not one per message.
  const queued = await insertMessages(tx, messages, now);
  await insertAuditEvents(tx, skipEvents(view, skipped));
  return { queued, skipped };
}

/** A visit's messages: `first` now, the pre-visit instructions for a first visit, the reminders not already past. */
function planVisit(
  view: AppointmentView,
  now: Date,
  first: AppointmentMessageKind,
  preVisit: boolean,
  settings: NotifySettings,
): { planned: Planned[]; skipped: Skipped[] } {
  const at = view.start.toISOString();
  const planned: Planned[] = [{ kind: first, sendAt: now, dedupeKey: `${view.id}:${first}:${at}` }];
  if (preVisit && (view.serviceIsInitial || !view.hasEarlierCompletedVisit)) {
    planned.push({ kind: 'pre-visit', sendAt: now, dedupeKey: `${view.id}:pre-visit:${at}` });
  }
  const skipped: Skipped[] = [];
  for (const hours of settings.reminderHours) {
    const sendAt = new Date(view.start.getTime() - hours * 3600_000);
    if (sendAt.getTime() <= now.getTime()) skipped.push({ kind: 'reminder', reason: 'in-the-past' });
    else
      planned.push({ kind: 'reminder', sendAt, dedupeKey: `${view.id}:reminder:${at}:${hours}h`, hoursBefore: hours });
  }
  return { planned, skipped };
}

async function visitMessages(
  tx: Queryable,
  view: AppointmentView,
  now: Date,
  first: AppointmentMessageKind,
  preVisit: boolean,
  known?: NotifySettings,
): Promise<ScheduleResult> {
  const settings = known ?? (await notifySettings(tx, view.orgId));
  const { planned, skipped } = planVisit(view, now, first, preVisit, settings);
  return queuePlanned(tx, view, planned, now, skipped, settings);
}

/**
 * A new booking's messages as scheduleAppointmentMessages would queue them, composed but not written,
 * with the audit events of those skipped: the booking writes them in its own statement. `view.id` is
 * the appointment's id, chosen before it is written.
 */
export async function composeBookingMessages(
  db: Queryable,
  view: AppointmentView,
  now: Date,
  settings: NotifySettings,
): Promise<{ messages: NewMessage[]; skipEvents: AuditEventInput[] }> {
  const { planned, skipped } = planVisit(view, now, 'confirmation', true, settings);
  const composed = await composePlanned(db, view, planned, skipped, settings);
  return { messages: composed.messages, skipEvents: skipEvents(view, composed.skipped) };
}

/**
 * Queues the confirmation (now), the reminders (organisation setting, default 48 h and 2 h before;
 * ones already past are skipped) and, for a first visit, the pre-visit instructions. Call it inside
 * the booking transaction so the messages exist exactly when the appointment does. `now` defaults
 * to the database clock.
 */
export async function scheduleAppointmentMessages(
  tx: Queryable,
  appointment: BookedAppointment,
  options: { now?: Date; settings?: NotifySettings } = {},
): Promise<ScheduleResult> {
  const now = options.now ?? (await databaseNow(tx));
  const view = await loadView(tx, appointment.orgId, appointment.id);
  return visitMessages(tx, view, now, 'confirmation', true, options.settings);
}

/**
 * After a move to a new time: the old reminders go, a "new time" notice and fresh reminders come.
 * Pre-visit instructions already sent are not sent again (the notice carries the new time); ones
 * still waiting are replaced by a copy with the new time.
 */
export async function rescheduleAppointmentMessages(
  tx: Queryable,
  appointment: BookedAppointment,
  options: { now?: Date } = {},
): Promise<ScheduleResult> {
  const now = options.now ?? (await databaseNow(tx));
  const withdrawn = await cancelPendingMessages(tx, appointment.orgId, appointment.id, [
    'confirmation',
    'reminder',
    'pre-visit',
    'reschedule',
    'visit-affected',
  ]);
  const view = await loadView(tx, appointment.orgId, appointment.id);
  return visitMessages(tx, view, now, 'reschedule', withdrawn.includes('pre-visit'));
}

/** Cancels the appointment's pending messages and queues one cancellation notice (with the clinic's note, if any). */
export async function cancelAppointmentMessages(
  tx: Queryable,
  appointmentId: string,
  orgId: string,
  options: { now?: Date; note?: string } = {},
): Promise<ScheduleResult & { cancelled: number }> {
  const now = options.now ?? (await databaseNow(tx));
  const cancelled = (
    await cancelPendingMessages(tx, orgId, appointmentId, [
      'confirmation',
      'reminder',
      'pre-visit',
      'reschedule',
      'waitlist-offer',
      'visit-affected',
    ])
  ).length;
  const view = await loadView(tx, orgId, appointmentId);
  const result = await queuePlanned(
    tx,
    view,
    [{ kind: 'cancellation', sendAt: now, dedupeKey: `${appointmentId}:cancellation`, note: options.note }],
    now,
  );
  return { ...result, cancelled };
}

/**
 * Tells the patient their visit no longer fits the schedule (the site closed, the therapist is
 * away) and gives them the self-service link to choose a new time. One notice per visit and time.
 */
export async function visitAffectedMessage(
  tx: Queryable,
  appointmentId: string,
  orgId: string,
  options: { now: Date; problem: string; note?: string },
): Promise<ScheduleResult> {
  const view = await loadView(tx, orgId, appointmentId);
  const at = view.start.toISOString();
  return queuePlanned(
    tx,
    view,
    [
      {
        kind: 'visit-affected',
        sendAt: options.now,
        dedupeKey: `${appointmentId}:visit-affected:${at}`,
        problem: options.problem,
        note: options.note,
      },
    ],
    options.now,
  );
}
