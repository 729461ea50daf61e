import type { Queryable } from '../../store/database.ts';
import { findAppointmentView } from '../../store/repos/calendars.ts';
import type { MessageRow } from '../../store/repos/outbox.ts';
import { composeMessage, type ComposedMessage } from './compose.ts';
import { issueLinkToken, manageUrl } from './links.ts';
import { notifySettings } from './settings.ts';

/**
 * An appointment message composed again from the appointment as it is now, just before it leaves:
 * a reminder queued weeks ago names the service, therapist and site as they are called today.
 * Null when there is nothing to compose from (no inputs kept, or the appointment is gone): the
 * stored words are sent then.
 */
export async function composeAgain(db: Queryable, message: MessageRow): Promise<ComposedMessage | null> {
  if (
    !message.render ||
    !message.appointmentId ||
    message.kind === 'home-care' ||
    message.kind === 'relief-check' ||
    message.kind === 'sign-up'
  )
    return null;
  const view = await findAppointmentView(db, message.orgId, message.appointmentId);
  if (!view) return null;
  const { cancellationNoticeHours } = await notifySettings(db, message.orgId);
  // The same key, appointment, patient and end sign the same link as the one first composed.
  const token = message.render.link
    ? await issueLinkToken(db, {
        orgId: view.orgId,
        appointmentId: view.id,
        patientId: view.patientId,
        expiresAt: view.end,
      })
    : null;
  return composeMessage(message.kind, {
    appointment: view,
    manageUrl: token ? manageUrl(token) : null,
    cancellationNoticeHours,
    hoursBefore: message.render.hoursBefore,
    note: message.render.note,
    problem: message.render.problem,
  });
}
