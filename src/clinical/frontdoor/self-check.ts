/**
 * The public self-check: the telltale signs that neuromuscular therapy may help, as a short checklist,
 * and a plain result that is never a diagnosis. Signs restate ../shared/clinical/REFERENCE.md ("Telltale
 * signs it may help"), with headaches from the neck and shoulders and pain that returns after other care
 * added from the clinic's own description of who it sees.
 */
import type { Locale } from './about.ts';

export const SIGN_IDS = [
  'movesOrSpreads',
  'headachesFromNeck',
  'returnsAfterCare',
  'persistsDespiteRest',
  'worseInPositions',
  'stiffness',
  'knots',
  'numbnessOrTingling',
  'jaw',
] as const;
export type SignId = (typeof SIGN_IDS)[number];

const SIGNS: Record<Locale, Record<SignId, string>> = {
  en: {
    movesOrSpreads: 'Pain that moves around or spreads to other places',
    headachesFromNeck: 'Headaches that seem to start in your neck or shoulders',
    returnsAfterCare: 'Pain that keeps coming back after other care',
    persistsDespiteRest: 'Pain that stays even when you rest',
    worseInPositions: 'Pain that is worse when you sit, stand or lie a certain way',
    stiffness: 'Stiffness, or not being able to turn or reach as far as before',
    knots: 'Tender knots you can feel in a muscle',
    numbnessOrTingling: 'Tingling or numbness-like feelings in an arm, hand, leg or foot',
    jaw: 'Jaw pain, clicking, or trouble opening your mouth wide',
  },
  es: {
    movesOrSpreads: 'Dolor que cambia de lugar o se extiende a otras partes',
    headachesFromNeck: 'Dolores de cabeza que parecen empezar en el cuello o los hombros',
    returnsAfterCare: 'Dolor que vuelve aunque ya haya recibido otros tratamientos',
    persistsDespiteRest: 'Dolor que no se quita aunque descanse',
    worseInPositions: 'Dolor que empeora al sentarse, pararse o acostarse de cierta manera',
    stiffness: 'Rigidez, o no poder girar o estirarse como antes',
    knots: 'Nudos sensibles que se notan en un músculo',
    numbnessOrTingling: 'Hormigueo o sensación de adormecimiento en un brazo, mano, pierna o pie',
    jaw: 'Dolor en la mandíbula, chasquidos o dificultad para abrir bien la boca',
  },
};

const WORDS = {
  en: {
    title: 'Could neuromuscular therapy help you?',
    intro: 'Tick what sounds like you. This is not a diagnosis; it helps you decide whether to talk to us.',
    many: 'Several of what you ticked are the kind of pain neuromuscular therapy often helps with.',
    some: 'Some of what you ticked is the kind of pain neuromuscular therapy can help with.',
    none: 'Nothing you ticked is a typical sign, but a therapist can still talk it through with you.',
    notDiagnosis: 'Only a visit can tell what is behind your pain. This check is not a diagnosis.',
    safety: 'Before booking, see "Is it safe for me?" for the few health conditions that need a doctor first.',
    book: 'Book a first visit',
  },
  es: {
    title: '¿Le podría ayudar la terapia neuromuscular?',
    intro: 'Marque lo que le pasa. No es un diagnóstico; le ayuda a decidir si hablar con nosotros.',
    many: 'Varias de las cosas que marcó son el tipo de dolor con el que la terapia neuromuscular suele ayudar.',
    some: 'Algo de lo que marcó es el tipo de dolor con el que la terapia neuromuscular puede ayudar.',
    none: 'Nada de lo que marcó es una señal típica, pero un terapeuta puede hablarlo con usted.',
    notDiagnosis: 'Solo una visita puede decir qué hay detrás de su dolor. Esta prueba no es un diagnóstico.',
    safety: 'Antes de reservar, vea "¿Es seguro para mí?": algunas condiciones de salud necesitan ver al médico antes.',
    book: 'Reservar una primera visita',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export interface SelfCheckList {
  locale: Locale;
  title: string;
  intro: string;
  signs: { id: SignId; text: string }[];
}

export function selfCheckList(locale: Locale): SelfCheckList {
  return {
    locale,
    title: WORDS[locale].title,
    intro: WORDS[locale].intro,
    signs: SIGN_IDS.map((id) => ({ id, text: SIGNS[locale][id] })),
  };
}

/** How many signs were ticked, in three bands; 3 or more is "several". */
export type SelfCheckBand = 'several' | 'some' | 'none';
export const SEVERAL_SIGNS = 3;

export interface SelfCheckResult {
  locale: Locale;
  band: SelfCheckBand;
  /** The ticked signs, in the patient's words, so the answer can be shown back. */
  ticked: { id: SignId; text: string }[];
  /** A plain sentence about what was ticked: never a diagnosis. */
  result: string;
  notDiagnosis: string;
  safety: string;
  nextStep: { action: 'book-first-visit'; label: string };
}

export function evaluateSelfCheck(locale: Locale, signs: readonly SignId[]): SelfCheckResult {
  const chosen = SIGN_IDS.filter((id) => signs.includes(id));
  const band: SelfCheckBand = chosen.length >= SEVERAL_SIGNS ? 'several' : chosen.length > 0 ? 'some' : 'none';
  const w = WORDS[locale];
  return {
    locale,
    band,
    ticked: chosen.map((id) => ({ id, text: SIGNS[locale][id] })),
    result: band === 'several' ? w.many : band === 'some' ? w.some : w.none,
    notDiagnosis: w.notDiagnosis,
    safety: w.safety,
    nextStep: { action: 'book-first-visit', label: w.book },
  };
}
