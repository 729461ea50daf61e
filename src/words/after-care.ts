import type { Locale } from './locales.ts';

/**
 * The clinic's standard after-treatment words (the home-care handout's "After today" and "Call the
 * clinic if"), in each language the patient's pages are written in. The handout is stored as the
 * therapist sent it, in English; a Spanish reader sees these sentences in Spanish wherever the
 * therapist left them as generated. Anything the therapist wrote themselves is shown as written.
 */
export interface AfterCareWords {
  hydration: string;
  soreness: string;
  fatigue: string;
  callClinicIf: readonly string[];
}

export const AFTER_CARE: Record<Locale, AfterCareWords> = {
  en: {
    hydration: 'Drink 2 to 3 extra glasses of water (16 to 24 oz) over the rest of today.',
    soreness:
      'The treated muscles may feel sore for 24 to 36 hours, like after a workout. This is expected. A brief flare ' +
      'before things improve is common.',
    fatigue: 'You may feel tired or a little emotional after treatment. Rest if you can.',
    callClinicIf: [
      'Your pain is worse, not better, 48 hours after treatment.',
      'Numbness or tingling spreads or is new.',
      'You have bruising that is large, painful or spreading.',
      'You have a fever.',
    ],
  },
  es: {
    hydration: 'Tome de 2 a 3 vasos de agua de más (16 a 24 onzas) durante el resto del día.',
    soreness:
      'Es posible que los músculos tratados le duelan de 24 a 36 horas, como después de hacer ejercicio. Es normal. ' +
      'También es común que el dolor aumente un poco antes de mejorar.',
    fatigue: 'Puede sentirse cansado o un poco sensible después del tratamiento. Descanse si puede.',
    callClinicIf: [
      'Su dolor está peor, no mejor, 48 horas después del tratamiento.',
      'El adormecimiento o el hormigueo se extiende o es nuevo.',
      'Tiene moretones grandes, que duelen o que se extienden.',
      'Tiene fiebre.',
    ],
  },
};

/** The note generated when the pain was higher after treatment than before it. */
const WORSE_AFTER =
  /^Your pain was (\d+) of 10 after treatment, higher than the (\d+) before\. It should settle within 2 days; call us if it does not\.$/;
const worseAfterEs = (after: string, before: string) =>
  `Su dolor era de ${after} sobre 10 después del tratamiento, más que el ${before} de antes. Debería calmarse en ` +
  '2 días; si no, llámenos.';

/** One sentence of the standard after-care in `locale`; a sentence of the therapist's own stays as written. */
export function afterCareSentence(sentence: string, locale: Locale): string {
  if (locale === 'en') return sentence;
  const en = AFTER_CARE.en;
  const to = AFTER_CARE[locale];
  if (sentence === en.hydration) return to.hydration;
  if (sentence === en.soreness) return to.soreness;
  if (sentence === en.fatigue) return to.fatigue;
  const call = en.callClinicIf.indexOf(sentence);
  if (call >= 0) return to.callClinicIf[call] ?? sentence;
  const worse = WORSE_AFTER.exec(sentence);
  return worse ? worseAfterEs(worse[1]!, worse[2]!) : sentence;
}
