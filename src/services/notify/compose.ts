import type { AppointmentView } from '../../store/repos/calendars.ts';
import type { MessageKind } from '../../store/repos/outbox.ts';
import { formatPrice, minutesBetween, shortVisitTime, visitTime } from './time.ts';

/** Messages about one appointment; home care has its own composer (home-care.ts). */
export type AppointmentMessageKind = Exclude<MessageKind, 'home-care' | 'relief-check' | 'sign-up'>;

export interface ComposedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface ComposeInput {
  appointment: AppointmentView;
  /** Self-service link (cancel or reschedule); absent for a cancellation notice. */
  manageUrl: string | null;
  cancellationNoticeHours: number;
  /** For reminders: how long before the visit it is sent. */
  hoursBefore?: number;
  /** Words from the clinic (why a visit was cancelled, what to do next). */
  note?: string;
  /** For a visit the schedule no longer allows: why, in the patient's words. */
  problem?: string;
}

/**
 * What to do before a first visit, in our words, from the clinic's own guidance as summarised in
 * /work/shared/clinical/REFERENCE.md ("Before the first visit").
 */
export const PRE_VISIT_INSTRUCTIONS: readonly string[] = [
  'Please arrive 15 minutes early: there is some paperwork to fill in before we start.',
  'Wear comfortable clothing that lets the therapist reach the areas that hurt.',
  'Avoid caffeine (coffee, tea, energy drinks) before the visit.',
  'Bring your health history (past injuries and surgeries) and a list of the medications you take.',
];

function greetingName(a: AppointmentView): string {
  return a.patient.preferredName || a.patient.givenName;
}

function siteLines(a: AppointmentView): string[] {
  const s = a.site;
  const street = [s.line1, s.line2].filter(Boolean).join(', ');
  return [
    `Where: ${s.name}, ${street}, ${s.city}, ${s.state} ${s.postalCode}`,
    ...(s.phone ? [`Phone: ${s.phone}`] : []),
  ];
}

function visitLines(a: AppointmentView): string[] {
  return [
    `What:  ${a.serviceName} with ${a.therapistName}`,
    `When:  ${visitTime(a.start, a.site.timeZone)} (${minutesBetween(a.start, a.end)} minutes)`,
    ...siteLines(a),
  ];
}

/** The price as the clinic lists it now; nothing when it has set none. */
function priceLines(a: AppointmentView): string[] {
  return a.servicePriceCents === null ? [] : [`Price: ${formatPrice(a.servicePriceCents, a.serviceCurrency)}`];
}

function noteLines(input: ComposeInput): string[] {
  return input.note ? ['', `A message from the clinic: ${input.note}`] : [];
}

function manageLines(input: ComposeInput): string[] {
  if (!input.manageUrl) return [];
  const clinic = input.appointment.site.phone ? ` on ${input.appointment.site.phone}` : '';
  return [
    '',
    `Need to cancel or change the time? Use this link: ${input.manageUrl}`,
    `Less than ${input.cancellationNoticeHours} hours before the visit, please call the clinic${clinic} instead.`,
  ];
}

function bodyFor(kind: AppointmentMessageKind, input: ComposeInput): { subject: string; lines: string[] } {
  const a = input.appointment;
  const when = shortVisitTime(a.start, a.site.timeZone);
  switch (kind) {
    case 'confirmation':
      return {
        subject: `Booked: ${a.serviceName} on ${when}`,
        lines: ['Your appointment is booked.', '', ...visitLines(a), ...priceLines(a), ...manageLines(input)],
      };
    case 'reminder':
      return {
        subject: `Reminder: ${a.serviceName} on ${when}`,
        lines: [
          `A reminder of your appointment${input.hoursBefore ? ` in about ${input.hoursBefore} hours` : ''}.`,
          '',
          ...visitLines(a),
          ...manageLines(input),
        ],
      };
    case 'pre-visit':
      return {
        subject: `Before your first visit on ${when}`,
        lines: [
          'A few things that help your first visit go well:',
          '',
          ...PRE_VISIT_INSTRUCTIONS.map((i) => `- ${i}`),
          '',
          ...visitLines(a),
          ...manageLines(input),
        ],
      };
    case 'reschedule':
      return {
        subject: `Moved: ${a.serviceName} now on ${when}`,
        lines: ['Your appointment has a new time.', '', ...visitLines(a), ...manageLines(input)],
      };
    case 'cancellation':
      return {
        subject: `Cancelled: ${a.serviceName} on ${when}`,
        lines: [
          'Your appointment has been cancelled.',
          ...noteLines(input),
          '',
          ...visitLines(a),
          '',
          'To book again, call the clinic or use the online booking.',
        ],
      };
    case 'visit-affected':
      return {
        subject: `Please choose a new time: ${a.serviceName} on ${when}`,
        lines: [
          'We are sorry: your appointment cannot go ahead as booked.',
          ...(input.problem ? [`Why: ${input.problem}`] : []),
          ...noteLines(input),
          '',
          ...visitLines(a),
          '',
          ...(input.manageUrl
            ? [
                `Please choose a new time, or cancel, with this link: ${input.manageUrl}`,
                `Or call the clinic${a.site.phone ? ` on ${a.site.phone}` : ''} and we will find a time with you.`,
              ]
            : [
                `Please call the clinic${a.site.phone ? ` on ${a.site.phone}` : ''} and we will find a new time ` +
                  `with you.`,
              ]),
        ],
      };
    case 'waitlist-offer':
      return {
        subject: `A time is free: ${a.serviceName} on ${when}`,
        lines: ['A time you were waiting for is free.', '', ...visitLines(a), ...manageLines(input)],
      };
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function toHtml(lines: string[], link: string | null): string {
  const paragraphs = lines.map((line) => {
    const escaped = escapeHtml(line);
    if (link && line.includes(link))
      return `<p>${escaped.replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)}</p>`;
    return line === '' ? '' : `<p>${escaped}</p>`;
  });
  return `<!doctype html><html><body>${paragraphs.join('\n')}</body></html>`;
}

/**
 * The words of one message. Only what the patient needs: their first name, the visit, the site and
 * the therapist; no clinical detail, since email is read on shared screens and forwarded.
 */
export function composeMessage(kind: AppointmentMessageKind, input: ComposeInput): ComposedMessage {
  const { subject, lines } = bodyFor(kind, input);
  const all = [`Hello ${greetingName(input.appointment)},`, '', ...lines, '', `${input.appointment.site.name}`];
  return { subject, text: `${all.join('\n')}\n`, html: toHtml(all, input.manageUrl) };
}
