/**
 * The self-booking answers live in the URL, so Back, reload and a shared link all land on the same
 * question with the earlier answers kept.
 */
export interface Answers {
  service: string | null;
  /** A location id, or "any". */
  site: string | null;
  /** A therapist id, or "any". */
  therapist: string | null;
  /** The chosen slot. */
  start: string | null;
  slotTherapist: string | null;
  slotSite: string | null;
  slotRoom: string | null;
  /** The first date shown on the time page. */
  from: string | null;
  /** Moving this appointment instead of booking a new one. */
  reschedule: string | null;
}

const KEYS: Record<keyof Answers, string> = {
  service: 'service',
  site: 'site',
  therapist: 'therapist',
  start: 'start',
  slotTherapist: 'with',
  slotSite: 'at',
  slotRoom: 'room',
  from: 'from',
  reschedule: 'move',
};

export function readAnswers(search: URLSearchParams): Answers {
  const out = {} as Answers;
  for (const [key, param] of Object.entries(KEYS) as [keyof Answers, string][]) out[key] = search.get(param);
  return out;
}

export type Step = 'service' | 'site' | 'therapist' | 'time' | 'confirm';

export function stepUrl(step: Step, answers: Partial<Answers>): string {
  const params = new URLSearchParams();
  for (const [key, param] of Object.entries(KEYS) as [keyof Answers, string][]) {
    const value = answers[key];
    if (value) params.set(param, value);
  }
  const text = params.toString();
  const path = step === 'service' ? '/book' : `/book/${step}`;
  return text ? `${path}?${text}` : path;
}

/** The first question not yet answered: a deep link past it goes back to it. */
export function missingStep(answers: Answers, step: Step): Step | null {
  const order: Step[] = ['service', 'site', 'therapist', 'time', 'confirm'];
  const needed: Record<Step, boolean> = {
    service: true,
    site: Boolean(answers.service),
    therapist: Boolean(answers.site),
    time: Boolean(answers.therapist),
    confirm: Boolean(answers.start && answers.slotTherapist && answers.slotSite),
  };
  for (const s of order.slice(1, order.indexOf(step) + 1)) if (!needed[s]) return order[order.indexOf(s) - 1]!;
  return null;
}

/**
 * The NMT services a patient books online, in the order they see them (first visits first). Under each
 * name (always the clinic's own, current one) is a plain description from the messages
 * (`book.service.<code>`), so a renamed service reads the same in booking, on confirmations and in messages.
 */
export const SELF_BOOKABLE = [
  'nmt-initial-60',
  'nmt-initial-90',
  'nmt-followup-60',
  'nmt-followup-30',
  'nmt-maintenance-60',
];
