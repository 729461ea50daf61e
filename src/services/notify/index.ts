/** Notifications: the outbox (what to send, when) and the worker that sends it. */
export {
  enqueueMessage,
  scheduleAppointmentMessages,
  composeBookingMessages,
  rescheduleAppointmentMessages,
  cancelAppointmentMessages,
  visitAffectedMessage,
  MESSAGE_DOMAIN,
} from './schedule.ts';
export type { BookedAppointment, MessageInput, ScheduleResult, Skipped } from './schedule.ts';
export { runDueMessages, startNotifyWorker, retryDelayMs } from './worker.ts';
export type { RunSummary, WorkerOptions } from './worker.ts';
export { EmlTransport, SmtpTransport, transportFromEnv, emlFileName } from './transports.ts';
export type { OutgoingMail, Transport } from './transports.ts';
export { issueLinkToken, parseLinkToken, checkLinkToken, manageUrl } from './links.ts';
export { PRE_VISIT_INSTRUCTIONS, composeMessage } from './compose.ts';
export { notifySettings, DEFAULT_REMINDER_HOURS } from './settings.ts';
export type { NotifySettings } from './settings.ts';
// Self-service through links lives in ./self-service.ts (it calls the booking services, which call us).
