import { describe, expect, it } from 'vitest';
import { classifyChange, thresholdSetFor } from '../../clinical/measures/index.ts';
import { ownTrendInWords } from './own-trend.ts';

describe("a patient's own trend in plain words", () => {
  it('says a pain score that fell from 7 to 3 is a change most people notice', () => {
    expect(ownTrendInWords({ measure: 'nprs', first: 7, latest: 3, area: 'neck' })).toBe(
      'Your neck pain score fell from 7 to 3 — a change most people notice.',
    );
  });

  it('calls a fall past measurement error but short of the MCID real, not noticeable', () => {
    // Neck Disability Index for mechanical neck pain: MDC 5 raw points passed, MCID 19% (9.5 points) not.
    expect(classifyChange('ndi', 30, 24, { condition: 'neck-pain' }).class).toBe('beyond-mdc');
    expect(ownTrendInWords({ measure: 'ndi', first: 30, latest: 24, area: 'neck' })).toBe(
      'Your score for how much your neck gets in the way of daily life fell from 30 to 24 — a real change, ' +
        'though smaller than most people notice.',
    );
  });

  it("follows the measure's MCID from clinical/measures, not a number of its own", () => {
    const mcid = thresholdSetFor('ndi').mcid.value; // 5 raw points
    expect(ownTrendInWords({ measure: 'ndi', first: 20, latest: 20 - mcid })).toMatch(/a change most people notice\.$/);
    expect(ownTrendInWords({ measure: 'ndi', first: 20, latest: 20 - mcid + 1 })).toMatch(/day-to-day variation\.$/);
  });

  it('reads a higher function score as better, and a higher pain score as worse', () => {
    expect(ownTrendInWords({ measure: 'psfs', first: 3, latest: 6 })).toBe(
      'Your score for the activities you chose rose from 3 to 6 — a change most people notice.',
    );
    expect(ownTrendInWords({ measure: 'nprs', first: 3, latest: 6 })).toBe(
      'Your pain score rose from 3 to 6 — worse than at the start; tell your therapist at your next visit.',
    );
    expect(ownTrendInWords({ measure: 'psfs', first: 6, latest: 3 })).toMatch(
      /^Your score for the activities you chose fell from 6 to 3 — worse than at the start/,
    );
  });

  it('speaks of the patient to a clinician', () => {
    expect(ownTrendInWords({ measure: 'nprs', first: 7, latest: 3, reader: 'clinician' })).toBe(
      "The patient's pain score fell from 7 to 3 — a change most people notice.",
    );
    expect(ownTrendInWords({ measure: 'psfs', first: 6, latest: 3, reader: 'clinician' })).toBe(
      "The patient's score for the activities they chose fell from 6 to 3 — worse than at the start.",
    );
  });

  it('says nothing moved when nothing did, and nothing at all from one score', () => {
    expect(ownTrendInWords({ measure: 'nprs', first: 5, latest: 5 })).toBe(
      'Your pain score is the same as at the start: 5.',
    );
    expect(ownTrendInWords({ measure: 'nprs', first: 5, latest: 5 }, 1)).toBeNull();
  });

  it('uses the neck-pain thresholds when the pain is in the neck', () => {
    // Mechanical neck pain: MDC 2.1 — a 2-point fall is within error there, beyond it generally.
    expect(ownTrendInWords({ measure: 'nprs', first: 6, latest: 4, area: 'neck' })).toMatch(/day-to-day variation\.$/);
    expect(ownTrendInWords({ measure: 'nprs', first: 6, latest: 4 })).toMatch(/a change most people notice\.$/);
  });

  it('says the same judgement in Spanish for a Spanish reader, by the same thresholds', () => {
    expect(ownTrendInWords({ measure: 'nprs', first: 7, latest: 3, area: 'neck', locale: 'es' })).toBe(
      'Su puntuación de dolor de cuello bajó de 7 a 3: un cambio que la mayoría de las personas nota.',
    );
    expect(ownTrendInWords({ measure: 'nprs', first: 3, latest: 6, locale: 'es' })).toBe(
      'Su puntuación de dolor subió de 3 a 6: peor que al principio. Cuénteselo a su terapeuta en su próxima visita.',
    );
    expect(ownTrendInWords({ measure: 'ndi', first: 30, latest: 24, area: 'neck', locale: 'es' })).toMatch(
      /^Su puntuación de cuánto le limita el cuello en la vida diaria bajó de 30 a 24: un cambio real/,
    );
    expect(ownTrendInWords({ measure: 'nprs', first: 6, latest: 4, area: 'neck', locale: 'es' })).toMatch(
      /variación normal de un día a otro\.$/,
    );
    expect(ownTrendInWords({ measure: 'psfs', first: 5, latest: 5, locale: 'es' })).toBe(
      'Su puntuación en las actividades que usted eligió es igual que al principio: 5.',
    );
  });
});
