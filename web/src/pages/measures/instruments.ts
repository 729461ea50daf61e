import type { Locale } from '../../../../src/words/locales.ts';
import { NDI_SECTIONS_ES, ODI_SECTIONS_ES } from './instruments-es.ts';

/**
 * The sections of the Neck Disability Index and the Oswestry Disability Index, as short faithful
 * paraphrases: the clinical core (src/clinical/measures) scores them but holds no item wording.
 * Each section's options are scored 0 (no problem) to 5 (worst), in that order.
 *
 * NDI: Vernon H, Mior S. The Neck Disability Index: a study of reliability and validity.
 *   J Manipulative Physiol Ther 1991;14(7):409-415 (sections and 0–5 statements).
 * ODI: Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-2953
 *   (version 2.1a sections). The exact ODI wording is licensed (Mapi Research Trust), so these
 *   are our own plain-language summaries of each statement, not the licensed text.
 */
export interface Section {
  title: string;
  /** Six statements, scored 0 to 5. */
  options: readonly [string, string, string, string, string, string];
  /** Shown under the title, e.g. when a section may not apply. */
  hint?: string;
}

const PAIN: Section['options'] = [
  'I have no pain at the moment',
  'The pain is very mild at the moment',
  'The pain is moderate at the moment',
  'The pain is fairly severe at the moment',
  'The pain is very severe at the moment',
  'The pain is the worst imaginable at the moment',
];
const PERSONAL_CARE: Section['options'] = [
  'I can look after myself normally without causing extra pain',
  'I can look after myself normally, but it causes extra pain',
  'Looking after myself is painful and I am slow and careful',
  'I need some help but manage most of my personal care',
  'I need help every day with most of my personal care',
  'I do not get dressed, I wash with difficulty and stay in bed',
];
const LIFTING: Section['options'] = [
  'I can lift heavy weights without extra pain',
  'I can lift heavy weights, but it gives extra pain',
  'Pain stops me lifting heavy weights off the floor, but I can if they are placed conveniently (on a table)',
  'Pain stops me lifting heavy weights, but I can manage light to medium ones if placed conveniently',
  'I can lift only very light weights',
  'I cannot lift or carry anything at all',
];

export const NDI_SECTIONS: readonly Section[] = [
  { title: 'Pain intensity', options: PAIN },
  { title: 'Personal care (washing, dressing)', options: PERSONAL_CARE },
  { title: 'Lifting', options: LIFTING },
  {
    title: 'Reading',
    options: [
      'I can read as much as I want with no neck pain',
      'I can read as much as I want with slight neck pain',
      'I can read as much as I want with moderate neck pain',
      'I cannot read as much as I want because of moderate neck pain',
      'I can hardly read at all because of severe neck pain',
      'I cannot read at all',
    ],
  },
  {
    title: 'Headaches',
    options: [
      'I have no headaches at all',
      'I have slight headaches that come rarely',
      'I have moderate headaches that come rarely',
      'I have moderate headaches that come often',
      'I have severe headaches that come often',
      'I have headaches almost all the time',
    ],
  },
  {
    title: 'Concentration',
    options: [
      'I can concentrate fully when I want to, with no difficulty',
      'I can concentrate fully when I want to, with slight difficulty',
      'I have a fair amount of difficulty concentrating',
      'I have a lot of difficulty concentrating',
      'I have a great deal of difficulty concentrating',
      'I cannot concentrate at all',
    ],
  },
  {
    title: 'Work',
    options: [
      'I can do as much work as I want to',
      'I can do my usual work, but no more',
      'I can do most of my usual work, but no more',
      'I cannot do my usual work',
      'I can hardly do any work at all',
      'I cannot do any work at all',
    ],
  },
  {
    title: 'Driving',
    hint: 'If you never drive, you may skip this section.',
    options: [
      'I can drive my car without any neck pain',
      'I can drive as long as I want with slight neck pain',
      'I can drive as long as I want with moderate neck pain',
      'I cannot drive as long as I want because of moderate neck pain',
      'I can hardly drive at all because of severe neck pain',
      'I cannot drive my car at all',
    ],
  },
  {
    title: 'Sleeping',
    options: [
      'I have no trouble sleeping',
      'My sleep is slightly disturbed (less than 1 hour awake)',
      'My sleep is mildly disturbed (1 to 2 hours awake)',
      'My sleep is moderately disturbed (2 to 3 hours awake)',
      'My sleep is greatly disturbed (3 to 5 hours awake)',
      'My sleep is completely disturbed (5 to 7 hours awake)',
    ],
  },
  {
    title: 'Recreation',
    options: [
      'I can do all my usual activities with no neck pain',
      'I can do all my usual activities with some neck pain',
      'I can do most, but not all, of my usual activities because of neck pain',
      'I can do only a few of my usual activities because of neck pain',
      'I can hardly do any of my usual activities because of neck pain',
      'I cannot do any of my usual activities at all',
    ],
  },
];

