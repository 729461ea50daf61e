import type { AppointmentView } from '../../store/repos/calendars.ts';
import type { MessageKind } from '../../store/repos/outbox.ts';
import { supportedLocale, type Locale } from '../../words/locales.ts';
import { formatPrice, minutesBetween, shortVisitTime, visitTime } from './time.ts';
import { SPANISH } from './words-es.ts';

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

type KindWords = {
  subject: (service: string, when: string) => string;
  lead: string[];
  /** The lead when the message knows how many hours before the visit it leaves (reminders). */
  leadIn?: (hours: number) => string[];
};

/** Every sentence of the appointment messages, in one language. */
export interface MessageWords {
  hello: (name: string) => string;
  what: (service: string, therapist: string) => string;
  when: (time: string, minutes: number) => string;
  where: (place: string) => string;
  phone: (phone: string) => string;
  price: (price: string) => string;
  fromClinic: (note: string) => string;
  manage: (url: string) => string;
  callInstead: (hours: number, phone: string | null) => string;
  preVisit: readonly string[];
  kinds: Record<AppointmentMessageKind, KindWords>;
  why: (problem: string) => string;
  bookAgain: string;
  chooseNew: (url: string) => string;
  orCall: (phone: string | null) => string;
  callForNew: (phone: string | null) => string;
}

const on = (phone: string | null) => (phone ? ` on ${phone}` : '');

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

const ENGLISH: MessageWords = {
  hello: (name) => `Hello ${name},`,
  what: (service, therapist) => `What:  ${service} with ${therapist}`,
  when: (time, minutes) => `When:  ${time} (${minutes} minutes)`,
  where: (place) => `Where: ${place}`,
  phone: (phone) => `Phone: ${phone}`,
  price: (price) => `Price: ${price}`,
  fromClinic: (note) => `A message from the clinic: ${note}`,
  manage: (url) => `Need to cancel or change the time? Use this link: ${url}`,
  callInstead: (hours, phone) =>
    `Less than ${hours} hours before the visit, please call the clinic${on(phone)} instead.`,
  preVisit: PRE_VISIT_INSTRUCTIONS,
  kinds: {
    confirmation: { subject: (s, when) => `Booked: ${s} on ${when}`, lead: ['Your appointment is booked.'] },
    reminder: {
      subject: (s, when) => `Reminder: ${s} on ${when}`,
      lead: ['A reminder of your appointment.'],
      leadIn: (hours) => [`A reminder of your appointment in about ${hours} hours.`],
    },
    'pre-visit': {
      subject: (_s, when) => `Before your first visit on ${when}`,
      lead: ['A few things that help your first visit go well:'],
    },
    reschedule: { subject: (s, when) => `Moved: ${s} now on ${when}`, lead: ['Your appointment has a new time.'] },
    cancellation: {
      subject: (s, when) => `Cancelled: ${s} on ${when}`,
      lead: ['Your appointment has been cancelled.'],
    },
    'visit-affected': {
      subject: (s, when) => `Please choose a new time: ${s} on ${when}`,
      lead: ['We are sorry: your appointment cannot go ahead as booked.'],
    },
    'waitlist-offer': {
      subject: (s, when) => `A time is free: ${s} on ${when}`,
      lead: ['A time you were waiting for is free.'],
    },
  },
  why: (problem) => `Why: ${problem}`,
  bookAgain: 'To book again, call the clinic or use the online booking.',
  chooseNew: (url) => `Please choose a new time, or cancel, with this link: ${url}`,
  orCall: (phone) => `Or call the clinic${on(phone)} and we will find a time with you.`,
  callForNew: (phone) => `Please call the clinic${on(phone)} and we will find a new time with you.`,
};

/** The language a patient reads messages in: their record's preferred language where we write it, else English. */
export function messageLocale(communication: { language?: string }): Locale {
  return supportedLocale(communication.language) ?? 'en';
}

function wordsFor(locale: Locale): MessageWords {
  return locale === 'es' ? SPANISH : ENGLISH;
}

function greetingName(a: AppointmentView): string {
  return a.patient.preferredName || a.patient.givenName;
}

function siteLines(a: AppointmentView, w: MessageWords): string[] {
  const s = a.site;
  const street = [s.line1, s.line2].filter(Boolean).join(', ');
  return [
    w.where(`${s.name}, ${street}, ${s.city}, ${s.state} ${s.postalCode}`),
    ...(s.phone ? [w.phone(s.phone)] : []),
  ];
}

function visitLines(a: AppointmentView, w: MessageWords, locale: Locale): string[] {
  return [
    w.what(a.serviceName, a.therapistName),
    w.when(visitTime(a.start, a.site.timeZone, locale), minutesBetween(a.start, a.end)),
    ...siteLines(a, w),
  ];
}

/** The price as the clinic lists it now; nothing when it has set none. */
function priceLines(a: AppointmentView, w: MessageWords, locale: Locale): string[] {
  return a.servicePriceCents === null ? [] : [w.price(formatPrice(a.servicePriceCents, a.serviceCurrency, locale))];
}

function noteLines(input: ComposeInput, w: MessageWords): string[] {
  return input.note ? ['', w.fromClinic(input.note)] : [];
}

function manageLines(input: ComposeInput, w: MessageWords): string[] {
  if (!input.manageUrl) return [];
  return ['', w.manage(input.manageUrl), w.callInstead(input.cancellationNoticeHours, input.appointment.site.phone)];
}

function bodyFor(
  kind: AppointmentMessageKind,
  input: ComposeInput,
  locale: Locale,
): { subject: string; lines: string[] } {
  const a = input.appointment;
  const w = wordsFor(locale);
  const words = w.kinds[kind];
  const when = shortVisitTime(a.start, a.site.timeZone, locale);
  const subject = words.subject(a.serviceName, when);
  const lead = input.hoursBefore && words.leadIn ? words.leadIn(input.hoursBefore) : words.lead;
  const visit = visitLines(a, w, locale);
  switch (kind) {
    case 'confirmation':
      return { subject, lines: [...lead, '', ...visit, ...priceLines(a, w, locale), ...manageLines(input, w)] };
    case 'pre-visit':
      return {
        subject,
        lines: [...lead, '', ...w.preVisit.map((i) => `- ${i}`), '', ...visit, ...manageLines(input, w)],
      };
    case 'cancellation':
      return { subject, lines: [...lead, ...noteLines(input, w), '', ...visit, '', w.bookAgain] };
    case 'visit-affected':
      return {
        subject,
        lines: [
          ...lead,
          ...(input.problem ? [w.why(input.problem)] : []),
          ...noteLines(input, w),
          '',
          ...visit,
          '',
          ...(input.manageUrl ? [w.chooseNew(input.manageUrl), w.orCall(a.site.phone)] : [w.callForNew(a.site.phone)]),
        ],
      };
    case 'reminder':
    case 'reschedule':
    case 'waitlist-offer':
      return { subject, lines: [...lead, '', ...visit, ...manageLines(input, w)] };
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
  const locale = messageLocale(input.appointment.patient.communication);
  const { subject, lines } = bodyFor(kind, input, locale);
  const w = wordsFor(locale);
  const all = [w.hello(greetingName(input.appointment)), '', ...lines, '', `${input.appointment.site.name}`];
  return { subject, text: `${all.join('\n')}\n`, html: toHtml(all, input.manageUrl) };
}
