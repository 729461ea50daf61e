import type { Locale } from '../../words/locales.ts';

// The yes/no intake questions the rules depend on, and the condition codes that answer them.
// A listed condition counts as 'yes' to its question even if the flag says otherwise: a
// diagnosis written on the form outweighs an unticked box.

export const QUESTIONS = {
  feverOrInfection: 'Do you have a fever, or an acute infection such as flu, right now?',
  bloodClot: 'Do you have a blood clot (DVT), or a leg that is painful, swollen, warm or red for no known reason?',
  pulmonaryEmbolism: 'Are you being treated for a clot in the lung (pulmonary embolism)?',
  clotHistory: 'Have you ever had a blood clot in a leg or lung?',
  highBloodPressure: 'Have you been told you have high blood pressure?',
  unstableHeart:
    'Do you have chest pain at rest, a heart attack in the last 6 months, worsening heart failure or an uncontrolled ' +
    'irregular heartbeat?',
  heartDisease: 'Do you have a heart condition that is stable and under care?',
  strokeOrTia: 'Have you ever had a stroke or a "mini-stroke" (TIA)?',
  activeCancer: 'Do you have cancer now, or are you being treated for it?',
  cancerHistory: 'Have you had cancer in the past (treatment finished)?',
  osteoporosis: 'Have you been told you have osteoporosis (thin bones)?',
  fragilityFracture:
    'Have you broken a bone from a fall from standing height or less, or been told your osteoporosis is severe?',
  contagiousSkin:
    'Do you have a skin condition that could spread (e.g. shingles, scabies, impetigo, ' +
    'ringworm) or a widespread flare?',
  diabetes: 'Do you have diabetes?',
  neuropathy: 'Do you have reduced feeling, numbness or burning in your feet or hands from nerve damage (neuropathy)?',
  epilepsy: 'Do you have epilepsy or seizures?',
  bleedingDisorder: 'Do you bruise or bleed easily, or have a bleeding disorder or low platelets?',
  neurologicalSigns: 'Do you have numbness, tingling or weakness that a doctor has not yet checked?',
  unexplainedPain:
    'Do you have pain with no known cause that has never been checked by a doctor (e.g. constant, worse at night)?',
} as const;

export type QuestionId = keyof typeof QUESTIONS;

/**
 * The same questions for Spanish-speaking patients, written for them in plain Latin-American Spanish
 * ("usted"), not word for word. A refusal naming an unanswered question names it in the reader's language.
 */
const QUESTIONS_ES: Record<QuestionId, string> = {
  feverOrInfection: '¿Tiene fiebre o una infección como la gripe en este momento?',
  bloodClot:
    '¿Tiene un coágulo de sangre (trombosis venosa profunda), o una pierna con dolor, hinchazón, calor o ' +
    'enrojecimiento sin causa conocida?',
  pulmonaryEmbolism: '¿Recibe tratamiento por un coágulo en el pulmón (embolia pulmonar)?',
  clotHistory: '¿Ha tenido alguna vez un coágulo de sangre en una pierna o en el pulmón?',
  highBloodPressure: '¿Le han dicho que tiene la presión alta?',
  unstableHeart:
    '¿Tiene dolor de pecho en reposo, tuvo un infarto en los últimos 6 meses, tiene insuficiencia cardíaca que ' +
    'empeora o latidos irregulares sin control?',
  heartDisease: '¿Tiene una enfermedad del corazón estable y en control médico?',
  strokeOrTia: '¿Ha tenido alguna vez un derrame cerebral o un "mini derrame" (AIT)?',
  activeCancer: '¿Tiene cáncer ahora o recibe tratamiento para el cáncer?',
  cancerHistory: '¿Tuvo cáncer en el pasado (ya terminó el tratamiento)?',
  osteoporosis: '¿Le han dicho que tiene osteoporosis (huesos débiles)?',
  fragilityFracture:
    '¿Se ha roto un hueso al caerse de su propia altura o menos, o le han dicho que su osteoporosis es grave?',
  contagiousSkin:
    '¿Tiene un problema de la piel que se puede contagiar (por ejemplo culebrilla, sarna, impétigo o tiña) o un ' +
    'brote extendido?',
  diabetes: '¿Tiene diabetes?',
  neuropathy:
    '¿Siente menos, tiene adormecimiento o ardor en los pies o las manos por daño en los nervios (neuropatía)?',
  epilepsy: '¿Tiene epilepsia o convulsiones?',
  bleedingDisorder:
    '¿Le salen moretones o sangra con facilidad, o tiene un trastorno de la coagulación o plaquetas bajas?',
  neurologicalSigns: '¿Tiene adormecimiento, hormigueo o debilidad que un médico todavía no ha revisado?',
  unexplainedPain:
    '¿Tiene un dolor sin causa conocida que nunca ha revisado un médico (por ejemplo constante, o peor de noche)?',
};

/** Each question in each language the patient's pages are written in. */
export const QUESTION_TEXT: Record<Locale, Record<QuestionId, string>> = { en: QUESTIONS, es: QUESTIONS_ES };
export const QUESTION_IDS = Object.keys(QUESTIONS) as QuestionId[];

/** Diagnosed conditions a patient may list, each answering one question with 'yes'. */
export const CONDITIONS = {
  influenza: 'feverOrInfection',
  'covid-19': 'feverOrInfection',
  'deep-vein-thrombosis': 'bloodClot',
  'pulmonary-embolism': 'pulmonaryEmbolism',
  'past-deep-vein-thrombosis': 'clotHistory',
  'past-pulmonary-embolism': 'clotHistory',
  hypertension: 'highBloodPressure',
  'unstable-angina': 'unstableHeart',
  'decompensated-heart-failure': 'unstableHeart',
  'coronary-artery-disease': 'heartDisease',
  'stable-heart-failure': 'heartDisease',
  'atrial-fibrillation': 'heartDisease',
  stroke: 'strokeOrTia',
  'transient-ischemic-attack': 'strokeOrTia',
  'cancer-active': 'activeCancer',
  'cancer-history': 'cancerHistory',
  osteoporosis: 'osteoporosis',
  shingles: 'contagiousSkin',
  scabies: 'contagiousSkin',
  impetigo: 'contagiousSkin',
  ringworm: 'contagiousSkin',
  'diabetes-type-1': 'diabetes',
  'diabetes-type-2': 'diabetes',
  'peripheral-neuropathy': 'neuropathy',
  epilepsy: 'epilepsy',
  hemophilia: 'bleedingDisorder',
  'von-willebrand-disease': 'bleedingDisorder',
  thrombocytopenia: 'bleedingDisorder',
} as const satisfies Record<string, QuestionId>;

export type ConditionCode = keyof typeof CONDITIONS;
export const CONDITION_CODES = Object.keys(CONDITIONS) as ConditionCode[];