export const ODI_SECTIONS: readonly Section[] = [
  { title: 'Pain intensity', options: PAIN },
  { title: 'Personal care (washing, dressing)', options: PERSONAL_CARE },
  { title: 'Lifting', options: LIFTING },
  {
    title: 'Walking',
    options: [
      'Pain does not stop me walking any distance',
      'Pain stops me walking more than 1 mile',
      'Pain stops me walking more than half a mile',
      'Pain stops me walking more than 100 yards',
      'I can only walk with a stick or crutches',
      'I am in bed most of the time',
    ],
  },
  {
    title: 'Sitting',
    options: [
      'I can sit in any chair as long as I like',
      'I can sit in my favourite chair as long as I like',
      'Pain stops me sitting for more than 1 hour',
      'Pain stops me sitting for more than 30 minutes',
      'Pain stops me sitting for more than 10 minutes',
      'Pain stops me sitting at all',
    ],
  },
  {
    title: 'Standing',
    options: [
      'I can stand as long as I want without extra pain',
      'I can stand as long as I want, but it gives extra pain',
      'Pain stops me standing for more than 1 hour',
      'Pain stops me standing for more than 30 minutes',
      'Pain stops me standing for more than 10 minutes',
      'Pain stops me standing at all',
    ],
  },
  {
    title: 'Sleeping',
    options: [
      'My sleep is never disturbed by pain',
      'My sleep is sometimes disturbed by pain',
      'Because of pain I have less than 6 hours sleep',
      'Because of pain I have less than 4 hours sleep',
      'Because of pain I have less than 2 hours sleep',
      'Pain stops me sleeping at all',
    ],
  },
  {
    title: 'Sex life (if it applies)',
    hint: 'You may skip this section.',
    options: [
      'My sex life is normal and causes no extra pain',
      'My sex life is normal, but causes some extra pain',
      'My sex life is nearly normal, but very painful',
      'My sex life is severely limited by pain',
      'My sex life is nearly absent because of pain',
      'Pain prevents any sex life at all',
    ],
  },
  {
    title: 'Social life',
    options: [
      'My social life is normal and gives me no extra pain',
      'My social life is normal, but increases the pain',
      'Pain only limits my more energetic interests, such as sport',
      'Pain limits my social life and I do not go out as often',
      'Pain has limited my social life to my home',
      'I have no social life because of pain',
    ],
  },
  {
    title: 'Travelling',
    options: [
      'I can travel anywhere without pain',
      'I can travel anywhere, but it gives extra pain',
      'Pain is bad, but I manage journeys over 2 hours',
      'Pain limits me to journeys of less than 1 hour',
      'Pain limits me to short necessary journeys of less than 30 minutes',
      'Pain stops me travelling except to receive treatment',
    ],
  },
];

export type FormMeasure = 'ndi' | 'odi' | 'psfs';

/** Each form's abbreviation (the same in every language); names and introductions are in the message files. */
export const INSTRUMENT: Record<FormMeasure, { short: string }> = {
  ndi: { short: 'NDI' },
  odi: { short: 'ODI' },
  psfs: { short: 'PSFS' },
};

/** The sections as the reader's language writes them (see instruments-es.ts for the Spanish). */
export function sectionsFor(measure: 'ndi' | 'odi', locale: Locale): readonly Section[] {
  if (locale === 'es') return measure === 'ndi' ? NDI_SECTIONS_ES : ODI_SECTIONS_ES;
  return measure === 'ndi' ? NDI_SECTIONS : ODI_SECTIONS;
}

export const isFormMeasure = (value: string | null): value is FormMeasure =>
  value === 'ndi' || value === 'odi' || value === 'psfs';
