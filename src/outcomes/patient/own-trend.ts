import { classifyChange, MEASURES } from '../../clinical/measures/index.ts';
import type { MeasureId } from '../../clinical/measures/index.ts';
import type { Locale } from '../../words/locales.ts';
import { ownTrendInSpanish } from './own-trend-es.ts';

/** Where the pain is, for the pain score's sentence ("your neck pain score"). */
export type PainArea = 'neck' | 'low back' | 'upper back' | 'head' | 'jaw' | 'shoulder' | 'hip' | 'leg';

export interface OwnTrendInput {
  measure: MeasureId;
  /** The first score of the series and the latest, in the measure's own unit (NDI 0–50, ODI 0–100). */
  first: number;
  latest: number;
  area?: PainArea;
  /** Who reads it: the patient ("your pain score") or their clinician ("the patient's pain score"). */
  reader?: 'patient' | 'clinician';
  /** The reader's language; English unless said. */
  locale?: Locale;
}

/** What each score is, as a patient would say it. */
function subjectOf(measure: MeasureId, area: PainArea | undefined, reader: 'patient' | 'clinician'): string {
  const [whose, their, chose] =
    reader === 'patient' ? ['Your', 'your', 'you chose'] : ["The patient's", 'their', 'they chose'];
  switch (measure) {
    case 'nprs':
      return area ? `${whose} ${area} pain score` : `${whose} pain score`;
    case 'ndi':
      return `${whose} score for how much ${their} neck gets in the way of daily life`;
    case 'odi':
      return `${whose} score for how much ${their} back gets in the way of daily life`;
    case 'psfs':
      return `${whose} score for the activities ${chose}`;
  }
}

/** 3 → "3", 12.5 → "12.5": scores carry at most one decimal. */
const shown = (score: number) => String(Math.round(score * 10) / 10);

/**
 * A patient's own trend in plain words, judged by the published thresholds of the measure
 * (classifyChange: its MCID for "a change most people notice", its MDC for "a real change"), so
 * the sentence and the clinic's figures never use two different limits. Null with one score.
 */
export function ownTrendInWords(input: OwnTrendInput, scores = 2): string | null {
  if (scores < 2) return null;
  const { measure, first, latest } = input;
  const higherIsWorse = MEASURES[measure].higherIsWorse;
  // Where the literature gives the measure's thresholds for the patient's own condition, use them.
  const condition = input.area === 'neck' ? 'neck-pain' : input.area === 'low back' ? 'low-back-pain' : undefined;
  const change = classifyChange(measure, first, latest, condition ? { condition } : {}).class;
  if (input.locale === 'es') return ownTrendInSpanish(input, change);
  const subject = subjectOf(measure, input.area, input.reader ?? 'patient');
  const went =
    latest === first
      ? null
      : latest < first === higherIsWorse
        ? higherIsWorse
          ? 'fell'
          : 'rose'
        : higherIsWorse
          ? 'rose'
          : 'fell';
  if (went === null) return `${subject} is the same as at the start: ${shown(first)}.`;
  const moved = `${subject} ${went} from ${shown(first)} to ${shown(latest)}`;
  switch (change) {
    case 'beyond-mcid':
      return `${moved} — a change most people notice.`;
    case 'beyond-mdc':
      return `${moved} — a real change, though smaller than most people notice.`;
    case 'worse':
      return (
        `${moved} — worse than at the start` +
        `${input.reader === 'clinician' ? '' : '; tell your therapist at your next visit'}.`
      );
    case 'no-change':
      return `${moved} — too small a change to be sure it is more than day-to-day variation.`;
  }
}
